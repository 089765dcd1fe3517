using ReportParser.Text;

namespace ReportParser.Tests.Text;

public class CharSetTests
{
    [Fact]
    public void Holds_exactly_its_characters_across_the_whole_range()
    {
        const string members = "一十〇零a\u0000\uFFFF年";
        var set = new CharSet(members);
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.Equal(members.Contains((char)c), set.Contains((char)c));
        }
    }

    [Theory]
    [InlineData("", -1)]
    [InlineData("本年度", 1)]
    [InlineData("报告共七个部分", 3)]
    [InlineData("no numerals", -1)]
    public void Finds_the_first_member(string text, int expected)
    {
        const string members = "一二三四五六七八九十〇零年";
        Assert.Equal(expected, new CharSet(members).IndexOfAny(text));
        Assert.Equal(text.AsSpan().IndexOfAny(members), new CharSet(members).IndexOfAny(text));
    }
}
