using ReportParser.Reading;
using ReportParser.Sectioning;
using ReportParser.Model;

namespace ReportParser.Tests.Sectioning;

public class ChromeCutterTests
{
    private static (string Kept, int Removed, List<string> Spans) Cut(string line)
    {
        int removed = 0;
        var spans = new List<string>();
        string kept = ChromeCutter.CutLine(line, ref removed, spans);
        return (kept, removed, spans);
    }

    [Fact]
    public void A_breadcrumb_and_a_toolbar_are_cut_from_a_one_line_body_and_the_report_stays()
    {
        var (kept, removed, spans) = Cut(
            "当前位置: 首页政务公开政府信息公开某某局政府信息公开年报 某某局2019年度政府信息公开工作年度报告 来源: 时间:2020-01-08 16:29 --> 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接: 根据《条例》要求，现公布本报告。一、总体情况 本年度… 附件下载");
        Assert.Equal("某某局2019年度政府信息公开工作年度报告 来源: 时间:2020-01-08 16:29 根据《条例》要求，现公布本报告。一、总体情况 本年度…", kept);
        Assert.Equal(3, spans.Count);
        Assert.StartsWith("当前位置: 首页政务公开", spans[0], StringComparison.Ordinal);
        Assert.Equal("--> 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接:", spans[1]);
        Assert.Equal("附件下载", spans[2]);
        Assert.Equal(spans.Sum(s => s.Count(c => !char.IsWhiteSpace(c))), removed);
    }

    [Fact]
    public void A_breadcrumb_joined_by_separators_ends_where_no_separator_joins_the_next_word()
    {
        var (kept, _, _) = Cut("您现在的位置：首页 > 政务公开 > 政府信息公开年报 某区2023年政府信息公开工作年度报告");
        Assert.Equal("某区2023年政府信息公开工作年度报告", kept);
    }

    [Fact]
    public void A_whole_breadcrumb_line_is_chrome_as_before()
    {
        Assert.True(ChromeFilter.IsChrome("当前位置：首页 > 政务公开 > 年报"));
        Assert.True(ChromeFilter.IsChrome("> 政务公开 > 政府信息公开年报"));
        Assert.False(ChromeFilter.IsChrome("当前位置： 首页政务公开年报 某局2019年度政府信息公开工作年度报告 根据《条例》，现公布本报告。"));
    }

    [Theory]
    [InlineData("我局通过门户网站、微信、微博等渠道公开信息。")]
    [InlineData("一、总体情况 本年度共收到申请3件，办理3件。")]
    [InlineData("全年发布信息 12 条，其中 微信 3 条。")]
    public void Prose_and_headings_are_not_cut(string line)
    {
        var (kept, removed, _) = Cut(line);
        Assert.Equal(line, kept);
        Assert.Equal(0, removed);
    }

    [Fact]
    public void A_path_too_long_for_a_breadcrumb_loses_only_its_label()
    {
        string prose = new('政', ChromeCutter.DefaultMaxBreadcrumbLength + 10);
        var (kept, removed, _) = Cut("当前位置：" + prose);
        Assert.Equal(prose, kept);
        Assert.Equal(5, removed);
    }

    [Fact]
    public void A_document_without_chrome_keeps_its_block_list()
    {
        var blocks = new Block[] { new TextLine("一、总体情况", 1), new TextLine("本年度…", 2) };
        var cut = ChromeCutter.Cut(blocks);
        Assert.Same(blocks, cut.Blocks);
        Assert.Equal(0, cut.Characters);
    }

    [Fact]
    public void Chrome_is_looked_for_at_the_ends_of_a_document_only()
    {
        const string toolbar = "发布时间:2024-01-09 微信 微博 QQ空间 打印 关闭";
        var blocks = Enumerable.Range(1, 3 * ChromeCutter.DefaultEdgeLines)
            .Select(n => (Block)new TextLine(n is 2 or 38 or 74 ? toolbar : $"第{n}行正文。", n)).ToArray();
        var cut = ChromeCutter.Cut(blocks);
        var texts = cut.Blocks.Select(b => ((TextLine)b).Text).ToArray();
        Assert.Equal("发布时间:2024-01-09", texts[1]);            // near the top: cut
        Assert.Equal(toolbar, texts[37]);                         // deep inside the report: left alone
        Assert.Equal("发布时间:2024-01-09", texts[73]);           // near the end: cut
        Assert.Equal(2, cut.Spans.Count);
    }
}
