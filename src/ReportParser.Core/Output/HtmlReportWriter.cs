using System.Globalization;
using System.Net;
using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Templates;

namespace ReportParser.Output;

/// <summary>
/// A report as one self-contained HTML page (inline style, no script, no network): metadata, sections, the tables
/// laid out like the official forms (failed checks' cells red, uncertain cells yellow, each with its reason on
/// hover), the failed checks and the diagnostics; every table, row, check and diagnostic links to its source line,
/// shown beside the source text. <see cref="RenderIndex"/> lists many reports' pages.
/// </summary>
internal static class HtmlReportWriter
{
    private const string Style = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0;color:#222;font-size:14px}
        header{padding:8px 16px;background:#f4f4f4;border-bottom:1px solid #ccc}
        h1{font-size:18px;margin:4px 0}h2{font-size:16px;margin:18px 0 6px}
        .page{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);height:calc(100vh - 64px)}
        .report{overflow:auto;padding:0 16px 32px}.source{overflow:auto;border-left:1px solid #ccc;background:#fafafa;font:12px/1.5 monospace}
        .source div{white-space:pre-wrap;padding:0 8px}.source div:target{background:#fff3b0}.source a{color:#999;display:inline-block;width:4em;text-decoration:none}
        dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px;margin:8px 0}dt{color:#666}dd{margin:0}
        table.form{border-collapse:collapse;margin:6px 0}table.form th,table.form td{border:1px solid #999;padding:2px 6px}
        table.form th{background:#eee;font-weight:normal}table.form td.n{text-align:right;min-width:3em}
        td.fail{background:#ffc7ce;color:#9c0006;font-weight:bold}td.uncertain{background:#ffeb9c}tr.group td{font-weight:bold}
        table.form td.l1{padding-left:1.5em}table.form td.l2{padding-left:3em}.fail-text{color:#9c0006}.warn-text{color:#9c5700}
        ul{margin:4px 0;padding-left:20px}li{margin:2px 0}a.line{color:#06c;font-size:12px}
        table.index{border-collapse:collapse}table.index th,table.index td{border:1px solid #bbb;padding:2px 8px}
        """;

    /// <summary>The page of one report; <paramref name="sourceText"/> is the input's text (null when it cannot be read again, as for stdin).</summary>
    public static string Render(ReportDocument document, string? sourceText)
    {
        var html = new StringBuilder();
        string title = document.Metadata?.Title ?? document.Metadata?.Agency ?? document.Source.Path;
        Open(html, title);
        html.Append("<header><h1>").Append(E(title)).Append("</h1><div>").Append(E(document.Source.Path)).Append("</div></header>\n");
        html.Append("<div class=\"page\"><main class=\"report\">\n");
        if (document.Error is { } error)
        {
            html.Append("<p class=\"fail-text\" id=\"error\">").Append(E($"{error.Code}: {error.Message}")).Append("</p>\n");
        }

        Metadata(html, document);
        Sections(html, document);
        foreach (var table in document.Tables ?? [])
        {
            Table(html, table, document.Checks);
        }

        if (document.LegacyStats is { } legacy)
        {
            Grid(html, TableGrid.Legacy(legacy, document.Checks));
        }

        Checks(html, document);
        Diagnostics(html, document);
        html.Append("</main>\n<aside class=\"source\" id=\"source\">\n");
        if (sourceText is null)
        {
            html.Append("<p>(the source text could not be read again)</p>\n");
        }
        else
        {
            int number = 0;
            foreach (string line in sourceText.Split('\n'))
            {
                number++;
                html.Append("<div id=\"L").Append(number).Append("\"><a href=\"#L").Append(number).Append("\">").Append(number).Append("</a>")
                    .Append(E(line.TrimEnd('\r'))).Append("</div>\n");
            }
        }

        html.Append("</aside></div>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>An index page: one row per report with its status and counts, linking to its page.</summary>
    public static string RenderIndex(IReadOnlyList<HtmlIndexEntry> entries)
    {
        var html = new StringBuilder();
        Open(html, "reports");
        html.Append("<header><h1>").Append(entries.Count.ToString(CultureInfo.InvariantCulture)).Append(" reports</h1></header>\n<main class=\"report\">\n");
        html.Append("<table class=\"index\"><thead><tr><th>文件 file</th><th>机关 agency</th><th>年度 year</th><th>模板 template</th><th>状态 status</th><th>勾稽失败 failed checks</th><th>警告 warnings</th><th>错误 errors</th></tr></thead><tbody>\n");
        foreach (var entry in entries)
        {
            var d = entry.Document;
            int failed = 0;
            foreach (var check in d.Checks ?? [])
            {
                failed += check.Status == CheckStatus.Fail ? 1 : 0;
            }

            int warnings = ReportSummary.Count(d, DiagnosticSeverity.Warning), errors = ReportSummary.Count(d, DiagnosticSeverity.Error);

            string status = d.Error is not null ? "failed" : errors > 0 ? "errors" : warnings > 0 ? "warnings" : "clean";
            html.Append("<tr class=\"").Append(status).Append("\"><td><a href=\"").Append(E(entry.Href)).Append("\">").Append(E(d.Source.Path)).Append("</a></td><td>")
                .Append(E(d.Metadata?.Agency ?? "")).Append("</td><td>").Append(d.Metadata?.ReportYear?.ToString(CultureInfo.InvariantCulture) ?? "").Append("</td><td>")
                .Append(E(d.Metadata?.Template ?? "")).Append("</td><td>").Append(status).Append("</td><td>").Append(failed).Append("</td><td>")
                .Append(warnings).Append("</td><td>").Append(errors).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The page's head with the shared style, up to the open body (other views, such as <c>compare</c>'s, start with it too).</summary>
    internal static void Open(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<link rel=\"icon\" href=\"data:,\">\n<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
    }

    private static void Metadata(StringBuilder html, ReportDocument document)
    {
        html.Append("<h2>概况</h2>\n<dl id=\"metadata\">\n");
        foreach (var field in ReportSummary.Of(document).Fields)
        {
            html.Append("<dt>").Append(E(field.Name)).Append("</dt><dd>").Append(E(field.Value)).Append("</dd>\n");
        }

        html.Append("</dl>\n");
    }

    private static void Sections(StringBuilder html, ReportDocument document)
    {
        if (document.Sections is not { Count: > 0 } sections)
        {
            return;
        }

        html.Append("<h2>章节</h2>\n<ul id=\"sections\">\n");
        foreach (var section in sections)
        {
            html.Append("<li>").Append(E(section.Heading)).Append(' ').Append(LineLink(section.Line));
            if (section.Subsections.Count > 0)
            {
                html.Append("<ul>");
                foreach (var sub in section.Subsections)
                {
                    html.Append("<li>").Append(E(sub.Heading)).Append(' ').Append(LineLink(sub.Line)).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    /// <summary>A table as the official form prints it: header cells merged as printed, group rows, numbers right-aligned.</summary>
    private static void Table(StringBuilder html, StatTable table, IReadOnlyList<CheckResult>? checks)
    {
        if (table.Status == TableStatus.Absent)
        {
            html.Append("<h2 id=\"").Append(table.Key).Append("\">").Append(TableKeys.Name(table.Key)).Append(" <small>").Append(table.Status).Append("</small> ")
                .Append(LineLink(table.Line)).Append("</h2>\n");
            return;
        }

        Grid(html, TableGrid.Build(table, checks));
    }

    /// <summary>A grid (a national table's or a 2008–2018 table's) under its heading.</summary>
    private static void Grid(StringBuilder html, TableGrid grid)
    {
        html.Append("<h2 id=\"").Append(grid.Key).Append("\">").Append(E(grid.Name)).Append(" <small>").Append(grid.Status).Append("</small> ")
            .Append(LineLink(grid.Line)).Append("</h2>\n");
        int width = 1;
        foreach (var section in grid.Sections)
        {
            width = Math.Max(width, 1 + section.Columns.Count);
        }

        html.Append("<table class=\"form\" data-table=\"").Append(grid.Key).Append("\">\n");
        foreach (var section in grid.Sections)
        {
            if (section.Title is { } blockTitle)
            {
                html.Append("<tr><th colspan=\"").Append(width).Append("\">").Append(E(blockTitle)).Append("</th></tr>\n");
            }

            bool groups = false;
            foreach (var column in section.Columns)
            {
                groups |= column.Group is not null;
            }

            bool heading = section.Title is null && section.Heading is not null;
            int headerRows = (heading ? 1 : 0) + (groups ? 2 : 1);
            html.Append("<tr><th rowspan=\"").Append(headerRows).Append("\">").Append(E(section.Title is not null ? section.Heading ?? "" : "")).Append("</th>");
            if (heading)
            {
                html.Append("<th colspan=\"").Append(width - 1).Append("\">").Append(E(section.Heading!)).Append("</th></tr>\n<tr>");
            }

            var lower = new StringBuilder();
            for (int i = 0; i < section.Columns.Count; i++)
            {
                var column = section.Columns[i];
                int span = i == section.Columns.Count - 1 ? width - 1 - i : 1;
                if (column.Group is { } group)
                {
                    if (i == 0 || section.Columns[i - 1].Group != group)
                    {
                        int run = 1;
                        while (i + run < section.Columns.Count && section.Columns[i + run].Group == group)
                        {
                            run++;
                        }

                        html.Append("<th colspan=\"").Append(run).Append("\">").Append(E(group)).Append("</th>");
                    }

                    lower.Append("<th colspan=\"").Append(span).Append("\">").Append(E(column.Label)).Append("</th>");
                }
                else
                {
                    html.Append("<th rowspan=\"").Append(groups ? 2 : 1).Append("\" colspan=\"").Append(span).Append("\">").Append(E(column.Label)).Append("</th>");
                }
            }

            html.Append("</tr>\n");
            if (groups)
            {
                html.Append("<tr>").Append(lower).Append("</tr>\n");
            }

            foreach (var row in section.Rows)
            {
                html.Append("<tr data-row=\"").Append(E(row.Key)).Append('"').Append(row.IsGroup ? " class=\"group\"" : "").Append("><td class=\"l")
                    .Append(Math.Min(row.Level, 2)).Append("\">").Append(E(row.Label)).Append(' ').Append(LineLink(row.Line)).Append("</td>");
                if (row.IsGroup)
                {
                    html.Append("<td colspan=\"").Append(width - 1).Append("\"></td></tr>\n");
                    continue;
                }

                for (int i = 0; i < row.Cells.Count; i++)
                {
                    var cell = row.Cells[i];
                    int span = i == row.Cells.Count - 1 ? width - 1 - i : 1;
                    string cls = cell.Failed ? "n fail" : cell.Uncertain ? "n uncertain" : "n";
                    var notes = new List<string>(cell.Failures);
                    if (cell.Raw is { Length: > 0 } raw)
                    {
                        notes.Add($"原文 source text: {raw}");
                    }

                    html.Append("<td class=\"").Append(cls).Append("\" data-column=\"").Append(E(cell.Column)).Append('"');
                    if (span > 1)
                    {
                        html.Append(" colspan=\"").Append(span).Append('"');
                    }

                    if (notes.Count > 0)
                    {
                        html.Append(" title=\"").Append(E(string.Join("\n", notes))).Append('"');
                    }

                    html.Append('>').Append(E(cell.Uncertain ? cell.Raw! : cell.Text)).Append("</td>");
                }

                html.Append("</tr>\n");
            }
        }

        html.Append("</table>\n");
    }

    private static void Checks(StringBuilder html, ReportDocument document)
    {
        var summary = ReportSummary.Of(document);
        html.Append("<h2>勾稽 checks</h2>\n<p>").Append(summary.CheckCounts).Append("</p>\n");
        if (summary.Failed.Count == 0)
        {
            return;
        }

        html.Append("<ul id=\"failed-checks\">\n");
        foreach (var check in summary.Failed)
        {
            html.Append("<li class=\"fail-text\">").Append(E($"{check.Rule} {TableKeys.Name(check.Table)}: {check.Message}")).Append(' ').Append(LineLink(check.Line)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void Diagnostics(StringBuilder html, ReportDocument document)
    {
        html.Append("<h2>诊断 diagnostics</h2>\n<ul id=\"diagnostics\">\n");
        foreach (var d in document.Diagnostics)
        {
            string cls = d.Severity == DiagnosticSeverity.Error ? "fail-text" : d.Severity == DiagnosticSeverity.Warning ? "warn-text" : "";
            html.Append("<li class=\"").Append(cls).Append("\">").Append(Diagnostic.SeverityName(d.Severity)).Append(' ').Append(E(d.Code)).Append(": ")
                .Append(E(d.Message)).Append(' ').Append(LineLink(d.Line)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static string LineLink(int? line) =>
        line is { } l ? $"<a class=\"line\" href=\"#L{l}\">line {l}</a>" : "";

    internal static string E(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>One report on an index page: its document and the relative link to its page.</summary>
internal sealed record HtmlIndexEntry(ReportDocument Document, string Href);
