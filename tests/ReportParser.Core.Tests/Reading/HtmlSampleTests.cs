using Xunit;
using ReportParser.Reading;
using ReportParser.Text;
using static ReportParser.Tests.Reading.HtmlTestSupport;
using ReportParser.Model;

namespace ReportParser.Tests.Reading;

/// <summary>The HTML samples and the seed pages rebuilt as HTML, read at the SourceText level.</summary>
public sealed class HtmlSampleTests
{
    private static readonly string[] Headings2021 =
    [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ];

    private static SourceText ReadSample(params string[] path)
    {
        var (text, bag, info) = ReadSource(File.ReadAllBytes(SamplePath(path)));
        Assert.False(bag.HasErrors);
        Assert.Equal("html", info.Format);
        return text!;
    }

    private static IReadOnlyList<string> Trimmed(SourceText text) => Lines(text).Select(l => l.Trim('\u3000', ' ')).ToArray();

    [Fact]
    public void Gbk_page_with_word_markup()
    {
        var text = ReadSample("gbk-gov2021", "page.html");
        Assert.Equal("gb18030", text.EncodingName);
        Assert.Subset(Trimmed(text).ToHashSet(), Headings2021.ToHashSet());
        var grids = text.Blocks.OfType<Grid>().ToArray();
        Assert.Equal(3, grids.Length);
        Assert.Equal([14, 28, 4], grids.Select(g => g.Rows.Count));
        Assert.Equal("申请人情况", grids[1].Rows[0][3].Text);
        Assert.Equal("一、本年新收政府信息公开申请数量|^|^|10|2|0|0|1|0|13", DumpGrid(grids[1]).Split('\n')[3]);
        Assert.Equal("青山县自然资源局", text.Page!.Meta["agency"]);
        Assert.Equal("2023-01-16", text.Page.Meta["written_date"]);
        Assert.Contains("索 引 号：11330825MB1D45678X/2023-00012", Lines(text).Select(l => l.Replace('\u00A0', ' ')));
    }

    [Fact]
    public void Table3_with_rowspans_and_blank_cells()
    {
        var text = ReadSample("table3-rowspan", "page.html");
        var grid = Assert.Single(text.Blocks.OfType<Grid>());
        Assert.Equal(28, grid.Rows.Count);
        Assert.All(grid.Rows, r => Assert.Equal(10, r.Count));
        string[] rows = DumpGrid(grid).Split('\n');
        Assert.Equal("三、本年度办理结果|（一）予以公开|^|3|1|||||4", rows[5]);
        Assert.Equal("^|（六）其他处理|1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请|||||||0", rows[23]);
        Assert.Equal("^|^|3.其他|1||||||1", rows[25]);
        Assert.Equal("四、结转下年度继续办理|^|^|||||||0", rows[27]);
        Assert.Equal(21, Enumerable.Range(6, 21).Count(r => grid.Rows[r][0].IsSpanCopy));
    }

    [Fact]
    public void Layout_page_with_chrome()
    {
        var text = ReadSample("layout-tables", "page.html");
        var lines = Trimmed(text);
        Assert.Subset(lines.ToHashSet(), Headings2021.ToHashSet());
        Assert.Equal("东湖区人民政府办公室2021年政府信息公开工作年度报告", lines[0]);
        Assert.Equal(3, text.Blocks.OfType<Grid>().Count());
        foreach (string chrome in new[] { "首页", "政务公开", "您现在的位置", "分享到", "打印本页", "相关链接", "2020年政府信息公开工作年度报告", "主办", "统计代码", "隐藏", "浏览器" })
        {
            Assert.DoesNotContain(lines, l => l.Contains(chrome, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Big5_page_without_declaration()
    {
        var text = ReadSample("big5-mirror", "page.html");
        Assert.Equal("big5", text.EncodingName);
        Assert.Contains("一、總體情況", Lines(text));
        Assert.Contains("網站檢索功能有待最佳化，將於次年完成改版。", Lines(text));
        Assert.DoesNotContain(Lines(text), l => l.Contains("版權所有", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("000_ad18fba017e67855", 0)]
    [InlineData("001_4b30d49f840f22ab", 0)]
    [InlineData("002_ed5f9074cb8b6cc8", 3)]
    [InlineData("003_cfe21c01c8bc6a87", 3)]
    [InlineData("004_ea2c160e833d0aa1", 0)]
    public void Seed_pages_keep_the_seed_text(string seed, int grids)
    {
        var text = ReadSample("seed-html", seed + ".html");
        Assert.Equal(grids, text.Blocks.OfType<Grid>().Count());
        string[] seedLines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "seeds", seed + ".txt"));
        var htmlLines = Lines(text).ToHashSet();
        // Every prose line of the seed (not table cells, chrome, list bullets or info-box rows, which the
        // HTML path writes as "label：value" pairs) comes through unchanged.
        var prose = seedLines.Where(l => l.Length > 30 && !l.Contains('|') && !l.StartsWith('>') && !l.StartsWith(' ')
            && !(InfoLabels.StartsWithLabel(l) && !l.Contains(": ", StringComparison.Ordinal))).ToArray();
        Assert.NotEmpty(prose);
        Assert.All(prose, l => Assert.Contains(l, htmlLines));
    }

    [Fact]
    public void Seed_tables_come_through_as_grids_with_the_official_shape()
    {
        var gov2021 = ReadSample("seed-html", "002_ed5f9074cb8b6cc8.html").Blocks.OfType<Grid>().ToArray();
        var gov2019 = ReadSample("seed-html", "003_cfe21c01c8bc6a87.html").Blocks.OfType<Grid>().ToArray();
        Assert.Equal([(14, 4), (28, 10), (4, 15)], gov2021.Select(g => (g.Rows.Count, g.Rows[0].Count)));
        Assert.Equal([(18, 5), (26, 10), (4, 15)], gov2019.Select(g => (g.Rows.Count, g.Rows[0].Count)));
        Assert.Equal("行政事业性收费|42.39|^|^", DumpGrid(gov2021[0]).Split('\n')[^1]);
        Assert.Equal("政府集中采购|8|3292078元||", DumpGrid(gov2019[0]).Split('\n')[^1]);
    }
}
