namespace ReportParser;

/// <summary>One input document: a file on disk, a stream (standard input), or bytes/text already in memory.</summary>
public sealed class ReportSource
{
    /// <summary>How much one read asks for when the size is not known in advance (pipes, devices, stdin).</summary>
    internal const int ChunkBytes = 64 * 1024;

    // Exactly one is set: the content in memory, the path of the file to read, or the stream to open.
    private readonly byte[]? _bytes;
    private readonly Func<Stream>? _open;

    private ReportSource(string name, byte[]? bytes, string? path, Func<Stream>? open = null)
    {
        Name = name;
        _bytes = bytes;
        Path = path;
        _open = open;
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

    /// <summary>A stream opened and read (up to the size limit, then closed) only when the source is parsed: standard input.</summary>
    internal static ReportSource FromStream(string name, Func<Stream> open) => new(name, null, null, open);

    /// <summary>The size in bytes without reading the content, when known.</summary>
    public long? KnownLength => _bytes?.LongLength ?? (Path is null ? null : SafeLength(Path));

    /// <summary>
    /// The content, or null when it is over <paramref name="maxBytes"/>: a file whose size the file system
    /// gives is then not read at all; anything else (a pipe, a device, stdin) is read at most one byte past the
    /// limit. <paramref name="length"/> is the size, or for an unsized input over the limit what was read.
    /// A file is opened once and its size taken from the open handle: no lookups by path first.
    /// When <paramref name="cancellationToken"/> can be cancelled and the input may block (a stream, or a
    /// path without a size: a FIFO, a device), the open and the reads run on another thread so that a
    /// cancellation returns at once even while a pipe or FIFO blocks (that thread then ends with the next
    /// read or stays blocked holding no more than one chunk); a regular file with a size is read on the
    /// calling thread, checking the token between reads. Cancelling throws <see cref="OperationCanceledException"/>.
    /// </summary>
    internal byte[]? ReadAllBytes(long maxBytes, out long length, CancellationToken cancellationToken = default)
    {
        if (_bytes is not null)
        {
            length = _bytes.LongLength;
            return length > maxBytes ? null : _bytes;
        }

        if (!cancellationToken.CanBeCanceled || (Path is not null && KnownLength > 0))
        {
            return ReadCore(maxBytes, out length, cancellationToken);
        }

        var task = Task.Run(() => new ReadOutcome(ReadCore(maxBytes, out long read, cancellationToken), read), cancellationToken);
        try
        {
            task.Wait(cancellationToken);
        }
        catch (AggregateException)
        {
            // Rethrown unwrapped below.
        }

        var outcome = task.GetAwaiter().GetResult();
        length = outcome.Length;
        return outcome.Bytes;
    }

    private sealed class ReadOutcome(byte[]? bytes, long length)
    {
        public byte[]? Bytes { get; } = bytes;
        public long Length { get; } = length;
    }

    private byte[]? ReadCore(long maxBytes, out long length, CancellationToken cancellationToken)
    {
        if (_open is not null)
        {
            using var input = _open();
            return ReadBounded(input, maxBytes, out length, cancellationToken);
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

        if (length == 0)
        {
            // No size (pipes, procfs, devices such as /dev/zero): read the open handle up to the limit.
            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            return ReadBounded(stream, maxBytes, out length, cancellationToken);
        }

        var buffer = new byte[length];
        int read = 0;
        int n;
        while (read < buffer.Length && (n = RandomAccess.Read(handle, buffer.AsSpan(read), read)) > 0)
        {
            read += n;
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (read < buffer.Length)
        {
            Array.Resize(ref buffer, read); // the file shrank since its size was taken
        }

        length = read;
        return buffer;
    }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end, or returns null as soon as it has given more than
    /// <paramref name="maxBytes"/> (<paramref name="length"/> is then what was read: the limit plus at most
    /// one chunk is ever held). The buffer doubles as it fills, so a small input costs a small buffer.
    /// </summary>
    internal static byte[]? ReadBounded(Stream stream, long maxBytes, out long length, CancellationToken cancellationToken = default)
    {
        // One byte past the limit tells "exactly the limit" from "over it"; an array holds at most Array.MaxLength.
        long cap = Math.Min(maxBytes + 1, Array.MaxLength);
        var buffer = new byte[(int)Math.Min(ChunkBytes, cap)];
        long total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (total == buffer.Length)
            {
                if (total >= cap)
                {
                    length = total;
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min(cap, Math.Max(2L * buffer.Length, ChunkBytes)));
            }

            int n = stream.Read(buffer, (int)total, (int)Math.Min(buffer.Length - total, ChunkBytes));
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        length = total;
        if (total > maxBytes)
        {
            return null;
        }

        if (total < buffer.Length)
        {
            Array.Resize(ref buffer, (int)total);
        }

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
