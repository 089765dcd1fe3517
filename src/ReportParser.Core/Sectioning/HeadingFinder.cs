using ReportParser.Normalization;
using ReportParser.Text;

namespace ReportParser.Sectioning;

/// <summary>A heading found in a line: where it starts, where its title ends, its number and title.</summary>
internal sealed record HeadingMatch(int LineIndex, int Start, int End, int Number, string Heading, string Title, bool Inline);

/// <summary>
/// Finds numbered headings: top-level 一、二、… and subsection (一)(二)…, at line start or inline.
/// Numbers must ascend one by one (a single skip is accepted for a recognised title at line start),
/// which keeps 表三's row labels (一、本年新收…, 四、结转下年度…) and numbered prose out; the row
/// labels are also rejected by name.
/// </summary>
internal sealed class HeadingFinder
{
    private const int MaxTitleLength = 60;

    /// <summary>Longest run after a known title still read as part of a longer title ("依申请公开信息的情况" + "和不予公开信息的情况").</summary>
    private const int MaxTitleExtension = 30;

    /// <summary>How many section numbers a recognised heading may skip (parts whose numerals the scrape lost).</summary>
    private const int MaxSkippedSections = 2;

    /// <summary>Finds top-level headings in order over the given lines (null entries are skipped).</summary>
    public IReadOnlyList<HeadingMatch> FindSections(IReadOnlyList<string?> lines) => Find(lines, subsections: false);

    /// <summary>Finds (一)(二)… subsection headings in order over the given lines.</summary>
    public IReadOnlyList<HeadingMatch> FindSubsections(IReadOnlyList<string?> lines) => Find(lines, subsections: true);

    private static List<HeadingMatch> Find(IReadOnlyList<string?> lines, bool subsections)
    {
        var found = new List<HeadingMatch>();
        int expected = 1;
        for (int li = 0; li < lines.Count; li++)
        {
            string? text = lines[li];
            if (string.IsNullOrEmpty(text) || (subsections && FlattenedCell.Is(text)))
            {
                continue;
            }

            int pos = 0;
            while (pos < text.Length)
            {
                // A heading starts at a numeral (sections) or at '(' (subsections): skip to the next one.
                int skip = subsections ? text.AsSpan(pos).IndexOf('(') : ChineseNumeral.DigitChars.IndexOfAny(text.AsSpan(pos));
                if (skip < 0)
                {
                    break;
                }

                pos += skip;
                var match = subsections ? TrySubsection(text, pos, li, expected) : TrySection(text, pos, li, expected);
                if (match is null)
                {
                    pos++;
                    continue;
                }

                found.Add(match);
                expected = match.Number + 1;
                pos = Math.Max(match.End, pos + 1);
            }
        }

        return found;
    }

    private static HeadingMatch? TrySection(string text, int pos, int lineIndex, int expected)
    {
        char c = text[pos];
        if (!ChineseNumeral.IsDigit(c))
        {
            return null;
        }

        bool lineStart = IsLineStart(text, pos);
        if (!lineStart && !IsBoundaryBefore(text, pos))
        {
            return null;
        }

        int n = pos;
        while (n < text.Length && n - pos < 3 && ChineseNumeral.IsDigit(text[n]))
        {
            n++;
        }

        if (n >= text.Length)
        {
            return null;
        }

        int number = ChineseNumeral.Parse(text.AsSpan(pos, n - pos));
        if (number <= 0 || number < expected || number > expected + MaxSkippedSections)
        {
            return null;
        }

        // "一总体情况": the 、 lost in scraping is accepted before a known title only.
        bool markLost = text[n] is not ('、' or '.' or '．');
        if (markLost && KnownTitleAt(text, n) is null)
        {
            return null;
        }

        int titleStart = SkipSpaces(text, markLost ? n : n + 1);
        if (titleStart >= text.Length || IsEnumerationAhead(text, titleStart) || char.IsAsciiDigit(text[titleStart]))
        {
            return null;
        }

        var (title, end, known) = ExtractTitle(text, titleStart, inline: !lineStart, subsection: false);
        if (title.Length < 2 || IsTableLabel(title, SectionCatalog.TableRowLabelStarts))
        {
            return null;
        }

        // A skipped number (parts whose numerals were lost: "概述 … 三、依申请公开…") is accepted only
        // for a heading we recognise.
        if (number > expected && !(known || SectionCatalog.KeyFor(title) is not null))
        {
            return null;
        }

        // Inline headings need a recognisable title: a known one, or one with a key — or, in a
        // one-line scrape, a paragraph of their own (see ParagraphTitleEnd).
        if (!lineStart && !known && SectionCatalog.KeyFor(title) is null)
        {
            int paragraphEnd = number == expected ? ParagraphTitleEnd(text, pos, titleStart) : -1;
            if (paragraphEnd < 0)
            {
                return null;
            }

            title = text[titleStart..paragraphEnd];
            end = paragraphEnd;
        }

        // At a line start, list and Markdown marks before the numeral ("## 三、") go with the heading, not with the text before it.
        return new HeadingMatch(lineIndex, lineStart ? 0 : pos, IncludeColon(text, end), number, text[pos..end].Trim(), title, !lineStart);
    }

    private static HeadingMatch? TrySubsection(string text, int pos, int lineIndex, int expected)
    {
        if (text[pos] != '(')
        {
            return null;
        }

        bool lineStart = IsLineStart(text, pos);
        if (!lineStart && !IsBoundaryBefore(text, pos))
        {
            return null;
        }

        int n = pos + 1;
        while (n < text.Length && n - pos <= 3 && ChineseNumeral.IsDigit(text[n]))
        {
            n++;
        }

        if (n == pos + 1 || n >= text.Length || text[n] != ')')
        {
            return null;
        }

        int number = ChineseNumeral.Parse(text.AsSpan(pos + 1, n - pos - 1));
        // Scrapes lose a subsection's "(三" now and then ("(二)… )政府信息管理情况 … (五)"): at a line
        // start, a number up to two ahead is still the next subsection; inline, only the expected one.
        if (number < expected || number > expected + (lineStart ? 2 : 0))
        {
            return null;
        }

        int titleStart = n + 1;
        if (titleStart < text.Length && text[titleStart] is '、' or '.')
        {
            titleStart++;
        }

        titleStart = SkipSpaces(text, titleStart);
        if (titleStart >= text.Length)
        {
            return null;
        }

        var (title, end, _) = ExtractTitle(text, titleStart, inline: !lineStart, subsection: true);
        if (title.Length < 2 || IsTableLabel(title, SectionCatalog.TableSubLabelStarts))
        {
            return null;
        }

        // A run-in subsection heading ends with its full stop: "(一)主动公开。通过…".
        bool fullStop = end < text.Length && text[end] == '。';
        int headingEnd = fullStop ? end + 1 : IncludeColon(text, end);
        return new HeadingMatch(lineIndex, lineStart ? 0 : pos, headingEnd, number, text[pos..(fullStop ? end + 1 : end)].Trim(), title, !lineStart);
    }

    /// <summary>A colon right after a title ("(一)其他需要报告的事项:无") belongs to the heading, not to the text.</summary>
    private static int IncludeColon(string text, int end) =>
        end < text.Length && text[end] is ':' or '：' ? end + 1 : end;

    /// <summary>
    /// The title after a heading number: a known title when the text starts with one (even when the
    /// prose runs straight on, as in "…改进情况目前，中心…"); otherwise up to the first sentence
    /// punctuation (or whitespace, inline), cut after a title ending word when prose runs on.
    /// </summary>
    private static (string Title, int End, bool Known) ExtractTitle(string text, int start, bool inline, bool subsection)
    {
        if (!subsection && KnownTitleAt(text, start) is { } known)
        {
            int e = start + known.Length;
            // "依申请公开信息的情况和不予公开信息的情况": a known title that the line extends into a
            // longer title (no punctuation, ends with a title word) is the start of that title.
            if (!inline && LongerTitle(text, e) is { } whole)
            {
                return (text[start..whole], whole, true);
            }

            return (known, e, true);
        }

        int end = start;
        while (end < text.Length && end - start < MaxTitleLength)
        {
            char c = text[end];
            if (c is '。' or ';' or '；' or ':' or '：' or '|' or '!' or '?' || (inline && char.IsWhiteSpace(c)) || (!subsection && c == ',')
                || (!subsection && IsSubsectionMark(text, end)))
            {
                break;
            }

            // In a one-line scrape an inline title runs on into a table's header or digits: a title
            // has neither brackets nor figures ("信息处理费收取情况通知收取件数…(元)…000六、…").
            if (inline && !subsection && (c is '(' or '（' || char.IsAsciiDigit(c)))
            {
                break;
            }

            end++;
        }

        bool runsOn = end < text.Length;
        string segment = text[start..end].TrimEnd();
        if (!subsection && runsOn)
        {
            int cut = LastTitleEnding(segment);
            if (cut > 0 && cut < segment.Length)
            {
                segment = segment[..cut];
            }
        }

        return (segment, start + segment.Length, false);
    }

    /// <summary>The end of the line when what follows a known title up to it still reads as title; else null.</summary>
    private static int? LongerTitle(string text, int from)
    {
        int end = text.Length;
        while (end > from && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ':' or '：' or '|'))
        {
            end--;
        }

        if (end == from || end - from > MaxTitleExtension)
        {
            return null;
        }

        for (int i = from; i < end; i++)
        {
            if (text[i] is '。' or ',' or '，' or ';' or '；' or ':' or '：' or '!' or '?' || char.IsWhiteSpace(text[i]))
            {
                return null;
            }
        }

        string rest = text[from..end];
        return SectionCatalog.TitleEndings.Any(w => rest.EndsWith(w, StringComparison.Ordinal)) ? end : null;
    }

    /// <summary>Longest title read from a heading that stands as a paragraph of its own inside a line.</summary>
    private const int MaxParagraphTitle = 40;

    /// <summary>
    /// A crawler that joins a page's paragraphs with spaces leaves a heading between a sentence end
    /// and a space: "…落实。 二、政务公开工作主要任务落实情况 在围绕…", "…。 六、附表 指标名称…". Such a
    /// heading may have any title, commas included ("一、加强领导，明确责任，确保政务公开落到实处").
    /// Returns where the title ends (at the space), or -1 when the numeral does not stand so.
    /// </summary>
    private static int ParagraphTitleEnd(string text, int pos, int titleStart)
    {
        int before = pos - 1;
        if (before < 0 || !char.IsWhiteSpace(text[before]))
        {
            return -1;
        }

        while (before >= 0 && char.IsWhiteSpace(text[before]))
        {
            before--;
        }

        if (before < 0 || text[before] is not ('。' or '!' or '?' or '！' or '？'))
        {
            return -1;
        }

        int end = titleStart;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            if (text[end] is '。' or ';' or '；' || end - titleStart >= MaxParagraphTitle)
            {
                return -1;
            }

            end++;
        }

        return end < text.Length && end - titleStart >= 2 ? end : -1;
    }

    /// <summary>"(一)" at <paramref name="i"/>: a subsection starts, the section title has ended.</summary>
    private static bool IsSubsectionMark(string text, int i)
    {
        if (i + 2 >= text.Length || text[i] is not ('(' or '（'))
        {
            return false;
        }

        int n = i + 1;
        while (n < text.Length && n - i <= 3 && ChineseNumeral.IsDigit(text[n]))
        {
            n++;
        }

        return n > i + 1 && n < text.Length && text[n] is ')' or '）';
    }

    private static int LastTitleEnding(string segment)
    {
        int best = -1;
        foreach (string ending in SectionCatalog.TitleEndings)
        {
            int i = segment.LastIndexOf(ending, StringComparison.Ordinal);
            if (i >= 0 && i + ending.Length > best)
            {
                best = i + ending.Length;
            }
        }

        return best;
    }

    private static bool IsTableLabel(string title, IReadOnlyList<string> starts)
    {
        string folded = TextFold.ForMatching(title);
        foreach (string s in starts)
        {
            if (folded.StartsWith(s, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"一、二、三类" is an enumeration, not a heading.</summary>
    private static bool IsEnumerationAhead(string text, int titleStart)
    {
        int i = titleStart;
        while (i < text.Length && ChineseNumeral.IsDigit(text[i]) && i - titleStart < 3)
        {
            i++;
        }

        return i > titleStart && i < text.Length && text[i] is '、' or '.';
    }


    /// <summary>
    /// Only blanks and list markers before <paramref name="pos"/>. Scanned backwards so that the scan
    /// stops at the nearest text: a long run of blanks or pipes followed by many numerals costs one
    /// scan of the run, not one per numeral.
    /// </summary>
    private static bool IsLineStart(string text, int pos)
    {
        for (int i = pos - 1; i >= 0; i--)
        {
            char c = text[i];
            if (!char.IsWhiteSpace(c) && c is not ('|' or '•' or '·' or '#' or '*'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// What may stand right before an inline heading: the end of a sentence or a clause that
    /// introduces the parts ("…报告如下：一、"), or — in one-line scrapes, where a heading is glued to
    /// the table before it — the last cell's digits or unit ("…收费18651.06三、", "…元三、"). Inline
    /// headings need a recognised title, which keeps numbered prose out.
    /// </summary>
    private static bool IsBoundaryBefore(string text, int pos)
    {
        char p = text[pos - 1];
        return char.IsWhiteSpace(p) || p is '。' or '!' or '?' or ';' or '；' or '|' or '”' or '」' or ')' or '>' or ':' or '：'
            || char.IsAsciiDigit(p) || p is '%' || CellUnits.Is(p);
    }

    /// <summary>The known section title that <paramref name="text"/> holds at <paramref name="at"/>, or null.</summary>
    private static string? KnownTitleAt(string text, int at)
    {
        foreach (string known in SectionCatalog.KnownTitles)
        {
            if (string.CompareOrdinal(text, at, known, 0, known.Length) == 0)
            {
                return known;
            }
        }

        return null;
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
