using System.Diagnostics;
using System.Text.Json;
using Xunit;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

/// <summary>
/// What the file system can throw at a run: unreadable files and directories, dangling links, a
/// named pipe that never delivers, links in place of output files, link loops, names too long for
/// their output. Each becomes an error record or a clear message; the run goes on and never crashes.
/// </summary>
/// <remarks>
/// Tests often run as root, where permission bits deny nothing. Permission cases then run the
/// command line as the unprivileged user nobody (through setpriv) when that works, and otherwise
/// assert what root sees: the files are read.
/// </remarks>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileFileSystemTests
{
    private static readonly string Seed = File.ReadAllText(Seeds.Files[2]);

    private static readonly Lazy<bool> CanDropPrivileges = new(() =>
        Environment.IsPrivilegedProcess && OperatingSystem.IsLinux() && File.Exists("/usr/bin/setpriv") && Unprivileged("--help")?.ExitCode == 0);

    /// <summary>Runs the command line as nobody, in a child process; null when that is not possible.</summary>
    private static CliRun? Unprivileged(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=/tmp", "DOTNET_CLI_TELEMETRY_OPTOUT=1",
                     "dotnet", Path.Combine(AppContext.BaseDirectory, "reportparser.dll"), .. args])
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(60_000))
            {
                process.Kill();
                return null;
            }

            return new CliRun(process.ExitCode, stdout.Result, stderr);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>A temporary tree nobody can traverse (the default /tmp permissions allow it).</summary>
    private static TempDir OpenDir()
    {
        var dir = new TempDir();
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101);
        return dir;
    }

    private static JsonElement[] Records(CliRun run) => run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();

    private static string? ErrorCode(JsonElement record) =>
        record.TryGetProperty("error", out var e) ? e.GetProperty("code").GetString() : null;

    [Fact]
    public void An_unreadable_file_is_an_error_record_and_the_run_goes_on()
    {
        using var dir = OpenDir();
        dir.Write("in/a.txt", Seed);
        string locked = dir.Write("in/b.txt", Seed);
        File.SetUnixFileMode(locked, UnixFileMode.None);

        if (CanDropPrivileges.Value)
        {
            var run = Unprivileged("parse", dir["in"], "-f", "jsonl", "-q")!;
            Assert.Equal(ExitCodes.Failed, run.ExitCode);
            var records = Records(run);
            Assert.Equal([null, "RP1006"], records.Select(ErrorCode));
            Assert.Contains("denied", records[1].GetProperty("error").GetProperty("message").GetString());
        }
        else if (Environment.IsPrivilegedProcess)
        {
            var run = Cli.Run("parse", dir["in"], "-f", "jsonl", "-q");
            Assert.Equal(ExitCodes.Success, run.ExitCode); // root reads through mode 000
            Assert.All(Records(run), r => Assert.Null(ErrorCode(r)));
        }
        else
        {
            var run = Cli.Run("parse", dir["in"], "-f", "jsonl", "-q");
            Assert.Equal(ExitCodes.Failed, run.ExitCode);
            Assert.Equal([null, "RP1006"], Records(run).Select(ErrorCode));
        }
    }

    [Fact]
    public void An_unreadable_directory_is_named_on_stderr_and_the_rest_is_parsed()
    {
        using var dir = OpenDir();
        dir.Write("in/a.txt", Seed);
        dir.Write("in/locked/b.txt", Seed);
        File.SetUnixFileMode(dir["in/locked"], UnixFileMode.None);
        try
        {
            var run = CanDropPrivileges.Value ? Unprivileged("parse", dir["in"], "-f", "jsonl")! : Cli.Run("parse", dir["in"], "-f", "jsonl");
            if (Environment.IsPrivilegedProcess && !CanDropPrivileges.Value)
            {
                Assert.Equal(2, Records(run).Length); // root lists mode-000 directories
                return;
            }

            Assert.Equal(ExitCodes.Success, run.ExitCode);
            Assert.Single(Records(run));
            Assert.Contains($"cannot read directory {Path.Join(dir["in"], "locked")}", run.Stderr);
            Assert.Contains("its files were not parsed", run.Stderr);

            var only = CanDropPrivileges.Value ? Unprivileged("parse", dir["in/locked"], "-f", "jsonl")! : Cli.Run("parse", dir["in/locked"], "-f", "jsonl");
            Assert.Equal(ExitCodes.Usage, only.ExitCode);
            Assert.Contains("cannot read directory", only.Stderr);
            Assert.Contains("could not be read", only.Stderr);
        }
        finally
        {
            File.SetUnixFileMode(dir["in/locked"], (UnixFileMode)0b111_101_101);
        }
    }

    [Fact]
    public void A_dangling_link_is_an_error_record_RP1006()
    {
        using var dir = new TempDir();
        dir.Write("in/a.txt", Seed);
        File.CreateSymbolicLink(dir["in/gone.txt"], dir["nowhere/none.txt"]);
        var run = Cli.Run("parse", dir["in"], "-f", "jsonl", "-q");
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var records = Records(run);
        Assert.Equal([null, "RP1006"], records.Select(ErrorCode));
        Assert.Contains("cannot read the input", records[1].GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_named_pipe_that_never_delivers_times_out_into_an_error_record_RP9002()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/mkfifo"))
        {
            return;
        }

        using var dir = new TempDir();
        dir.Write("in/a.txt", Seed);
        string fifo = dir["in/b.txt"];
        using (var mk = Process.Start("/usr/bin/mkfifo", [fifo]))
        {
            await mk.WaitForExitAsync();
        }

        try
        {
            Assert.Equal(ExitCodes.Success, Cli.Run("parse", dir["in/a.txt"], "-q").ExitCode); // warm: the timed run measures the pipe, not start-up
            var watch = Stopwatch.StartNew();
            var run = Cli.Run("parse", dir["in"], "-f", "jsonl", "--timeout", "5", "-q");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
            Assert.Equal(ExitCodes.Failed, run.ExitCode);
            Assert.Equal([null, "RP9002"], Records(run).Select(ErrorCode));
        }
        finally
        {
            // Let the abandoned read finish: open the pipe for writing (in the background, in case the reader is gone).
            var release = Task.Run(() =>
            {
                using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            });
            await Task.WhenAny(release, Task.Delay(2000));
        }
    }

    [Fact]
    public async Task A_named_pipe_that_delivers_is_read_like_a_file()
    {
        // What `reportparser parse <(zcat report.txt.gz)` hands the tool: a pipe, which has no size.
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/mkfifo"))
        {
            return;
        }

        using var dir = new TempDir();
        string fifo = dir["pipe.txt"];
        using (var mk = Process.Start("/usr/bin/mkfifo", [fifo]))
        {
            await mk.WaitForExitAsync();
        }

        var writer = Task.Run(() =>
        {
            using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            stream.Write(System.Text.Encoding.UTF8.GetBytes(Seed));
        });
        var run = Cli.Run("parse", fifo, "-f", "jsonl", "-q");
        await Task.WhenAny(writer, Task.Delay(5000));
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var record = Assert.Single(Records(run));
        Assert.Null(ErrorCode(record));
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(Seed), record.GetProperty("source").GetProperty("bytes").GetInt64());
    }

    [Fact]
    public void A_link_in_place_of_an_output_file_is_replaced_and_its_target_left_alone()
    {
        using var dir = new TempDir();
        dir.Write("in/a.txt", Seed);
        string victim = dir.Write("elsewhere/victim.json", "keep");
        Directory.CreateDirectory(dir["out"]);
        File.CreateSymbolicLink(dir["out/a.txt.json"], victim);

        var run = Cli.Run("parse", dir["in"], "-f", "json", "-o", dir["out"], "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("keep", File.ReadAllText(victim));
        Assert.Null(new FileInfo(dir["out/a.txt.json"]).LinkTarget);
        Assert.Equal("utf-8", JsonDocument.Parse(File.ReadAllText(dir["out/a.txt.json"])).RootElement.GetProperty("source").GetProperty("encoding").GetString());
    }

    [Fact]
    public void A_directory_link_loop_in_the_input_is_not_followed()
    {
        using var dir = new TempDir();
        dir.Write("in/a.txt", Seed);
        dir.Write("in/sub/b.txt", Seed);
        Directory.CreateSymbolicLink(dir["in/sub/loop"], dir["in"]);
        var run = Cli.Run("parse", dir["in"], "-f", "jsonl", "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(2, Records(run).Length);
    }

    [Fact]
    public void An_input_whose_output_name_would_be_too_long_gets_a_shortened_name_and_everything_is_written()
    {
        // Issue 21: a name that fits, but not with ".json" added, used to fail that input; now the output name is cut.
        using var dir = new TempDir();
        string name = new string('报', 83) + ".txt"; // 253 bytes: a valid name, but not with ".json" added
        dir.Write("in/a.txt", Seed);
        dir.Write(Path.Combine("in", name), Seed);
        var run = Cli.Run("parse", dir["in"], "-f", "json", "-o", dir["out"]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.True(File.Exists(dir["out/a.txt.json"]));
        Assert.Equal(2, Directory.GetFiles(dir["out"], "*.json").Length);
        Assert.Empty(Directory.GetFiles(dir["out"], "*.rp-tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../../../etc/passwd")]
    [InlineData("/../../x.txt")]
    [InlineData("a/../../../../b.txt")]
    [InlineData("..\\..\\windows\\x.txt")]
    [InlineData("...")]
    [InlineData(". .")]
    [InlineData("a/\u0000/b.txt")]
    [InlineData("a/\n/b.txt")]
    public void No_derived_output_path_leaves_the_directory(string relative)
    {
        using var dir = new TempDir();
        var paths = new OutputPaths(dir["out"]);
        string mapped = paths.Map(relative);
        Assert.StartsWith(dir["out"] + Path.DirectorySeparatorChar, mapped);
        Assert.DoesNotContain("..", Path.GetRelativePath(dir["out"], mapped).Split(Path.DirectorySeparatorChar));
    }
}
