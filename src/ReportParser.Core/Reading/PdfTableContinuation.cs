using ReportParser.Text;

namespace ReportParser.Reading;

/// <summary>
/// Joins a table that a page break cut in two: the table that ends a page and the one that starts the
/// next (nothing but page furniture between them) with as many columns are one table. A header row the
/// next page repeats (its rows' texts equal the first rows of the table) is dropped; a row the break cut
/// in two (the new page's first row holds only text, no value, and the last row before the break holds
/// values) has its text appended to that last row, cell by cell. The table parts stay separate grids;
/// the row-level repairs are what a reader would do with the printed pages.
/// </summary>
internal static class PdfTableContinuation
{
    /// <summary>What was joined, for the reading summary.</summary>
    internal sealed class Counts
    {
        public int RepeatedHeaderRows { get; set; }
        public int RowsJoined { get; set; }
    }

    /// <summary>
    /// Repairs <paramref name="next"/>, the first table of a page, as the continuation of <paramref name="previous"/>,
    /// the last table of the page before, when both have the same number of columns.
    /// </summary>
    public static void Join(PdfTable previous, PdfTable next, Counts counts)
    {
        int columns = previous.Rows.Length > 0 ? previous.Rows[0].Length : 0;
        if (columns == 0 || next.Rows.Length == 0 || next.Rows[0].Length != columns)
        {
            return;
        }

        int repeated = 0;
        while (repeated < next.Rows.Length && repeated < previous.Rows.Length && SameTexts(next.Rows[repeated], previous.Rows[repeated]))
        {
            repeated++;
        }

        int start = repeated;
        if (start < next.Rows.Length && IsTextOnly(next.Rows[start]) && HasValue(previous.Rows[^1]))
        {
            var last = previous.Rows[^1];
            var first = next.Rows[start];
            for (int c = 0; c < columns; c++)
            {
                if (!first[c].IsCopy && first[c].Text.Length > 0)
                {
                    var text = new System.Text.StringBuilder(last[c].Text);
                    WhiteSpace.AppendPiece(text, first[c].Text);
                    last[c].Text = text.ToString();
                }
            }

            start++;
            counts.RowsJoined++;
        }

        if (start > 0)
        {
            counts.RepeatedHeaderRows += repeated;
            next.Rows = next.Rows[start..];
        }
    }

    private static bool SameTexts(PdfCell[] a, PdfCell[] b)
    {
        bool any = false;
        for (int c = 0; c < a.Length; c++)
        {
            if (!string.Equals(a[c].Text, b[c].Text, StringComparison.Ordinal))
            {
                return false;
            }

            any |= a[c].Text.Length > 0;
        }

        return any && !HasValue(a);
    }

    /// <summary>A row with some text and no cell that reads as a figure.</summary>
    private static bool IsTextOnly(PdfCell[] row)
    {
        bool text = false;
        foreach (var cell in row)
        {
            if (cell.IsCopy || cell.Text.Length == 0)
            {
                continue;
            }

            if (IsNumber(cell.Text))
            {
                return false;
            }

            text = true;
        }

        return text;
    }

    private static bool HasValue(PdfCell[] row)
    {
        foreach (var cell in row)
        {
            if (!cell.IsCopy && IsNumber(cell.Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a cell reads as a figure: digits with a decimal point or thousands separators, nothing else.</summary>
    internal static bool IsNumber(string text)
    {
        var t = WhiteSpace.Trim(text.AsSpan());
        bool digit = false;
        foreach (char c in t)
        {
            char folded = TextFold.FoldChar(c);
            if (char.IsAsciiDigit(folded))
            {
                digit = true;
            }
            else if (folded is not ('.' or ','))
            {
                return false;
            }
        }

        return digit;
    }
}
