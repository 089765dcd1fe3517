using System.Diagnostics;
using System.Text.Json;
using Xunit;
using ReportParser.Cli;
using ReportParser.Tests.Reading;

namespace ReportParser.Tests.Cli;

/// <summary>The adversarial probes of issue 21, one or more per defect, run in-process.</summary>
public sealed class ReliabilityTests
{
    [Fact]
    public void Stdin_over_the_limit_is_an_error_record_read_only_to_the_limit()
    {
        var run = Cli.RunWithStdinStream(() => new TestStreams.EndlessZeros(), "parse", "-", "--max-bytes", "1000");
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("RP1005", json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void Stdin_that_never_closes_times_out_into_a_record()
    {
        using var never = new ManualResetEventSlim();
        var clock = Stopwatch.StartNew();
        var run = Cli.RunWithStdinStream(() => new TestStreams.BlockingStream(never), "parse", "-", "--timeout", "0.3");
        never.Set();
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(ErrorRecords.TimeoutCode, json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void An_output_name_of_250_bytes_is_written_its_temporary_name_is_cut_to_fit()
    {
        // Issue 21, defect 8: the temporary's name is 17 bytes longer than the final one, so a name
        // over 238 bytes could not be written at all.
        using var dir = new TempDir();
        string name = new string('报', 80) + "1234567890.json"; // 80 x 3 + 15 = 255 bytes
        var run = Cli.Run("parse", Path.Combine(Seeds.Directory, "002_ed5f9074cb8b6cc8.txt"), "-o", dir[name]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal([name], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
        Assert.True(AtomicFile.IsTemporary("." + AtomicFile.TempStem(name) + ".12345678" + AtomicFile.TempSuffix));
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount("." + AtomicFile.TempStem(name) + ".12345678" + AtomicFile.TempSuffix), 1, AtomicFile.MaxNameBytes);
    }

    [Fact]
    public void Resume_after_swapping_arguments_with_two_inputs_of_one_name_equals_a_clean_run()
    {
        // Issue 21, defect 4: the ~2 suffix followed input order, so swapping the arguments made a resumed
        // run skip an input and keep the other's record, with exit 0.
        using var dir = new TempDir();
        dir.Write("a/x.txt", File.ReadAllBytes(Seeds.Files[0]));
        dir.Write("b/x.txt", File.ReadAllBytes(Seeds.Files[1]));
        Assert.Equal(ExitCodes.Success, Cli.Run("parse", dir["a"], dir["b"], "-f", "json", "-o", dir["clean"], "-q").ExitCode);
        Assert.Equal(ExitCodes.Success, Cli.Run("parse", dir["b"], "-f", "json", "-o", dir["resumed"], "-q").ExitCode);
        var resumed = Cli.Run("parse", dir["b"], dir["a"], "-f", "json", "-o", dir["resumed"], "--skip-existing");
        Assert.Equal(ExitCodes.Success, resumed.ExitCode);
        AssertSameTree(dir["clean"], dir["resumed"]);
    }

    [Fact]
    public void Resume_parses_again_an_input_whose_record_is_a_timeout()
    {
        using var dir = new TempDir();
        dir.Write("in/a.txt", File.ReadAllBytes(Seeds.Files[0]));
        Assert.Equal(ExitCodes.Success, Cli.Run("parse", dir["in"], "-f", "json", "-o", dir["clean"], "-q").ExitCode);
        var item = new InputItem(Path.Join(dir["in"], "a.txt"), dir["in/a.txt"], "a.txt");
        Directory.CreateDirectory(dir["resumed"]);
        File.WriteAllText(dir["resumed/a.txt.json"], ReportParser.Output.JsonReportWriter.Serialize(ErrorRecords.Timeout(item, TimeSpan.FromSeconds(1))));
        var resumed = Cli.Run("parse", dir["in"], "-f", "json", "-o", dir["resumed"], "--skip-existing");
        Assert.Contains("1 parsed", resumed.Stderr);
        AssertSameTree(dir["clean"], dir["resumed"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_second_run_on_a_locked_output_is_refused_and_leaves_the_first_runs_temporaries(bool directory)
    {
        // Issue 21, defect 5: the start-up clean-up deleted the live temporaries of a run writing to the same output.
        using var dir = new TempDir();
        string output = directory ? dir["out"] : dir["out/all.jsonl"];
        Directory.CreateDirectory(dir["out"]);
        string live = dir.Write(directory ? "out/.a.txt.json.12345678" + AtomicFile.TempSuffix : "out/.all.jsonl.12345678" + AtomicFile.TempSuffix, "{\"half\":");
        string lockPath = directory ? Path.Combine(output, OutputLock.DirectoryLockName) : OutputLock.PathForFile(output);
        using (OutputLock.Acquire(lockPath, output))
        {
            var run = Cli.Run(["parse", .. Seeds.Files.Take(2), "-f", directory ? "json" : "jsonl", "-o", output]);
            Assert.Equal(ExitCodes.Usage, run.ExitCode);
            Assert.Contains($"is being written by another reportparser run (PID {Environment.ProcessId})", run.Stderr);
            Assert.True(File.Exists(live));
        }

        Assert.False(File.Exists(lockPath)); // released and removed
        var after = Cli.Run(["parse", .. Seeds.Files.Take(2), "-f", directory ? "json" : "jsonl", "-o", output, "-q"]);
        Assert.True(after.ExitCode == ExitCodes.Success, after.ToString());
        Assert.False(File.Exists(lockPath));
    }

    [Fact]
    public void An_output_file_inside_the_input_directory_is_not_read_back()
    {
        // Issue 21, defect 6: the second run took the first one's all.txt as an input (.txt is an input
        // extension; it names the text view, so the second run must write exactly what the first wrote).
        using var dir = new TempDir();
        Seeds.CopyTo(dir);
        var first = Cli.Run("parse", dir["in"], "-o", dir["in/all.txt"], "-q");
        string written = File.ReadAllText(dir["in/all.txt"]);
        var second = Cli.Run("parse", dir["in"], "-o", dir["in/all.txt"], "-q");
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal(written, File.ReadAllText(dir["in/all.txt"]));
        Assert.Equal(Seeds.Files.Length, written.Split('\n').Count(l => l.EndsWith(".txt", StringComparison.Ordinal) && l.Contains(dir["in"], StringComparison.Ordinal)));
        Assert.Equal(first.ExitCode, second.ExitCode);
    }

    [Fact]
    public void Outputs_written_into_the_input_directory_itself_are_not_inputs_of_the_next_run()
    {
        // Issue 21, defect 6: -f json -o DIR --include '*' with DIR the input directory made x.txt.json.json.
        using var dir = new TempDir();
        Seeds.CopyTo(dir);
        dir.Write("in/lone.json", File.ReadAllBytes(Seeds.Files[0])); // no "lone" beside it: still an input
        for (int run = 0; run < 2; run++)
        {
            var result = Cli.Run("parse", dir["in"], "-f", "json", "-o", dir["in"], "--include", "*");
            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
            Assert.Contains($"reportparser: {Seeds.Files.Length + 1} files", result.Stderr);
        }

        Assert.Equal([dir["in/lone.json.json"]], Directory.GetFiles(dir["in"], "*.json.json")); // lone.json's own output, nothing more
        Assert.Empty(Directory.GetFiles(dir["in"], "*.json.json.json"));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("-8", "-8")]
    [InlineData("+3", "+3")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("-12%", "-12%")]
    [InlineData("-", "-")]
    [InlineData("某局", "某局")]
    [InlineData("", "")]
    public void Text_that_starts_like_a_formula_is_escaped_numbers_never(string text, string expected) =>
        Assert.Equal(expected, ReportParser.Output.CsvReportWriter.EscapeFormula(text));

    [Theory]
    [InlineData(new[] { "--excel" }, "'=1+1")]
    [InlineData(new[] { "--excel", "--raw-csv" }, "=1+1")]
    [InlineData(new string[0], "=1+1")]
    public void Excel_csv_escapes_a_formula_in_section_text_unless_raw(string[] options, string expected)
    {
        // Issue 21, defect 9: section text, titles, agencies and file names were written verbatim, --excel included.
        using var dir = new TempDir();
        string report = dir.Write("r.txt", "某某局2023年政府信息公开工作年度报告\n一、总体情况\n=1+1\n二、主动公开政府信息情况\n略。\n"
            + "三、收到和处理政府信息公开申请情况\n略。\n四、政府信息公开行政复议、行政诉讼情况\n略。\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n");
        var run = Cli.Run(["parse", report, "-f", "csv", "--csv-layout", "sections", .. options]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        string row = run.Stdout.Split('\n').Single(l => l.Contains(",1,overview,", StringComparison.Ordinal));
        Assert.EndsWith("," + expected, row.TrimEnd('\r'));
    }

    [Fact]
    public void An_input_name_of_255_bytes_gets_an_output_name_that_fits()
    {
        // Issue 21, defect 8: the output (name + .json) and its temporary were longer than a name may be.
        using var dir = new TempDir();
        string name = new string('报', 83) + "x.txt"; // 249 + 6 = 255 bytes
        dir.Write("in/" + name, File.ReadAllBytes(Seeds.Files[0]));
        dir.Write("in/" + name[..^5] + "y.txt", File.ReadAllBytes(Seeds.Files[1])); // the same first 240 bytes
        var run = Cli.Run("parse", dir["in"], "-f", "json", "-o", dir["out"]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var outputs = Directory.GetFiles(dir["out"]).Select(Path.GetFileName).ToArray();
        Assert.Equal(2, outputs.Length);
        Assert.All(outputs, o => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(o!), 1, AtomicFile.MaxNameBytes));
        Assert.All(outputs, o => Assert.Matches(@"^报+~[0-9a-f]{8}\.json$", o));
    }

    [Fact]
    public void Files_whose_names_are_not_UTF8_are_read_by_their_bytes_and_named_with_escapes()
    {
        // Issue 21, defect 8: GBK-encoded names were mangled, failed with "Could not find file", and two could collide.
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["in"]);
        byte[] seed = File.ReadAllBytes(Seeds.Files[0]);
        byte[] one = [.. System.Text.Encoding.UTF8.GetBytes(dir["in"] + "/"), 0xB1, 0xA8, 0xB8, 0xE6, 0xD2, 0xBB, .. ".txt"u8]; // 报告一 in GBK
        byte[] two = [.. System.Text.Encoding.UTF8.GetBytes(dir["in"] + "/"), 0xB1, 0xA8, 0xB8, 0xE6, 0xB6, 0xFE, .. ".txt"u8]; // 报告二 in GBK
        CreateByBytes(one, seed);
        CreateByBytes(two, seed);
        CliRun run;
        try
        {
            run = Cli.Run("parse", dir["in"], "-f", "jsonl", "-q");
        }
        finally
        {
            // .NET cannot delete them by name either: the temporary directory would stay behind.
            _ = Unlink([.. one, 0]);
            _ = Unlink([.. two, 0]);
        }

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var paths = run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetProperty("path").GetString()!).ToArray();
        Assert.Equal(new[] { Path.Join(dir["in"], "%B1%A8%B8%E6%B6%FE.txt"), Path.Join(dir["in"], "%B1%A8%B8%E6һ.txt") }, paths); // D2 BB is valid UTF-8 (һ)
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenFile(byte[] path, int flags, int mode);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "unlink")]
    private static extern int Unlink(byte[] path);

    /// <summary>Creates a file whose name is given as bytes (.NET cannot name one that is not UTF-8).</summary>
    private static void CreateByBytes(byte[] path, byte[] content)
    {
        const int CreateWriteOnly = 0x41; // O_CREAT | O_WRONLY
        int fd = OpenFile([.. path, 0], CreateWriteOnly, Convert.ToInt32("644", 8));
        Assert.True(fd >= 0, "cannot create the test file");
        using var stream = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true), FileAccess.Write);
        stream.Write(content);
    }

    [Fact]
    public void Resume_skips_a_file_refused_for_its_size_while_it_has_that_size()
    {
        using var dir = new TempDir();
        dir.Write("in/big.txt", new string('x', 5000));
        Cli.Run("parse", dir["in"], "-f", "json", "-o", dir["out"], "--max-bytes", "1000", "-q");
        var again = Cli.Run("parse", dir["in"], "-f", "json", "-o", dir["out"], "--max-bytes", "1000", "--skip-existing");
        Assert.Contains("1 skipped", again.Stderr);
        var larger = Cli.Run("parse", dir["in"], "-f", "json", "-o", dir["out"], "--max-bytes", "10000", "--skip-existing");
        Assert.Contains("0 skipped", larger.Stderr); // now under the limit: parsed
    }

    private static void AssertSameTree(string expected, string actual)
    {
        string[] Files(string root) => Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Files(expected), Files(actual));
        foreach (string file in Files(expected))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(expected, file)), File.ReadAllBytes(Path.Combine(actual, file)));
        }
    }
}
