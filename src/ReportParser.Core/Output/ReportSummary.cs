using System.Globalization;
using ReportParser.Model;

namespace ReportParser.Output;

/// <summary>
/// What the views a person reads (xlsx, text, HTML) show of a report before and after its tables: the metadata
/// fields with their bilingual names, in one order, and the checks counted with the failed ones listed.
/// </summary>
internal sealed class ReportSummary
{
    private ReportSummary(IReadOnlyList<ReportField> fields, int passed, int notAssessable, IReadOnlyList<CheckResult> failed)
    {
        Fields = fields;
        Passed = passed;
        NotAssessable = notAssessable;
        Failed = failed;
    }

    /// <summary>The metadata that is known, as (name, value) in display order.</summary>
    public IReadOnlyList<ReportField> Fields { get; }

    public int Passed { get; }

    public int NotAssessable { get; }

    /// <summary>The failed checks, in the document's order.</summary>
    public IReadOnlyList<CheckResult> Failed { get; }

    /// <summary>The checks in one line: <c>45 pass, 0 fail, 0 not assessable</c>.</summary>
    public string CheckCounts => $"{Passed} pass, {Failed.Count} fail, {NotAssessable} not assessable";

    /// <summary>The number of a report's diagnostics of one severity.</summary>
    public static int Count(ReportDocument document, ReportParser.Diagnostics.DiagnosticSeverity severity)
    {
        int count = 0;
        foreach (var d in document.Diagnostics)
        {
            count += d.Severity == severity ? 1 : 0;
        }

        return count;
    }

    public static ReportSummary Of(ReportDocument document)
    {
        var m = document.Metadata;
        var fields = new List<ReportField>();
        Add("标题 title", m?.Title);
        Add("机关 agency", m?.Agency);
        Add("年度 year", m?.ReportYear?.ToString(CultureInfo.InvariantCulture));
        Add("模板 template", m?.Template);
        Add("索引号 index number", m?.IndexNumber);
        Add("文号 document number", m?.DocumentNumber);
        Add("成文日期 written", m?.WrittenDate);
        Add("发布日期 published", m?.PublishedDate);
        Add("网址 url", document.Source.Url);
        Add("SHA-256", document.Source.Sha256);

        int passed = 0, notAssessable = 0;
        var failed = new List<CheckResult>();
        foreach (var check in document.Checks ?? [])
        {
            if (check.Status == CheckStatus.Fail)
            {
                failed.Add(check);
            }
            else if (check.Status == CheckStatus.Pass)
            {
                passed++;
            }
            else
            {
                notAssessable++;
            }
        }

        return new ReportSummary(fields, passed, notAssessable, failed);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                fields.Add(new ReportField(name, value));
            }
        }
    }
}

/// <summary>One metadata field of a view: its bilingual name and its value.</summary>
internal sealed record ReportField(string Name, string Value);
