using Microsoft.Win32.SafeHandles;

namespace ReportParser.Cli;

/// <summary>The process's standard output as a byte stream, and the paths that name it.</summary>
internal static class StandardOutput
{
    /// <summary>
    /// True for the paths that name the process's own standard output (<c>/dev/stdout</c>, <c>/dev/fd/1</c>,
    /// <c>/proc/self/fd/1</c>): written to as standard output, so a shell's <c>&gt;&gt; log</c> appends.
    /// </summary>
    public static bool IsAlias(string fullPath) =>
        !OperatingSystem.IsWindows() && fullPath is "/dev/stdout" or "/dev/fd/1" or "/proc/self/fd/1";

    /// <summary>
    /// Standard output as a stream whose writes fail (<see cref="IOException"/>) when the reader has gone
    /// (a closed pipe: <c>parse dir | head</c>); the console's own stream ignores that and the run would go
    /// on and report success. Only for descriptors that cannot seek (pipes, sockets, terminals): a file
    /// stream writes a seekable file at its own offset without moving the descriptor's, which a shell
    /// shares between commands (<c>{ parse a; parse b; } &gt; out</c> would overwrite), and a file cannot
    /// break like a pipe. Otherwise, and where the descriptor cannot be wrapped, the console's stream.
    /// </summary>
    public static Stream Open()
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
                if (!stream.CanSeek)
                {
                    return stream;
                }

                stream.Dispose();
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // Closed or unusable descriptor: fall through.
            }
        }

        return Console.OpenStandardOutput();
    }
}
