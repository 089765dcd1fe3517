using System.Runtime.InteropServices;

namespace ReportParser.Cli;

/// <summary>What a path leads to, after following links.</summary>
internal enum FileKind
{
    /// <summary>Nothing is there (or it could not be looked at).</summary>
    Missing,
    Regular,
    Directory,
    /// <summary>A character device (<c>/dev/null</c>, a terminal).</summary>
    CharacterDevice,
    BlockDevice,
    /// <summary>A pipe (<c>/dev/stdout</c> of a pipeline, a FIFO).</summary>
    Pipe,
    Socket,
    /// <summary>Something the platform cannot tell (Windows' <c>\\.\</c> devices are found by name).</summary>
    Other,
}

/// <summary>
/// Tells regular files from devices, pipes and sockets by the file's type (<c>stat</c>), not by where it
/// lies: <c>/dev/shm</c> holds regular files, and <c>/dev/stdout</c> may lead to one. .NET exposes no file
/// type, so on Unix this asks the runtime's own native shim (<c>SystemNative_Stat</c>, the call behind
/// <see cref="File.Exists(string)"/>), whose result starts with two 32-bit fields: flags, then the mode.
/// </summary>
internal static class FileKinds
{
    // The runtime's portable mode bits (pal_io.h), the same values as Linux's.
    private const int TypeMask = 0xF000;
    private const int TypePipe = 0x1000;
    private const int TypeCharacter = 0x2000;
    private const int TypeDirectory = 0x4000;
    private const int TypeBlock = 0x6000;
    private const int TypeRegular = 0x8000;
    private const int TypeSocket = 0xC000;

    /// <summary>Bytes given to the shim for its result: far more than its 17 fields take.</summary>
    private const int StatBufferBytes = 512;

    /// <summary>The kind of what <paramref name="path"/> leads to, following links.</summary>
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return path.StartsWith(@"\\.\", StringComparison.Ordinal) ? FileKind.Other
                : File.Exists(path) ? FileKind.Regular : Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
        }

        byte[] buffer = new byte[StatBufferBytes];
        int result;
        try
        {
            result = Stat(path, buffer);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A runtime without the shim: go by where the path leads, as before.
            return path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal) ? FileKind.Other
                : File.Exists(path) ? FileKind.Regular : Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
        }

        if (result != 0)
        {
            return FileKind.Missing;
        }

        int mode = BitConverter.ToInt32(buffer, 4);
        return (mode & TypeMask) switch
        {
            TypeRegular => FileKind.Regular,
            TypeDirectory => FileKind.Directory,
            TypeCharacter => FileKind.CharacterDevice,
            TypeBlock => FileKind.BlockDevice,
            TypePipe => FileKind.Pipe,
            TypeSocket => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] output);
}
