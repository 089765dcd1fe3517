using System.Globalization;

namespace ReportParser.Text;

/// <summary>
/// Whether extracted text is Chinese that can be read, or the garbage a PDF gives when its fonts map
/// glyphs to no Unicode text: private-use or unassigned code points and control characters (CID fonts
/// without a ToUnicode map), or Latin-1 letters and punctuation where Chinese should be (Chinese bytes
/// written with a standard Latin font: <c>¿”¿¡fl‹…</c>).
/// </summary>
internal static class TextLegibility
{
    /// <summary>
    /// Below this many suspect characters the text is too short to judge (a page number, a logo's
    /// caption) and counts as legible. Default 20.
    /// </summary>
    public const int MinSuspectCharacters = 20;

    /// <summary>
    /// Text is garbage when suspect characters outnumber the Chinese ones by this factor or more
    /// (a Chinese report has almost none: a few ×, ·, ° or ② at most). Default 1: a real report
    /// has hundreds of Chinese characters for each suspect one, garbage has next to no Chinese.
    /// </summary>
    public const int SuspectToChineseRatio = 1;

    /// <summary>Counts the characters of <paramref name="text"/> that are Chinese and those that are suspect.</summary>
    public static void Count(ReadOnlySpan<char> text, ref int chinese, ref int suspect)
    {
        foreach (char c in text)
        {
            if (c < 0x80)
            {
                if (c < 0x20 && c is not ('\t' or '\n' or '\r'))
                {
                    suspect++;
                }
            }
            else if (c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF')
            {
                chinese++; // ideographs, CJK punctuation, full-width forms
            }
            else if (c is >= '\u0080' and <= '\u024F' or >= '\uE000' and <= '\uF8FF' or '\uFFFD' or >= '\uFB00' and <= '\uFB06'
                || char.GetUnicodeCategory(c) is UnicodeCategory.OtherNotAssigned or UnicodeCategory.Control or UnicodeCategory.PrivateUse)
            {
                suspect++; // Latin-1 and Latin Extended letters, private use, U+FFFD, Latin ligatures (ﬁ ﬂ), unassigned
            }
        }
    }

    /// <summary>Whether counts from <see cref="Count"/> say the text is garbage.</summary>
    public static bool IsGarbage(int chinese, int suspect) =>
        suspect >= MinSuspectCharacters && suspect >= chinese * SuspectToChineseRatio;
}
