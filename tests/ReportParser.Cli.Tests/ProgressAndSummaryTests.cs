using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

public class ProgressAndSummaryTests
{
    [Fact]
    public void Plain_progress_writes_whole_lines_at_its_interval()
    {
        var log = new StringWriter { NewLine = "\n" };
        var progress = new ProgressReporter(log, 8000, ProgressStyle.Plain, TimeSpan.FromMilliseconds(30));
        progress.Update(1); // before the first interval: nothing
        Assert.Equal("", log.ToString());
        Thread.Sleep(40);
        progress.Update(1200);
        progress.Update(1201); // within the interval again: nothing
        progress.Clear();
        var line = Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^reportparser: \[1200/8000\] \d+\.\d files/s, ETA \d+:\d\d(:\d\d)?$", line);
        Assert.DoesNotContain('\r', log.ToString());
    }

    [Fact]
    public void The_default_is_plain_in_a_log_a_bar_on_a_terminal_and_none_when_quiet()
    {
        var command = new ParseCommand(new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null));
        ProgressStyle Of(bool terminal, params string[] args) =>
            command.Common.ProgressOf(command.Parse(["x", .. args]), terminal);
        Assert.Equal(ProgressStyle.Plain, Of(false));
        Assert.Equal(ProgressStyle.Bar, Of(true));
        Assert.Equal(ProgressStyle.None, Of(true, "-q"));
        Assert.Equal(ProgressStyle.None, Of(false, "--progress", "none"));
        Assert.Equal(ProgressStyle.Bar, Of(false, "--progress", "bar"));
        Assert.Equal(ProgressStyle.Plain, Of(true, "--progress", "plain", "-q"));
    }

    [Fact]
    public void The_failed_inputs_are_named_with_their_codes_the_first_20_then_a_count()
    {
        using var dir = new TempDir();
        for (int i = 0; i < 23; i++)
        {
            dir.Write($"in/empty{i:00}.txt", "");
        }

        dir.Write("in/zz.txt", File.ReadAllBytes(Seeds.Files[0]));
        var run = Cli.Run("parse", dir["in"], "-o", dir["out.jsonl"]);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var failed = lines.Where(l => l.StartsWith("reportparser: failed: ")).ToArray();
        Assert.Equal(RunSummary.MaxListedFailures, failed.Length);
        Assert.Equal($"reportparser: failed: {Path.Join(dir["in"], "empty00.txt")}: RP1001 the input is empty (0 bytes)", failed[0]);
        Assert.Contains("reportparser: and 3 more failed inputs", lines);
        Assert.StartsWith("reportparser: 24 files,", lines[^1]);
        Assert.Equal("", Cli.Run("parse", dir["in"], "-o", dir["out.jsonl"], "-q").Stderr);
    }
}
