using ReportParser.Normalization;

namespace ReportParser.Sectioning;

/// <summary>Recognises site chrome in scraped text: breadcrumbs, print/close bars, encyclopedia boxes, pipe runs.</summary>
internal static class ChromeFilter
{
    private static readonly HashSet<string> ChromeLines =
    [
        "首页", "打印", "关闭", "打印关闭", "打印本页", "关闭窗口", "打印本页关闭窗口", "打印此页", "关闭本页",
        "相关词条", "热门词条", "联络我们", "联系我们", "基本介绍", "返回顶部", "回到顶部", "分享到", "收藏",
        "相关链接", "相关文章", "相关信息", "扫一扫在手机打开当前页", "扫一扫在手机上查看当前页面",
        "字号大中小", "字体大中小", "字号:大中小", "字体:大中小", "【字号大中小】", "【字体:大中小】", "上一篇", "下一篇",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ChromeLookup = ChromeLines.GetAlternateLookup<ReadOnlySpan<char>>();

    // IsChrome needs a line's whole folded text only when it is short enough to be a chrome line,
    // and otherwise its first few characters (the longest prefix tested is 您现在的位置): folding stops there.
    private static readonly int FoldLimit = Math.Max(ChromeLines.Max(l => l.Length), "您现在的位置".Length) + 1;

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

    /// <summary>A flattened table cell: a short line ending in a pipe ("16 |", "(一)予以公开 |", "| a | b |").</summary>
    public static bool IsTableCell(string text)
    {
        string t = text.Trim();
        return t.EndsWith('|') && StripTrailingPipes(t).Length < 100 && !t.Contains('。');
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

        Span<char> buffer = stackalloc char[FoldLimit];
        ReadOnlySpan<char> folded = buffer[..Fold(t, buffer)];
        if (folded.Length == 0)
        {
            return false;
        }

        // A fold cut off at the buffer's length is longer than every chrome line: no need to look it up.
        if ((folded.Length < FoldLimit && ChromeLookup.Contains(folded)) || folded.StartsWith("分享到", StringComparison.Ordinal)
            || folded.StartsWith("当前位置", StringComparison.Ordinal) || folded.StartsWith("您的位置", StringComparison.Ordinal)
            || folded.StartsWith("您现在的位置", StringComparison.Ordinal) || folded.StartsWith("您当前的位置", StringComparison.Ordinal))
        {
            return true;
        }

        // Breadcrumb: "首页 > 政务公开 > …" or a line starting with ">".
        if (t.StartsWith('>') || t.StartsWith('»') || (t.Contains('>') && folded.StartsWith("首页", StringComparison.Ordinal)))
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

    /// <summary>Removes a trailing run of pipes (" | ||||") left by a flattened page layout.</summary>
    public static string StripTrailingPipes(string text)
    {
        int end = text.Length;
        while (end > 0 && (text[end - 1] == '|' || char.IsWhiteSpace(text[end - 1])))
        {
            end--;
        }

        return end == text.Length ? text : text[..end];
    }

    // The line folded for matching (TextFold.ForMatching) without pipes, brackets, dots, slashes and
    // '>', cut off after buffer.Length characters (a line that long is no chrome line).
    private static int Fold(ReadOnlySpan<char> text, Span<char> buffer)
    {
        int n = 0;
        foreach (char c in text)
        {
            char f = TextFold.FoldForMatching(c);
            if (f != '\0' && f is not ('|' or '[' or ']' or '【' or '】' or '|' or '·' or '/' or '>'))
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
}
