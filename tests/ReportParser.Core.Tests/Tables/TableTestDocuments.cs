using System.Globalization;
using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Reading;
using ReportParser.Sectioning;
using ReportParser.Tables;

namespace ReportParser.Tests.Tables;

/// <summary>
/// Builds SplitDocuments for table tests without the real section splitter: seeds are sliced at the
/// gov section headings (found at line start or inside a line), inline sections are given directly.
/// </summary>
internal static class TableTestDocuments
{
    private static readonly (int Number, string Heading, string Key)[] GovHeadings =
    [
        (1, "一、总体情况", "overview"),
        (2, "二、主动公开政府信息情况", "active_disclosure"),
        (3, "三、收到和处理政府信息公开申请情况", "applications"),
        (4, "四、政府信息公开行政复议、行政诉讼情况", "review_litigation"),
        (5, "五、", "problems"),
        (6, "六、", "other_matters"),
    ];

    public static string SeedPath(string prefix) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), prefix + "_*.txt").Single();

    /// <summary>A seed sliced into sections at the gov headings; each heading is searched after the previous one.</summary>
    public static SplitDocument FromSeed(string prefix, string template)
    {
        string[] lines = File.ReadAllText(SeedPath(prefix), Encoding.UTF8).Replace("\r\n", "\n").Split('\n');
        return FromLines(lines, template);
    }

    public static SplitDocument FromLines(string[] lines, string template)
    {
        var found = new List<(int Number, string Heading, string Key, int Line, int Column)>();
        int line = 0;
        foreach (var (number, heading, key) in GovHeadings)
        {
            for (int i = line; i < lines.Length; i++)
            {
                int column = lines[i].IndexOf(heading, StringComparison.Ordinal);
                bool atStart = column == 0 || (column > 0 && (number <= 4 || lines[i][..column].TrimEnd().EndsWith('。')));
                if (column >= 0 && atStart && (number != 5 || i > line))
                {
                    found.Add((number, heading, key, i, column));
                    line = i;
                    break;
                }
            }
        }

        var sections = new List<SplitSection>();
        for (int s = 0; s < found.Count; s++)
        {
            var (number, heading, key, start, column) = found[s];
            var blocks = new List<Block>();
            string rest = lines[start][(column + heading.Length)..];
            int end = s + 1 < found.Count ? found[s + 1].Line : lines.Length;
            if (s + 1 < found.Count && found[s + 1].Line == start)
            {
                rest = rest[..(found[s + 1].Column - column - heading.Length)];
            }

            if (rest.Trim().Length > 0)
            {
                blocks.Add(new TextLine(rest, start + 1));
            }

            for (int i = start + 1; i < end; i++)
            {
                blocks.Add(new TextLine(lines[i], i + 1));
            }

            if (s + 1 < found.Count && found[s + 1].Column > 0 && found[s + 1].Line > start)
            {
                blocks.Add(new TextLine(lines[found[s + 1].Line][..found[s + 1].Column], found[s + 1].Line + 1));
            }

            sections.Add(Split(number, heading, key, start + 1, blocks));
        }

        return new SplitDocument(new ReportMetadata { Template = template }, sections, []);
    }

    /// <summary>A document whose sections are given as text; lines are numbered from <paramref name="firstLine"/> on.</summary>
    public static SplitDocument FromSections(string template, params (int Number, string Text)[] sections)
    {
        int line = 1;
        var split = new List<SplitSection>();
        foreach (var (number, text) in sections)
        {
            var heading = GovHeadings.First(h => h.Number == number);
            int headingLine = line++;
            var blocks = new List<Block>();
            foreach (string l in text.Replace("\r\n", "\n").Split('\n'))
            {
                blocks.Add(new TextLine(l, line++));
            }

            split.Add(Split(number, heading.Heading, heading.Key, headingLine, blocks));
        }

        return new SplitDocument(new ReportMetadata { Template = template }, split, []);
    }

    public static SplitDocument FromBlocks(string template, int number, params Block[] blocks)
    {
        var heading = GovHeadings.First(h => h.Number == number);
        return new SplitDocument(new ReportMetadata { Template = template }, [Split(number, heading.Heading, heading.Key, 1, blocks)], []);
    }

    public static SplitSection Split(int number, string heading, string? key, int line, IReadOnlyList<Block> blocks) =>
        new(number, heading, heading.Length > 2 ? heading[2..] : heading, key, line, blocks);

    public static (IReadOnlyList<StatTable> Tables, DiagnosticBag Bag) Reconstruct(SplitDocument document)
    {
        var bag = new DiagnosticBag();
        return (new TableReconstructor().Reconstruct(document, bag), bag);
    }

    public static StatTable Table(this IReadOnlyList<StatTable> tables, string key) => tables.Single(t => t.Key == key);

    /// <summary>
    /// A compact text rendering: a header line, then one line per row, <c>key | v | v</c>; a null cell is
    /// <c>_</c>, a cell with raw text shows it in quotes after the value.
    /// </summary>
    public static string Dump(StatTable table)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{table.Key} {table.Template} {table.Status}\n");
        foreach (var row in table.Rows.Concat(table.ExtraRows ?? []))
        {
            sb.Append(row.Key);
            foreach (var (column, value) in row.Values)
            {
                sb.Append(" | ").Append(value?.ToString(CultureInfo.InvariantCulture) ?? "_");
                if (row.Raw.TryGetValue(column, out string? raw))
                {
                    sb.Append(" \"").Append(raw).Append('"');
                }
            }

            sb.Append('\n');
        }

        return sb.ToString().TrimEnd('\n');
    }

    public static string Codes(this DiagnosticBag bag) =>
        string.Join(" ", bag.Items.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal));
}
