using System.Runtime.CompilerServices;
using System.Text;
using ReportParser.Reading;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

internal static class ModuleSetup
{
    [ModuleInitializer]
    internal static void Init() => EncodingDetector.EnsureRegistered();
}

/// <summary>The outcome of one in-process run of the CLI.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

internal static class Cli
{
    public static CliRun Run(params string[] args) => RunWithStdin("", args);

    public static CliRun RunWithStdin(string stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = CliApp.Run(args, new StringReader(stdin), stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public static CliRun RunWithStdinBytes(byte[] stdin, params string[] args) => RunWithStdinStream(() => new MemoryStream(stdin), args);

    public static CliRun RunWithStdinStream(Func<Stream> stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(TextReader.Null, stdout, stderr) { OpenStdinBytes = stdin };
        int exit = CliApp.Run(args, console);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A temporary directory, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rp-cli-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        string full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class Seeds
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string[] Files => System.IO.Directory.GetFiles(Directory, "*.txt").Order(StringComparer.Ordinal).ToArray();

    /// <summary>Copies the seeds into <paramref name="dir"/> under <paramref name="sub"/>; returns the copies in order.</summary>
    public static string[] CopyTo(TempDir dir, string sub = "in")
    {
        return Files.Select(f => dir.Write(Path.Combine(sub, Path.GetFileName(f)), File.ReadAllBytes(f))).ToArray();
    }
}
