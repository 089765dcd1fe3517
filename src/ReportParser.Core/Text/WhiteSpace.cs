using System.Runtime.CompilerServices;

namespace ReportParser.Text;

/// <summary>
/// <see cref="char.IsWhiteSpace(char)"/> without its Unicode category lookup for the characters
/// reports are mostly made of: above U+00FF only U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
/// U+205F and U+3000 are white space, so CJK text is answered by two comparisons.
/// </summary>
internal static class WhiteSpace
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Is(char c) => c <= '\u00FF' ? char.IsWhiteSpace(c) : c <= '\u3000' && IsAboveLatin1(c);

    /// <summary>The text without leading and trailing white space, as <see cref="string.Trim()"/> cuts it.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text)
    {
        int start = 0;
        while (start < text.Length && Is(text[start]))
        {
            start++;
        }

        int end = text.Length;
        while (end > start && Is(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>True when every character is white space (or there is none), as <see cref="string.IsNullOrWhiteSpace"/> tells.</summary>
    public static bool IsAll(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!Is(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAboveLatin1(char c) =>
        c is '\u1680' or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000';

    /// <summary>
    /// East Asian wide characters: a collapsible line break between two of them is removed (CSS Text
    /// segment-break rule), so <c>申请人情</c>⏎<c>况</c> reads 申请人情况.
    /// </summary>
    /// <summary>
    /// Appends one piece of a cell's text (a paragraph or line of it) to <paramref name="text"/>: a space
    /// between the pieces, except between two wide (CJK) characters, which run on as the cell showed them.
    /// </summary>
    public static void AppendPiece(System.Text.StringBuilder text, string piece)
    {
        if (piece.Length == 0)
        {
            return;
        }

        if (text.Length > 0 && !(IsWide(text[^1]) && IsWide(piece[0])))
        {
            text.Append(' ');
        }

        text.Append(piece);
    }

    public static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F'
            or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' or >= '\uD800' and <= '\uDFFF';

    /// <summary>HTML's collapsible white space (U+00A0 and U+3000 are not).</summary>
    public static bool IsCollapsible(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    /// <summary>White space of any kind, including no-break and ideographic spaces.</summary>
    public static bool IsBlank(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF';
}
