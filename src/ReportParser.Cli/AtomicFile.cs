using System.Text;

namespace ReportParser.Cli;

/// <summary>
/// An output file written under a temporary name in its own directory and renamed over the final
/// name when complete, so a reader never sees a half-written file. An interrupted run can leave
/// only a hidden temporary (<c>.&lt;name&gt;.&lt;random&gt;.rp-tmp</c>), which later runs delete
/// (<see cref="DeleteLeftovers"/>) and never take as input or output.
/// What is not a regular file is told by its type, not its place (<see cref="FileKinds"/>): a character
/// device (<c>/dev/null</c>, a terminal) or a pipe is streamed to in place, never truncated or sought,
/// since renaming over it would replace it with a regular file; <c>/dev/stdout</c> and <c>/dev/stderr</c>
/// (<c>/dev/fd/1</c>, <c>/proc/self/fd/2</c>…) are the process's own, written through its descriptors
/// (appending where a shell's <c>&gt;&gt;</c> says);
/// a block device, socket or directory is refused. A regular file anywhere, <c>/dev/shm</c> included,
/// goes through a temporary.
/// </summary>
internal sealed class AtomicFile : IOutputFile
{
    /// <summary>The suffix of temporary files.</summary>
    public const string TempSuffix = ".rp-tmp";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter _writer;
    private bool _committed;

    private AtomicFile(string path, string? tempPath, StreamWriter writer)
    {
        Path = path;
        TempPath = tempPath;
        _writer = writer;
    }

    public string Path { get; }

    /// <summary>The temporary being written; null for a device, which is written in place.</summary>
    public string? TempPath { get; }

    /// <summary>UTF-8 text (no byte order mark) going to the temporary file.</summary>
    public TextWriter Writer => _writer;

    /// <summary>The temporary file's stream, for binary formats (flush <see cref="Writer"/> first if it was written to).</summary>
    public Stream BaseStream => _writer.BaseStream;

    /// <summary>Creates the temporary file (and the directory) for <paramref name="path"/>, or opens the device or pipe it is.</summary>
    public static AtomicFile Create(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (StandardOutput.DescriptorOf(full) is { } descriptor)
        {
            return new AtomicFile(full, null, new StreamWriter(StandardOutput.Open(descriptor), Utf8NoBom, 65536));
        }

        switch (FileKinds.Of(full))
        {
            case FileKind.CharacterDevice or FileKind.Pipe or FileKind.Other:
                var device = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 65536);
                return new AtomicFile(full, null, new StreamWriter(device, Utf8NoBom, 65536));
            case FileKind.Directory:
                throw new IOException($"{path} is a directory");
            case FileKind.BlockDevice:
                throw new IOException($"{path} is a block device; refusing to write to it");
            case FileKind.Socket:
                throw new IOException($"{path} is a socket; refusing to write to it");
        }

        string directory = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string temp = System.IO.Path.Combine(directory, $".{TempStem(System.IO.Path.GetFileName(full))}.{Guid.NewGuid().ToString("N")[..8]}{TempSuffix}");
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536);
        return new AtomicFile(full, temp, new StreamWriter(stream, Utf8NoBom, 65536));
    }

    /// <summary>Writes a whole file through a temporary.</summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        using var file = Create(path);
        write(file.Writer);
        file.Commit();
    }

    /// <summary>Writes a whole file of bytes through a temporary.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        using var file = Create(path);
        file._writer.Flush();
        file._writer.BaseStream.Write(content);
        file.Commit();
    }

    /// <summary>Flushes, closes and renames the temporary over the final path.</summary>
    public void Commit()
    {
        _writer.Flush();
        _writer.BaseStream.Flush();
        _writer.Dispose();
        if (TempPath is not null)
        {
            File.Move(TempPath, Path, overwrite: true);
        }

        _committed = true;
    }

    /// <summary>Without <see cref="Commit"/>, deletes the temporary: nothing is left behind.</summary>
    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        _committed = true;
        try
        {
            _writer.Dispose();
        }
        catch (IOException)
        {
            // A failed flush (disk full) must not hide the original error.
        }

        if (TempPath is not null)
        {
            TryDelete(TempPath);
        }
    }

    /// <summary>
    /// True when the path leads (after links) to something written in place rather than through a temporary:
    /// standard output, a character device or a pipe. Decided by the file's type, not by where it lies.
    /// </summary>
    public static bool IsDevice(string fullPath) =>
        StandardOutput.IsAlias(fullPath) || FileKinds.Of(fullPath) is FileKind.CharacterDevice or FileKind.Pipe or FileKind.Other;

    /// <summary>The longest file name (in UTF-8 bytes) most file systems take.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>What a temporary's name adds to the final name: the leading dot, a dot, eight random characters and <see cref="TempSuffix"/>.</summary>
    private const int TempOverheadBytes = 1 + 1 + 8 + 7;

    /// <summary>
    /// The final name as it appears in its temporaries' names: whole when the temporary's name stays within
    /// <see cref="MaxNameBytes"/>, else cut (on a character boundary) so that it does: a final name of up to
    /// 255 bytes can still be written.
    /// </summary>
    internal static string TempStem(string fileName) => CutToBytes(fileName, MaxNameBytes - TempOverheadBytes);

    /// <summary>The longest start of <paramref name="text"/> that takes at most <paramref name="maxBytes"/> in UTF-8, cut between characters.</summary>
    internal static string CutToBytes(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        int length = 0, bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }

        return text[..length];
    }

    /// <summary>True when a file name is one of our temporaries.</summary>
    public static bool IsTemporary(string fileName) =>
        fileName.StartsWith('.') && fileName.EndsWith(TempSuffix, StringComparison.Ordinal);

    /// <summary>
    /// Deletes temporaries left by interrupted runs in <paramref name="directory"/> (and below when
    /// <paramref name="recursive"/>), only those of <paramref name="fileName"/> when it is given.
    /// </summary>
    public static int DeleteLeftovers(string directory, bool recursive, string? fileName = null)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = recursive, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        int deleted = 0;
        foreach (string file in Directory.EnumerateFiles(directory, fileName is null ? "*" + TempSuffix : $".{TempStem(fileName)}.*{TempSuffix}", options))
        {
            if (IsTemporary(System.IO.Path.GetFileName(file)) && TryDelete(file))
            {
                deleted++;
            }
        }

        return deleted;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
