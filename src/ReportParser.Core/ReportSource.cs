namespace ReportParser;

/// <summary>One input document: a file on disk, or bytes/text already in memory.</summary>
public sealed class ReportSource
{
    private readonly Func<byte[]>? _read;
    private readonly byte[]? _bytes;

    private ReportSource(string name, byte[]? bytes, Func<byte[]>? read, string? path)
    {
        Name = name;
        _bytes = bytes;
        _read = read;
        Path = path;
    }

    /// <summary>The name used in output and diagnostics (the path as given, or <c>-</c> for stdin).</summary>
    public string Name { get; }

    /// <summary>The file path, when the source is a file.</summary>
    public string? Path { get; }

    public static ReportSource FromFile(string path, string? displayName = null) =>
        new(displayName ?? path, null, () => File.ReadAllBytes(path), path);

    public static ReportSource FromBytes(string name, byte[] bytes) => new(name, bytes, null, null);

    public static ReportSource FromText(string name, string text) =>
        new(name, System.Text.Encoding.UTF8.GetBytes(text), null, null);

    /// <summary>The size in bytes without reading the content, when known.</summary>
    public long? KnownLength => _bytes?.LongLength ?? (Path is null ? null : SafeLength(Path));

    internal byte[] ReadAllBytes() => _bytes ?? _read!();

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
