using ReportParser.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace ReportParser.Reading;

/// <summary>A table found on a PDF page: its box and its cells, spans expanded (a merged cell's text in its top-left position, copies elsewhere).</summary>
internal sealed class PdfTable(List<double> columnEdges, List<double> rowEdges, PdfCell[][] rows)
{
    /// <summary>The x of the vertical rules, left to right.</summary>
    public List<double> ColumnEdges { get; } = columnEdges;
    /// <summary>The y of the horizontal rules, top to bottom (PDF y grows upwards).</summary>
    public List<double> RowEdges { get; } = rowEdges;
    public double Left => ColumnEdges[0];
    public double Right => ColumnEdges[^1];
    public double Top => RowEdges[0];
    public double Bottom => RowEdges[^1];
    public PdfCell[][] Rows { get; set; } = rows;

    public bool Contains(PdfRectangle box)
    {
        double x = (box.Left + box.Right) / 2, y = (box.Top + box.Bottom) / 2;
        return x >= Left && x <= Right && y >= Bottom && y <= Top;
    }
}

/// <summary>One position of a <see cref="PdfTable"/>: the merged cell's words, or the merged cell it copies.</summary>
internal sealed class PdfCell(PdfCell? origin)
{
    /// <summary>The merged cell's top-left position, which holds its words; null for that position itself.</summary>
    public PdfCell? Origin { get; } = origin;
    public bool IsCopy => Origin is not null;
    public List<Word> Words { get; } = [];
    private string _text = "";

    /// <summary>The merged cell's text (a copy shows its origin's).</summary>
    public string Text
    {
        get => Origin?.Text ?? _text;
        set
        {
            if (Origin is { } origin)
            {
                origin.Text = value;
            }
            else
            {
                _text = value;
            }
        }
    }
}

/// <summary>
/// Finds the tables a PDF page draws with ruling lines. Stroked or filled segments thinner than
/// <see cref="MaxRuleThickness"/> are rules; rules that touch make one table; the distinct x of its
/// vertical rules and y of its horizontal rules cut it into elementary cells, and two neighbouring
/// cells with no rule between them are one merged cell (a rowspan or colspan). Words are placed in
/// the cell that holds their centre.
/// </summary>
internal static class PdfTableFinder
{
    /// <summary>A filled rectangle or stroked segment at most this thick (points) is a rule, not a shaded area. Default 2.</summary>
    public const double MaxRuleThickness = 2.0;

    /// <summary>A rule shorter than this (points) is a tick or an underline of a character, not a table border. Default 5.</summary>
    public const double MinRuleLength = 5.0;

    /// <summary>Rules this close (points) are one line: WPS and Word draw a cell's border per cell, overlapping by a line's width. Default 2.</summary>
    public const double Tolerance = 2.0;

    /// <summary>A table needs at least this many distinct rules each way (two rows or two columns of cells) to be read as a grid. Default 3.</summary>
    public const int MinRulesEachWay = 3;

    public static List<PdfTable> Find(Page page, List<Word> words)
    {
        var horizontal = new List<PdfRectangle>();
        var vertical = new List<PdfRectangle>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsStroked || path.IsFilled))
            {
                continue;
            }

            foreach (var subpath in path)
            {
                if (subpath.GetBoundingRectangle() is not { } box)
                {
                    continue;
                }

                if (box.Height <= MaxRuleThickness && box.Width >= MinRuleLength)
                {
                    horizontal.Add(box);
                }
                else if (box.Width <= MaxRuleThickness && box.Height >= MinRuleLength)
                {
                    vertical.Add(box);
                }
            }
        }

        var tables = new List<PdfTable>();
        if (horizontal.Count < MinRulesEachWay || vertical.Count < 2)
        {
            return tables;
        }

        foreach (var group in Connect(horizontal, vertical))
        {
            if (Build(group.Horizontal, group.Vertical) is { } table)
            {
                tables.Add(table);
            }
        }

        foreach (var word in words)
        {
            foreach (var table in tables)
            {
                if (table.Contains(word.BoundingBox))
                {
                    Place(table, word);
                    break;
                }
            }
        }

        foreach (var table in tables)
        {
            foreach (var row in table.Rows)
            {
                foreach (var cell in row)
                {
                    if (!cell.IsCopy && cell.Words.Count > 0)
                    {
                        var lines = PdfLines.Group(cell.Words, separateColumns: false);
                        var text = new System.Text.StringBuilder();
                        foreach (var line in lines)
                        {
                            WhiteSpace.AppendPiece(text, line.Text);
                        }

                        cell.Text = text.ToString();
                    }
                }
            }
        }

        return tables;
    }

    private sealed class RuleGroup
    {
        public List<PdfRectangle> Horizontal { get; } = [];
        public List<PdfRectangle> Vertical { get; } = [];
    }

    /// <summary>The sets of rules that touch one another (union–find over every horizontal–vertical pair that meets).</summary>
    private static List<RuleGroup> Connect(List<PdfRectangle> horizontal, List<PdfRectangle> vertical)
    {
        int n = horizontal.Count + vertical.Count;
        var parent = new int[n];
        for (int i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        for (int h = 0; h < horizontal.Count; h++)
        {
            for (int v = 0; v < vertical.Count; v++)
            {
                var a = horizontal[h];
                var b = vertical[v];
                if (b.Left <= a.Right + Tolerance && b.Right >= a.Left - Tolerance && a.Bottom <= b.Top + Tolerance && a.Top >= b.Bottom - Tolerance)
                {
                    Union(parent, h, horizontal.Count + v);
                }
            }
        }

        var groups = new Dictionary<int, RuleGroup>();
        for (int i = 0; i < n; i++)
        {
            int root = Find(parent, i);
            if (!groups.TryGetValue(root, out var group))
            {
                groups[root] = group = new RuleGroup();
            }

            if (i < horizontal.Count)
            {
                group.Horizontal.Add(horizontal[i]);
            }
            else
            {
                group.Vertical.Add(vertical[i - horizontal.Count]);
            }
        }

        var result = new List<RuleGroup>(groups.Values);
        result.Sort((a, b) => Top(b).CompareTo(Top(a)));
        return result;

        static double Top(RuleGroup g) => g.Vertical.Count > 0 ? g.Vertical[0].Top : g.Horizontal[0].Top;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b) => parent[Find(parent, a)] = Find(parent, b);

    private static PdfTable? Build(List<PdfRectangle> horizontal, List<PdfRectangle> vertical)
    {
        if (Distinct(horizontal, h => (h.Top + h.Bottom) / 2, descending: true, []).Count < MinRulesEachWay
            || Distinct(vertical, v => (v.Left + v.Right) / 2, descending: false, []).Count < 2)
        {
            return null;
        }

        // The table's outer edges are where its rules end, drawn or not: a table whose outer column has
        // no side border (rules across only) still has that column.
        var ys = Distinct(horizontal, h => (h.Top + h.Bottom) / 2, descending: true, Extent(vertical, vertical: true));
        var xs = Distinct(vertical, v => (v.Left + v.Right) / 2, descending: false, Extent(horizontal, vertical: false));

        int rows = ys.Count - 1, columns = xs.Count - 1;
        var parent = new int[rows * columns];
        for (int i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        for (int r = 0; r < rows; r++)
        {
            double middleY = (ys[r] + ys[r + 1]) / 2;
            for (int c = 0; c < columns; c++)
            {
                double middleX = (xs[c] + xs[c + 1]) / 2;
                if (c + 1 < columns && !Covered(vertical, xs[c + 1], middleY, isVertical: true))
                {
                    Union(parent, r * columns + c, r * columns + c + 1);
                }

                if (r + 1 < rows && !Covered(horizontal, ys[r + 1], middleX, isVertical: false))
                {
                    Union(parent, r * columns + c, (r + 1) * columns + c);
                }
            }
        }

        // The anchor of a merged cell is its first elementary cell in row order (its top-left).
        var anchor = new PdfCell?[parent.Length];
        var cells = new PdfCell[rows][];
        for (int r = 0; r < rows; r++)
        {
            cells[r] = new PdfCell[columns];
            for (int c = 0; c < columns; c++)
            {
                int root = Find(parent, r * columns + c);
                var cell = new PdfCell(anchor[root]);
                anchor[root] ??= cell;
                cells[r][c] = cell;
            }
        }

        return new PdfTable(xs, ys, cells);
    }

    /// <summary>Whether a rule at <paramref name="at"/> (x of a vertical, y of a horizontal) crosses the point <paramref name="along"/> on the other axis.</summary>
    private static bool Covered(List<PdfRectangle> rules, double at, double along, bool isVertical)
    {
        foreach (var rule in rules)
        {
            bool onLine = isVertical
                ? Math.Abs((rule.Left + rule.Right) / 2 - at) <= Tolerance && rule.Bottom <= along && rule.Top >= along
                : Math.Abs((rule.Top + rule.Bottom) / 2 - at) <= Tolerance && rule.Left <= along && rule.Right >= along;
            if (onLine)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lowest and highest point the rules reach along their length (y of verticals, x of horizontals).</summary>
    private static double[] Extent(List<PdfRectangle> rules, bool vertical)
    {
        double low = double.MaxValue, high = double.MinValue;
        foreach (var rule in rules)
        {
            low = Math.Min(low, vertical ? rule.Bottom : rule.Left);
            high = Math.Max(high, vertical ? rule.Top : rule.Right);
        }

        return [low, high];
    }

    private static List<double> Distinct(List<PdfRectangle> rules, Func<PdfRectangle, double> position, bool descending, double[] ends)
    {
        var values = new List<double>(rules.Count + ends.Length);
        foreach (var rule in rules)
        {
            values.Add(position(rule));
        }

        values.AddRange(ends);

        values.Sort();
        var result = new List<double>();
        foreach (double v in values)
        {
            if (result.Count == 0 || v - result[^1] > Tolerance)
            {
                result.Add(v);
            }
        }

        if (descending)
        {
            result.Reverse();
        }

        return result;
    }

    private static void Place(PdfTable table, Word word)
    {
        double x = (word.BoundingBox.Left + word.BoundingBox.Right) / 2, y = (word.BoundingBox.Top + word.BoundingBox.Bottom) / 2;
        int r = Band(table.RowEdges, y, descending: true);
        int c = Band(table.ColumnEdges, x, descending: false);
        var cell = table.Rows[r][c];
        (cell.Origin ?? cell).Words.Add(word);
    }

    /// <summary>The band between two consecutive edges that holds <paramref name="at"/> (the first or last band when outside).</summary>
    private static int Band(List<double> edges, double at, bool descending)
    {
        for (int i = 1; i < edges.Count - 1; i++)
        {
            if (descending ? at > edges[i] : at < edges[i])
            {
                return i - 1;
            }
        }

        return edges.Count - 2;
    }
}
