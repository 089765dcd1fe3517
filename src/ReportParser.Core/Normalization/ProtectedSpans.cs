using System.Runtime.CompilerServices;

namespace ReportParser.Normalization;

/// <summary>
/// Finds the parts of a line the script conversion must not touch: URLs and e-mail addresses
/// (their letters could start a key such as TWPhrasesRev's "BMW集團"). The converter runs on the
/// text between them, so no match starts or ends inside one. Numbers are safe without a span:
/// no dictionary key contains an ASCII digit.
/// </summary>
internal static class ProtectedSpans
{
    /// <summary>The next protected span at or after <paramref name="from"/>; false when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool FindNext(ReadOnlySpan<char> text, int from, out int start, out int length)
    {
        for (int i = from; i < text.Length; i++)
        {
            char c = text[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                continue;
            }

            int end = c is 'h' or 'H' or 'f' or 'F' or 'w' or 'W' ? UrlEnd(text, i) : -1;
            if (end < 0 && (i == from || !IsEmailLocal(text[i - 1])))
            {
                end = EmailEnd(text, i);
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
