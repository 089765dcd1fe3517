using System.Globalization;
using System.Text;
using ReportParser.Model;
using ReportParser.Diagnostics;

namespace ReportParser.Tests.Properties;

/// <summary>
/// The "no invented numbers" oracle is not vacuous: it accepts every real parse of the seeds and
/// samples, and it rejects a number that is not in the source, one made of two cells, one taken
/// from before the table, and a digit split that does not use its run's digits.
/// </summary>
public class SourceNumbersTests
{
    private static readonly ReportPipeline Pipeline = new();

    private static string SeedText(string prefix) =>
        File.ReadAllText(Directory.GetFiles(TestPaths.Seeds, prefix + "_*.txt").Single());

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.EnumerateFiles(TestPaths.Seeds, "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        foreach (string file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(AppContext.BaseDirectory, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_seed_and_sample_passes(string name)
    {
        string path = name.StartsWith("samples", StringComparison.Ordinal) ? Path.Combine(AppContext.BaseDirectory, name) : Path.Combine(TestPaths.Seeds, name);
        byte[] bytes = File.ReadAllBytes(path);
        var doc = Pipeline.Parse(ReportSource.FromBytes(name, bytes)).Document;
        Assert.Null(SourceNumbers.FindInvented(doc, null, bytes));
    }

    [Fact]
    public void The_seed_tables_have_numbers_to_check()
    {
        var doc = Pipeline.Parse(ReportSource.FromText("002.txt", SeedText("002"))).Document;
        Assert.True(doc.Tables!.Sum(t => t.Rows.Count(r => r.Values.Values.Any(v => v is not null))) > 20);
    }

    [Fact]
    public void A_number_that_is_nowhere_in_the_source_is_caught()
    {
        string text = SeedText("002");
        var doc = Pipeline.Parse(ReportSource.FromText("002.txt", text)).Document;
        Assert.Null(SourceNumbers.FindInvented(doc, text));

        var forged = WithValue(doc, "table3", "new_received", "total", 987_654_321m);
        Assert.DoesNotContain("987654321", text, StringComparison.Ordinal);
        Assert.Contains("new_received.total = 987654321", SourceNumbers.FindInvented(forged, text));
    }

    [Fact]
    public void Two_cells_read_as_one_number_are_caught()
    {
        // "16 |\n0 |" are two cells. Squeezing out separators and whitespace (an earlier form of this
        // check) made "160" look present; the run-based check does not.
        string text = SeedText("002");
        var doc = Pipeline.Parse(ReportSource.FromText("002.txt", text)).Document;
        var row = doc.Tables!.Single(t => t.Key == "table3").Rows.Single(r => r.Key == "new_received");
        string joined = string.Concat(row.Values.Values.Take(2).Select(v => v!.Value.ToString(CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(SourceNumbers.Runs(text, html: false), r => r.Digits.Contains(joined, StringComparison.Ordinal));
        string squeezed = new(text.Where(c => !char.IsWhiteSpace(c) && c != '|').ToArray());
        Assert.Contains(joined, squeezed, StringComparison.Ordinal);

        var forged = WithValue(doc, "table3", "new_received", "total", decimal.Parse(joined, CultureInfo.InvariantCulture));
        Assert.NotNull(SourceNumbers.FindInvented(forged, text));
    }

    [Fact]
    public void A_number_found_only_before_the_table_is_caught()
    {
        string text = SeedText("002");
        var doc = Pipeline.Parse(ReportSource.FromText("002.txt", text)).Document;
        var table = doc.Tables!.Single(t => t.Key == "table3");
        var runs = SourceNumbers.Runs(text, html: false);
        var early = runs.First(r => r.Line < table.Line && r.Digits.Length >= 4 && !r.Digits.Contains('.')
            && !runs.Any(o => o.Line >= table.Line && o.Digits.Contains(r.Digits, StringComparison.Ordinal)));

        var forged = WithValue(doc, "table3", "new_received", "total", decimal.Parse(early.Digits, CultureInfo.InvariantCulture));
        Assert.Contains($"at or after line {table.Line}", SourceNumbers.FindInvented(forged, text));
    }

    [Fact]
    public void A_split_that_does_not_use_its_runs_digits_is_caught()
    {
        const string text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量640020470\n";
        var doc = new ReportDocument
        {
            Source = new SourceInfo("t.txt", "text", "utf-8", 0, ""),
            Tables = [],
            Diagnostics = [new Diagnostic(DiagnosticSeverity.Info, "RP3008", "表三 row new_received: '640020470' was split as 64|0|0|2|0|4|7", 2)],
        };
        Assert.NotNull(SourceNumbers.FindInvented(doc with { Tables = [Table("table3")] }, text));

        var honest = doc with
        {
            Tables = [Table("table3")],
            Diagnostics = [new Diagnostic(DiagnosticSeverity.Info, "RP3008", "表三 row new_received: '640020470' was split as 64|0|0|2|0|4|70", 2)],
        };
        Assert.Null(SourceNumbers.FindInvented(honest, text));
    }

    [Theory]
    [InlineData("１２３", false, "123")]
    [InlineData("1\u200B23", false, "123")]
    [InlineData("1,234,567元", false, "1234567")]
    [InlineData("64,0,0,2", false, "64|0|0|2")]
    [InlineData("42.39万元", false, "42.39")]
    [InlineData("1 | 2", false, "1|2")]
    [InlineData("1 2", false, "1|2")]
    [InlineData("<table><tr><td>1<b>2</b></td><td>3</td></tr></table>", true, "12|3")]
    [InlineData("<table><tr><td>1\n 234</td></tr></table><p>5</p>", true, "1|234|5")]
    [InlineData("<p>&#49;&#50;</p>", true, "12")]
    public void Runs_follow_the_documented_reading(string source, bool html, string expected)
    {
        Assert.Equal(expected, string.Join("|", SourceNumbers.Runs(source, html).Select(r => r.Digits)));
    }

    private static StatTable Table(string key) => new() { Key = key, Template = "gov2021", Status = "complete", Line = 1 };

    private static ReportDocument WithValue(ReportDocument doc, string table, string row, string column, decimal value) => doc with
    {
        Tables = doc.Tables!.Select(t => t.Key != table ? t : t with
        {
            Rows = t.Rows.Select(r => r.Key != row ? r : r with
            {
                Values = r.Values.ToDictionary(kv => kv.Key, kv => kv.Key == column ? value : kv.Value),
            }).ToArray(),
        }).ToArray(),
    };
}
