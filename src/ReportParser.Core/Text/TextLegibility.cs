namespace ReportParser.Text;

/// <summary>
/// Whether extracted text is Chinese that can be read, or the garbage a PDF gives when its fonts map
/// glyphs to no Unicode text: a CID font without a ToUnicode map gives its glyph numbers as code points
/// (characters of unrelated scripts, private use, controls), and Chinese bytes written with a standard
/// Latin font give Latin-1 letters (<c>¿”¿¡fl‹…</c>). A Chinese report is written in a few blocks
/// (ASCII, CJK ideographs and punctuation, full-width forms, general punctuation, number forms and
/// enclosed numbers, box drawing); a character outside them is suspect.
/// </summary>
internal static class TextLegibility
{
    /// <summary>
    /// Below this many suspect characters the text is too short to judge (a logo's caption, a symbol
    /// font's bullets) and counts as legible. Default 20.
    /// </summary>
    public const int MinSuspectCharacters = 20;

    /// <summary>Counts the characters of <paramref name="text"/> that are Chinese ideographs and those that are suspect.</summary>
    public static void Count(ReadOnlySpan<char> text, ref int chinese, ref int suspect)
    {
        foreach (char c in text)
        {
            if (c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF')
            {
                chinese++;
            }
            else if (!IsReportCharacter(c))
            {
                suspect++;
            }
        }
    }

    /// <summary>
    /// Whether the text is garbage: at least <see cref="MinSuspectCharacters"/> suspect characters, and no
    /// fewer than the Chinese ones (a real report has hundreds of ideographs for each suspect character,
    /// garbage next to none, and unmapped glyph numbers that land on ideographs are a minority).
    /// </summary>
    public static bool IsGarbage(int chinese, int suspect) => suspect >= MinSuspectCharacters && suspect >= chinese;

    private static bool IsReportCharacter(char c) => c switch
    {
        >= ' ' and <= '~' or '\t' or '\n' or '\r' => true,
        '\u00A0' or '\u00A7' or '\u00B0' or '\u00B1' or '\u00B7' or '\u00D7' or '\u00F7' => true, // § ° ± · × ÷
        >= '\u2000' and <= '\u206F' => true, // general punctuation: “ ” ‘ ’ — …
        >= '\u2100' and <= '\u24FF' => true, // letterlike, number forms (Ⅰ), arrows, maths, enclosed numbers (①)
        >= '\u2500' and <= '\u26FF' => true, // box drawing, shapes, symbols (■ ★)
        >= '\u3000' and <= '\u303F' => true, // CJK punctuation
        >= '\u3200' and <= '\u33FF' => true, // enclosed CJK (㈠) and compatibility (㎡)
        >= '\uFE30' and <= '\uFE4F' => true, // CJK compatibility forms
        >= '\uFF00' and <= '\uFFEF' => true, // full-width forms
        >= '\uD800' and <= '\uDFFF' => true, // surrogates: ideographs beyond the BMP (extension B)
        _ => false,
    };
}
