using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Reading;
using ReportParser.Model;

namespace ReportParser.Tests.Reading;

/// <summary>Text nested deeper than the block writer follows keeps its inline runs and its cell breaks.</summary>
public class DeepNestingTests
{
    /// <summary>Text lines, and grid cells as lines of their own.</summary>
    private static List<string> Lines(string html) =>
        new HtmlReader(new EncodingDetector()).Read(Encoding.UTF8.GetBytes(html), "deep.html", new DiagnosticBag(), out _)
            .Blocks.SelectMany(b => b switch
            {
                TextLine line => [line.Text],
                Grid grid => grid.Rows.SelectMany(r => r.Select(c => c.Text)),
                _ => Enumerable.Empty<string>(),
            }).ToList();

    [Theory]
    [InlineData(10)]
    [InlineData(70)]
    [InlineData(300)]
    [InlineData(600)]
    public void A_number_split_by_an_inline_tag_stays_one_number_at_any_depth(int depth)
    {
        string open = string.Concat(Enumerable.Repeat("<table><tr><td>", depth));
        string close = string.Concat(Enumerable.Repeat("</td></tr></table>", depth));
        var lines = Lines("<html><body>" + open + "<p>一、总体情况</p><p>1,234<span>0</span></p>" + close + "</body></html>");
        Assert.Contains("1,2340", lines);
        Assert.DoesNotContain("0", lines);
    }

    [Fact]
    public void Cells_past_the_depth_limit_do_not_run_together()
    {
        // The table sits past the writer's depth below the report's paragraphs.
        string open = string.Concat(Enumerable.Repeat("<div>", HtmlBlockWriter.MaxDepth + 10));
        var lines = Lines("<html><body><p>一、总体情况</p><p>政府信息公开工作情况如下。</p>" + open + "<table><tr><td>12</td><td>34</td></tr></table></body></html>");
        Assert.Contains("12", lines);
        Assert.Contains("34", lines);
        Assert.DoesNotContain("1234", lines);
    }
}
