using System.Diagnostics;
using System.Globalization;
using ReportParser.Model;
using ReportParser.Diagnostics;

namespace ReportParser.Cli;

/// <summary>Counts the outcomes of a run and prints the one-line summary.</summary>
internal sealed class RunSummary
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public int Files { get; private set; }
    /// <summary>Parsed with no warning or error diagnostics.</summary>
    public int Clean { get; private set; }
    /// <summary>Parsed, with warnings but no errors.</summary>
    public int WithWarnings { get; private set; }
    /// <summary>Parsed, with error diagnostics (for example a failed 勾稽 rule).</summary>
    public int WithErrors { get; private set; }
    /// <summary>Error records: not readable, not a report, timed out, or the output could not be written.</summary>
    public int Failed { get; private set; }
    /// <summary>Not parsed because the output already existed (<c>--skip-existing</c>).</summary>
    public int Skipped { get; private set; }

    public int Parsed => Clean + WithWarnings + WithErrors;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>How many failed inputs the end of a run names (the rest are counted): enough to see a pattern, few enough to read.</summary>
    public const int MaxListedFailures = 20;

    private readonly List<string> _failures = [];

    private void NoteFailure(BatchResult result, string code, string message)
    {
        if (_failures.Count < MaxListedFailures)
        {
            _failures.Add($"reportparser: failed: {ValidationProblem.EscapeControls(result.Item.DisplayName)}: {code} {ValidationProblem.EscapeControls(message)}");
        }
    }

    /// <summary>The failed inputs with their codes, one line each, the first <see cref="MaxListedFailures"/> and then how many more.</summary>
    public IEnumerable<string> FailureLines()
    {
        foreach (string line in _failures)
        {
            yield return line;
        }

        if (Failed > _failures.Count)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"reportparser: and {Failed - _failures.Count} more failed input{(Failed - _failures.Count == 1 ? "" : "s")}");
        }
    }

    public void Add(BatchResult result)
    {
        Files++;
        if (result.Document is not { } document)
        {
            Skipped++;
        }
        else if (document.Error is { } error)
        {
            Failed++;
            NoteFailure(result, error.Code, error.Message);
        }
        else if (document.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            WithErrors++;
        }
        else if (document.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning))
        {
            WithWarnings++;
        }
        else
        {
            Clean++;
        }
    }

    /// <summary>An input that was parsed but whose output could not be written counts as failed.</summary>
    public void MarkWriteFailed(BatchResult result)
    {
        if (result.Document is { } document && document.Error is null)
        {
            if (document.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                WithErrors--;
            }
            else if (document.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning))
            {
                WithWarnings--;
            }
            else
            {
                Clean--;
            }

            Failed++;
            NoteFailure(result, "write", "the output could not be written");
        }
    }

    /// <summary><c>reportparser: 1000 files, 980 parsed (950 clean, 25 with warnings, 5 with errors), 20 failed, 0 skipped, 12.3 s</c></summary>
    public string Format(string verb = "parsed") => string.Create(CultureInfo.InvariantCulture,
        $"reportparser: {Files} file{(Files == 1 ? "" : "s")}, {Parsed} {verb} ({Clean} clean, {WithWarnings} with warnings, {WithErrors} with errors), {Failed} failed, {Skipped} skipped, {Elapsed.TotalSeconds:0.0} s");
}
