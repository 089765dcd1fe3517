using System.Runtime.CompilerServices;
using System.Text;
using ReportParser.Normalization;
using ReportParser.Text;

namespace ReportParser.Sectioning;

/// <summary>Recognises site chrome in scraped text: breadcrumbs, print/close bars, encyclopedia boxes, pipe runs.</summary>
internal static class ChromeFilter
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ChromeLookup = ChromeVocabulary.WholeLines.GetAlternateLookup<ReadOnlySpan<char>>();

    // The characters a folded chrome line or the 分享到 prefix starts with.
    // A string, not SearchValues: it is asked about one character per line, and building a
    // SearchValues of CJK characters costs a one-report run milliseconds of start-up.
    private static readonly string FoldedStarts = FirstCharacters(ChromeVocabulary.WholeLines, "分");

    // A "分享到：微信 微博 …" line longer than this holds more than share buttons.
    private const int MaxShareLine = 40;

    // IsChrome needs a line's whole folded text only when it is short enough to be a chrome line,
    // and otherwise its first three characters (分享到): folding stops there.
    private static readonly int FoldLimit = LongestLine() + 1;

    // Loops rather than LINQ over characters and lengths: static set-up that every run pays for, and
    // LINQ's generic code for value types is compiled at run time.
    /// <summary>The first character of each text, after <paramref name="more"/> (repeats included).</summary>
    internal static string FirstCharacters(IEnumerable<string> texts, string more)
    {
        var first = new StringBuilder(more);
        foreach (string text in texts)
        {
            first.Append(text[0]);
        }

        return first.ToString();
    }

    private static int LongestLine()
    {
        int longest = 0;
        foreach (string line in ChromeVocabulary.WholeLines)
        {
            longest = Math.Max(longest, line.Length);
        }

        return longest;
    }

    /// <summary>A line made only of pipes (and table-rule dashes): row padding of a flattened table.</summary>
    public static bool IsPipeOnly(string text) => IsPipeOnly(text.AsSpan());

    private static bool IsPipeOnly(ReadOnlySpan<char> text)
    {
        bool pipe = false;
        foreach (char c in text)
        {
            if (c == '|')
            {
                pipe = true;
            }
            else if (!char.IsWhiteSpace(c) && c is not ('-' or ':'))
            {
                return false;
            }
        }

        return pipe;
    }


    /// <summary>True for navigation and page furniture that is not part of the report.</summary>
    public static bool IsChrome(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.Length == 0)
        {
            return false;
        }

        if (IsPipeOnly(t))
        {
            return true;
        }

        // Every test on the folded line needs its first character to start a chrome line or prefix:
        // most lines are told apart by that character alone, without folding them.
        char first = FirstFolded(t);
        if (first == '\0')
        {
            return false;
        }

        if (FoldedStarts.Contains(first) && IsFoldedChrome(t))
        {
            return true;
        }

        // A page number between a converted PDF's pages: "— 3 —", "- 12 -", "第 3 页".
        if (PageNumber.Is(t))
        {
            return true;
        }

        // Breadcrumb: the whole line is one ("> 政务公开 > 年报", "当前位置:首页 > …"); a breadcrumb
        // that runs on into the report is cut as a span by ChromeCutter.
        if ((first is '当' or '您' or '所' or '首' || t[0] is '>' or '»') && ChromeCutter.IsBreadcrumbLine(t))
        {
            return true;
        }

        // Encyclopedia info box items: "• 中文名:…".
        if ((t.StartsWith('•') || t.StartsWith('·')) && t.Length < 120)
        {
            int colon = t.IndexOf(':');
            return colon is > 1 and < 12;
        }

        return false;
    }

    /// <summary>The tests on the folded line. Kept out of <see cref="IsChrome"/>: its stack buffer makes every call dearer.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsFoldedChrome(ReadOnlySpan<char> t)
    {
        Span<char> buffer = stackalloc char[FoldLimit];
        ReadOnlySpan<char> folded = buffer[..Fold(t, buffer)];

        // A fold cut off at the buffer's length is longer than every chrome line: no need to look it up.
        return (folded.Length < FoldLimit && ChromeLookup.Contains(folded))
            || (folded.StartsWith("分享到", StringComparison.Ordinal) && t.Length <= MaxShareLine);
    }

    /// <summary>Removes a trailing run of pipes (" | ||||") left by a flattened page layout.</summary>
    public static string StripTrailingPipes(string text)
    {
        var stripped = WithoutTrailingPipes(text);
        return stripped.Length == text.Length ? text : stripped.ToString();
    }

    /// <summary><see cref="StripTrailingPipes"/> without making a string.</summary>
    public static ReadOnlySpan<char> WithoutTrailingPipes(ReadOnlySpan<char> text) => FlattenedCell.WithoutTrailingPipes(text);

    // The line folded for matching (TextFold.ForMatching) without pipes, brackets, dots, slashes and
    // '>', cut off after buffer.Length characters (a line that long is no chrome line).
    private static int Fold(ReadOnlySpan<char> text, Span<char> buffer)
    {
        int n = 0;
        foreach (char c in text)
        {
            char f = FoldedChar(c);
            if (f != '\0')
            {
                buffer[n++] = f;
                if (n == buffer.Length)
                {
                    break;
                }
            }
        }

        return n;
    }

    /// <summary>The first character of <see cref="Fold"/>'s text; '\0' when that text is empty.</summary>
    private static char FirstFolded(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            char f = FoldedChar(c);
            if (f != '\0')
            {
                return f;
            }
        }

        return '\0';
    }

    // One character as Fold folds it; '\0' when it is left out.
    private static char FoldedChar(char c)
    {
        char f = TextFold.FoldForMatching(c);
        return f is '|' or '[' or ']' or '【' or '】' or '|' or '·' or '/' or '>' ? '\0' : f;
    }
}
