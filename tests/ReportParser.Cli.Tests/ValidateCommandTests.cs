using System.Text.Json;
using ReportParser.Model;
using Xunit;
using ReportParser.Diagnostics;
using ReportParser.Tests.Output;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

public sealed class ValidateCommandTests
{
    private static string Format(ValidationFormat format, params ReportDocument[] documents)
    {
        var output = new StringWriter();
        var writer = new ValidationWriter(output, format);
        writer.Begin();
        foreach (var document in documents)
        {
            writer.Write(document, ValidationProblem.From(document));
        }

        writer.End();
        return output.ToString();
    }

    [Fact]
    public void Text_lists_diagnostics_and_failed_checks_by_line_in_compiler_style()
    {
        string text = Format(ValidationFormat.Text, Fixtures.Report(), Fixtures.ErrorRecord());
        string expected = """
            corpus/a.txt:1: info RP1003: encoding detected as utf-8
            corpus/a.txt:66: warning RP3011: cell total of new_received is "-", not a number
            corpus/a.txt:66: error RP4001: T3_ROW_TOTAL failed (table3 new_received): 16 + -8 ≠ 9, 100%: off by 1
            corpus/empty.txt:1: error RP1001: the input is empty (0 bytes)

            """.Replace("\r\n", "\n");
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Text_keeps_one_line_per_problem_when_a_file_name_holds_a_newline()
    {
        // Issue 21, defect 10: a file named "a\nforged.txt:1: error RP0000: x" printed a forged diagnostic line.
        var document = Fixtures.ErrorRecord() with { Source = Fixtures.ErrorRecord().Source with { Path = "a\nforged.txt:1: error RP9999: x\u0007" } };
        string text = Format(ValidationFormat.Text, document);
        Assert.Equal("a\\nforged.txt:1: error RP9999: x\\x07:1: error RP1001: the input is empty (0 bytes)\n", text.Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_failed_check_that_a_check_diagnostic_already_reports_is_listed_once()
    {
        var document = Fixtures.Report() with
        {
            Diagnostics = [new Diagnostic(DiagnosticSeverity.Warning, "RP4004", "T3_ROW_TOTAL: 16 + -8 ≠ 9", 66)],
        };
        var problems = ValidationProblem.From(document);
        var problem = Assert.Single(problems);
        Assert.Equal("RP4004", problem.Code);
        Assert.Equal("T3_ROW_TOTAL", problem.Rule);
    }

    [Fact]
    public void Github_format_writes_escaped_workflow_annotations()
    {
        string text = Format(ValidationFormat.GitHub, Fixtures.Report() with { Source = Fixtures.Report().Source with { Path = "dir,1/a:b.txt" } });
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(
            [
                "::notice file=dir%2C1/a%3Ab.txt,line=1,title=RP1003::encoding detected as utf-8",
                "::warning file=dir%2C1/a%3Ab.txt,line=66,title=RP3011::cell total of new_received is \"-\", not a number",
                "::error file=dir%2C1/a%3Ab.txt,line=66,title=RP4001::T3_ROW_TOTAL failed (table3 new_received): 16 + -8 ≠ 9, 100%25: off by 1",
            ],
            lines);
    }

    [Fact]
    public void Github_escaping_follows_the_actions_toolkit()
    {
        Assert.Equal("a%25b%0D%0Ac:d,e", ValidationWriter.EscapeData("a%b\r\nc:d,e"));
        Assert.Equal("a%25b%0D%0Ac%3Ad%2Ce", ValidationWriter.EscapeProperty("a%b\r\nc:d,e"));
    }

    [Fact]
    public void Json_format_is_one_array_with_an_object_per_file()
    {
        string json = Format(ValidationFormat.Json, Fixtures.Report(), Fixtures.ErrorRecord());
        var files = JsonDocument.Parse(json).RootElement;
        Assert.Equal(2, files.GetArrayLength());
        Assert.Equal("corpus/a.txt", files[0].GetProperty("file").GetString());
        Assert.Equal("errors", files[0].GetProperty("status").GetString());
        var failed = files[0].GetProperty("problems")[2];
        Assert.Equal(66, failed.GetProperty("line").GetInt32());
        Assert.Equal("error", failed.GetProperty("severity").GetString());
        Assert.Equal("RP4001", failed.GetProperty("code").GetString());
        Assert.Equal("T3_ROW_TOTAL", failed.GetProperty("rule").GetString());
        Assert.Equal("failed", files[1].GetProperty("status").GetString());
        Assert.Equal("[]\n", Format(ValidationFormat.Json));
    }

    [Fact]
    public void Validate_on_clean_inputs_exits_0()
    {
        var run = Cli.Run("validate", Seeds.Directory, "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public void Validate_on_an_error_record_exits_1_and_names_the_file()
    {
        using var dir = new TempDir();
        string empty = dir.Write("empty.txt", "");
        var run = Cli.Run("validate", empty, Seeds.Files[0]);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains($"{empty}:1: error RP1001: ", run.Stdout);
        Assert.Contains("reportparser: 2 files, 1 checked", run.Stderr);

        var github = Cli.Run("validate", empty, "-f", "github", "-q");
        Assert.Equal(ExitCodes.Failed, github.ExitCode);
        Assert.StartsWith("::error file=", github.Stdout);

        var json = Cli.Run("validate", empty, "-f", "json", "-q");
        Assert.Equal(ExitCodes.Failed, json.ExitCode);
        Assert.Equal("failed", JsonDocument.Parse(json.Stdout).RootElement[0].GetProperty("status").GetString());
    }

    [Fact]
    public void Strict_makes_warnings_fail()
    {
        // A line over the line limit is a warning of the reading stage (RP1010).
        using var dir = new TempDir();
        string seed = File.ReadAllText(Seeds.Files[2]);
        string file = dir.Write("long-line.txt", seed + new string('表', 300_000));
        var plain = Cli.Run("validate", file, "-q");
        var strict = Cli.Run("validate", file, "--strict", "-q");
        bool hasWarning = plain.Stdout.Contains(": warning ", StringComparison.Ordinal);
        bool hasError = plain.Stdout.Contains(": error ", StringComparison.Ordinal);
        Assert.True(hasWarning, "the input was meant to produce a warning:\n" + plain);
        Assert.Equal(hasError ? ExitCodes.Failed : ExitCodes.Success, plain.ExitCode);
        Assert.Equal(ExitCodes.Failed, strict.ExitCode);
    }

    [Fact]
    public void Validate_usage_errors_exit_2()
    {
        Assert.Equal(ExitCodes.Usage, Cli.Run("validate", "/no/such/file.txt").ExitCode);
        Assert.Equal(ExitCodes.Usage, Cli.Run("validate", Seeds.Directory, "-f", "sarif").ExitCode);
    }
}
