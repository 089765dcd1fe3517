using System.Text;

namespace ReportParser.Cli;

/// <summary>
/// An output file written under a temporary name in its own directory and renamed over the final
/// name when complete, so a reader never sees a half-written file. An interrupted run can leave
/// only a hidden temporary (<c>.&lt;name&gt;.&lt;random&gt;.rp-tmp</c>), which later runs delete
/// (<see cref="DeleteLeftovers"/>) and never take as input or output.
/// A device (<c>/dev/null</c>, <c>/dev/stdout</c>, a terminal) is written in place: renaming over it
/// would replace the device with a regular file.
/// </summary>
internal sealed class AtomicFile : IDisposable
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

    /// <summary>Creates the temporary file (and the directory) for <paramref name="path"/>.</summary>
    public static AtomicFile Create(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (IsDevice(full))
        {
            var device = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 65536);
            return new AtomicFile(full, null, new StreamWriter(device, Utf8NoBom, 65536));
        }

        string directory = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid().ToString("N")[..8]}{TempSuffix}");
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

    /// <summary>True when a file name is one of our temporaries.</summary>
    /// <summary>
    /// True when the path leads to a device rather than to a file a rename could replace: under
    /// <c>/dev</c> or <c>/proc</c> after following links (<c>/dev/stdout</c> → <c>/proc/self/fd/1</c>),
    /// or in Windows' device namespace (<c>NUL</c> → <c>\\.\NUL</c>). .NET 10 exposes no file type, so
    /// this goes by where the path leads.
    /// </summary>
    public static bool IsDevice(string fullPath)
    {
        string target = fullPath;
        try
        {
            if (File.ResolveLinkTarget(fullPath, returnFinalTarget: true) is { } link)
            {
                target = link.FullName;
            }
        }
        catch (IOException)
        {
            // A link to a pipe or socket (/proc/self/fd/1 → pipe:[…]) has no path to resolve: the prefix decides.
        }

        return fullPath.StartsWith(@"\\.\", StringComparison.Ordinal)
            || (!OperatingSystem.IsWindows() && (IsUnder(fullPath) || IsUnder(target)));

        static bool IsUnder(string path) =>
            path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal);
    }

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
        foreach (string file in Directory.EnumerateFiles(directory, fileName is null ? "*" + TempSuffix : $".{fileName}.*{TempSuffix}", options))
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
