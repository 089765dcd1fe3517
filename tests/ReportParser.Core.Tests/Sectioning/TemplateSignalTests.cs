using ReportParser.Normalization;
using ReportParser.Sectioning;
using Xunit;

namespace ReportParser.Core.Tests.Sectioning;

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
}
