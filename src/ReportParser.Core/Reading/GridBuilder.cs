using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ReportParser.Diagnostics;
using ReportParser.Model;

namespace ReportParser.Reading;

/// <summary>
/// Expands an HTML table into a rectangular <see cref="Grid"/>: each rowspan/colspan region is
/// filled with copies of its cell (flagged <see cref="GridCell.IsSpanCopy"/>), short rows are
/// padded with empty cells. Spans are clamped as browsers do (colspan ≤ 1000, rowspan ≤ 65534,
/// rowspan 0 = to the end of the table) and never reach past the table; grids larger than
/// <see cref="MaxRows"/> × <see cref="MaxColumns"/> are cut with an RP1011 warning.
/// </summary>
internal sealed class GridBuilder(LineMap map, DiagnosticBag bag)
{
    public const int MaxRows = 10_000;
    public const int MaxColumns = 200;
    public const int MaxColSpan = 1000;
    public const int MaxRowSpan = 65534;

    /// <summary>Span expansion work allowed per table (cell positions visited), so overlapping spans cannot run away.</summary>
    private const int MaxSpanWork = 4_000_000;

    public Grid Build(IHtmlTableElement table, Func<IElement, string> cellText)
    {
        int tableLine = Line(table, 1);
        // Enumerated once: the collection's indexer walks the table from the start on every call.
        var sourceRows = table.Rows.ToArray();
        int rowCount = Math.Min(sourceRows.Length, MaxRows);
        var cut = new List<string>();
        if (sourceRows.Length > MaxRows)
        {
            cut.Add($"{sourceRows.Length:N0} rows (kept {MaxRows:N0})");
        }

        var rows = new List<List<GridCell?>>(rowCount);
        var rowLines = new int[rowCount];
        for (int r = 0; r < rowCount; r++)
        {
            rows.Add([]);
        }

        int work = 0;
        bool columnsCut = false, spansCut = false;
        for (int r = 0; r < rowCount; r++)
        {
            var tr = sourceRows[r];
            rowLines[r] = Line(tr, r > 0 ? rowLines[r - 1] : tableLine);
            var row = rows[r];
            int col = 0;
            foreach (var cell in tr.Cells)
            {
                while (col < row.Count && row[col] is not null)
                {
                    col++;
                }

                if (col >= MaxColumns)
                {
                    columnsCut = true;
                    break;
                }

                int colSpan = Span(cell.GetAttribute("colspan"), MaxColSpan, zeroMeansRest: false, 1);
                int rowSpan = Span(cell.GetAttribute("rowspan"), MaxRowSpan, zeroMeansRest: true, rowCount - r);
                rowSpan = Math.Min(rowSpan, rowCount - r);
                if (col + colSpan > MaxColumns)
                {
                    colSpan = MaxColumns - col;
                    columnsCut = true;
                }

                if (work + (long)rowSpan * colSpan > MaxSpanWork)
                {
                    (rowSpan, colSpan) = (1, 1);
                    spansCut = true;
                }

                work += rowSpan * colSpan;
                var original = new GridCell(cellText(cell), Line(cell, rowLines[r]));
                var copy = original with { IsSpanCopy = true };
                for (int dr = 0; dr < rowSpan; dr++)
                {
                    for (int dc = 0; dc < colSpan; dc++)
                    {
                        Place(rows[r + dr], col + dc, dr == 0 && dc == 0 ? original : copy);
                    }
                }

                col += colSpan;
            }
        }

        if (columnsCut)
        {
            cut.Add($"more than {MaxColumns} columns (kept {MaxColumns})");
        }

        if (spansCut)
        {
            cut.Add("spans too large to expand (the rest were read as single cells)");
        }

        if (cut.Count > 0)
        {
            bag.Report(DiagnosticCodes.HtmlLimit, $"table too large: {string.Join("; ", cut)}", tableLine);
        }

        int width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var result = new IReadOnlyList<GridCell>[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            var cells = new GridCell[width];
            var empty = new GridCell("", rowLines[r]);
            for (int c = 0; c < width; c++)
            {
                cells[c] = c < rows[r].Count && rows[r][c] is { } cell ? cell : empty;
            }

            result[r] = cells;
        }

        return new Grid(result, tableLine);
    }

    private static void Place(List<GridCell?> row, int col, GridCell cell)
    {
        while (row.Count <= col)
        {
            row.Add(null);
        }

        row[col] ??= cell;
    }

    /// <summary>The HTML "rules for parsing non-negative integers" applied to a span attribute, then clamped.</summary>
    private static int Span(string? value, int max, bool zeroMeansRest, int rest)
    {
        if (value is null)
        {
            return 1;
        }

        var s = value.AsSpan().TrimStart(" \t\r\n\f");
        if (s.Length > 0 && s[0] == '+')
        {
            s = s[1..];
        }

        long n = 0;
        int digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]) && n <= int.MaxValue)
        {
            n = n * 10 + (s[digits] - '0');
            digits++;
        }

        if (digits == 0)
        {
            return 1;
        }

        if (n == 0)
        {
            return zeroMeansRest ? Math.Max(1, rest) : 1;
        }

        return (int)Math.Min(n, max);
    }

    private int Line(IElement element, int fallback)
    {
        int index = element.SourceReference?.Position.Index ?? -1;
        int line = index >= 0 ? map.LineOf(index) : 0;
        return line > 0 ? line : fallback;
    }
}
