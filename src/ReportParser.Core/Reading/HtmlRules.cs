using System.Text.RegularExpressions;
using AngleSharp.Dom;

using ReportParser.Text;

namespace ReportParser.Reading;

/// <summary>What the HTML reading stage treats as block, inline, dead or hidden, and how it recognises page chrome.</summary>
internal static partial class HtmlRules
{
    /// <summary>Elements whose content is never report text.</summary>
    private static readonly HashSet<string> DeadTags =
    [
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
        "canvas", "audio", "video", "select", "button", "input", "textarea", "head", "title", "meta", "link", "base", "map",
        "datalist", "dialog",
    ];

    /// <summary>Elements that start and end a line. Everything else is inline and joins text without a break.</summary>
    private static readonly HashSet<string> BlockTags =
    [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "ul", "xmp", "listing", "plaintext",
    ];

    /// <summary>Semantic chrome containers.</summary>
    private static readonly HashSet<string> ChromeTags = ["nav", "aside", "footer"];

    public static bool IsDead(IElement element) => DeadTags.Contains(element.LocalName);

    public static bool IsBlock(IElement element) => BlockTags.Contains(element.LocalName);

    public static bool IsChromeTag(IElement element) => ChromeTags.Contains(element.LocalName);

    /// <summary>Word's empty-paragraph marker <c>&lt;o:p&gt;</c> and other Office namespace elements (v:, w:, st1:).</summary>
    public static bool IsWordArtefact(IElement element) => element.LocalName.Contains(':', StringComparison.Ordinal);

    /// <summary>Hidden by the hidden attribute, <c>type=hidden</c>, or an inline style display:none / visibility:hidden.</summary>
    public static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        string? style = element.GetAttribute("style");
        if (string.IsNullOrEmpty(style))
        {
            return false;
        }

        string compact = style.Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    /// <summary>An id or class that names page chrome (share bars, print/close links, breadcrumbs, related links, menus, footers).</summary>
    public static bool HasChromeName(IElement element)
    {
        string id = element.Id ?? "";
        string cls = element.ClassName ?? "";
        return (id.Length > 0 && ChromeName().IsMatch(id)) || (cls.Length > 0 && ChromeName().IsMatch(cls));
    }

    [GeneratedRegex("share|bdshare|jiathis|bshare|print|dayin|close|related|relate|xgwz|xglj|xgxx|breadcrumb|crumb|location|position|dqwz|weizhi|nav|menu|footer|foot|bottom|toolbar|fontsize|zihao|pager|comment", RegexOptions.IgnoreCase)]
    private static partial Regex ChromeName();

    /// <summary>A line that starts with a breadcrumb label ("当前位置：", "您現在的位置").</summary>
    public static bool IsBreadcrumb(string line)
    {
        var t = line.AsSpan().TrimStart(" \t\r\n\f\v\u00A0\u3000");
        foreach (string label in ChromeVocabulary.BreadcrumbLabels)
        {
            if (t.StartsWith(label, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The heading of a related-links box alone on its line ("【相关链接】", "相关文章：").</summary>
    public static bool IsRelatedHeading(string line)
    {
        var t = line.AsSpan().TrimStart(" \t\r\n\f\v\u00A0\u3000【[").TrimEnd(" \t\r\n\f\v\u00A0\u3000】]:：");
        return RelatedLookup.Contains(t);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RelatedLookup =
        ChromeVocabulary.RelatedHeadings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A line made only of page tools: 打印 关闭, 【打印本页】【关闭窗口】, 【字体：大 中 小】, 分享到：.</summary>
    public static bool IsToolLine(string line)
    {
        var rest = new System.Text.StringBuilder();
        foreach (char c in line)
        {
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))
            {
                rest.Append(c);
            }
        }

        string s = rest.ToString();
        if (s.Length == 0 || s.Length > 40)
        {
            return false;
        }

        bool removed = true;
        while (s.Length > 0 && removed)
        {
            removed = false;
            foreach (string token in ChromeVocabulary.ToolbarWordsLongestFirst)
            {
                if (s.StartsWith(token, StringComparison.Ordinal))
                {
                    s = s[token.Length..];
                    removed = true;
                    break;
                }
            }
        }

        return s.Length == 0 && line.Any(c => c is '打' or '关' or '關' or '分' or '返' or '收' or '字' or '纠');
    }

    /// <summary>A heading numeral at the start of text: 一、 … 十二、 (value 1–12), else 0.</summary>
    public static int HeadingNumber(ReadOnlySpan<char> text)
    {
        text = text.TrimStart(" \t\r\n\f\u00A0\u3000");
        int sep = text.IndexOfAny('、', '．');
        if (sep is < 1 or > 3)
        {
            return 0;
        }

        int value = ChineseNumeral.Parse(text[..sep]);
        return value is >= 1 and <= 12 ? value : 0;
    }
}
