using Xunit;
using ReportParser.Text;

namespace ReportParser.Tests.Text;

/// <summary>The heading finder skips to the next numeral with <see cref="ChineseNumeral.DigitChars"/>: it must hold exactly the digits.</summary>
public sealed class ChineseNumeralTests
{
    [Fact]
    public void DigitChars_holds_exactly_the_characters_IsDigit_accepts()
    {
        for (int c = char.MinValue; c <= char.MaxValue; c++)
        {
            Assert.True(ChineseNumeral.IsDigit((char)c) == ChineseNumeral.DigitChars.Contains((char)c), $"U+{c:X4}");
        }
    }
}
