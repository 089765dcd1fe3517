using System.Buffers;
using System.Globalization;
using CsvHelper;
using ReportParser.Model;

namespace ReportParser.Output;

/// <summary>The shape of the CSV written by <see cref="CsvReportWriter"/>.</summary>
public enum CsvLayout
{
    /// <summary>
    /// One row per table cell: <c>file,report_year,agency,template,table,row,column,row_label,column_label,value,raw,line</c>
    /// (the labels are the template's; for a row the template lacks, the report's).
    /// </summary>
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
    private static readonly string[] CellsHeader = ["file", "report_year", "agency", "template", "table", "row", "column", "row_label", "column_label", "value", "raw", "line"];
    private static readonly string[] SectionsHeader = ["file", "number", "key", "title", "line", "text"];
    private static readonly string[] CodebookHeader = ["column", "table", "row_key", "column_key", "row_label", "column_label", "templates", "meaning"];

    /// <summary>The characters a spreadsheet reads as the start of a formula (OWASP: = + - @, tab, carriage return).</summary>
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    private readonly CsvWriter _csv;
    private readonly CsvLayout _layout;
    private readonly bool _escapeFormulas;
    private readonly bool _labelRow;
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
    /// <param name="labelRow">
    /// <see cref="CsvLayout.Wide"/> only: a second header row of Chinese labels (<c>表三 本年新收 自然人</c>) for people
    /// reading the file in a spreadsheet; a program reads it with two header rows (pandas: <c>header=[0, 1]</c>).
    /// </param>
    /// <param name="headerWritten">
    /// The destination already holds the byte order mark (for <paramref name="excel"/>) and the header (and label row): an
    /// output continued from an earlier run. Only rows are written.
    /// </param>
    public CsvReportWriter(TextWriter writer, CsvLayout layout = CsvLayout.Cells, bool excel = false, bool? escapeFormulas = null, bool labelRow = false,
        bool headerWritten = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _layout = layout;
        _labelRow = labelRow && layout == CsvLayout.Wide;
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
        CsvLayout.Wide => [.. WideCsvColumns.Leading.Select(c => c.Name), .. WideCsvColumns.CellKeys],
        _ => throw new ArgumentOutOfRangeException(nameof(layout)),
    };

    /// <summary>
    /// The wide layout's header, one <see cref="WideColumnInfo"/> per column in <see cref="Header"/>'s order: a column
    /// added to the layout is described here too, or this throws (a test holds the two together).
    /// </summary>
    internal static IReadOnlyList<WideColumnInfo> WideColumns()
    {
        var leading = WideCsvColumns.Leading.Select(f => new WideColumn(f.Name, f.Label, f.Meaning)).Concat(WideCsvColumns.LegacyColumns)
            .ToDictionary(c => c.Name, StringComparer.Ordinal);
        var cells = WideCsvColumns.Cells.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var header = Header(CsvLayout.Wide);
        var columns = new WideColumnInfo[header.Count];
        for (int i = 0; i < header.Count; i++)
        {
            string name = header[i];
            columns[i] = leading.TryGetValue(name, out var column) ? new WideColumnInfo(name, column.Label, column.Meaning, null)
                : cells.TryGetValue(name, out var cell) ? new WideColumnInfo(name, cell.Label, cell.Meaning, cell)
                : throw new InvalidOperationException($"wide column {name} has no description in WideCsvColumns");
        }

        return columns;
    }

    /// <summary>
    /// The codebook of the wide layout as CSV: one row per column of <see cref="Header"/>(<see cref="CsvLayout.Wide"/>), in
    /// order: <c>column,table,row_key,column_key,row_label,column_label,templates,meaning</c> (labels as the official
    /// templates print them; <c>templates</c> those that have the cell, separated by <c>;</c>).
    /// </summary>
    public static void WriteCodebook(TextWriter writer, bool excel = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var codebook = new CsvReportWriter(writer, CsvLayout.Cells, excel);
        codebook._headerWritten = true;
        codebook._csv.WriteRecord(CodebookHeader);
        foreach (var column in WideColumns())
        {
            var cell = column.Cell;
            codebook._csv.WriteRecord([
                column.Name,
                cell?.Table ?? "",
                cell?.Row ?? "",
                cell?.Column ?? "",
                cell?.TemplateRow.Label ?? "",
                cell?.TemplateColumn.Label ?? column.Label,
                cell is null ? "" : string.Join(";", cell.Templates),
                column.Meaning,
            ]);
        }
    }

    /// <summary>Writes the header now if it has not been written (the first <see cref="Write"/> does it too).</summary>
    public void WriteHeader()
    {
        if (_headerWritten)
        {
            return;
        }

        _headerWritten = true;
        _csv.WriteRecord(Header(_layout).ToArray());
        if (_labelRow)
        {
            var columns = WideColumns();
            var labels = new string[columns.Count];
            for (int i = 0; i < labels.Length; i++)
            {
                labels[i] = columns[i].Label;
            }

            _csv.WriteRecord(labels);
        }
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

    internal static string Format(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private void WriteCells(ReportDocument document)
    {
        string file = Text(document.Source.Path);
        string year = Format(document.Metadata?.ReportYear);
        string agency = Text(document.Metadata?.Agency ?? "");
        foreach (var cell in CellsOf(document))
        {
            _csv.WriteRecord([file, year, agency, cell.Template, cell.Table, Text(cell.Row), Text(cell.Column), Text(cell.RowLabel), Text(cell.ColumnLabel),
                FormatValue(cell.Value), Text(cell.Raw ?? ""), Format(cell.Line)]);
        }
    }

    /// <summary>The cells of the <c>cells</c> layout, in its order (every table, its rows then its extra rows, their cells; then the legacy table's): one home for the CSV and other writers of that layout.</summary>
    internal static IEnumerable<CellRow> CellsOf(ReportDocument document)
    {
        foreach (var table in document.Tables ?? [])
        {
            var labels = TableLabels.Of(table);
            foreach (var row in table.Rows.Concat(table.ExtraRows ?? []))
            {
                string rowLabel = labels.RowLabel(row);
                foreach (string column in CellColumns(table, row))
                {
                    row.Values.TryGetValue(column, out decimal? value);
                    row.Raw.TryGetValue(column, out string? raw);
                    yield return new CellRow(table.Template, table.Key, row.Key, column, rowLabel, labels.ColumnLabel(column), value, raw, row.Line);
                }
            }
        }

        // A legacy row's cells: its key (or its label when the catalogue has none) and the column as the table names it;
        // its labels are the report's own (there is no national form to take them from).
        if (document.LegacyStats is { } legacy)
        {
            foreach (var row in legacy.Rows)
            {
                for (int c = 0; c < legacy.Columns.Count && c < row.Values.Count; c++)
                {
                    yield return new CellRow(TemplateNames.Legacy, Templates.TableKeys.LegacyStats, row.Key ?? row.Label, legacy.Columns[c], row.Label, legacy.Columns[c], row.Values[c], row.Raw, row.Line);
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
        var record = WideRecord(document);
        var leading = WideCsvColumns.Leading;
        for (int i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsText)
            {
                record[i] = Text(record[i]); // free text; the other leading columns are the parser's own
            }
        }

        _csv.WriteRecord(record);
    }

    /// <summary>
    /// One report's row of the wide layout, in <see cref="Header"/>(<see cref="CsvLayout.Wide"/>)'s order, unescaped: the
    /// leading columns, then each cell's value (<see cref="FormatValue"/>, empty when blank). The spreadsheet writer reads it too.
    /// </summary>
    internal static string[] WideRecord(ReportDocument document)
    {
        var keys = WideCsvColumns.CellKeys;
        var values = WideCellsOf(document);
        var leading = WideCsvColumns.Leading;
        var record = new string[leading.Count + keys.Count];
        for (int i = 0; i < leading.Count; i++)
        {
            record[i] = leading[i].Value(document);
        }

        for (int i = 0; i < keys.Count; i++)
        {
            record[leading.Count + i] = values.TryGetValue(keys[i], out var value) ? FormatValue(value) : "";
        }

        return record;
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

/// <summary>One column of the wide layout: its header, Chinese label, meaning, and the cell it holds (null for the leading columns).</summary>
internal sealed record WideColumnInfo(string Name, string Label, string Meaning, WideCell? Cell);

/// <summary>One cell of the <c>cells</c> layout: its template, table, row and column keys and labels, value (null when blank or uncertain), source text when that is not the number, and line.</summary>
internal sealed record CellRow(string Template, string Table, string Row, string Column, string RowLabel, string ColumnLabel, decimal? Value, string? Raw, int? Line);
