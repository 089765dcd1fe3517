using System.Text;
using ReportParser.Model;

namespace ReportParser.Reading;

/// <summary>
/// Caps how deep a page's tags can nest before the HTML parser sees them. The tree builder's cost
/// grows with the number of open elements for every tag it reads (100,000 nested &lt;div&gt;s take
/// about a minute, even with AngleSharp's own depth limit), so tags past the cap are taken out of
/// the markup here, in one linear scan; their text stays. A dropped block tag becomes
/// &lt;br&gt; so that lines still break there, and newlines inside a dropped tag are kept, so
/// source line numbers do not move. Real pages stay far below the caps and pass through unchanged.
/// </summary>
internal static class NestingLimiter
{
    /// <summary>Open elements (not counting void and implicitly closed ones) beyond which tags are dropped.</summary>
    public const int MaxOpenElements = 512;

    /// <summary>Open formatting elements (b, font, a …) beyond which they are dropped: the parser re-opens every one of them in each new paragraph.</summary>
    public const int MaxOpenFormatting = 64;

    /// <summary>
    /// Start tags the parser is given at most. Each becomes an element of a few hundred bytes, so a page of one
    /// huge table cost 65 times its size (15 MB of cells: 1.3 GB); past this many, the rest of the page is read
    /// as plain text (each tag becomes a space, so cells do not run together). Room for a table of
    /// <see cref="GridBuilder.MaxRows"/> rows of eight cells and the page around it; real pages have a few
    /// thousand tags (the largest sample about 1,000 start tags).
    /// </summary>
    public const int MaxTags = 200_000;

    private static readonly HashSet<string> VoidTags =
        ["area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"];

    /// <summary>Elements whose end tag is optional; not counted (they would otherwise pile up on sloppy pages).</summary>
    private static readonly HashSet<string> ImplicitlyClosedTags =
        ["html", "head", "body", "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "option", "optgroup", "rb", "rt", "rp", "rtc", "colgroup", "caption"];

    /// <summary>The HTML standard's formatting elements: the parser re-opens the unclosed ones in every new block.</summary>
    private static readonly HashSet<string> FormattingTags =
        ["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"];

    /// <summary>Cell and row tags: starting or ending one closes whatever is still open inside the table's current cell.</summary>
    private static readonly HashSet<string> CellTags = ["td", "th", "tr", "tbody", "thead", "tfoot", "caption"];

    /// <summary>
    /// Tags that end a line where they stand, so a dropped one becomes &lt;br&gt;. Inline tags (span, font,
    /// b …) are dropped without a break: "12&lt;span&gt;34&lt;/span&gt;" must stay the one number 1234.
    /// </summary>
    private static readonly HashSet<string> BreakTags =
    [
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ];

    /// <summary>Elements whose content is raw text up to their end tag.</summary>
    private static readonly HashSet<string> RawTextTags = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

    /// <summary>The markup with tags beyond the caps taken out; <paramref name="dropped"/> counts them (whatever the tag cap did).</summary>
    public static string Limit(string html, out int dropped) => Limit(html, out dropped, out _);

    /// <summary>
    /// Returns the markup with tags beyond the caps taken out (the same string when none are); <paramref name="dropped"/>
    /// counts the tags taken out for nesting; <paramref name="plainFrom"/> is where the page passed <see cref="MaxTags"/>
    /// and the rest was made plain text, or -1.
    /// </summary>
    public static string Limit(string html, out int dropped, out int plainFrom)
    {
        plainFrom = -1;
        int tags = 0;
        var drops = new List<(int Start, int End, bool Block)>();
        var open = new List<string>();
        var excess = new Dictionary<string, int>(StringComparer.Ordinal);
        int formatting = 0;
        int i = 0;
        while (true)
        {
            int lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            char next = html[lt + 1];
            if (char.IsAsciiLetter(next) && ++tags > MaxTags)
            {
                plainFrom = lt;
                break;
            }

            if (next == '!')
            {
                i = html.AsSpan(lt).StartsWith("<!--") ? IndexAfter(html, "-->", lt + 4) : IndexAfter(html, ">", lt + 2);
                continue;
            }

            if (next == '?')
            {
                i = IndexAfter(html, ">", lt + 2);
                continue;
            }

            bool end = next == '/';
            int nameStart = end ? lt + 2 : lt + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1;
                continue;
            }

            int nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is ':' or '-' or '_'))
            {
                nameEnd++;
            }

            string name = html[nameStart..nameEnd].ToLowerInvariant();
            int tagEnd = TagEnd(html, nameEnd, out bool selfClosing);
            i = tagEnd;
            if (CellTags.Contains(name))
            {
                // The parser closes what is open in the current cell; only the table itself stays open.
                if (open.LastIndexOf("table") is var table and >= 0)
                {
                    PopFrom(table + 1);
                }

                continue;
            }

            if (end)
            {
                if (excess.TryGetValue(name, out int extra) && extra > 0)
                {
                    excess[name] = extra - 1;
                    drops.Add((lt, tagEnd, BreakTags.Contains(name)));
                    continue;
                }

                int at = open.LastIndexOf(name);
                if (at >= 0)
                {
                    PopFrom(at);
                }

                continue;
            }

            if (name == "a" && open.LastIndexOf("a") is var previous and >= 0)
            {
                PopFrom(previous); // a new link closes the one still open
            }

            if (name == "plaintext")
            {
                break; // the rest of the document is text
            }

            if (RawTextTags.Contains(name))
            {
                i = SkipRawText(html, tagEnd, name);
                continue;
            }

            if (selfClosing || VoidTags.Contains(name) || ImplicitlyClosedTags.Contains(name))
            {
                continue;
            }

            bool isFormatting = FormattingTags.Contains(name);
            if (open.Count >= MaxOpenElements || (isFormatting && formatting >= MaxOpenFormatting))
            {
                excess[name] = excess.GetValueOrDefault(name) + 1;
                drops.Add((lt, tagEnd, BreakTags.Contains(name)));
                continue;
            }

            open.Add(name);
            formatting += isFormatting ? 1 : 0;
        }

        dropped = drops.Count;
        if (plainFrom >= 0)
        {
            return Rewrite(html, drops, plainFrom);
        }

        return drops.Count == 0 ? html : Rewrite(html, drops, html.Length);

        void PopFrom(int index)
        {
            for (int k = open.Count - 1; k >= index; k--)
            {
                formatting -= FormattingTags.Contains(open[k]) ? 1 : 0;
            }

            open.RemoveRange(index, open.Count - index);
        }
    }

    /// <summary>Takes the dropped tags out (keeping their newlines, so source lines do not move); from <paramref name="plainFrom"/> on, every tag.</summary>
    private static string Rewrite(string html, List<(int Start, int End, bool Block)> drops, int plainFrom)
    {
        var sb = new StringBuilder(html.Length);
        int copied = 0;
        foreach (var (start, end, block) in drops)
        {
            sb.Append(html, copied, start - copied);
            AppendDropped(sb, html, start, end, block ? "<br>" : "");
            copied = end;
        }

        // Past the tag cap: text only. A tag becomes a space (cells stay apart), comments and declarations go.
        while (plainFrom < html.Length)
        {
            int lt = html.IndexOf('<', Math.Max(plainFrom, copied));
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            char next = html[lt + 1];
            if (!(char.IsAsciiLetter(next) || next is '/' or '!' or '?'))
            {
                sb.Append(html, copied, lt + 1 - copied);
                copied = lt + 1;
                continue;
            }

            int end = next == '!' && html.AsSpan(lt).StartsWith("<!--") ? IndexAfter(html, "-->", lt + 4) : TagEnd(html, lt + 1, out _);
            sb.Append(html, copied, lt - copied);
            AppendDropped(sb, html, lt, end, next == '!' ? "" : " ");
            copied = end;
        }

        return sb.Append(html, copied, html.Length - copied).ToString();
    }

    private static void AppendDropped(StringBuilder sb, string html, int start, int end, string replacement)
    {
        sb.Append(replacement);
        for (int k = start; k < end; k++)
        {
            if (html[k] is '\n' or '\r')
            {
                sb.Append(html[k]);
            }
        }
    }

    /// <summary>The index after the tag's closing '&gt;' (quoted attribute values may hold '&gt;'); the end of the text when there is none.</summary>
    private static int TagEnd(string html, int i, out bool selfClosing)
    {
        selfClosing = false;
        char quote = '\0';
        bool afterEquals = false;
        for (; i < html.Length; i++)
        {
            char c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c == '>')
            {
                selfClosing = html[i - 1] == '/';
                return i + 1;
            }

            if (afterEquals && c is '"' or '\'')
            {
                quote = c;
                afterEquals = false;
                continue;
            }

            if (c == '=')
            {
                afterEquals = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                afterEquals = false;
            }
        }

        return html.Length;
    }

    private static int SkipRawText(string html, int i, string name)
    {
        while (true)
        {
            int close = html.IndexOf("</", i, StringComparison.Ordinal);
            if (close < 0)
            {
                return html.Length;
            }

            if (string.Compare(html, close + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return close;
            }

            i = close + 2;
        }
    }

    private static int IndexAfter(string html, string value, int from)
    {
        int at = from >= html.Length ? -1 : html.IndexOf(value, from, StringComparison.Ordinal);
        return at < 0 ? html.Length : at + value.Length;
    }
}
