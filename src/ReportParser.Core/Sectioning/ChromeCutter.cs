using System.Text;
using ReportParser.Normalization;
using ReportParser.Reading;
using ReportParser.Text;
using ReportParser.Model;

namespace ReportParser.Sectioning;

/// <summary>What <see cref="ChromeCutter"/> removed from a document: its characters (white space not counted) and the spans' first words.</summary>
internal sealed record ChromeCut(IReadOnlyList<Block> Blocks, int Characters, IReadOnlyList<string> Spans);

/// <summary>
/// Cuts site chrome out of text lines as the smallest spans that are chrome: a breadcrumb at the
/// start of a line (<c>当前位置：首页 &gt; 政务公开 &gt; …</c>), a run of toolbar words anywhere
/// (<c>微信 微博 QQ空间 打印 关闭</c>), a footer word at the end (<c>附件下载</c>). A crawler that wrote
/// the whole page body on one line after its breadcrumb keeps the body: only the chrome goes.
/// Short lines that are chrome as a whole (<see cref="ChromeFilter.IsChrome"/>) are left for the
/// callers to skip, as before; pipe-only lines stay for the table stage.
/// </summary>
internal static class ChromeCutter
{
    /// <summary>Default longest breadcrumb, in characters: a longer "path" is prose, and only its label is cut.</summary>
    public const int DefaultMaxBreadcrumbLength = 160;

    /// <summary>Default shortest run of toolbar words cut inside a line (a single word is cut only at the line's end, and only a footer word).</summary>
    public const int DefaultMinToolbarRun = 3;

    /// <summary>
    /// Default number of lines at each end of a document searched for chrome spans. Page furniture
    /// stands around the article — breadcrumb and toolbar above it, download links and footer below;
    /// a one-line body is both its first and its last line. Lines deeper inside are the report's and
    /// are not searched (a long report of flattened table cells would pay for every one of them).
    /// </summary>
    public const int DefaultEdgeLines = 25;

    public static ChromeCut Cut(IReadOnlyList<Block> blocks)
    {
        List<Block>? result = null;
        int removed = 0;
        var spans = new List<string>();
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            // A short line that is chrome as a whole stays for the callers to skip (IsChrome); it is
            // asked only of a line with something to cut, as most lines have nothing.
            bool edge = i < DefaultEdgeLines || i >= blocks.Count - DefaultEdgeLines;
            if (edge && block is TextLine line && FindCuts(line.Text) is { } cuts && !ChromeFilter.IsChrome(line.Text))
            {
                result ??= new List<Block>(blocks.Take(i));
                var kept = Keep(line.Text, cuts, ref removed, spans);
                result.Add(line with { Text = Join(line.Text, kept), Shown = line.Shown is null ? null : Join(line.Shown, kept) });
                continue;
            }

            result?.Add(block);
        }

        return new ChromeCut(result ?? blocks, removed, spans);
    }

    /// <summary>True when the whole line is one breadcrumb ("当前位置：首页 &gt; 政务公开 &gt; 年报").</summary>
    public static bool IsBreadcrumbLine(ReadOnlySpan<char> text)
    {
        int end = BreadcrumbEnd(text);
        return end > 0 && SkipBlank(text, end) == text.Length;
    }

    /// <summary>The line without its chrome spans; the same string when it has none.</summary>
    internal static string CutLine(string text, ref int removed, List<string> spans) =>
        FindCuts(text) is { } cuts ? Join(text, Keep(text, cuts, ref removed, spans)) : text;

    /// <summary>
    /// The pieces of the line that <paramref name="cuts"/> leave, counting what they remove: the words on
    /// either side of a cut are joined by one space, and the ends are trimmed. The pieces are ranges, so
    /// the same cut applies to the folded text and to the text as written (<see cref="TextLine.Shown"/>).
    /// </summary>
    private static List<(int Start, int End)> Keep(string text, List<(int Start, int End)> cuts, ref int removed, List<string> spans)
    {
        var kept = new List<(int Start, int End)>(cuts.Count + 1);
        int at = SkipBlank(text, 0);
        foreach (var (start, end) in cuts)
        {
            string span = text[start..end].Trim();
            removed += CountVisible(span);
            spans.Add(span.Length > 40 ? span[..40] + "…" : span);

            int pieceEnd = start;
            while (pieceEnd > at && char.IsWhiteSpace(text[pieceEnd - 1]))
            {
                pieceEnd--;
            }

            if (pieceEnd > at)
            {
                kept.Add((at, pieceEnd));
            }

            at = Math.Max(at, SkipBlank(text, end));
        }

        int last = text.Length;
        while (last > at && char.IsWhiteSpace(text[last - 1]))
        {
            last--;
        }

        if (last > at)
        {
            kept.Add((at, last));
        }

        return kept;
    }

    /// <summary>The pieces of <paramref name="text"/>, one space between each two.</summary>
    private static string Join(string text, List<(int Start, int End)> pieces)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var (start, end) in pieces)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(text, start, end - start);
        }

        return sb.ToString();
    }

    /// <summary>The chrome spans of a line, in order; null when it has none (most lines).</summary>
    private static List<(int Start, int End)>? FindCuts(string text)
    {
        List<(int Start, int End)>? cuts = null;
        int breadcrumbEnd = BreadcrumbEnd(text);
        if (breadcrumbEnd > 0)
        {
            (cuts = []).Add((0, breadcrumbEnd));
        }

        // A toolbar run or a footer word stands after white space: a line without any has none.
        if (text.AsSpan(breadcrumbEnd).ContainsAny(Blanks))
        {
            AddToolbarRuns(text, breadcrumbEnd, ref cuts);
        }

        return cuts;
    }

    /// <summary>
    /// The end of a breadcrumb at the start of the line: its label, then path steps up to the
    /// first white space that no separator joins to the next step. Zero when the line does not
    /// start with one.
    /// </summary>
    internal static int BreadcrumbEnd(ReadOnlySpan<char> text)
    {
        int i = SkipBlank(text, 0);
        int labelEnd = LabelEnd(text, i);
        if (labelEnd < 0)
        {
            return 0;
        }

        i = SkipBlank(text, labelEnd);
        int end = i;
        bool joined = true;
        while (i < text.Length)
        {
            int tokenEnd = i;
            while (tokenEnd < text.Length && !char.IsWhiteSpace(text[tokenEnd]) && !IsSentenceMark(text[tokenEnd]))
            {
                tokenEnd++;
            }

            if (tokenEnd == i || !joined)
            {
                break;
            }

            end = tokenEnd;
            if (tokenEnd - labelEnd > DefaultMaxBreadcrumbLength)
            {
                return labelEnd;
            }

            int next = SkipBlank(text, tokenEnd);
            joined = IsSeparator(text[tokenEnd - 1]) || (next < text.Length && IsSeparator(text[next]));
            i = next;
        }

        return Math.Max(end, labelEnd);
    }

    /// <summary>The end of a breadcrumb label ("当前位置:", "首页 &gt;", "&gt;") at <paramref name="i"/>; -1 when there is none.</summary>
    private static int LabelEnd(ReadOnlySpan<char> text, int i)
    {
        if (i >= text.Length)
        {
            return -1;
        }

        if (text[i] is '>' or '»')
        {
            return i + 1;
        }

        // Most lines are told apart by their first character, before any label is compared.
        if (!LabelFirsts.Contains(TextFold.FoldForMatching(text[i])))
        {
            return -1;
        }

        foreach (string label in ChromeVocabulary.BreadcrumbLabels)
        {
            if (StartsFolded(text, i, label))
            {
                int end = i + label.Length;
                return end < text.Length && text[end] is ':' or '：' ? end + 1 : end;
            }
        }

        // "首页 > 政务公开 > …": a path that starts at the home page and is joined by separators.
        if (StartsFolded(text, i, "首页"))
        {
            int next = SkipBlank(text, i + 2);
            return next < text.Length && IsSeparator(text[next]) ? i : -1;
        }

        return -1;
    }

    /// <summary>Adds every run of toolbar words after <paramref name="from"/>, and a footer word that ends the line.</summary>
    private static void AddToolbarRuns(string text, int from, ref List<(int Start, int End)>? cuts)
    {
        int runStart = -1, runEnd = -1, runWords = 0;
        bool runStrong = false;
        int i = SkipBlank(text, from);
        while (i < text.Length)
        {
            int next = text.AsSpan(i).IndexOfAny(Blanks);
            int end = next < 0 ? text.Length : i + next;

            // Most words of a line are told apart by their length or first character, without trimming or folding them.
            string word = end - i <= MaxToolbarToken && ToolbarFirsts.Contains(text[i]) ? ToolbarWord(text, i, end) : "";
            if (word.Length > 0)
            {
                if (runStart < 0)
                {
                    runStart = i;
                    runWords = 0;
                    runStrong = false;
                }

                runEnd = end;
                runWords++;
                runStrong |= !ChromeVocabulary.IsWeakToolbarWord(word);
            }
            else
            {
                Close(end: false, ref cuts);
            }

            i = SkipBlank(text, end);
        }

        Close(end: true, ref cuts);

        void Close(bool end, ref List<(int Start, int End)>? found)
        {
            if (runStart >= 0 && runStrong && (runWords >= DefaultMinToolbarRun
                || (end && runWords == 1 && ChromeVocabulary.FooterWords.Contains(ToolbarWord(text, runStart, runEnd)) && runStart > 0)
                || (end && runWords >= 2)))
            {
                (found ??= []).Add((runStart, runEnd));
            }

            runStart = -1;
        }
    }

    /// <summary>The folded toolbar word at [start, end) without brackets and a trailing colon; empty when it is none.</summary>
    private static string ToolbarWord(string text, int start, int end)
    {
        var word = text.AsSpan(start, end - start).Trim("【】[]()（）");
        word = word.TrimEnd(":：");
        if (word.Length == 0 || word.Length > 8)
        {
            return "";
        }

        string folded = TextFold.ForMatching(word.ToString());
        return ChromeVocabulary.ToolbarWords.Contains(folded) ? folded : "";
    }

    // The characters a toolbar word can start with, brackets and full-width forms included ("【打印】", "ＱＱ空间").
    private static readonly string ToolbarFirsts = ToolbarFirstCharacters();

    // The characters a breadcrumb label (or a path from 首页) starts with.
    private static readonly string LabelFirsts = ChromeFilter.FirstCharacters(ChromeVocabulary.BreadcrumbLabels, "首");

    // Longest text a toolbar word takes, brackets and a colon included.
    private const int MaxToolbarToken = 12;

    // White space as the normaliser leaves it (and a no-break space, which it may not fold).
    private const string Blanks = " \t\u3000\u00A0";

    private static string ToolbarFirstCharacters()
    {
        var firsts = new StringBuilder("【[(（");
        foreach (string word in ChromeVocabulary.ToolbarWords)
        {
            firsts.Append(word[0]);
            if (word[0] is >= '!' and <= '~')
            {
                firsts.Append((char)(word[0] - '!' + '！'));
            }
        }

        return firsts.ToString();
    }

    private static bool StartsFolded(ReadOnlySpan<char> text, int i, string word)
    {
        if (i + word.Length > text.Length)
        {
            return false;
        }

        for (int k = 0; k < word.Length; k++)
        {
            if (TextFold.FoldForMatching(text[i + k]) != word[k])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSeparator(char c) => ChromeVocabulary.BreadcrumbSeparators.Contains(c) || c is '＞' or '－';

    private static bool IsSentenceMark(char c) => c is '。' or '，' or ',' or '；' or ';' or '！' or '？';

    private static int SkipBlank(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int CountVisible(string span)
    {
        int n = 0;
        foreach (char c in span)
        {
            if (!char.IsWhiteSpace(c))
            {
                n++;
            }
        }

        return n;
    }
}
