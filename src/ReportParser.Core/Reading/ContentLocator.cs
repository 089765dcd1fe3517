using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ReportParser.Text;

namespace ReportParser.Reading;

/// <summary>Where the report is on a page: the content container, the parts read before or after it, and the chrome inside it.</summary>
internal sealed record PageLayout(IElement Container, IReadOnlyList<IElement> Roots, Func<IElement, bool> IsChrome, int MaxDepth);

/// <summary>
/// Chooses the element holding the report. Every element gets a weight: its characters of non-link
/// text, plus a bonus for each text that starts with a section heading (一、二、…) or mentions
/// 政府信息公开. Starting at &lt;body&gt;, the locator steps into the heaviest child while that child
/// still holds most of the page's weight and every heading and is a container (div, td, section …);
/// a data table stops the descent, a layout table does not. Whole &lt;body&gt; is the fallback. The report title and the info box
/// (索引号 / 发布机构 …) are often outside that container; they are read too, in document order.
/// </summary>
internal sealed class ContentLocator(ChromeCounts counts)
{
    private const int HeadingBonus = 200;
    private const int KeywordBonus = 100;
    private const double Share = 0.7;
    private const double ChromeShare = 0.1;

    /// <summary>Elements the descent may step into; it never stops at a single paragraph, heading or inline run.</summary>
    private static readonly HashSet<string> ContainerTags =
        ["div", "article", "section", "main", "form", "center", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "font", "blockquote"];

    private readonly Dictionary<IElement, Weight> _weights = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IElement, int> _order = new(ReferenceEqualityComparer.Instance);
    private int _maxDepth;

    private readonly record struct Weight(long Value, int Headings, long Characters);

    public PageLayout Locate(IHtmlDocument document, string? articleTitle)
    {
        var body = document.Body ?? document.DocumentElement;
        Measure(document.DocumentElement, 1, inLink: false);
        var root = _weights.GetValueOrDefault(body);
        var container = body;
        while (true)
        {
            IElement? best = null;
            var bestWeight = default(Weight);
            foreach (var child in container.Children)
            {
                var w = _weights.GetValueOrDefault(child);
                if (best is null || w.Value > bestWeight.Value)
                {
                    (best, bestWeight) = (child, w);
                }
            }

            if (best is null || !ContainerTags.Contains(best.LocalName) || bestWeight.Value < Share * root.Value || (bestWeight.Headings & root.Headings) != root.Headings)
            {
                break;
            }

            if (best is IHtmlTableElement table && TableClassifier.Classify(table) != TableKind.Layout)
            {
                break;
            }

            container = best;
        }

        var roots = new List<IElement> { container };
        if (container != body)
        {
            counts.OutsideCharacters = (int)Math.Min(int.MaxValue, root.Characters - _weights.GetValueOrDefault(container).Characters);
            roots.AddRange(InfoBoxes(body, container));
            if (TitleElement(document, container, articleTitle) is { } title)
            {
                roots.Add(title);
            }

            roots = roots.Distinct().Where(r => !roots.Any(o => o != r && o.Contains(r))).OrderBy(r => _order.GetValueOrDefault(r)).ToList();
        }

        long containerWeight = _weights.GetValueOrDefault(container).Value;
        bool IsChrome(IElement e) =>
            (HtmlRules.IsChromeTag(e) || HtmlRules.HasChromeName(e))
            && !roots.Contains(e)
            && _weights.GetValueOrDefault(e) is var w && w.Headings == 0 && w.Value <= ChromeShare * containerWeight
            && InfoLabels.CountIn(e.TextContent) < 2;

        return new PageLayout(container, roots, IsChrome, _maxDepth);
    }

    private Weight Measure(IElement element, int depth, bool inLink)
    {
        _order[element] = _order.Count;
        _maxDepth = Math.Max(_maxDepth, depth);
        if (HtmlRules.IsDead(element) || HtmlRules.IsHidden(element))
        {
            _weights[element] = default;
            return default;
        }

        inLink |= element.LocalName == "a";
        long value = 0, characters = 0;
        int headings = 0;
        foreach (var child in element.ChildNodes)
        {
            if (child is IElement e)
            {
                var w = Measure(e, depth + 1, inLink);
                value += w.Value;
                headings |= w.Headings;
                characters += w.Characters;
            }
            else if (child is IText text)
            {
                int length = 0;
                foreach (char c in text.Data)
                {
                    if (!WhiteSpace.IsBlank(c))
                    {
                        length++;
                    }
                }

                characters += length;
                if (inLink || length == 0)
                {
                    continue;
                }

                value += length;
                int heading = HtmlRules.HeadingNumber(text.Data);
                if (heading > 0)
                {
                    headings |= 1 << heading;
                    value += HeadingBonus;
                }

                if (text.Data.Contains("政府信息公开", StringComparison.Ordinal) || text.Data.Contains("政府信息公開", StringComparison.Ordinal))
                {
                    value += KeywordBonus;
                }
            }
        }

        var weight = new Weight(value, headings, characters);
        _weights[element] = weight;
        return weight;
    }

    /// <summary>The smallest elements outside the container that hold two or more info labels (索引号, 发布机构 …).</summary>
    private IEnumerable<IElement> InfoBoxes(IElement body, IElement container)
    {
        var found = new List<IElement>();
        foreach (var text in body.Descendants<IText>())
        {
            if (container.Contains(text) || !InfoLabels.StartsWithLabel(text.Data.Trim()))
            {
                continue;
            }

            for (var e = text.ParentElement; e is not null && e != body; e = e.ParentElement)
            {
                string content = e.TextContent;
                if (content.Length > 1000)
                {
                    break;
                }

                if (InfoLabels.CountIn(content) >= 2)
                {
                    // An info box laid out as a table is read as a whole table (label and value cells pair up).
                    e = e.Closest("table") is { } table && !table.Contains(container) ? table : e;
                    if (!found.Any(f => f.Contains(e)))
                    {
                        found.RemoveAll(e.Contains);
                        found.Add(e);
                    }

                    break;
                }
            }
        }

        return found.Where(e => !e.Contains(container));
    }

    /// <summary>The report's title heading when it sits outside the container (an h1 or a *title* element naming a 报告).</summary>
    private IElement? TitleElement(IHtmlDocument document, IElement container, string? articleTitle)
    {
        foreach (var e in document.QuerySelectorAll("h1, h2, h3, [class*=title], [id*=title]"))
        {
            if (container.Contains(e) || e.Contains(container) || HtmlRules.IsHidden(e) || _order.GetValueOrDefault(e) > _order.GetValueOrDefault(container))
            {
                continue;
            }

            string text = e.TextContent.Trim();
            if (text.Length is < 6 or > 150)
            {
                continue;
            }

            if (text.Contains("报告", StringComparison.Ordinal) || text.Contains("報告", StringComparison.Ordinal)
                || (!string.IsNullOrWhiteSpace(articleTitle) && text == articleTitle.Trim()))
            {
                return e;
            }
        }

        return null;
    }
}
