namespace ReportParser.Sectioning;

/// <summary>
/// The year patterns of <see cref="MetadataExtractor"/> written out by hand. As generated regexes
/// their search for "19"/"20" builds a multi-string searcher whose code is compiled at run time,
/// a noticeable part of a one-file run. \d is any decimal digit and \s any white space, as in .NET regexes.
/// </summary>
internal static class YearPatterns
{
    /// <summary>
    /// The first <c>((?:19|20)\d{2})\s*年</c> at or after <paramref name="start"/>: where the year starts
    /// and where the match ends (after 年); false when there is none.
    /// </summary>
    public static bool FindYear(string text, int start, out int index, out int end)
    {
        for (int i = start; i + 4 <= text.Length; i++)
        {
            if (!IsYearAt(text, i))
            {
                continue;
            }

            int j = SkipSpaces(text, i + 4);
            if (j < text.Length && text[j] == '年')
            {
                index = i;
                end = j + 1;
                return true;
            }
        }

        index = end = -1;
        return false;
    }

    /// <summary>The year of the first <c>((?:19|20)\d{2})\s*年</c>, or null.</summary>
    public static string? FirstYear(string text) =>
        FindYear(text, 0, out int index, out _) ? text.Substring(index, 4) : null;

    /// <summary>The year of the last of the successive matches of <c>((?:19|20)\d{2})\s*年</c>, or null.</summary>
    public static string? LastYear(string text)
    {
        string? year = null;
        int position = 0;
        while (FindYear(text, position, out int index, out int end))
        {
            year = text.Substring(index, 4);
            position = end;
        }

        return year;
    }

    /// <summary>The first <c>((?:19|20)\d{2})\d{0,4}[日月]</c>: the whole match and its year; false when there is none.</summary>
    public static bool FindDamagedDate(string text, out string match, out string year)
    {
        for (int i = 0; i + 4 <= text.Length; i++)
        {
            if (!IsYearAt(text, i))
            {
                continue;
            }

            int j = i + 4;
            while (j < text.Length && j - (i + 4) < 4 && char.IsDigit(text[j]))
            {
                j++;
            }

            if (j < text.Length && text[j] is '日' or '月')
            {
                match = text[i..(j + 1)];
                year = text.Substring(i, 4);
                return true;
            }
        }

        match = year = "";
        return false;
    }

    /// <summary>
    /// The first <c>((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})</c>: its year, month and day
    /// as written; false when there is none.
    /// </summary>
    public static bool FindDate(string text, out string year, out string month, out string day)
    {
        for (int i = 0; i + 4 <= text.Length; i++)
        {
            if (!IsYearAt(text, i))
            {
                continue;
            }

            int j = SkipSpaces(text, i + 4);
            if (j >= text.Length || text[j] is not ('-' or '/' or '.' or '年'))
            {
                continue;
            }

            j = SkipSpaces(text, j + 1);
            int monthStart = j;
            j = SkipDigits(text, j, 2);
            if (j == monthStart)
            {
                continue;
            }

            int monthEnd = j;
            j = SkipSpaces(text, j);
            if (j >= text.Length || text[j] is not ('-' or '/' or '.' or '月'))
            {
                continue;
            }

            j = SkipSpaces(text, j + 1);
            int dayStart = j;
            j = SkipDigits(text, j, 2);
            if (j == dayStart)
            {
                continue;
            }

            year = text.Substring(i, 4);
            month = text[monthStart..monthEnd];
            day = text[dayStart..j];
            return true;
        }

        year = month = day = "";
        return false;
    }

    // (?:19|20)\d{2} at i.
    private static bool IsYearAt(string text, int i) =>
        i + 4 <= text.Length
        && ((text[i] == '1' && text[i + 1] == '9') || (text[i] == '2' && text[i + 1] == '0'))
        && char.IsDigit(text[i + 2]) && char.IsDigit(text[i + 3]);

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int SkipDigits(string text, int i, int max)
    {
        int start = i;
        while (i < text.Length && i - start < max && char.IsDigit(text[i]))
        {
            i++;
        }

        return i;
    }
}
