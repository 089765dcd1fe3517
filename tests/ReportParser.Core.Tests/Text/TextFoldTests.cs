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
}
