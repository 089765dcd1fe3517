using Xunit;
using ReportParser.Text;

namespace ReportParser.Tests.Text;

public sealed class TextFoldTests
{
    [Fact]
    public void The_fast_kept_test_answers_as_FoldChar_for_every_character()
    {
        for (int c = char.MinValue; c <= char.MaxValue; c++)
        {
            Assert.True(TextFold.KeptByFold((char)c) == (TextFold.FoldChar((char)c) == (char)c), $"U+{c:X4}");
        }
    }

    [Theory]
    [InlineData("政府信息公开", "政府信息公开")]
    [InlineData("政\u200B府\u00AD信\uFEFF息\u2060公\u200C开\u200D", "政府信息公开")]
    [InlineData("\u00AD前\u200B后", "前后")]
    [InlineData("后面才有\u00AD", "后面才有")]
    public void Zero_width_characters_are_left_out_wherever_they_stand(string text, string expected)
    {
        Assert.Equal(expected, TextFold.WithoutZeroWidth(text));
        Assert.Equal(TextFold.FoldWidth(text), TextFold.WithoutZeroWidth(text));
    }
}
