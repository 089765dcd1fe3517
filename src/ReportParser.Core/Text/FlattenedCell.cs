namespace ReportParser.Text;

/// <summary>
/// A line that a scraper made of one table cell: short, ending in a pipe, no sentence in it
/// (<c>"16 |"</c>, <c>"(一)予以公开 |"</c>, <c>"| a | b |"</c>).
/// </summary>
internal static class FlattenedCell
{
    /// <summary>Default longest cell text (trailing pipes and blanks not counted): a longer line is prose that happens to end in a pipe.</summary>
    public const int DefaultMaxLength = 100;

    public static bool Is(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        return t.EndsWith('|') && WithoutTrailingPipes(t).Length < DefaultMaxLength && !t.Contains('。');
    }

    /// <summary>The text without a trailing run of pipes and blanks (" | ||||") left by a flattened page layout.</summary>
    public static ReadOnlySpan<char> WithoutTrailingPipes(ReadOnlySpan<char> text)
    {
        int end = text.Length;
        while (end > 0 && (text[end - 1] == '|' || char.IsWhiteSpace(text[end - 1])))
        {
            end--;
        }

        return text[..end];
    }
}
