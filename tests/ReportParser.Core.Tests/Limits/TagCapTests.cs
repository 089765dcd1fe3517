using System.Text;
using ReportParser.Model;
using ReportParser.Reading;
using ReportParser.Diagnostics;

namespace ReportParser.Tests.Limits;

/// <summary>
/// A page with more tags than <see cref="NestingLimiter.MaxTags"/> (issue 21, defect 2: one 60 MB table took
/// 3.9 GB as a DOM) is read as plain text past the cap, with an RP1011 warning; cells stay apart.
/// </summary>
public sealed class TagCapTests
{
    private static string Page(int rows)
    {
        var sb = new StringBuilder("<html><body><p>某局2023年政府信息公开工作年度报告</p><table>\n");
        for (int r = 0; r < rows; r++)
        {
            sb.Append("<tr><td>12</td><td>34</td></tr>\n");
        }

        return sb.Append("</table></body></html>").ToString();
    }

    [Fact]
    public void Past_the_cap_tags_become_spaces_and_lines_stay_where_they_were()
    {
        string html = Page(NestingLimiter.MaxTags / 3 + 10);
        string limited = NestingLimiter.Limit(html, out int dropped, out int plainFrom);
        Assert.Equal(0, dropped);
        Assert.True(plainFrom > 0);
        string tail = limited[plainFrom..];
        Assert.DoesNotContain("<t", tail);
        Assert.DoesNotContain("1234", tail);   // cells do not run together
        Assert.Contains("12  34", tail);
        Assert.Equal(html.Count(c => c == '\n'), limited.Count(c => c == '\n'));
        Assert.Equal(html[..plainFrom], limited[..plainFrom]);
    }

    [Fact]
    public void A_page_under_the_cap_is_passed_through_unchanged()
    {
        string html = Page(1000);
        Assert.Same(html, NestingLimiter.Limit(html, out _, out int plainFrom));
        Assert.Equal(-1, plainFrom);
    }

    [Fact]
    public void A_page_over_the_cap_is_read_with_an_RP1011_warning()
    {
        var document = new ReportPipeline().Parse(ReportSource.FromText("big.html", Page(NestingLimiter.MaxTags / 3 + 10))).Document;
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.HtmlLimit.Code && d.Message.Contains("plain text"));
    }
}
