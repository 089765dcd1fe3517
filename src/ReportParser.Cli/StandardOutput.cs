using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace ReportParser.Cli;

/// <summary>The process's standard output (and other inherited descriptors) as byte streams, and the paths that name them.</summary>
internal static class StandardOutput
{
    private const int StdoutDescriptor = 1;
    private const int StderrDescriptor = 2;

    /// <summary>
    /// True for the paths that name the process's standard output or error (<c>/dev/stdout</c>, <c>/dev/stderr</c>,
    /// <c>/dev/fd/1</c>, <c>/dev/fd/2</c>, <c>/proc/self/fd/1</c>, <c>/proc/self/fd/2</c>): written to through that
    /// descriptor, so a shell's <c>&gt;&gt; log</c> appends, instead of being opened (or replaced) by path. Other
    /// descriptors are not: one the shell did not open may be the runtime's own.
    /// </summary>
    public static bool IsAlias(string fullPath) => DescriptorOf(fullPath) is not null;

    /// <summary>The descriptor (1 or 2) a path names (see <see cref="IsAlias"/>), or null.</summary>
    public static int? DescriptorOf(string fullPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        switch (fullPath)
        {
            case "/dev/stdout":
                return StdoutDescriptor;
            case "/dev/stderr":
                return StderrDescriptor;
        }

        foreach (string prefix in (ReadOnlySpan<string>)["/dev/fd/", "/proc/self/fd/"])
        {
            if (fullPath.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(fullPath.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int fd)
                && fd is StdoutDescriptor or StderrDescriptor)
            {
                return fd;
            }
        }

        return null;
    }

    /// <summary>Standard output; see <see cref="Open(int)"/>.</summary>
    public static Stream Open() => Open(StdoutDescriptor);

    /// <summary>
    /// Standard output or error (<paramref name="descriptor"/> 1 or 2) as a stream. A pipe, socket or terminal (cannot seek) is wrapped as a file stream,
    /// whose writes fail (<see cref="IOException"/>) when the reader has gone (<c>parse dir | head</c>); the
    /// console's own streams ignore that and the run would go on and report success. A seekable stdout or stderr
    /// keeps the console's stream, whose writes move the descriptor's offset that a shell shares between
    /// commands (<c>{ parse a; parse b; } &gt; out</c>; a file stream writes at its own offset and would overwrite).
    /// </summary>
    public static Stream Open(int descriptor)
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                var stream = new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
                if (!stream.CanSeek)
                {
                    return stream;
                }

                stream.Dispose();
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // Closed or unusable descriptor: the console's stream below.
            }
        }

        return descriptor == StderrDescriptor ? Console.OpenStandardError() : Console.OpenStandardOutput();
    }
}
