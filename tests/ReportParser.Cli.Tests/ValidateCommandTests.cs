using System.Text.Json;
using ReportParser.Model;
using Xunit;
using ReportParser.Diagnostics;
using ReportParser.Tests.Output;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

public sealed class ValidateCommandTests
{
    private static string Format(ValidationFormat format, params ReportDocument[] documents) =>
        Format(format, DiagnosticSeverity.Info, documents);

    private static string Format(ValidationFormat format, DiagnosticSeverity minSeverity, params ReportDocument[] documents)
    {
        var output = new StringWriter();
        var writer = new ValidationWriter(output, format, minSeverity, "reportparser validate corpus");
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
                "::group::dir,1/a:b.txt: 1 error, 1 warning, 1 info",
                "::error file=dir%2C1/a%3Ab.txt,line=66,title=RP4001::T3_ROW_TOTAL failed (table3 new_received): 16 + -8 ≠ 9, 100%25: off by 1",
                "::warning file=dir%2C1/a%3Ab.txt,line=66,title=RP3011::cell total of new_received is \"-\", not a number",
                "::notice file=dir%2C1/a%3Ab.txt,line=1,title=RP1003::encoding detected as utf-8",
                "::endgroup::",
                "::notice title=reportparser validate::1 file checked, 1 with problems: 1 error, 1 warning, 1 info. Annotated: 3 of 3 (info and above, at most 10 per file; GitHub shows about 10 of each type per step). See them all with: reportparser validate corpus --min-severity info -f text",
            ],
            lines);
    }

    [Fact]
    public void Github_annotations_are_capped_per_file_and_the_summary_keeps_the_true_counts()
    {
        var diagnostics = Enumerable.Range(1, 30).Select(i => new Diagnostic(i % 3 == 0 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "RP3011", $"problem {i}", 100 + i))
            .Concat(Enumerable.Range(1, 5).Select(i => new Diagnostic(DiagnosticSeverity.Info, "RP1003", $"note {i}", i)))
            .ToArray();
        var noisy = Fixtures.Report() with { Diagnostics = diagnostics, Checks = [] };
        var lines = Format(ValidationFormat.GitHub, DiagnosticSeverity.Warning, noisy, noisy).TrimEnd('\n').Split('\n');

        var annotations = lines.Where(l => l.StartsWith("::error ") || l.StartsWith("::warning ") || l.StartsWith("::notice file")).ToArray();
        Assert.Equal(2 * ValidationWriter.MaxAnnotationsPerFile, annotations.Length);
        Assert.Equal(2, lines.Count(l => l.StartsWith("::group::corpus/a.txt: 10 errors, 20 warnings")));
        // Errors first: the nine shown are errors, the tenth says what is left.
        Assert.All(annotations.Take(9), a => Assert.StartsWith("::error ", a));
        Assert.Contains("21 more in this file (1 error, 20 warnings); see them all with: reportparser validate corpus/a.txt", annotations[9]);
        Assert.DoesNotContain(lines, l => l.Contains("RP1003"));
        Assert.Equal("::notice title=reportparser validate::2 files checked, 2 with problems: 20 errors, 40 warnings, 10 infos. Annotated: 20 of 70 (warning and above, at most 10 per file; GitHub shows about 10 of each type per step). See them all with: reportparser validate corpus --min-severity info -f text", lines[^1]);
    }

    [Fact]
    public void A_failed_rule_is_annotated_at_the_failing_row_not_the_table_heading()
    {
        var document = Fixtures.Report() with
        {
            Diagnostics = [new Diagnostic(DiagnosticSeverity.Error, "RP4001", "T3_ROW_TOTAL 表三 new_received.total: 16 + -8 ≠ 9", 40)],
        };
        var problem = Assert.Single(ValidationProblem.From(document));
        Assert.Equal(66, problem.Line); // the check's row line, not the heading at 40
        Assert.Equal("T3_ROW_TOTAL", problem.Rule);
    }

    [Theory]
    [InlineData("error", new[] { ": error " })]
    [InlineData("warning", new[] { ": error ", ": warning " })]
    [InlineData("info", new[] { ": error ", ": warning ", ": info " })]
    public void Min_severity_filters_the_listing_but_not_the_exit_code(string min, string[] kept)
    {
        using var dir = new TempDir();
        string file = dir.Write("long-line.txt", File.ReadAllText(Seeds.Files[2]) + new string('表', 300_000)); // RP1010, a warning
        var all = Cli.Run("validate", file, "-q");
        var filtered = Cli.Run("validate", file, "--min-severity", min, "--strict", "-q");
        Assert.Contains(all.StdoutLines, l => l.Contains(": warning "));
        Assert.Equal(all.StdoutLines.Where(l => kept.Any(k => l.Contains(k))), filtered.StdoutLines);
        Assert.Equal(ExitCodes.Failed, filtered.ExitCode); // --strict: the warning fails the run, listed or not
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
