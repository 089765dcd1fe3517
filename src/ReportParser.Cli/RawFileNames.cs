using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace ReportParser.Cli;

/// <summary>
/// File names that are not valid UTF-8 (a GBK archive unpacked on Linux): .NET decodes them with
/// U+FFFD, and the decoded name neither opens the file nor tells two such files apart. On Linux this
/// lists a directory's names as bytes (libc <c>opendir</c>/<c>readdir</c>), escapes the bytes that are
/// not UTF-8 as <c>%XX</c> for the name shown in records (<c>source.path</c>; not a backslash, which
/// relative paths turn into a separator), and opens the file by its bytes. Elsewhere (or when libc cannot be called) nothing is listed and the decoded names stay.
/// </summary>
internal static class RawFileNames
{
    /// <summary>Where <c>d_name</c> starts in glibc's and musl's 64-bit <c>struct dirent</c>: after d_ino (8), d_off (8), d_reclen (2), d_type (1).</summary>
    private const int NameOffset = 19;
    private const int NameMaxBytes = 256;
    private const byte TypeDirectory = 4;
    private const int OpenReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC (Linux, x64 and arm64)

    /// <summary>An entry whose name is not valid UTF-8: the name with such bytes escaped, its full path as bytes, and whether it is a directory.</summary>
    internal sealed class RawEntry(string escapedName, byte[] path, bool isDirectory)
    {
        public string EscapedName { get; } = escapedName;
        public byte[] Path { get; } = path;
        public bool IsDirectory { get; } = isDirectory;

        /// <summary>The name as .NET decodes it (U+FFFD for the bytes that are not UTF-8).</summary>
        public string DecodedName => Encoding.UTF8.GetString(Path.AsSpan(Path.LastIndexOf((byte)'/') + 1));
    }

    /// <summary>The entries of <paramref name="directory"/> whose names are not valid UTF-8 (hidden ones left out); empty where that cannot be told.</summary>
    public static List<RawEntry> Undecodable(string directory)
    {
        var found = new List<RawEntry>();
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return found;
        }

        byte[] directoryBytes = Encoding.UTF8.GetBytes(Path.TrimEndingDirectorySeparator(directory) + "/");
        try
        {
            IntPtr dir = OpenDir([.. directoryBytes, 0]);
            if (dir == IntPtr.Zero)
            {
                return found;
            }

            try
            {
                IntPtr entry;
                while ((entry = ReadDir(dir)) != IntPtr.Zero)
                {
                    byte[] name = new byte[NameMaxBytes];
                    Marshal.Copy(entry + NameOffset, name, 0, NameMaxBytes);
                    int length = Array.IndexOf(name, (byte)0);
                    var span = name.AsSpan(0, length < 0 ? NameMaxBytes : length);
                    if (span.Length == 0 || span[0] == (byte)'.' || System.Text.Unicode.Utf8.IsValid(span))
                    {
                        continue;
                    }

                    bool isDirectory = Marshal.ReadByte(entry + NameOffset - 1) == TypeDirectory;
                    found.Add(new RawEntry(Escape(span), [.. directoryBytes, .. span], isDirectory));
                }
            }
            finally
            {
                _ = CloseDir(dir);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            found.Clear();
        }

        return found;
    }

    /// <summary>Opens the file whose path is <paramref name="path"/> (bytes) for reading.</summary>
    public static Stream Open(byte[] path)
    {
        int fd = OpenFile([.. path, 0], OpenReadOnlyCloseOnExec);
        if (fd < 0)
        {
            throw new IOException($"cannot open the file (error {Marshal.GetLastPInvokeError()})");
        }

        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, bufferSize: 0);
    }

    /// <summary>The name with each byte that is not part of valid UTF-8 written <c>%XX</c> (upper-case hex).</summary>
    public static string Escape(ReadOnlySpan<byte> name)
    {
        var sb = new StringBuilder(name.Length + 16);
        while (!name.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(name, out var rune, out int consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                sb.Append(rune.ToString());
            }
            else
            {
                for (int i = 0; i < consumed; i++)
                {
                    sb.Append($"%{name[i]:X2}");
                }
            }

            name = name[consumed..];
        }

        return sb.ToString();
    }

    [DllImport("libc", EntryPoint = "opendir")]
    private static extern IntPtr OpenDir(byte[] path);

    [DllImport("libc", EntryPoint = "readdir")]
    private static extern IntPtr ReadDir(IntPtr dir);

    [DllImport("libc", EntryPoint = "closedir")]
    private static extern int CloseDir(IntPtr dir);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenFile(byte[] path, int flags);
}
