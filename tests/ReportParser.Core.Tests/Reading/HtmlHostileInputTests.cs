using Xunit;
using System.Text;
using ReportParser.Reading;
using static ReportParser.Tests.Reading.HtmlTestSupport;
using ReportParser.Model;

namespace ReportParser.Tests.Reading;

public sealed class HtmlHostileInputTests
{
    [Fact]
    public void Five_megabyte_page_is_read()
    {
        var sb = new StringBuilder("<html><body><div class=\"content\"><p>一、总体情况</p>");
        while (sb.Length < 5 * 1024 * 1024 / 3)
        {
            sb.Append("<p>本机关认真贯彻落实《中华人民共和国政府信息公开条例》，<span>推进</span>重点领域信息公开。</p>\n");
        }

        sb.Append("</div></body></html>");
        var (text, bag) = Read(sb.ToString());
        Assert.True(text.Blocks.Count > 10_000);
        Assert.Equal(text.Blocks.Count - 1, text.Blocks[^1].Line);
        Assert.False(bag.HasErrors);
    }

    [Fact]
    public void Page_of_only_scripts_yields_no_blocks()
    {
        var (text, bag) = Read("<html><head><script>var a = '<p>一、总体情况</p>';</script></head><body><script src=\"x.js\"></script></body></html>");
        Assert.Empty(text.Blocks);
        Assert.Contains(bag.Items, d => d.Code == "RP1008");
    }

    [Fact]
    public void Malformed_markup_is_read()
    {
        var (text, _) = Read("<html><body><p>一、总体情况</td></tr><table><tr><td>甲<td>乙</tr><tr><td>1<td>2</table></td><p>二、主动公开<div><table><tr><td>未闭合");
        Assert.Contains("一、总体情况", Lines(text));
        Assert.Contains(text.Blocks, b => b is Grid);
        Assert.Contains(Lines(text), l => l.Contains("未闭合", StringComparison.Ordinal));
    }

    [Fact]
    public void Ten_thousand_nested_divs_are_read_with_a_limit_diagnostic()
    {
        string html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "一、总体情况"
            + string.Concat(Enumerable.Repeat("</div>", 10_000)) + "<p>二、主动公开政府信息情况</p></body></html>";
        var (text, bag) = Read(html);
        Assert.Equal(["一、总体情况", "二、主动公开政府信息情况"], Lines(text));
        Assert.Contains(bag.Items, d => d.Code == "RP1011");
    }

    [Fact]
    public void Ten_thousand_nested_tables_are_read()
    {
        string html = "<html><body>" + string.Concat(Enumerable.Repeat("<table><tr><td>", 10_000)) + "一、总体情况</body></html>";
        var (text, _) = Read(html);
        Assert.Contains("一、总体情况", Lines(text));
    }

    [Fact]
    public void Huge_table_is_cut_at_the_row_limit()
    {
        var sb = new StringBuilder("<html><body><table>");
        for (int i = 0; i < 12_000; i++)
        {
            sb.Append("<tr><td>").Append(i).Append("</td><td>1</td></tr>");
        }

        sb.Append("</table></body></html>");
        var (text, bag) = Read(sb.ToString());
        var grid = Assert.Single(text.Blocks.OfType<Grid>());
        Assert.Equal(10_000, grid.Rows.Count);
        Assert.Contains(bag.Items, d => d.Code == "RP1011");
    }

    [Fact]
    public void Huge_spans_do_not_blow_up()
    {
        var sb = new StringBuilder("<table>");
        for (int i = 0; i < 300; i++)
        {
            sb.Append("<tr><td rowspan=65534 colspan=1000>x</td><td rowspan=65534 colspan=1000>y</td></tr>");
        }

        sb.Append("</table>");
        var (text, _) = Read(sb.ToString());
        var grid = Assert.Single(text.Blocks.OfType<Grid>());
        Assert.Equal(300, grid.Rows.Count);
    }

    [Theory]
    [InlineData("<")]
    [InlineData("<html>")]
    [InlineData("<html><body></body></html>")]
    [InlineData("<table><tr><td rowspan=\"-5\" colspan=\"abc\">x</td></tr></table>")]
    [InlineData("<![if !supportLists]>一、<![endif]>总体情况")]
    [InlineData("\0\0\0<html>")]
    public void Odd_fragments_are_read(string html)
    {
        var (text, _) = Read(html);
        Assert.NotNull(text);
    }
}
