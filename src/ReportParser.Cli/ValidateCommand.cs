using System.CommandLine;
using ReportParser.Model;
using ReportParser.Diagnostics;

namespace ReportParser.Cli;

/// <summary>
/// <c>reportparser validate</c>: parses the inputs and lists every diagnostic and failed check,
/// for people (<c>text</c>), programs (<c>json</c>) or GitHub Actions (<c>github</c>).
/// Exit 0 when nothing is an error (nor a warning, with <c>--strict</c>), 1 otherwise.
/// </summary>
internal sealed class ValidateCommand : BatchCommand
{
    public ValidateCommand(CliConsole console)
        : base("validate", "Check reports: list diagnostics and failed checks; exit 1 on errors.", console)
    {
        OptionValues.OneOf(Format, "text", "json", "github");
        OptionValues.OneOf(MinSeverity, "info", "warning", "error");
        Options.Add(Format);
        Options.Add(Strict);
        Options.Add(MinSeverity);
    }

    public Option<string?> MinSeverity { get; } = new("--min-severity")
    {
        Description = "List only problems of this severity or above: info, warning or error. Default: warning for -f github, info otherwise. The exit code and the counts always cover every problem.",
    };

    public Option<string?> Format { get; } = new("--format", "-f")
    {
        Description = "text (file:line: severity code: message), json (one object per file) or github (workflow annotations).",
        DefaultValueFactory = _ => "text",
    };

    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Warnings fail the run too.",
    };

    protected override int Execute(System.CommandLine.ParseResult result, CancellationToken cancellationToken)
    {
        var format = result.GetValue(Format) switch
        {
            "json" => ValidationFormat.Json,
            "github" => ValidationFormat.GitHub,
            _ => ValidationFormat.Text,
        };
        bool strict = result.GetValue(Strict);
        var items = SelectShard(result, ResolveInputs(result, skipDirectory: null));
        var minSeverity = result.GetValue(MinSeverity) switch
        {
            "info" => DiagnosticSeverity.Info,
            "warning" => DiagnosticSeverity.Warning,
            "error" => DiagnosticSeverity.Error,
            _ => format == ValidationFormat.GitHub ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info,
        };
        var writer = new ValidationWriter(Console.Stdout, format, minSeverity, SeeAllCommand(result));
        bool failed = false;
        writer.Begin();
        var summary = RunBatch(result, items, Common.PipelineOptions(result, keepOriginal: false), skip: null, (r, _) =>
        {
            var document = r.Document!;
            var problems = ValidationProblem.From(document);
            failed |= document.Error is not null
                || problems.Any(p => p.Severity == DiagnosticSeverity.Error || (strict && p.Severity == DiagnosticSeverity.Warning));
            writer.Write(document, problems);
        }, cancellationToken);
        writer.End();

        PrintSummary(result, summary, "checked");
        return failed ? ExitCodes.Failed : ExitCodes.Success;
    }

    /// <summary>The command that lists this run's problems (its inputs and globs), for the GitHub summary.</summary>
    private string SeeAllCommand(System.CommandLine.ParseResult result)
    {
        var words = new List<string> { "reportparser", "validate" };
        foreach (string input in result.GetValue(Common.Inputs) ?? [])
        {
            words.Add(ValidationWriter.ShellQuote(input));
        }

        foreach (string glob in result.GetValue(Common.Include) ?? [])
        {
            words.Add("--include");
            words.Add(ValidationWriter.ShellQuote(glob));
        }

        return string.Join(' ', words);
    }
}
