using AngleSharp.Html.Dom;
using ReportParser.Text;
using ReportParser.Model;

namespace ReportParser.Reading;

/// <summary>
/// Reads what a page says about itself: the &lt;title&gt;, the &lt;meta&gt; tags of Chinese government
/// CMSes (ArticleTitle, PubDate, ContentSource, SiteName, ColumnName, Keywords, description), and the
/// info-box lines (索引号 / 发布机构 / 成文日期 / 发布日期 / 文号) before the first section heading.
/// Keys: "title", "agency", "index_number", "document_number", "written_date", "published_date"
/// (values as given), plus every meta tag as "meta:&lt;name&gt;".
/// </summary>
internal static class PageMetadataReader
{
    /// <summary>How far into the text the info box is looked for, when no section heading comes first.</summary>
    private const int InfoLineLimit = 80;

    private static readonly (string Meta, string Key)[] MetaKeys =
    [
        ("ArticleTitle", "title"), ("PubDate", "published_date"), ("ContentSource", "agency"),
    ];

    public static PageMetadata Read(IHtmlDocument document, IReadOnlyList<Block> blocks)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        int seen = 0;
        foreach (var block in blocks)
        {
            if (++seen > InfoLineLimit || block is TextLine { Text: var heading } && HtmlRules.HeadingNumber(heading) > 0)
            {
                break;
            }

            if (block is TextLine { Text: var text } && InfoLabels.StartsWithLabel(text))
            {
                foreach (var (key, value) in InfoLabels.Pairs(text))
                {
                    if (value.Length > 0)
                    {
                        meta.TryAdd(key, value);
                    }
                }
            }
        }

        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            string? name = element.GetAttribute("name") ?? element.GetAttribute("property");
            string? content = element.GetAttribute("content");
            if (!string.IsNullOrWhiteSpace(name) && content is not null && tags.TryAdd(name.Trim(), content.Trim()))
            {
                meta.TryAdd("meta:" + name.Trim(), content.Trim());
            }
        }

        foreach (var (name, key) in MetaKeys)
        {
            if (tags.TryGetValue(name, out string? value) && value.Length > 0)
            {
                meta.TryAdd(key, value);
            }
        }

        string? title = string.IsNullOrWhiteSpace(document.Title) ? null : document.Title.Trim();
        if (!meta.ContainsKey("title"))
        {
            var h1 = document.QuerySelectorAll("h1").Select(h => h.TextContent.Trim())
                .FirstOrDefault(t => t.Length is > 0 and <= 150 && (t.Contains("报告", StringComparison.Ordinal) || t.Contains("報告", StringComparison.Ordinal)));
            if ((h1 ?? title) is { } fallback)
            {
                meta["title"] = fallback;
            }
        }

        return new PageMetadata(title, meta);
    }
}
