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
                problems[index] = problems[index] with { Rule = check.Rule };
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

/// <summary>Writes the problems of each document, in input order, in one of the <see cref="ValidationFormat"/>s.</summary>
internal sealed class ValidationWriter(TextWriter output, ValidationFormat format)
{
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

    public void Write(ReportDocument document, IReadOnlyList<ValidationProblem> problems)
    {
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
                foreach (var p in problems)
                {
                    output.Write(GitHubAnnotation(p));
                    output.Write('\n');
                }

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

        output.Flush();
    }

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
