namespace ReportParser;

/// <summary>One input document: a file on disk, or bytes/text already in memory.</summary>
public sealed class ReportSource
{
    // Exactly one is set: the content in memory, or the path of the file to read.
    private readonly byte[]? _bytes;

    private ReportSource(string name, byte[]? bytes, string? path)
    {
        Name = name;
        _bytes = bytes;
        Path = path;
    }

    /// <summary>The name used in output and diagnostics (the path as given, or <c>-</c> for stdin).</summary>
    public string Name { get; }

    /// <summary>The file path, when the source is a file.</summary>
    public string? Path { get; }

    public static ReportSource FromFile(string path, string? displayName = null) =>
        new(displayName ?? path, null, path);

    public static ReportSource FromBytes(string name, byte[] bytes) => new(name, bytes, null);

    public static ReportSource FromText(string name, string text) =>
        new(name, System.Text.Encoding.UTF8.GetBytes(text), null);

    /// <summary>The size in bytes without reading the content, when known.</summary>
    public long? KnownLength => _bytes?.LongLength ?? (Path is null ? null : SafeLength(Path));

    /// <summary>
    /// The content, or null when it is over <paramref name="maxBytes"/> (a file by the size the file
    /// system gives: then it is not read); <paramref name="length"/> is that size, or the content's.
    /// A file is opened once and its size taken from the open handle: no lookups by path first.
    /// </summary>
    internal byte[]? ReadAllBytes(long maxBytes, out long length)
    {
        if (_bytes is not null)
        {
            length = _bytes.LongLength;
            return length > maxBytes ? null : _bytes;
        }

        using var handle = File.OpenHandle(Path!, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            length = RandomAccess.GetLength(handle);
        }
        catch (NotSupportedException)
        {
            length = 0; // a pipe (`parse <(zcat report.gz)`) or another stream without a size
        }

        if (length > maxBytes)
        {
            return null;
        }

        if (length == 0 || length > Array.MaxLength)
        {
            // No size (pipes, procfs, devices) or more than one array holds: read the open handle to its end.
            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            using var all = new MemoryStream();
            stream.CopyTo(all);
            length = all.Length;
            return all.ToArray();
        }

        var buffer = new byte[length];
        int read = 0;
        int n;
        while (read < buffer.Length && (n = RandomAccess.Read(handle, buffer.AsSpan(read), read)) > 0)
        {
            read += n;
        }

        if (read < buffer.Length)
        {
            Array.Resize(ref buffer, read); // the file shrank since its size was taken
        }

        length = read;
        return buffer;
    }

    private static long? SafeLength(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
