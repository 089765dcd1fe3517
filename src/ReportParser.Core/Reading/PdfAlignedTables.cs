using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace ReportParser.Reading;

/// <summary>
/// Rebuilds the tables a PDF prints without ruling lines from the alignment of their words. A row of
/// figures is a line that ends with at least <see cref="MinFigures"/> numbers; at least
/// <see cref="MinFigureRows"/> such rows, with at most <see cref="MaxLinesBetweenRows"/> other lines
/// between two of them, make a table. Its value columns are the clusters of the figures' centres, its
/// label columns the clusters of the other words' left edges; a line between two rows of figures (a
/// label wrapped onto two or three lines, a group label written downwards) belongs to the nearer row.
/// The lines above the first row of figures (the column headings) stay lines.
/// </summary>
internal static class PdfAlignedTables
{
    /// <summary>A line ending with at least this many numbers is a row of figures. Default 3 (a 表二 row has 3, a 表三 row 7).</summary>
    public const int MinFigures = 3;

    /// <summary>A table needs at least this many rows of figures. Default 3.</summary>
    public const int MinFigureRows = 3;

    /// <summary>More lines than this between two rows of figures end the table. Default 3 (a label wrapped over three lines).</summary>
    public const int MaxLinesBetweenRows = 3;

    /// <summary>Positions closer than this many line heights are one column. Default 1.0.</summary>
    public const double ColumnGap = 1.0;

    /// <summary>Finds the tables among a page's lines and takes their lines out of <paramref name="lines"/>.</summary>
    public static List<PdfTable> Find(List<PdfLine> lines)
    {
        var tables = new List<PdfTable>();
        var figures = new int[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            figures[i] = TrailingNumbers(lines[i].Words);
        }

        int start = -1, last = -1, rows = 0;
        var regions = new List<(int Start, int End)>();
        for (int i = 0; i <= lines.Count; i++)
        {
            bool row = i < lines.Count && figures[i] >= MinFigures;
            bool near = start >= 0 && i < lines.Count && i - last - 1 <= MaxLinesBetweenRows;
            if (row && near)
            {
                last = i;
                rows++;
                continue;
            }

            if (near)
            {
                continue; // a line between rows of figures, or after the last one for now
            }

            if (start >= 0 && rows >= MinFigureRows)
            {
                regions.Add((start, last));
            }

            (start, last, rows) = row ? (i, i, 1) : (-1, -1, 0);
        }

        for (int r = regions.Count - 1; r >= 0; r--)
        {
            var (first, end) = regions[r];
            if (Build(lines.GetRange(first, end - first + 1), figures.AsSpan(first, end - first + 1)) is { } table)
            {
                tables.Add(table);
                lines.RemoveRange(first, end - first + 1);
            }
        }

        return tables;
    }

    private static int TrailingNumbers(List<Word> words)
    {
        int count = 0;
        for (int i = words.Count - 1; i >= 0 && PdfTableContinuation.IsNumber(words[i].Text); i--)
        {
            count++;
        }

        return count;
    }

    private static PdfTable? Build(List<PdfLine> lines, ReadOnlySpan<int> figures)
    {
        double height = 0;
        var valueCentres = new List<double>();
        var labelLefts = new List<double>();
        var rowOf = new int[lines.Count];
        var rowLines = new List<int>();
        for (int i = 0; i < lines.Count; i++)
        {
            height = Math.Max(height, lines[i].Height);
            var words = lines[i].Words;
            int labels = words.Count - (figures[i] >= MinFigures ? figures[i] : 0);
            for (int w = 0; w < words.Count; w++)
            {
                var box = words[w].BoundingBox;
                if (w >= labels)
                {
                    valueCentres.Add((box.Left + box.Right) / 2);
                }
                else if (StartsRun(words, w, lines[i].Height))
                {
                    labelLefts.Add(box.Left);
                }
            }

            if (figures[i] >= MinFigures)
            {
                rowLines.Add(i);
            }
        }

        var valueColumns = Cluster(valueCentres, ColumnGap * height);
        var labelColumns = Cluster(labelLefts, ColumnGap * height);
        if (valueColumns.Count < MinFigures)
        {
            return null;
        }

        // Every line belongs to the row of figures nearest to it.
        for (int i = 0; i < lines.Count; i++)
        {
            int best = 0;
            double distance = double.MaxValue;
            for (int r = 0; r < rowLines.Count; r++)
            {
                double d = Math.Abs(Middle(lines[rowLines[r]]) - Middle(lines[i]));
                if (d < distance)
                {
                    (best, distance) = (r, d);
                }
            }

            rowOf[i] = best;
        }

        int columns = labelColumns.Count + valueColumns.Count;
        var cells = new PdfCell[rowLines.Count][];
        for (int r = 0; r < cells.Length; r++)
        {
            cells[r] = new PdfCell[columns];
            for (int c = 0; c < columns; c++)
            {
                cells[r][c] = new PdfCell(null);
            }
        }

        var texts = new System.Text.StringBuilder[rowLines.Count * columns];
        for (int i = 0; i < lines.Count; i++)
        {
            var words = lines[i].Words;
            int labels = words.Count - (figures[i] >= MinFigures ? figures[i] : 0);
            int labelColumn = 0;
            for (int w = 0; w < words.Count; w++)
            {
                var box = words[w].BoundingBox;
                if (w < labels && StartsRun(words, w, lines[i].Height))
                {
                    labelColumn = Nearest(labelColumns, box.Left);
                }

                int column = w < labels
                    ? labelColumn
                    : labelColumns.Count + Nearest(valueColumns, (box.Left + box.Right) / 2);
                int slot = rowOf[i] * columns + column;
                texts[slot] ??= new System.Text.StringBuilder();
                Text.WhiteSpace.AppendPiece(texts[slot], words[w].Text);
            }
        }

        for (int r = 0; r < cells.Length; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                cells[r][c].Text = texts[r * columns + c]?.ToString() ?? "";
            }
        }

        double left = double.MaxValue, right = double.MinValue;
        foreach (var line in lines)
        {
            left = Math.Min(left, line.Left);
            right = Math.Max(right, line.Right);
        }

        return new PdfTable([left, right], [lines[0].Top, lines[^1].Bottom], cells);
    }

    private static double Middle(PdfLine line) => (line.Top + line.Bottom) / 2;

    /// <summary>
    /// Whether a label word starts a run of its own: it is the line's first, or more than
    /// <see cref="ColumnGap"/> line heights lie between it and the word before (the words of one label
    /// — "Granted in", a Chinese phrase the extractor split — run on and share their first word's column).
    /// </summary>
    private static bool StartsRun(List<Word> words, int w, double height) =>
        w == 0 || words[w].BoundingBox.Left - words[w - 1].BoundingBox.Right > ColumnGap * height;

    /// <summary>The centres of the clusters of <paramref name="values"/>: sorted, split where two neighbours are more than <paramref name="gap"/> apart.</summary>
    private static List<double> Cluster(List<double> values, double gap)
    {
        values.Sort();
        var centres = new List<double>();
        double sum = 0;
        int count = 0;
        for (int i = 0; i < values.Count; i++)
        {
            if (count > 0 && values[i] - values[i - 1] > gap)
            {
                centres.Add(sum / count);
                (sum, count) = (0, 0);
            }

            sum += values[i];
            count++;
        }

        if (count > 0)
        {
            centres.Add(sum / count);
        }

        return centres;
    }

    private static int Nearest(List<double> centres, double at)
    {
        int best = 0;
        for (int i = 1; i < centres.Count; i++)
        {
            if (Math.Abs(centres[i] - at) < Math.Abs(centres[best] - at))
            {
                best = i;
            }
        }

        return best;
    }
}
