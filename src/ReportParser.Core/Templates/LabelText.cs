using System.Buffers;
using ReportParser.Text;

namespace ReportParser.Templates;

/// <summary>
/// Label normalisation for matching table labels against the templates: whitespace removed
/// (NBSP and U+3000 too), width folded, quotes removed, 、 ， , unified, 合计 read as 总计, and
/// other full-width brackets read as ( ). <see cref="Core"/> also drops a leading ordinal
/// (一、 (三) 1. 1、 (1)), which is kept in the normalised text for level detection.
/// </summary>
internal static class LabelText
{
    private const string ChineseDigits = "一二三四五六七八九十";

    public static string Normalize(string text)
    {
        // Every character gives at most one: the result fits a buffer of the text's length.
        char[]? rented = null;
        Span<char> buffer = text.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        int length = 0;
        foreach (char c in text)
        {
            char f = TextFold.FoldChar(c);
            // char.IsWhiteSpace, which Tables' WhiteSpace.Is answers faster, is used here so that the
            // templates depend on no stage; labels are normalised once each (LabelIndex memoises them).
            if (f == '\0' || char.IsWhiteSpace(f))
            {
                continue;
            }

            switch (f)
            {
                case '“' or '”' or '‘' or '’' or '"' or '\'' or '「' or '」' or '『' or '』':
                    continue;
                case '，' or ',' or '、':
                    buffer[length++] = '、';
                    break;
                case '【' or '〔' or '［' or '[':
                    buffer[length++] = '(';
                    break;
                case '】' or '〕' or '］' or ']':
                    buffer[length++] = ')';
                    break;
                case '．' or '。' when length > 0 && char.IsAsciiDigit(buffer[length - 1]):
                    buffer[length++] = '.';
                    break;
                default:
                    buffer[length++] = f;
                    break;
            }
        }

        // 合计 reads as 总计 (the two never overlap, so replacing in place from the left is a full replace).
        var normalized = buffer[..length];
        for (int i = normalized.IndexOf("合计"); i >= 0; i = Next(normalized, i + 2))
        {
            normalized[i] = '总';
        }

        string result = normalized.ToString();
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;

        static int Next(Span<char> text, int from)
        {
            int at = text[from..].IndexOf("合计");
            return at < 0 ? -1 : from + at;
        }
    }

    /// <summary>A template label folded for matching (<see cref="TextFold.ForMatching"/>) without its leading ordinal.</summary>
    public static string MatchingCore(string label)
    {
        string folded = TextFold.ForMatching(label);
        return folded[OrdinalLength(folded, 0)..];
    }

    /// <summary>Normalised text without its leading ordinal.</summary>
    public static string Core(string normalized) => normalized[OrdinalLength(normalized, 0)..];

    /// <summary>
    /// Length of an ordinal at <paramref name="start"/>: 一、 / 十二、 / (三) / (3) / 1. / 1、 / 1) ; 0 if none.
    /// The ordinal must be followed by more text.
    /// </summary>
    public static int OrdinalLength(string s, int start)
    {
        int i = start;
        if (i < s.Length && s[i] == '(')
        {
            int j = i + 1;
            while (j < s.Length && j - i <= 3 && (ChineseDigits.Contains(s[j]) || char.IsAsciiDigit(s[j])))
            {
                j++;
            }

            return j > i + 1 && j < s.Length - 1 && s[j] == ')' ? j + 1 - start : 0;
        }

        int k = i;
        while (k < s.Length && k - i < 3 && ChineseDigits.Contains(s[k]))
        {
            k++;
        }

        if (k > i)
        {
            return k < s.Length - 1 && s[k] == '、' ? k + 1 - start : 0;
        }

        while (k < s.Length && k - i < 2 && char.IsAsciiDigit(s[k]))
        {
            k++;
        }

        return k > i && k < s.Length - 1 && s[k] is '.' or '、' or ')' ? k + 1 - start : 0;
    }

    /// <summary>Drops an explanatory parenthetical at the end (规章(设区的市…) → 规章), when text remains before it.</summary>
    public static string StripTrailingParenthetical(string s)
    {
        if (s.Length < 3 || s[^1] != ')')
        {
            return s;
        }

        int depth = 0;
        for (int i = s.Length - 1; i >= 0; i--)
        {
            if (s[i] == ')')
            {
                depth++;
            }
            else if (s[i] == '(' && --depth == 0)
            {
                return i > 0 ? s[..i] : s;
            }
        }

        return s;
    }

    /// <summary>Index just past the parenthetical opening at <paramref name="start"/>, or -1.</summary>
    public static int SkipParenthetical(string s, int start)
    {
        if (start >= s.Length || s[start] != '(')
        {
            return -1;
        }

        int depth = 0;
        for (int i = start; i < s.Length; i++)
        {
            if (s[i] == '(')
            {
                depth++;
            }
            else if (s[i] == ')' && --depth == 0)
            {
                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>The keys a normalised label is looked up under: as is, without ordinal, without trailing parenthetical.</summary>
    public static IEnumerable<string> LookupForms(string normalized)
    {
        yield return normalized;
        string core = Core(normalized);
        if (core != normalized)
        {
            yield return core;
        }

        string stripped = StripTrailingParenthetical(core);
        if (stripped != core)
        {
            yield return stripped;
            string strippedCore = Core(stripped);
            if (strippedCore != stripped)
            {
                yield return strippedCore;
            }
        }
    }

    /// <summary>Levenshtein distance, or <paramref name="limit"/> + 1 once it is certain to exceed the limit.</summary>
    public static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
