using ReportParser.Model;
using ReportParser.Normalization;
using ReportParser.Templates;
using ReportParser.Text;

namespace ReportParser.Tables;

/// <summary>Shared wording and output shaping for the table builders.</summary>
internal static class TableText
{
    /// <summary>A template label as the output shows it: as the official form prints it.</summary>
    public static string Label(string templateLabel) => templateLabel;

    public static string Split(IEnumerable<CellValue> cells) => string.Join("|", cells.Select(c => c.Text.Length == 0 ? "_" : c.Text));

    /// <summary>Up to <paramref name="max"/> candidate splits, then "and N more".</summary>
    public static string Candidates(IReadOnlyList<CellValue[]> candidates, int total, int max = 5)
    {
        string listed = string.Join("; ", candidates.Take(max).Select(Split));
        return total > max ? $"{listed}; and {total - max} more" : listed;
    }

    public static TableRow Row(string key, string label, int? line, IReadOnlyList<TemplateColumn> columns, CellValue?[] cells, string? uncertainRaw)
    {
        var values = new CellValues(columns.Count);
        var raw = new Dictionary<string, string>();
        for (int i = 0; i < columns.Count; i++)
        {
            var cell = i < cells.Length ? cells[i] : null;
            values.Set(columns[i].Key, cell?.Value);
            if (cell?.Raw is { } text)
            {
                raw[columns[i].Key] = text;
            }
            else if (cell is null && uncertainRaw is not null)
            {
                raw[columns[i].Key] = uncertainRaw;
            }
        }

        return new TableRow { Key = key, Label = label, Line = line, Values = values, Raw = raw };
    }

    /// <summary>A reconstructed table of <paramref name="template"/> found in <paramref name="region"/>.</summary>
    public static StatTable Table(TableTemplate template, TableRegion region, int? line, IReadOnlyList<TableRow> rows, string status,
        IReadOnlyList<TableRow>? extraRows = null) => new()
    {
        Key = template.Table,
        Section = region.Section,
        Template = template.Template,
        Status = status,
        Line = line,
        Columns = Columns(template.Columns),
        Rows = rows,
        ExtraRows = extraRows is { Count: > 0 } ? extraRows : null,
    };

    public static StatTable Absent(string table, int section, string template) =>
        new() { Key = table, Section = section, Template = template, Status = TableStatus.Absent };

    public static IReadOnlyList<TableColumn> Columns(IEnumerable<TemplateColumn> columns) =>
        columns.Select(c => new TableColumn(c.Key, Label(c.Label))).ToArray();
}
