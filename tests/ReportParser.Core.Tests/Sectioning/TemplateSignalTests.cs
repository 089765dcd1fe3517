using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Normalization;
using ReportParser.Reading;
using ReportParser.Sectioning;
using Xunit;
using ReportParser.Text;

namespace ReportParser.Tests.Sectioning;

/// <summary>The template detector folds only lines holding a signal's first character; that is exact only while these hold.</summary>
public sealed class TemplateSignalTests
{
    [Fact]
    public void Every_signal_starts_with_a_character_folding_keeps_and_never_produces()
    {
        foreach (string signal in TemplateDetector.Signals)
        {
            char first = signal[0];
            Assert.True(TemplateDetector.SignalStarts.Contains(first), signal);
            Assert.Equal(first, TextFold.FoldForMatching(first));
            for (int c = char.MinValue; c <= char.MaxValue; c++)
            {
                if (c != first && TextFold.FoldForMatching((char)c) == first)
                {
                    Assert.Fail($"U+{c:X4} folds to the first character of {signal}");
                }
            }
        }
    }

    [Theory]
    [InlineData("本年 制发件数 12", TemplateNames.Gov2021)]
    [InlineData("其中本年\u200b废止件数", TemplateNames.Gov2021)]
    [InlineData("本年增／减", TemplateNames.Gov2019)]
    [InlineData("第二十条第（九）项", TemplateNames.Gov2019)]
    [InlineData("本年\n制发件数", TemplateNames.Unknown)]
    [InlineData("本年制发", TemplateNames.Unknown)]
    public void Signals_are_found_in_the_folded_line(string text, string expected)
    {
        var blocks = text.Split('\n').Select((line, i) => (Block)new TextLine(line, i + 1)).ToList();
        var source = new SourceText("x.txt", "text", "utf-8", 0, "", blocks);
        Assert.Equal(expected, new TemplateDetector().Detect(source, [], null, new DiagnosticBag()));
    }

    [Fact]
    public void Signals_are_found_in_grid_cells()
    {
        var grid = new Grid([[new GridCell("采购 总金额", 1)]], 1);
        var source = new SourceText("x.txt", "html", "utf-8", 0, "", [grid]);
        Assert.Equal(TemplateNames.Gov2019, new TemplateDetector().Detect(source, [], null, new DiagnosticBag()));
    }
}
