using System.Diagnostics;

namespace ReportParser.Tests.Cli;

/// <summary>
/// Debian programs some tests drive (LibreOffice, Chromium). A missing one is installed with apt-get when the tests
/// run as root (as CI does); otherwise the test fails with the command to run. A test never skips for want of one.
/// </summary>
internal static class SystemPackages
{
    private static readonly object Gate = new();

    /// <summary>
    /// The path of <paramref name="program"/> (a name on PATH, or an absolute path of a file the package installs),
    /// installing <paramref name="package"/> first when it is missing.
    /// </summary>
    public static string Require(string program, string package)
    {
        lock (Gate)
        {
            if (Find(program) is { } found)
            {
                return found;
            }

            string command = $"apt-get update && apt-get install -y {package}";
            Assert.True(Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || IsRoot(),
                $"{program} is missing and the tests are not running as root; install it with: sudo sh -c '{command}'");
            var (exit, output) = Run("sh", "-c", $"apt-get -o DPkg::Lock::Timeout=600 update && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y {package}", TimeSpan.FromMinutes(15));
            Assert.True(exit == 0, $"installing {package} failed (exit {exit}); run: {command}\n{output}");
            return Find(program) ?? throw new Xunit.Sdk.XunitException($"{package} is installed but {program} is not on PATH; run: {command}");
        }
    }

    /// <summary>Runs a program to its end (or kills it after <paramref name="timeout"/>): its exit code and its stdout and stderr together.</summary>
    public static (int Exit, string Output) Run(string file, params object[] args)
    {
        var timeout = args.Length > 0 && args[^1] is TimeSpan t ? t : TimeSpan.FromMinutes(2);
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            if (arg is string s)
            {
                info.ArgumentList.Add(s);
            }
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static bool IsRoot() => Run("id", "-u").Output.Trim() == "0";

    private static string? Find(string program)
    {
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? program : null;
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            string path = Path.Combine(dir, program);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
