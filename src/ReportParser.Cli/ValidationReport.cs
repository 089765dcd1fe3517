using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportParser.Model;
using ReportParser.Diagnostics;

namespace ReportParser.Cli;

/// <summary>One problem <c>validate</c> reports: a diagnostic, a failed check, or the error of an error record.</summary>
internal sealed record ValidationProblem(string File, int Line, DiagnosticSeverity Severity, string Code, string Message, string? Rule = null)
{
    /// <summary>The code failed 勾稽 checks are reported under when no diagnostic of the check stage describes them.</summary>
    public const string FailedCheckCode = "RP4001";

    /// <summary>
    /// The problems of one document, by line: every diagnostic; the error of an error record (when no
    /// diagnostic already carries its code); every failed check, at the table's line, unless a diagnostic
    /// of the check stage (RP4xxx) already names its rule.
    /// </summary>
    public static IReadOnlyList<ValidationProblem> From(ReportDocument document)
    {
        string file = document.Source.Path;
        var problems = document.Diagnostics
            .Select(d => new ValidationProblem(file, d.Line ?? 1, d.Severity, d.Code, d.Message))
            .ToList();
        if (document.Error is { } error && !document.Diagnostics.Any(d => d.Code == error.Code))
        {
            problems.Insert(0, new ValidationProblem(file, 1, DiagnosticSeverity.Error, error.Code, error.Message));
        }

        foreach (var check in document.Checks ?? [])
        {
            if (check.Status != CheckStatus.Fail)
            {
                continue;
            }

            int index = problems.FindIndex(p => p.Code.StartsWith("RP4", StringComparison.Ordinal) && p.Rule is null && p.Message.Contains(check.Rule, StringComparison.Ordinal));
            if (index >= 0)
            {
                // The diagnostic stands at the table's heading; the check knows the failing row's line.
                problems[index] = problems[index] with { Rule = check.Rule, Line = check.Line ?? problems[index].Line };
                continue;
            }

            string where = string.Join(" ", new[] { check.Table, check.Row, check.Column }.Where(s => !string.IsNullOrEmpty(s)));
            problems.Add(new ValidationProblem(file, check.Line ?? 1, DiagnosticSeverity.Error, FailedCheckCode, $"{check.Rule} failed ({where}): {check.Message}", check.Rule));
        }

        return problems.OrderBy(p => p.Line).ToArray(); // stable: same line keeps the order above
    }

    /// <summary>
    /// Compiler style: <c>file:line: severity RPnnnn: message</c>, always one line: control characters in the
    /// file name or message (a name with a newline could forge further diagnostic lines) are written as
    /// <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\xNN</c>.
    /// </summary>
    public string ToText() => $"{EscapeControls(File)}:{Line}: {Diagnostic.SeverityName(Severity)} {Code}: {EscapeControls(Message)}";

    /// <summary>The text with its control characters written as C escapes; the same string when it has none.</summary>
    internal static string EscapeControls(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}

/// <summary>Output formats of <c>validate</c>.</summary>
internal enum ValidationFormat
{
    Text,
    Json,
    GitHub,
}

/// <summary>
/// Writes the problems of each document, in input order, in one of the <see cref="ValidationFormat"/>s, those
/// of at least <paramref name="minSeverity"/>. For GitHub, which shows only about ten annotations of each type
/// per step, each file's annotations are a log group of at most <see cref="MaxAnnotationsPerFile"/> (errors
/// first; the last one says how many more the file has), and <see cref="End"/> adds one notice with the true
/// counts of the run and <paramref name="seeAll"/>, the command that lists everything.
/// </summary>
internal sealed class ValidationWriter(TextWriter output, ValidationFormat format, DiagnosticSeverity minSeverity = DiagnosticSeverity.Info, string? seeAll = null)
{
    /// <summary>
    /// Annotations per file at most in the GitHub format (the tenth names what is left out): enough for the
    /// errors of a file with a broken table, few enough that a corpus of a thousand files stays readable.
    /// </summary>
    public const int MaxAnnotationsPerFile = 10;

    // True counts over every problem, for the GitHub summary: by severity, and files with any problem.
    private readonly int[] _counts = new int[3];
    private int _filesWithProblems;
    private int _annotations;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private int _written;

    public void Begin()
    {
        if (format == ValidationFormat.Json)
        {
            output.Write('[');
        }
    }

    public void Write(ReportDocument document, IReadOnlyList<ValidationProblem> all)
    {
        var problems = all.Where(p => p.Severity >= minSeverity).ToArray();
        switch (format)
        {
            case ValidationFormat.Text:
                foreach (var p in problems)
                {
                    output.Write(p.ToText());
                    output.Write('\n');
                }

                break;
            case ValidationFormat.GitHub:
                WriteGitHub(document.Source.Path, all, problems);
                break;
            default:
                output.Write(_written == 0 ? "\n" : ",\n");
                output.Write(JsonSerializer.Serialize(new
                {
                    file = document.Source.Path,
                    status = Status(document, problems),
                    problems = problems.Select(p => new
                    {
                        line = p.Line,
                        severity = Diagnostic.SeverityName(p.Severity),
                        code = p.Code,
                        message = p.Message,
                        rule = p.Rule,
                    }),
                }, JsonOptions));
                break;
        }

        _written++;
    }

    public void End()
    {
        if (format == ValidationFormat.Json)
        {
            output.Write(_written == 0 ? "]\n" : "\n]\n");
        }
        else if (format == ValidationFormat.GitHub)
        {
            output.Write(GitHubSummary());
            output.Write('\n');
        }

        output.Flush();
    }

    /// <summary>A file's annotations as a log group: the most severe first (by line within a severity), at most <see cref="MaxAnnotationsPerFile"/>.</summary>
    private void WriteGitHub(string file, IReadOnlyList<ValidationProblem> all, ValidationProblem[] shown)
    {
        foreach (var p in all)
        {
            _counts[(int)p.Severity]++;
        }

        _filesWithProblems += all.Count > 0 ? 1 : 0;
        if (shown.Length == 0)
        {
            return;
        }

        // Stable: the same severity keeps the order by line.
        var ordered = shown.OrderByDescending(p => p.Severity).ToArray();
        int take = ordered.Length <= MaxAnnotationsPerFile ? ordered.Length : MaxAnnotationsPerFile - 1;
        output.Write($"::group::{EscapeData(file)}: {Counts(shown)}\n");
        for (int i = 0; i < take; i++)
        {
            output.Write(GitHubAnnotation(ordered[i]));
            output.Write('\n');
        }

        if (take < ordered.Length)
        {
            var rest = ordered[take..];
            var more = new ValidationProblem(file, rest[0].Line, rest[0].Severity, "reportparser",
                $"{rest.Length} more in this file ({Counts(rest)}); see them all with: reportparser validate {ShellQuote(file)}");
            output.Write(GitHubAnnotation(more));
            output.Write('\n');
            take++;
        }

        _annotations += take;
        output.Write("::endgroup::\n");
    }

    /// <summary>One notice with the run's true counts (of every severity) and how to see what was not annotated.</summary>
    private string GitHubSummary()
    {
        int total = _counts[0] + _counts[1] + _counts[2];
        string message = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{_written} file{(_written == 1 ? "" : "s")} checked, {_filesWithProblems} with problems: {_counts[2]} error{(_counts[2] == 1 ? "" : "s")}, {_counts[1]} warning{(_counts[1] == 1 ? "" : "s")}, {_counts[0]} info{(_counts[0] == 1 ? "" : "s")}. ")
            + $"Annotated: {_annotations} of {total} ({Diagnostic.SeverityName(minSeverity)} and above, at most {MaxAnnotationsPerFile} per file; GitHub shows about 10 of each type per step). "
            + $"See them all with: {seeAll ?? "reportparser validate <inputs>"} --min-severity info -f text";
        return $"::notice title=reportparser validate::{EscapeData(message)}";
    }

    private static string Counts(IReadOnlyList<ValidationProblem> problems)
    {
        int errors = 0, warnings = 0, infos = 0;
        foreach (var p in problems)
        {
            switch (p.Severity)
            {
                case DiagnosticSeverity.Error: errors++; break;
                case DiagnosticSeverity.Warning: warnings++; break;
                default: infos++; break;
            }
        }

        var parts = new List<string>(3);
        if (errors > 0)
        {
            parts.Add($"{errors} error{(errors == 1 ? "" : "s")}");
        }

        if (warnings > 0)
        {
            parts.Add($"{warnings} warning{(warnings == 1 ? "" : "s")}");
        }

        if (infos > 0)
        {
            parts.Add($"{infos} info{(infos == 1 ? "" : "s")}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>An argument as a POSIX shell reads it back: as it is when plain, else in single quotes.</summary>
    public static string ShellQuote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:@%+,".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''") + "'";

    /// <summary><c>failed</c> (error record), <c>errors</c>, <c>warnings</c> or <c>clean</c> (infos only, or nothing).</summary>
    public static string Status(ReportDocument document, IReadOnlyList<ValidationProblem> problems) =>
        document.Error is not null ? "failed"
        : problems.Any(p => p.Severity == DiagnosticSeverity.Error) ? "errors"
        : problems.Any(p => p.Severity == DiagnosticSeverity.Warning) ? "warnings"
        : "clean";

    /// <summary>
    /// A GitHub Actions workflow command: <c>::error file=…,line=…,title=RPnnnn::message</c>
    /// (<c>::warning</c> for warnings, <c>::notice</c> for infos). Property values escape % CR LF : and ,;
    /// the message escapes % CR LF, as the Actions toolkit does.
    /// </summary>
    public static string GitHubAnnotation(ValidationProblem problem)
    {
        string command = problem.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "notice",
        };
        return $"::{command} file={EscapeProperty(problem.File)},line={problem.Line},title={EscapeProperty(problem.Code)}::{EscapeData(problem.Message)}";
    }

    public static string EscapeData(string value) =>
        new StringBuilder(value).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    public static string EscapeProperty(string value) =>
        new StringBuilder(EscapeData(value)).Replace(":", "%3A").Replace(",", "%2C").ToString();
}
