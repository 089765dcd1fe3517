using ReportParser.Diagnostics;
using ReportParser.Model;

namespace ReportParser.Panel;

/// <summary>The kinds of evidence an agency grouping rests on, strongest first.</summary>
internal static class AgencyEvidence
{
    /// <summary>A line of the user's mapping file (<c>--agencies</c>).</summary>
    public const string Mapping = "mapping";

    /// <summary>The prefix of the 索引号 (<c>tanchengzwfwbgs/2023-0000332</c> → <c>tanchengzwfwbgs</c>), with the name.</summary>
    public const string IndexNumber = "index_number";

    /// <summary>The source URL's host and folder (date folders and the file left out), with the name.</summary>
    public const string Url = "url";

    /// <summary>The normalised agency name alone.</summary>
    public const string Name = "name";

    /// <summary>Nothing: the report stands alone.</summary>
    public const string None = "none";
}

/// <summary>The agency a report was grouped under, and on what evidence (<see cref="AgencyEvidence"/> and the key it read).</summary>
internal sealed record AgencyAssignment(string AgencyId, string? AgencyName, string Evidence, string EvidenceKey);

/// <summary>A problem across reports (a grouping conflict, a duplicate agency-year), with the files it concerns.</summary>
internal sealed record PanelDiagnostic(DiagnosticSeverity Severity, string Code, string Message, IReadOnlyList<string> Files);

/// <summary>
/// One cross-year rule instance between an agency's reports of <see cref="OlderYear"/> and <see cref="NewerYear"/>:
/// pass, fail or not_assessable, with the numbers in the message and both files and lines.
/// </summary>
internal sealed record CrossYearResult(
    string Rule,
    string AgencyId,
    string Table,
    string Row,
    string Column,
    bool Official,
    string Status,
    string Message,
    int OlderYear,
    string OlderFile,
    int? OlderLine,
    int NewerYear,
    string NewerFile,
    int? NewerLine);

/// <summary>One (agency, year, report) of a panel: a second report of the same agency-year is another row, flagged in <see cref="DuplicateFiles"/>.</summary>
internal sealed record PanelRow(
    AgencyAssignment Agency,
    ReportDocument Document,
    IReadOnlyList<string> DuplicateFiles,
    IReadOnlyList<string> PreviousYearFiles,
    IReadOnlyList<CrossYearResult> CrossChecks,
    IReadOnlyList<PanelDiagnostic> Diagnostics)
{
    /// <summary>
    /// The prose reused from the previous year's report (the first of <see cref="PreviousYearFiles"/>), as
    /// <c>compare</c> counts it; null without a previous year or when the reports' text was not kept.
    /// </summary>
    public ReportComparison? Reuse { get; init; }

    public string File => Document.Source.Path;

    public int? Year => Document.Metadata?.ReportYear;
}

/// <summary>A panel: its rows by agency and year, every cross-year result, and the diagnostics across reports.</summary>
internal sealed record ReportPanel(IReadOnlyList<PanelRow> Rows, IReadOnlyList<CrossYearResult> CrossChecks, IReadOnlyList<PanelDiagnostic> Diagnostics);
