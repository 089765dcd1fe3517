using Xunit;
using ReportParser.Text;

namespace ReportParser.Tests.Text;

/// <summary>The white-space shortcut must answer exactly as char.IsWhiteSpace, string.Trim and string.IsNullOrWhiteSpace do.</summary>
public sealed class WhiteSpaceTests
{
    [Fact]
    public void Every_character_is_classified_as_char_IsWhiteSpace_does()
    {
        for (int c = char.MinValue; c <= char.MaxValue; c++)
        {
            Assert.True(char.IsWhiteSpace((char)c) == WhiteSpace.Is((char)c), $"U+{c:X4}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000规章\u00a0")]
    [InlineData("\u2003 行政 许可\u205f\t")]
    [InlineData("\u200b1\u200b")]
    [InlineData("abc")]
    public void Trim_and_IsAll_agree_with_the_string_methods(string text)
    {
        Assert.Equal(text.Trim(), WhiteSpace.Trim(text).ToString());
        Assert.Equal(string.IsNullOrWhiteSpace(text), WhiteSpace.IsAll(text));
    }
}
