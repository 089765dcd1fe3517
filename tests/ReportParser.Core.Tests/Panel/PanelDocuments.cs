using ReportParser.Model;

namespace ReportParser.Tests.Panel;

/// <summary>Small hand-made report documents for the panel tests: metadata, a URL, and the cells a test names.</summary>
internal static class PanelDocuments
{
    public static ReportDocument Report(string path, string? agency, int? year, string template = TemplateNames.Gov2021,
        string? url = null, string? index = null, params (string Table, string Row, string Column, decimal? Value, string? Raw)[] cells)
    {
        var tables = new List<StatTable>();
        foreach (var group in cells.GroupBy(c => c.Table))
        {
            var rows = new List<TableRow>();
            foreach (var row in group.GroupBy(c => c.Row))
            {
                rows.Add(new TableRow
                {
                    Key = row.Key,
                    Label = row.Key,
                    Line = 10,
                    Values = row.ToDictionary(c => c.Column, c => c.Value),
                    Raw = row.Where(c => c.Raw is not null).ToDictionary(c => c.Column, c => c.Raw!),
                });
            }

            tables.Add(new StatTable { Key = group.Key, Template = template, Status = TableStatus.Complete, Rows = rows });
        }

        return new ReportDocument
        {
            Source = new SourceInfo(path, "text", "utf-8", 0, "", url),
            Metadata = new ReportMetadata { Agency = agency, ReportYear = year, Template = template, IndexNumber = index },
            Tables = tables,
        };
    }

    /// <summary>表三 二、上年结转 and 四、结转下年度继续办理 in every applicant column (natural persons given, the rest 0).</summary>
    public static (string, string, string, decimal?, string?)[] Carry(decimal? carriedOver, decimal? carriedForward)
    {
        string[] columns = ["natural_person", "commercial_enterprise", "research_institution", "public_interest_org", "legal_service_org", "other_org", "total"];
        var cells = new List<(string, string, string, decimal?, string?)>();
        foreach (string column in columns)
        {
            bool counted = column is "natural_person" or "total";
            cells.Add(("table3", "carried_over", column, counted ? carriedOver : 0, null));
            cells.Add(("table3", "carried_forward", column, counted ? carriedForward : 0, null));
        }

        return [.. cells];
    }
}
