namespace ReportParser.Text;

/// <summary>A page number left between the pages of a converted PDF or Word file.</summary>
internal static class PageNumber
{
    /// <summary>"— 3 —", "-12-", "～ 3 ～", "第3页", "第 3 页 共 6 页": a page number alone on its line.</summary>
    public static bool Is(ReadOnlySpan<char> t)
    {
        if (t.Length is 0 or > MaxPageNumberLine)
        {
            return false;
        }

        int i = 0;
        int dashes = 0;
        while (i < t.Length && (t[i] is '—' or '-' or '－' or '–' or '~' or '～' || char.IsWhiteSpace(t[i])))
        {
            dashes += char.IsWhiteSpace(t[i]) ? 0 : 1;
            i++;
        }

        int digits = i;
        while (i < t.Length && char.IsAsciiDigit(t[i]))
        {
            i++;
        }

        if (i == digits || i - digits > 3)
        {
            return t.StartsWith("第") && t.Contains('页') && t.ContainsAnyInRange('0', '9') && !t.Contains('。');
        }

        int trailing = 0;
        for (; i < t.Length; i++)
        {
            if (t[i] is '—' or '-' or '－' or '–' or '~' or '～')
            {
                trailing++;
            }
            else if (!char.IsWhiteSpace(t[i]))
            {
                return false;
            }
        }

        return dashes > 0 && trailing > 0;
    }

    // The longest line read as a page number ("第 12 页 共 36 页").
    private const int MaxPageNumberLine = 16;
}
