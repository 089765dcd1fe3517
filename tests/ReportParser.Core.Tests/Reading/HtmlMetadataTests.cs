using Xunit;
using static ReportParser.Tests.Reading.HtmlTestSupport;

namespace ReportParser.Tests.Reading;

public sealed class HtmlMetadataTests
{
    [Fact]
    public void Meta_tags_and_info_box_fill_normalised_keys()
    {
        string head = """
            <meta charset="utf-8">
            <title>某局2022年政府信息公开工作年度报告_某县人民政府</title>
            <meta name="SiteName" content="某县人民政府">
            <meta name="ColumnName" content="政府信息公开年报">
            <meta name="ArticleTitle" content="某局2022年政府信息公开工作年度报告">
            <meta name="PubDate" content="2023-01-18 09:30">
            <meta name="ContentSource" content="某县某局">
            <meta name="Keywords" content="年度报告">
            <meta name="description" content="某局年报">
            """;
        string body = """
            <table class="xxgk_table">
            <tr><th>索&nbsp;引&nbsp;号：</th><td>11330825MB1D45678X/2023-00012</td><th>主题分类：</th><td>国土资源</td></tr>
            <tr><th>发布机构：</th><td>某县自然资源局</td><th>成文日期：</th><td>2023-01-16</td></tr>
            <tr><th>文　　号：</th><td>某自然资〔2023〕3号</td><th>发布日期：</th><td>2023-01-18</td></tr>
            </table>
            <div class="content"><p>一、总体情况</p><p>正文。</p></div>
            """;
        var (text, _) = Read(Page(body, head));
        var page = text.Page!;
        Assert.Equal("某局2022年政府信息公开工作年度报告_某县人民政府", page.Title);
        Assert.Equal("某局2022年政府信息公开工作年度报告", page.Meta["title"]);
        Assert.Equal("某县自然资源局", page.Meta["agency"]);
        Assert.Equal("11330825MB1D45678X/2023-00012", page.Meta["index_number"]);
        Assert.Equal("某自然资〔2023〕3号", page.Meta["document_number"]);
        Assert.Equal("2023-01-16", page.Meta["written_date"]);
        Assert.Equal("2023-01-18", page.Meta["published_date"]);
        Assert.Equal("某县人民政府", page.Meta["meta:SiteName"]);
        Assert.Equal("政府信息公开年报", page.Meta["meta:ColumnName"]);
        Assert.Equal("2023-01-18 09:30", page.Meta["meta:PubDate"]);
        Assert.Equal("某县某局", page.Meta["meta:ContentSource"]);
        Assert.Equal("年度报告", page.Meta["meta:Keywords"]);
        Assert.Equal("某局年报", page.Meta["meta:description"]);
    }

    [Fact]
    public void Info_lines_and_definition_lists_are_read_and_kept_as_text()
    {
        string body = """
            <div class="info">索引号: /2015-12390&nbsp;&nbsp;&nbsp; 发布机构: 区审批中心&nbsp;&nbsp; 发布时间: 2015-02-12 00:00:00</div>
            <dl><dt>成文日期</dt><dd>2015-02-10</dd><dt>文号</dt><dd>莲政审〔2015〕1号</dd></dl>
            <p>一、概述</p>
            <p>索引号: 不应读取的正文</p>
            """;
        var (text, _) = Read(Page(body));
        var meta = text.Page!.Meta;
        Assert.Equal("/2015-12390", meta["index_number"]);
        Assert.Equal("区审批中心", meta["agency"]);
        Assert.Equal("2015-02-12 00:00:00", meta["published_date"]);
        Assert.Equal("2015-02-10", meta["written_date"]);
        Assert.Equal("莲政审〔2015〕1号", meta["document_number"]);
        Assert.Contains(Lines(text), l => l.StartsWith("索引号: /2015-12390", StringComparison.Ordinal));
        Assert.Contains("成文日期：2015-02-10", Lines(text));
    }

    [Fact]
    public void Meta_tags_fill_keys_when_there_is_no_info_box()
    {
        string head = """<meta charset="utf-8"><title>站点标题</title><meta name="articletitle" content="某局年报"><meta name="pubdate" content="2024-01-09"><meta name="contentsource" content="某局">""";
        var (text, _) = Read(Page("<p>一、总体情况</p>", head));
        var meta = text.Page!.Meta;
        Assert.Equal("某局年报", meta["title"]);
        Assert.Equal("2024-01-09", meta["published_date"]);
        Assert.Equal("某局", meta["agency"]);
        Assert.Equal("站点标题", text.Page.Title);
    }

    [Fact]
    public void Title_falls_back_to_the_title_element()
    {
        var (text, _) = Read(Page("<p>一、总体情况</p>", "<title>某区2020年政府信息公开工作年度报告</title>"));
        Assert.Equal("某区2020年政府信息公开工作年度报告", text.Page!.Meta["title"]);
    }
}
