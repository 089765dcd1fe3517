using ReportParser.Model;
using ReportParser.Sectioning;

namespace ReportParser;

/// <summary>
/// Gives the tables' own text back its written widths. The table stages read the folded text
/// (<see cref="TextLine.Text"/>), so a report's row label (<c>（五）其他</c>) or a cell's raw text
/// (<c>－</c>, <c>１２件</c>) comes out folded; this finds each in the source lines from its row's line on
/// and takes the same characters of the written text (<see cref="TextLine.Shown"/>).
/// </summary>
internal static class WrittenTables
{
    /// <summary>
    /// Default number of lines after a row's line searched for its cells' text: a flattened table
    /// puts each cell on a line of its own, so a row's cells follow its label by a line or so each.
    /// </summary>
    public const int DefaultRowLines = 40;

    public static IReadOnlyList<StatTable> Restore(IReadOnlyList<StatTable> tables, SplitDocument split)
    {
        if (tables.Count == 0)
        {
            return tables;
        }

        var written = new Lookup(split);
        var result = new StatTable[tables.Count];
        for (int i = 0; i < tables.Count; i++)
        {
            var table = tables[i];
            var rows = Restore(table.Rows, ownLabels: false, written);
            var extraRows = table.ExtraRows is null ? null : Restore(table.ExtraRows, ownLabels: true, written);
            result[i] = ReferenceEquals(rows, table.Rows) && ReferenceEquals(extraRows, table.ExtraRows)
                ? table
                : table with { Rows = rows, ExtraRows = extraRows };
        }

        return result;
    }

    // A template row's label is the template's; an extra row's (ownLabels) is the report's own.
    private static IReadOnlyList<TableRow> Restore(IReadOnlyList<TableRow> rows, bool ownLabels, Lookup written)
    {
        TableRow[]? result = null;
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Line is not { } line)
            {
                continue;
            }

            Dictionary<string, string>? raw = null;
            foreach (var (column, text) in row.Raw)
            {
                string shown = written.Find(text, line);
                if (!ReferenceEquals(shown, text))
                {
                    (raw ??= new Dictionary<string, string>(row.Raw))[column] = shown;
                }
            }

            string label = ownLabels ? written.Find(row.Label, line) : row.Label;
            if (raw is not null || !ReferenceEquals(label, row.Label))
            {
                result ??= [.. rows];
                result[r] = row with { Label = label, Raw = raw ?? row.Raw };
            }
        }

        return result ?? rows;
    }

    /// <summary>The document's written texts by line, built on the first question that needs them.</summary>
    private sealed class Lookup(SplitDocument split)
    {
        private SortedList<int, List<Written>>? _written;
        private bool _built;

        /// <summary>The text as written on the first line from <paramref name="line"/> on that holds it; the text itself when none does.</summary>
        public string Find(string text, int line)
        {
            if (!MayBeFolded(text))
            {
                return text;
            }

            if (!_built)
            {
                _written = WrittenLines(split);
                _built = true;
            }

            if (_written is null)
            {
                return text;
            }

            var lines = _written.Keys;
            for (int i = LowerBound(lines, line); i < lines.Count && lines[i] <= line + DefaultRowLines; i++)
            {
                foreach (var source in _written.Values[i])
                {
                    string found = source.Shown.ShownOf(source.Text, text);
                    if (!ReferenceEquals(found, text))
                    {
                        return found;
                    }
                }
            }

            return text;
        }

        // Folding makes ASCII (and spaces) only: a text without any is as written already.
        private static bool MayBeFolded(string text)
        {
            foreach (char c in text)
            {
                if (c < '\u007F')
                {
                    return true;
                }
            }

            return false;
        }

        private static int LowerBound(IList<int> keys, int value)
        {
            int lo = 0, hi = keys.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (keys[mid] < value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        /// <summary>The source texts whose written form differs from the folded one, by line; null when there are none.</summary>
        private static SortedList<int, List<Written>>? WrittenLines(SplitDocument split)
        {
            SortedList<int, List<Written>>? written = null;
            void Add(int line, string text, string? shown)
            {
                if (shown is null)
                {
                    return;
                }

                written ??= new SortedList<int, List<Written>>();
                if (!written.TryGetValue(line, out var list))
                {
                    written[line] = list = [];
                }

                list.Add(new Written(text, shown));
            }

            void AddAll(IReadOnlyList<Block> blocks)
            {
                foreach (var block in blocks)
                {
                    if (block is TextLine textLine)
                    {
                        Add(textLine.Line, textLine.Text, textLine.Shown);
                    }
                    else if (block is Grid grid)
                    {
                        foreach (var row in grid.Rows)
                        {
                            foreach (var cell in row)
                            {
                                Add(cell.Line, cell.Text, cell.Shown);
                            }
                        }
                    }
                }
            }

            AddAll(split.Preamble);
            foreach (var section in split.Sections)
            {
                AddAll(section.Blocks);
            }

            return written;
        }
    }

    /// <summary>A source text (a line or a grid cell) folded, and as written.</summary>
    private sealed record Written(string Text, string Shown);
}
