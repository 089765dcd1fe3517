namespace ReportParser.Normalization;

/// <summary>
/// Finds the parts of a line the script conversion must not touch: URLs, e-mail addresses and
/// numbers. The converter runs on the text between them, so no match starts or ends inside one.
/// </summary>
internal static class ProtectedSpans
{
    /// <summary>The next protected span at or after <paramref name="from"/>; false when there is none.</summary>
    public static bool FindNext(ReadOnlySpan<char> text, int from, out int start, out int length)
    {
        for (int i = from; i < text.Length; i++)
        {
            char c = text[i];
            if (!char.IsAscii(c))
            {
                continue;
            }

            int end = UrlEnd(text, i);
            if (end < 0 && char.IsAsciiLetterOrDigit(c) && (i == from || !IsEmailLocal(text[i - 1])))
            {
                end = EmailEnd(text, i);
            }

            if (end < 0 && char.IsAsciiDigit(c))
            {
                end = i + 1;
                while (end < text.Length && (char.IsAsciiDigit(text[end]) || (text[end] is '.' or ',' or ':' or '/' or '-' or '%' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
                {
                    end++;
                }
            }

            if (end > i)
            {
                start = i;
                length = end - i;
                return true;
            }
        }

        start = text.Length;
        length = 0;
        return false;
    }

    private static int UrlEnd(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
        {
            return -1;
        }

        int end = i;
        while (end < text.Length && IsUrlChar(text[end]))
        {
            end++;
        }

        return end;
    }

    // local@domain.tld, scanned from the first character of the local part.
    private static int EmailEnd(ReadOnlySpan<char> text, int i)
    {
        int at = i;
        while (at < text.Length && IsEmailLocal(text[at]))
        {
            at++;
        }

        if (at == i || at >= text.Length || text[at] != '@')
        {
            return -1;
        }

        int end = at + 1;
        bool dot = false;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' || (text[end] == '.' && end + 1 < text.Length && char.IsAsciiLetterOrDigit(text[end + 1]))))
        {
            dot |= text[end] == '.';
            end++;
        }

        return dot && end > at + 1 ? end : -1;
    }

    private static bool IsEmailLocal(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static bool IsUrlChar(char c) => c > ' ' && c < '\u007F' && c is not ('"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}');
}
