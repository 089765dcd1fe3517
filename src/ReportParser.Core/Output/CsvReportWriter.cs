using System.Buffers;
using System.Globalization;
using CsvHelper;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Templates;

namespace ReportParser.Output;

/// <summary>The shape of the CSV written by <see cref="CsvReportWriter"/>.</summary>
public enum CsvLayout
{
    /// <summary>One row per table cell: <c>file,report_year,agency,template,table,row,column,value,raw,line</c>.</summary>
    Cells,

    /// <summary>One row per report with a fixed column per cell key (union of the templates), so every file shares one header.</summary>
    Wide,

    /// <summary>One row per section and per subsection: <c>file,number,key,title,line,text</c>.</summary>
    Sections,
}

/// <summary>
/// Writes report documents as CSV, invariant culture, RFC 4180 quoting. Numbers are never rewritten
/// (a value <c>-8</c> stays <c>-8</c>); for Excel, text that a spreadsheet would run as a formula gets a
/// leading <c>'</c> (<see cref="EscapeFormula"/>, OWASP's advice on CSV injection). The header is written
/// before the first document, even when no document is written at all. Not thread-safe: one writer per output.
/// </summary>
public sealed class CsvReportWriter : IDisposable
{
    private static readonly string[] CellsHeader = ["file", "report_year", "agency", "template", "table", "row", "column", "value", "raw", "line"];
    private static readonly string[] SectionsHeader = ["file", "number", "key", "title", "line", "text"];
    /// <summary>
    /// The wide layout's columns before the cells, in order: the one list both its header and its rows are
    /// made from. Metadata for filtering a corpus: the report's title, publication date and page address,
    /// the input's SHA-256, each table's status, the counts of error and warning diagnostics, and the
    /// script the normaliser found (<c>simplified</c>, <c>traditional</c>…).
    /// </summary>
    internal static readonly WideField[] WideLeading =
    [
        new("file", true, d => d.Source.Path),
        new("report_year", false, d => Format(d.Metadata?.ReportYear)),
        new("agency", true, d => d.Metadata?.Agency ?? ""),
        new("template", false, d => d.Metadata?.Template ?? ""),
        new("error", false, d => d.Error is { } error ? $"{error.Code}: {error.Message}" : ""),
        new("title", true, d => d.Metadata?.Title ?? ""),
        new("published_date", true, d => d.Metadata?.PublishedDate ?? ""),
        new("source_url", true, d => d.Source.Url ?? ""),
        new("sha256", false, d => d.Source.Sha256),
        new("table2_status", false, d => TableStatusOf(d, TableKeys.Table2)),
        new("table3_status", false, d => TableStatusOf(d, TableKeys.Table3)),
        new("table4_status", false, d => TableStatusOf(d, TableKeys.Table4)),
        new("errors", false, d => CountOf(d, DiagnosticSeverity.Error)),
        new("warnings", false, d => CountOf(d, DiagnosticSeverity.Warning)),
        new("script", false, d => d.Normalization?.InputScript ?? ""),
    ];

    /// <summary>The characters a spreadsheet reads as the start of a formula (OWASP: = + - @, tab, carriage return).</summary>
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    private readonly CsvWriter _csv;
    private readonly CsvLayout _layout;
    private readonly bool _escapeFormulas;
    private bool _headerWritten;

    /// <param name="writer">The destination; it stays open when this writer is disposed.</param>
    /// <param name="layout">The CSV layout.</param>
    /// <param name="excel">
    /// Write for Excel: a UTF-8 byte order mark (U+FEFF as the first character) and CRLF line ends.
    /// Otherwise LF line ends and no byte order mark.
    /// </param>
    /// <param name="escapeFormulas">
    /// Prefix <c>'</c> to text cells that start like a formula (<see cref="EscapeFormula"/>); numbers never.
    /// Default: on for <paramref name="excel"/>, off otherwise.
    /// </param>
    /// <param name="headerWritten">
    /// The destination already holds the byte order mark (for <paramref name="excel"/>) and the header: an output
    /// continued from an earlier run. Only rows are written.
    /// </param>
    public CsvReportWriter(TextWriter writer, CsvLayout layout = CsvLayout.Cells, bool excel = false, bool? escapeFormulas = null, bool headerWritten = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _layout = layout;
        _escapeFormulas = escapeFormulas ?? excel;
        _headerWritten = headerWritten;
        if (excel && !headerWritten)
        {
            writer.Write('\uFEFF');
        }

        _csv = CsvWriter.Create(writer, new CsvWriterOptions
        {
            NewLine = excel ? "\r\n" : "\n",
            Injection = CsvInjection.None,
            FormatProvider = CultureInfo.InvariantCulture,
        }, leaveOpen: true);
    }

    public CsvLayout Layout => _layout;

    /// <summary>The header of a layout; for <see cref="CsvLayout.Wide"/> it is the same for every report.</summary>
    public static IReadOnlyList<string> Header(CsvLayout layout) => layout switch
    {
        CsvLayout.Cells => CellsHeader,
        CsvLayout.Sections => SectionsHeader,
        CsvLayout.Wide => [.. WideLeading.Select(f => f.Name), .. WideCsvColumns.CellKeys],
        _ => throw new ArgumentOutOfRangeException(nameof(layout)),
    };

    /// <summary>Writes the header now if it has not been written (the first <see cref="Write"/> does it too).</summary>
    public void WriteHeader()
    {
        if (_headerWritten)
        {
            return;
        }

        _headerWritten = true;
        _csv.WriteRecord(Header(_layout).ToArray());
    }

    /// <summary>
    /// Writes the rows of one document. An error record has no cells or sections, so it adds no
    /// row in the <c>cells</c> and <c>sections</c> layouts; in <c>wide</c> it is a row with the error column set.
    /// </summary>
    public void Write(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        WriteHeader();
        switch (_layout)
        {
            case CsvLayout.Cells:
                WriteCells(document);
                break;
            case CsvLayout.Wide:
                WriteWide(document);
                break;
            case CsvLayout.Sections:
                WriteSections(document);
                break;
        }
    }

    public void Flush() => _csv.Flush();

    public void Dispose()
    {
        WriteHeader();
        _csv.Dispose();
    }

    /// <summary>
    /// A text cell as a spreadsheet should see it: with a leading <c>'</c> when it starts with <c>=</c>, <c>+</c>,
    /// <c>-</c>, <c>@</c>, a tab or a carriage return and is not a number (<c>-8</c>, <c>+3</c>, <c>-1.5</c>,
    /// <c>-12%</c> stay as they are, and so does a lone <c>-</c> or <c>+</c>, a placeholder with nothing to run),
    /// so that <c>=HYPERLINK(…)</c> or <c>+1+cmd|…</c> is shown, not run.
    /// </summary>
    public static string EscapeFormula(string text)
    {
        if (text.Length == 0 || !FormulaStarts.Contains(text[0]) || IsNumber(text) || text is "-" or "+")
        {
            return text;
        }

        return "'" + text;

        static bool IsNumber(string s)
        {
            var body = s.AsSpan(s[0] is '+' or '-' ? 1 : 0).TrimEnd('%');
            return body.Length > 0 && body.ContainsAnyInRange('0', '9') && !body.ContainsAnyExcept("0123456789.,") && body.IndexOf('.') == body.LastIndexOf('.');
        }
    }

    /// <summary>A text cell: escaped when this writer escapes formulas.</summary>
    private string Text(string text) => _escapeFormulas ? EscapeFormula(text) : text;

    /// <summary>A decimal as invariant text without trailing zeros (<c>16</c>, <c>42.39</c>, <c>-8</c>); null as empty.</summary>
    public static string FormatValue(decimal? value) =>
        value is { } v ? v.ToString("0.############################", CultureInfo.InvariantCulture) : "";

    private static string Format(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string TableStatusOf(ReportDocument document, string table)
    {
        foreach (var t in document.Tables ?? [])
        {
            if (t.Key == table)
            {
                return t.Status;
            }
        }

        return "";
    }

    private static string CountOf(ReportDocument document, DiagnosticSeverity severity)
    {
        int count = 0;
        foreach (var d in document.Diagnostics)
        {
            count += d.Severity == severity ? 1 : 0;
        }

        return count.ToString(CultureInfo.InvariantCulture);
    }

    private void WriteCells(ReportDocument document)
    {
        string file = Text(document.Source.Path);
        string year = Format(document.Metadata?.ReportYear);
        string agency = Text(document.Metadata?.Agency ?? "");
        foreach (var cell in CellsOf(document))
        {
            _csv.WriteRecord([file, year, agency, cell.Template, cell.Table, Text(cell.Row), Text(cell.Column), FormatValue(cell.Value), Text(cell.Raw ?? ""), Format(cell.Line)]);
        }
    }

    /// <summary>The cells of the <c>cells</c> layout, in its order (every table, its rows then its extra rows, their cells): one home for the CSV and other writers of that layout.</summary>
    internal static IEnumerable<CellRow> CellsOf(ReportDocument document)
    {
        foreach (var table in document.Tables ?? [])
        {
            foreach (var row in table.Rows.Concat(table.ExtraRows ?? []))
            {
                foreach (string column in CellColumns(table, row))
                {
                    row.Values.TryGetValue(column, out decimal? value);
                    row.Raw.TryGetValue(column, out string? raw);
                    yield return new CellRow(table.Template, table.Key, row.Key, column, value, raw, row.Line);
                }
            }
        }

        // A legacy row's cells: its key (or its label when the catalogue has none) and the column as the table names it.
        if (document.LegacyStats is { } legacy)
        {
            foreach (var row in legacy.Rows)
            {
                for (int c = 0; c < legacy.Columns.Count && c < row.Values.Count; c++)
                {
                    yield return new CellRow(TemplateNames.Legacy, "legacy_stats", row.Key ?? row.Label, legacy.Columns[c], row.Values[c], row.Raw, row.Line);
                }
            }
        }
    }

    /// <summary>The values of the <c>wide</c> layout's cell columns (<see cref="WideCsvColumns.CellKeys"/>) a report has, by key; the first of a key wins.</summary>
    internal static Dictionary<string, decimal?> WideCellsOf(ReportDocument document)
    {
        var values = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var table in document.Tables ?? [])
        {
            foreach (var row in table.Rows)
            {
                foreach (var (column, value) in row.Values)
                {
                    values.TryAdd($"{table.Key}.{row.Key}.{column}", value);
                }
            }
        }

        if (document.LegacyStats is { } legacy)
        {
            foreach (var row in legacy.Rows)
            {
                for (int c = 0; row.Key is not null && c < legacy.Columns.Count && c < row.Values.Count; c++)
                {
                    values.TryAdd(WideCsvColumns.LegacyKey(row.Key, legacy.Columns[c]), row.Values[c]);
                }
            }
        }

        return values;
    }

    /// <summary>The columns a row has cells in: the table's columns that the row has a value or raw text for, in table order, then any others.</summary>
    private static IEnumerable<string> CellColumns(StatTable table, TableRow row)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in table.Columns)
        {
            if ((row.Values.ContainsKey(column.Key) || row.Raw.ContainsKey(column.Key)) && seen.Add(column.Key))
            {
                yield return column.Key;
            }
        }

        foreach (string key in row.Values.Keys.Concat(row.Raw.Keys))
        {
            if (seen.Add(key))
            {
                yield return key;
            }
        }
    }

    private void WriteWide(ReportDocument document)
    {
        var keys = WideCsvColumns.CellKeys;
        var values = WideCellsOf(document);

        var record = new string[WideLeading.Length + keys.Count];
        for (int i = 0; i < WideLeading.Length; i++)
        {
            string value = WideLeading[i].Value(document);
            record[i] = WideLeading[i].IsText ? Text(value) : value;
        }

        for (int i = 0; i < keys.Count; i++)
        {
            record[WideLeading.Length + i] = values.TryGetValue(keys[i], out var value) ? FormatValue(value) : "";
        }

        _csv.WriteRecord(record);
    }

    private void WriteSections(ReportDocument document)
    {
        string file = Text(document.Source.Path);
        foreach (var section in document.Sections ?? [])
        {
            string number = section.Number.ToString(CultureInfo.InvariantCulture);
            _csv.WriteRecord([file, number, section.Key ?? "", Text(section.Title), Format(section.Line), Text(section.Text)]);
            foreach (var sub in section.Subsections)
            {
                _csv.WriteRecord([file, $"{number}.{sub.Number.ToString(CultureInfo.InvariantCulture)}", section.Key ?? "", Text(sub.Title), Format(sub.Line), Text(sub.Text)]);
            }
        }
    }
}

/// <summary>A column of the wide layout before the cells: its name, whether it is free text (escaped for Excel), and its value.</summary>
internal sealed class WideField(string name, bool isText, Func<ReportDocument, string> value)
{
    public string Name { get; } = name;

    public bool IsText { get; } = isText;

    public Func<ReportDocument, string> Value { get; } = value;
}

/// <summary>One cell of the <c>cells</c> layout: its template, table, row and column keys, value (null when blank or uncertain), source text when that is not the number, and line.</summary>
internal sealed record CellRow(string Template, string Table, string Row, string Column, decimal? Value, string? Raw, int? Line);
