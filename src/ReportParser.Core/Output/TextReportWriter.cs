using System.Globalization;
using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Text;

namespace ReportParser.Output;

/// <summary>
/// A report as a person reads it on a terminal: metadata, the section headings, the three tables as aligned grids
/// with their Chinese labels (wide characters count two columns), then the failed checks and the warnings and
/// errors in words. With <c>color</c>, failed cells and problems are red, uncertain cells and warnings yellow (ANSI).
/// </summary>
internal static class TextReportWriter
{
    /// <summary>The widest a label column grows; longer labels are cut with …, so rows stay on one line.</summary>
    public const int DefaultMaxLabelWidth = 40;

    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    public static string Render(ReportDocument document, bool color)
    {
        var text = new StringBuilder();
        string Paint(string s, string code) => color ? code + s + Reset : s;

        text.Append(Paint($"{document.Source.Path}", Bold)).Append('\n');
        if (document.Error is { } error)
        {
            text.Append(Paint($"error {error.Code}: {error.Message}", Red)).Append('\n');
            return text.ToString();
        }

        var summary = ReportSummary.Of(document);
        foreach (var field in summary.Fields)
        {
            text.Append(DisplayWidth.Pad(field.Name, 22)).Append(field.Value).Append('\n');
        }

        if (document.Sections is { Count: > 0 } sections)
        {
            text.Append('\n').Append(Paint("章节 sections", Bold)).Append('\n');
            foreach (var section in sections)
            {
                text.Append($"  {section.Heading}").Append(Paint($"  (line {section.Line})", "\u001b[2m")).Append('\n');
                foreach (var sub in section.Subsections)
                {
                    text.Append($"    {sub.Heading}").Append('\n');
                }
            }
        }

        foreach (var table in document.Tables ?? [])
        {
            text.Append('\n').Append(Paint($"{TableKeysName(table)}  ({table.Status}{(table.Line is { } l ? $", line {l}" : "")})", Bold)).Append('\n');
            if (table.Status == TableStatus.Absent)
            {
                continue;
            }

            WriteGrid(text, TableGrid.Build(table, document.Checks), Paint);
        }

        if (document.LegacyStats is { } legacy)
        {
            var grid = TableGrid.Legacy(legacy, document.Checks);
            text.Append('\n').Append(Paint($"{grid.Name}  ({grid.Status}{(grid.Line is { } l ? $", line {l}" : "")})", Bold)).Append('\n');
            WriteGrid(text, grid, Paint);
        }

        text.Append('\n').Append(Paint("勾稽 checks", Bold)).Append($": {summary.CheckCounts}").Append('\n');
        foreach (var check in summary.Failed)
        {
            text.Append("  ").Append(Paint($"✗ {check.Rule} {TableName(check.Table)}", Red))
                .Append($"{(check.Line is { } line ? $" (line {line})" : "")}: {check.Message}").Append('\n');
        }

        var problems = new List<Diagnostic>();
        foreach (var diagnostic in document.Diagnostics)
        {
            if (diagnostic.Severity != DiagnosticSeverity.Info)
            {
                problems.Add(diagnostic);
            }
        }

        text.Append('\n').Append(Paint("诊断 diagnostics", Bold)).Append($": {problems.Count} warnings and errors, {document.Diagnostics.Count - problems.Count} infos").Append('\n');
        foreach (var d in problems)
        {
            string severity = Diagnostic.SeverityName(d.Severity);
            text.Append("  ").Append(Paint($"{severity} {d.Code}", d.Severity == DiagnosticSeverity.Error ? Red : Yellow))
                .Append($"{(d.Line is { } line ? $" (line {line})" : "")}: {d.Message}").Append('\n');
        }

        return text.ToString();
    }

    private static string TableName(string key) => ReportParser.Templates.TableKeys.Name(key);

    private static string TableKeysName(StatTable table) => TableName(table.Key);

    /// <summary>Each section as aligned columns: the label column on the left, numbers right-aligned under their headers.</summary>
    private static void WriteGrid(StringBuilder text, TableGrid grid, Func<string, string, string> paint)
    {
        foreach (var section in grid.Sections)
        {
            if (section.Title is { } title)
            {
                text.Append("  ").Append(title).Append('\n');
            }

            int labelWidth = DisplayWidth.Of(section.Heading ?? "");
            foreach (var row in section.Rows)
            {
                labelWidth = Math.Max(labelWidth, DisplayWidth.Of(Label(row)));
            }

            labelWidth = Math.Min(labelWidth, DefaultMaxLabelWidth);
            var widths = new int[section.Columns.Count];
            for (int i = 0; i < widths.Length; i++)
            {
                widths[i] = DisplayWidth.Of(section.Columns[i].Label);
                foreach (var row in section.Rows)
                {
                    if (i < row.Cells.Count)
                    {
                        widths[i] = Math.Max(widths[i], DisplayWidth.Of(CellText(row.Cells[i])));
                    }
                }
            }

            // 表二's blocks print 信息内容 over the labels; 表三 prints 申请人情况 over the value columns.
            bool overValues = section.Title is null && section.Heading is not null;
            if (overValues)
            {
                text.Append("  ").Append(new string(' ', labelWidth)).Append("  ").Append(section.Heading).Append('\n');
            }

            text.Append("  ").Append(DisplayWidth.Pad(overValues ? "" : Cut(section.Heading ?? "", labelWidth), labelWidth));
            for (int i = 0; i < widths.Length; i++)
            {
                text.Append("  ").Append(DisplayWidth.Pad(section.Columns[i].Label, widths[i], right: true));
            }

            text.Append('\n');
            foreach (var row in section.Rows)
            {
                text.Append("  ").Append(row.IsGroup ? Label(row) : DisplayWidth.Pad(Cut(Label(row), labelWidth), labelWidth));
                for (int i = 0; i < row.Cells.Count; i++)
                {
                    var cell = row.Cells[i];
                    string value = DisplayWidth.Pad(CellText(cell), widths[i], right: true);
                    text.Append("  ").Append(cell.Failed ? paint(value, Red) : cell.Uncertain ? paint(value, Yellow) : value);
                }

                text.Append('\n');
            }
        }
    }

    private static string Label(GridRow row) => new string(' ', 2 * row.Level) + row.Label;

    /// <summary>A cell as shown: the number; the source text in brackets when uncertain (<c>[1111?]</c>); a failed cell ends in <c>!</c>.</summary>
    private static string CellText(GridCell cell) =>
        (cell.Uncertain ? $"[{cell.Raw}?]" : cell.Value is { } v ? CsvReportWriter.FormatValue(v) : "") + (cell.Failed ? "!" : "");

    private static string Cut(string text, int width)
    {
        if (DisplayWidth.Of(text) <= width)
        {
            return text;
        }

        var cut = new StringBuilder();
        foreach (char c in text)
        {
            if (DisplayWidth.Of(cut.ToString() + c) > width - 1)
            {
                break;
            }

            cut.Append(c);
        }

        return cut.Append('…').ToString();
    }
}
