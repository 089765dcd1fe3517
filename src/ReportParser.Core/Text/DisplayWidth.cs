namespace ReportParser.Text;

/// <summary>
/// How many terminal columns text takes: East Asian wide characters (<see cref="WhiteSpace.IsWide"/>) two, a
/// surrogate pair (CJK extension ideographs) two, combining marks and zero-width characters none, others one.
/// The punctuation of East Asian Width "ambiguous" that Chinese text uses (“ ” ‘ ’ … — · ° ※) counts two, as UAX #11
/// advises for an East Asian context and as Chinese terminal fonts draw it.
/// </summary>
internal static class DisplayWidth
{
    public static int Of(string text)
    {
        int width = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsLowSurrogate(c) || TextFold.IsZeroWidth(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            width += WhiteSpace.IsWide(c) || IsAmbiguousPunctuation(c) ? 2 : 1;
        }

        return width;
    }

    private static bool IsAmbiguousPunctuation(char c) => c is '“' or '”' or '‘' or '’' or '…' or '—' or '·' or '°' or '※';

    /// <summary><paramref name="text"/> padded with spaces to <paramref name="width"/> columns, on the left (<paramref name="right"/>) or the right.</summary>
    public static string Pad(string text, int width, bool right = false)
    {
        int pad = Math.Max(0, width - Of(text));
        return right ? new string(' ', pad) + text : text + new string(' ', pad);
    }
}
