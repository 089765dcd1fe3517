using System.Runtime.CompilerServices;
using System.Text;

namespace ReportParser.Text;

/// <summary>
/// Width and whitespace folding, for matching only: the output keeps the report's own widths.
/// <see cref="FoldWidth"/> is the text the stages read (full-width ASCII forms to ASCII, NBSP and
/// U+3000 to a space, zero-width characters removed); <see cref="ForMatching"/> also removes all
/// whitespace, for comparing labels and headings.
/// </summary>
internal static class TextFold
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZeroWidth(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    public static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u3000' or '\u2002' or '\u2003' or '\u2009' or '\u202F' or '\u205F' or '\v' or '\f';

    /// <summary>Maps one character to its folded form; '\0' means "drop it".</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char FoldChar(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return (char)(c - 0xFEE0);
        }

        if (IsZeroWidth(c))
        {
            return '\0';
        }

        return c is '\u00A0' or '\u3000' or '\u2002' or '\u2003' or '\u2009' or '\u202F' or '\u205F' ? ' ' : c;
    }

    /// <summary>The text without its zero-width characters (<see cref="IsZeroWidth"/>); the same string when it has none.</summary>
    public static string WithoutZeroWidth(string text)
    {
        // Two vectorised scans (five values and one): the text is every line of every document, and almost none has any.
        int first = text.AsSpan().IndexOfAny("\u200B\u200C\u200D\u2060\uFEFF");
        int softHyphen = text.AsSpan(0, first < 0 ? text.Length : first).IndexOf('\u00AD');
        if (softHyphen >= 0)
        {
            first = softHyphen;
        }

        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            if (!IsZeroWidth(text[i]))
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The text folded for matching: full-width ASCII forms to ASCII, NBSP, U+3000 and the other
    /// spaces to a space, zero-width characters removed. Without zero-width characters the result
    /// has the text's length, character for character.
    /// </summary>
    public static string FoldWidth(string text)
    {
        int i = 0;
        while (i < text.Length && KeptByFold(text[i]))
        {
            i++;
        }

        return i == text.Length ? text : Fold(text, i, dropWhitespace: false);
    }

    // FoldChar(c) == c, deciding ASCII and the CJK block (U+3001 to U+FEFE, where nothing folds) in two
    // comparisons: the scan runs over every character of every document.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool KeptByFold(char c) => c < '\u00A0' || (c > '\u3000' && c < '\uFEFF') || FoldChar(c) == c;

    /// <summary>Width-folded text with every whitespace character removed.</summary>
    public static string ForMatching(string text)
    {
        // Most lines (CJK and printable ASCII only) come back unchanged: no copy.
        int i = 0;
        while (i < text.Length && KeptForMatching(text[i]))
        {
            i++;
        }

        return i == text.Length ? text : Fold(text, i, dropWhitespace: true);
    }

    /// <summary>The text with its first <paramref name="unchanged"/> characters kept and the rest folded.</summary>
    private static string Fold(string text, int unchanged, bool dropWhitespace)
    {
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, unchanged);
        for (int i = unchanged; i < text.Length; i++)
        {
            char f = FoldChar(text[i]);
            if (f != '\0' && !(dropWhitespace && char.IsWhiteSpace(f)))
            {
                sb.Append(f);
            }
        }

        return sb.ToString();
    }

    /// <summary>One character as <see cref="ForMatching(string)"/> folds it; '\0' when it is dropped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char FoldForMatching(char c)
    {
        if (KeptForMatching(c))
        {
            return c;
        }

        char f = FoldChar(c);
        return char.IsWhiteSpace(f) ? '\0' : f;
    }

    // True when ForMatching keeps the character as it is: printable ASCII and CJK ideographs
    // need no table lookups.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool KeptForMatching(char c) =>
        c is (> ' ' and < '\u007F') or (>= '\u3400' and <= '\u9FFF')
        || (c != '\0' && FoldChar(c) == c && !char.IsWhiteSpace(c));
}
