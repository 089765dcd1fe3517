using System.Text.Json;
using Xunit;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

public sealed class ParseCommandTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void One_file_gives_one_indented_document_on_stdout_and_a_summary_on_stderr()
    {
        var run = Cli.Run("parse", Seeds.Files[0]);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("{\n  \"schema_version\": 1,", run.Stdout);
        Assert.Equal(Seeds.Files[0], Json(run.Stdout).GetProperty("source").GetProperty("path").GetString());
        var summary = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("reportparser: 1 file, 1 parsed (", summary);
        Assert.Contains("0 failed, 0 skipped", summary);
    }

    [Fact]
    public void Quiet_suppresses_the_summary() =>
        Assert.Equal("", Cli.Run("parse", Seeds.Files[0], "-q").Stderr);

    [Fact]
    public void A_missing_path_is_a_usage_error_before_any_work()
    {
        using var dir = new TempDir();
        string output = dir["out.jsonl"];
        var run = Cli.Run("parse", Seeds.Files[0], dir["nope.txt"], "-o", output);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal($"reportparser: no such file or directory: {dir["nope.txt"]}\n", run.Stderr);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void An_unknown_option_is_named_as_an_option_not_as_a_missing_file()
    {
        var run = Cli.Run("parse", "--bogus", Seeds.Files[0]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("reportparser: unrecognised option: --bogus\n", run.Stderr);
    }

    [Fact]
    public void A_directory_without_reports_is_a_usage_error_with_a_clear_message()
    {
        using var dir = new TempDir();
        dir.Write("empty/notes.md", "# not a report");
        var run = Cli.Run("parse", dir["empty"]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("no input files: directory", run.Stderr);
        Assert.Contains(".txt .htm .html .shtml", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void An_empty_directory_among_others_is_a_warning_and_the_run_goes_on()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["nothing"]);
        var run = Cli.Run("parse", dir["nothing"], Seeds.Files[0], "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Single(run.StdoutLines);
        Assert.Contains("has no .txt", run.Stderr);
    }

    [Theory]
    [InlineData("-f", "xml")]
    [InlineData("-j", "0")]
    [InlineData("--mode", "s2t")]
    [InlineData("--max-bytes", "-1")]
    [InlineData("--timeout", "-5")]
    [InlineData("-j", "abc")]
    [InlineData("-j", "1.5")]
    [InlineData("--max-bytes", "64MB")]
    [InlineData("--timeout", "x")]
    [InlineData("--timeout", "NaN")]
    [InlineData("--no-such-option", "x")]
    public void Bad_options_are_usage_errors(string option, string value)
    {
        var run = Cli.Run("parse", Seeds.Files[0], option, value);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith("reportparser: ", run.Stderr);
    }

    [Theory]
    [InlineData("--csv-layout", "wide")]
    [InlineData("--excel", null)]
    [InlineData("--raw-csv", null)]
    [InlineData("--skip-existing", null)]
    public void Options_that_do_not_fit_the_output_are_usage_errors(string option, string? value)
    {
        string[] args = value is null ? ["parse", Seeds.Directory, "-f", "jsonl", option] : ["parse", Seeds.Directory, "-f", "jsonl", option, value];
        var run = Cli.Run(args);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Json_with_several_inputs_and_no_output_directory_is_a_usage_error()
    {
        var run = Cli.Run("parse", Seeds.Directory, "-f", "json");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("-o DIR", run.Stderr);
    }

    [Fact]
    public void No_command_is_a_usage_error() => Assert.Equal(ExitCodes.Usage, Cli.Run().ExitCode);

    [Fact]
    public void Help_goes_to_stdout_and_succeeds()
    {
        var run = Cli.Run("parse", "--help");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("--csv-layout", run.Stdout);
        Assert.Contains("--skip-existing", run.Stdout);
    }

    [Fact]
    public void An_empty_file_is_an_error_record_and_exit_1()
    {
        using var dir = new TempDir();
        var run = Cli.Run("parse", dir.Write("empty.txt", ""), "-q");
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var error = Json(run.Stdout).GetProperty("error");
        Assert.Equal("RP1001", error.GetProperty("code").GetString());
        Assert.Contains("empty", error.GetProperty("message").GetString());
    }

    [Fact]
    public void A_binary_file_is_an_error_record_and_exit_1()
    {
        using var dir = new TempDir();
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var run = Cli.Run("parse", dir.Write("random.html", bytes), "-q");
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("RP1002", Json(run.Stdout).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void A_file_over_max_bytes_is_an_error_record()
    {
        var run = Cli.Run("parse", Seeds.Files[0], "--max-bytes", "100", "-q");
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("RP1005", Json(run.Stdout).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void Many_inputs_give_json_lines_in_input_order_with_error_records_in_place()
    {
        using var dir = new TempDir();
        var expected = new List<string>();
        for (int i = 0; i < 40; i++)
        {
            // Sizes vary a lot so that completion order differs from input order.
            string name = $"in/{i:D3}.txt";
            if (i % 7 == 3)
            {
                dir.Write(name, "");
            }
            else
            {
                var seed = File.ReadAllText(Seeds.Files[i % Seeds.Files.Length]);
                dir.Write(name, string.Concat(Enumerable.Repeat(seed, 1 + (i * 13 % 9))));
            }

            expected.Add(Path.Join(dir["in"], $"{i:D3}.txt"));
        }

        var run = Cli.Run("parse", dir["in"], "-j", "4");
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var lines = run.StdoutLines;
        Assert.Equal(40, lines.Length);
        Assert.Equal(expected, lines.Select(l => Json(l).GetProperty("source").GetProperty("path").GetString()));
        for (int i = 0; i < 40; i++)
        {
            bool isError = Json(lines[i]).TryGetProperty("error", out var error);
            Assert.Equal(i % 7 == 3, isError);
            if (isError)
            {
                Assert.Equal("RP1001", error.GetProperty("code").GetString());
            }
        }

        Assert.Contains("reportparser: 40 files, 34 parsed", run.Stderr);
        Assert.Contains("6 failed", run.Stderr);
    }

    [Fact]
    public void Json_lines_to_an_output_file_leave_stdout_empty()
    {
        using var dir = new TempDir();
        var run = Cli.Run("parse", Seeds.Directory, "-o", dir["all.jsonl"], "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(Seeds.Files.Length, File.ReadAllLines(dir["all.jsonl"]).Length);
        // Beside it only the journal that lets a later --skip-existing run resume it (hidden).
        Assert.Equal(["all.jsonl", ".all.jsonl" + ResumableFile.JournalSuffix], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Stdin_is_read_as_bytes_and_named_dash()
    {
        var gb = System.Text.Encoding.GetEncoding("GB18030").GetBytes("某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度……\n");
        var run = Cli.RunWithStdinBytes(gb, "parse", "-", "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var source = Json(run.Stdout).GetProperty("source");
        Assert.Equal("-", source.GetProperty("path").GetString());
        Assert.Equal(gb.Length, source.GetProperty("bytes").GetInt32());
    }

    [Fact]
    public void Stdin_text_from_a_reader_works_in_process()
    {
        var run = Cli.RunWithStdin("一、总体情况\n政府信息公开\n", "parse", "-", "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("-", Json(run.Stdout).GetProperty("source").GetProperty("path").GetString());
    }

    [Fact]
    public void Include_globs_replace_the_default_extensions()
    {
        using var dir = new TempDir();
        string seed = File.ReadAllText(Seeds.Files[0]);
        dir.Write("in/a.txt", seed);
        dir.Write("in/b.htm", seed);
        dir.Write("in/sub/c.report", seed);
        dir.Write("in/.hidden.txt", seed);
        string Names(CliRun r) => string.Join(",", r.StdoutLines.Select(l => Path.GetFileName(Json(l).GetProperty("source").GetProperty("path").GetString())));

        Assert.Equal("a.txt,b.htm", Names(Cli.Run("parse", dir["in"], "-f", "jsonl", "-q")));
        Assert.Equal("c.report", Names(Cli.Run("parse", dir["in"], "-f", "jsonl", "--include", "*.REPORT", "-q")));
        Assert.Equal("a.txt,c.report", Names(Cli.Run("parse", dir["in"], "-f", "jsonl", "--include", "sub/*", "--include", "a.*", "-q")));
        Assert.Equal("c.report", Names(Cli.Run("parse", dir["in"], "-f", "jsonl", "--include", "**/c.*", "-q")));
    }

    [Fact]
    public void A_file_named_twice_is_parsed_once()
    {
        var run = Cli.Run("parse", Seeds.Directory, Seeds.Files[0], "-q");
        Assert.Equal(Seeds.Files.Length, run.StdoutLines.Length);
    }
}

public sealed class ProgressTests
{
    [Fact]
    public void Progress_is_drawn_in_place_on_a_terminal_and_erased_before_the_summary()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = new CliConsole(TextReader.Null, stdout, stderr) { StderrIsTerminal = true };
        int exit = CliApp.Run(["parse", Seeds.Directory], console);
        Assert.True(exit == ExitCodes.Success, stderr.ToString());
        string err = stderr.ToString();
        Assert.Contains($"\r[{Seeds.Files.Length}/{Seeds.Files.Length}] ", err);
        Assert.Contains("files/s, ETA", err);
        string last = err.Split('\r')[^1];
        Assert.StartsWith(" ", err.Split('\r')[^2]); // the erasing blanks
        Assert.StartsWith("reportparser: ", last);
        Assert.StartsWith("{", stdout.ToString()); // progress never reaches stdout
    }

    [Fact]
    public void No_progress_for_a_single_input_or_with_quiet()
    {
        foreach (string[] args in new[] { new[] { "parse", Seeds.Files[0] }, ["parse", Seeds.Directory, "-q"] })
        {
            var stderr = new StringWriter();
            CliApp.Run(args, new CliConsole(TextReader.Null, new StringWriter(), stderr) { StderrIsTerminal = true });
            Assert.DoesNotContain("\r", stderr.ToString());
        }
    }
}
