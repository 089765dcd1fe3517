using ReportParser.Model;
using ReportParser.Diagnostics;

namespace ReportParser;

/// <summary>The outcome of parsing one input: always a document, possibly an error record.</summary>
public sealed record ParseResult(ReportDocument Document)
{
    /// <summary>True when the input could not be read as a report at all.</summary>
    public bool Failed => Document.Error is not null;

    public bool HasErrors => Failed || Document.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public bool HasWarnings => Document.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning);
}
