using ReportParser.Model;
using ReportParser.Output;
using ReportParser.Text;

namespace ReportParser.Tests.Output;

public sealed class TextReportWriterTests
{
    private static ReportDocument Parse(string relative) =>
        new ReportPipeline().Parse(ReportSource.FromFile(Path.Combine(TestPaths.Output, relative))).Document;

    [Fact]
    public void Wide_characters_count_two_columns()
    {
        Assert.Equal(6, DisplayWidth.Of("自然人"));
        Assert.Equal(7, DisplayWidth.Of("ab总计c"));
        Assert.Equal(2, DisplayWidth.Of("𠀀"));            // a surrogate pair: one wide character
        Assert.Equal(4, DisplayWidth.Of("“其\u200B"));
        Assert.Equal("  16", DisplayWidth.Pad("16", 4, right: true));
        Assert.Equal("总计  ", DisplayWidth.Pad("总计", 6));
    }

    [Theory]
    [InlineData("seeds/002_ed5f9074cb8b6cc8.txt")]
    [InlineData("seeds/003_cfe21c01c8bc6a87.txt")]
    public void Table3_numbers_end_in_the_column_where_their_header_ends_and_equal_the_json(string input)
    {
        var document = Parse(input);
        string text = TextReportWriter.Render(document, color: false);
        var lines = text.Split('\n');
        int start = Array.FindIndex(lines, l => l.StartsWith("表三", StringComparison.Ordinal));
        string header = lines[start + 2];
        var table3 = document.Tables!.Single(t => t.Key == "table3");
        foreach (var row in table3.Rows)
        {
            string label = ReportParser.Templates.TemplateCatalog.Default.Get("table3", table3.Template).Row(row.Key)!.Label;
            string line = lines.Skip(start).First(l => l.TrimStart().StartsWith(label[..Math.Min(8, label.Length)], StringComparison.Ordinal));
            foreach (var column in table3.Columns)
            {
                // The header's right edge (in display columns) is where the row's number ends.
                int headerEnd = DisplayWidth.Of(header[..(header.IndexOf(column.Label, StringComparison.Ordinal) + column.Label.Length)]);
                string number = CsvReportWriter.FormatValue(row.Values[column.Key]);
                int at = EndOfNumberAt(line, headerEnd);
                Assert.True(at >= 0, $"{row.Key}.{column.Key}: no number ends at column {headerEnd} of '{line}'");
                Assert.Equal(number, line[..at].Split(' ')[^1]);
            }
        }
    }

    [Theory]
    [InlineData("seeds/002_ed5f9074cb8b6cc8.txt")]
    [InlineData("seeds/003_cfe21c01c8bc6a87.txt")]
    public void Every_row_of_every_table_ends_in_the_json_values_in_column_order(string input)
    {
        var document = Parse(input);
        var lines = TextReportWriter.Render(document, color: false).Split('\n');
        int compared = 0;
        foreach (var table in document.Tables!.Where(t => t.Status != TableStatus.Absent))
        {
            int start = Array.FindIndex(lines, l => l.StartsWith(ReportParser.Templates.TableKeys.Name(table.Key), StringComparison.Ordinal));
            var template = ReportParser.Templates.TemplateCatalog.Default.Get(table.Key, table.Template);
            foreach (var row in table.Rows)
            {
                var templateRow = template.Row(row.Key)!;
                string prefix = templateRow.Label[..Math.Min(8, templateRow.Label.Length)];
                string line = lines.Skip(start + 1).First(l => l.TrimStart().StartsWith(prefix, StringComparison.Ordinal));
                var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var expected = templateRow.Columns.Select(c => CsvReportWriter.FormatValue(row.Values[c.Key])).ToArray();
                Assert.Equal(expected, tokens[^expected.Length..]);
                compared += expected.Length;
            }
        }

        Assert.True(compared > 150, $"only {compared} cells compared");
    }

    /// <summary>The character index where the text reaches <paramref name="width"/> display columns, or -1.</summary>
    private static int EndOfNumberAt(string line, int width)
    {
        for (int i = 1; i <= line.Length; i++)
        {
            if (DisplayWidth.Of(line[..i]) == width)
            {
                return i;
            }
        }

        return -1;
    }

    [Fact]
    public void A_failed_check_is_listed_in_words_and_coloured_only_when_asked()
    {
        var document = Parse("samples/unbalanced-gov2019/report.txt");
        string plain = TextReportWriter.Render(document, color: false);
        Assert.DoesNotContain("\u001b[", plain);
        Assert.Contains("✗ T3_BALANCE 表三 (line 26): 本年新收 5 + 上年结转 1 = 6, but 办理结果总计 5 + 结转下年度 0 = 5 (difference 1)", plain);
        Assert.Contains(" 5!", plain);  // the failed cells are marked without colour too
        Assert.DoesNotContain("[-?]", plain); // 行政强制's "-" is a placeholder (a blank), not an uncertain cell

        string coloured = TextReportWriter.Render(document, color: true);
        Assert.Contains("\u001b[31m", coloured);
        Assert.Equal(plain, System.Text.RegularExpressions.Regex.Replace(coloured, "\u001b\\[[0-9;]*m", ""));
    }
}
