using System.Globalization;

namespace ReportParser.Cli;

/// <summary>
/// An advisory lock on a run's output, so that a second run writing to the same place is refused with a
/// message instead of deleting the first one's live temporaries (its start-up clean-up) and racing it.
/// The lock is a hidden file holding the PID of its holder, locked with <c>fcntl</c> (released by the
/// system when the holder exits, even by SIGKILL); for <c>-o DIR</c> it is <see cref="DirectoryLockName"/>
/// in DIR, for <c>-o FILE</c> <c>.FILE.rp-lock</c> beside the file. Within one process (tests run the CLI
/// in-process) a set of held paths does the same. The file is deleted when the run ends.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    /// <summary>The lock file of an output directory.</summary>
    public const string DirectoryLockName = ".reportparser.lock";

    /// <summary>The suffix of the lock file beside an output file.</summary>
    public const string FileLockSuffix = ".rp-lock";

    private static readonly HashSet<string> HeldInProcess = new(StringComparer.Ordinal);
    private readonly FileStream _stream;
    private readonly string _path;

    private OutputLock(FileStream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    /// <summary>The lock file for an output file (beside it, hidden).</summary>
    public static string PathForFile(string file)
    {
        string full = Path.GetFullPath(file);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{AtomicFile.TempStem(Path.GetFileName(full))}{FileLockSuffix}");
    }

    /// <summary>Takes the lock at <paramref name="lockPath"/>; a usage error naming the holder's PID when another run has it.</summary>
    /// <param name="output">The output as the user named it, for the message.</param>
    public static OutputLock Acquire(string lockPath, string output)
    {
        string full = Path.GetFullPath(lockPath);
        lock (HeldInProcess)
        {
            if (!HeldInProcess.Add(full))
            {
                throw Refused(output, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            }
        }

        FileStream? stream = null;
        try
        {
            stream = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            if (!OperatingSystem.IsMacOS())
            {
                try
                {
                    stream.Lock(0, 1);
                }
                catch (IOException)
                {
                    throw Refused(output, HolderOf(stream));
                }
            }

            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
            }

            stream.Flush();
            return new OutputLock(stream, full);
        }
        catch
        {
            stream?.Dispose();
            lock (HeldInProcess)
            {
                HeldInProcess.Remove(full);
            }

            throw;
        }
    }

    /// <summary>Deletes the lock file and releases the lock.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(_path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind, it is harmless: the next run takes it over.
        }

        _stream.Dispose();
        lock (HeldInProcess)
        {
            HeldInProcess.Remove(_path);
        }
    }

    private static UsageException Refused(string output, string holder) =>
        new($"{output} is being written by another reportparser run (PID {holder}); wait for it to finish or stop it");

    private static string HolderOf(FileStream stream)
    {
        try
        {
            stream.Position = 0;
            using var reader = new StreamReader(stream, leaveOpen: true);
            string text = (reader.ReadLine() ?? "").Trim();
            return text.Length is > 0 and <= 10 && text.All(char.IsAsciiDigit) ? text : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
