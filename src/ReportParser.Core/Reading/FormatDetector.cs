using System.Text;

namespace ReportParser.Reading;

/// <summary>
/// Tells HTML from plain text by content, not by file extension. Markup must look like markup:
/// a page starting with a tag that has document structure or several known tags, or (after some
/// leading text) document structure and a density of known tags. A text report that mentions
/// a few <c>&lt;</c> characters, or even one <c>&lt;html&gt;</c>, stays text.
/// </summary>
internal static class FormatDetector
{
    private static readonly string[] StructureTags = ["!doctype html", "html", "head", "body"];

    private static readonly string[] KnownTags =
    [
        "html", "head", "body", "meta", "title", "link", "script", "style", "p", "div", "span", "table", "tbody", "tr", "td", "th",
        "br", "a", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "font", "b", "strong", "img", "center", "form", "iframe",
    ];

    public static bool IsHtml(ReadOnlySpan<byte> bytes)
    {
        // No '<' in the head: no tag to count (most text inputs).
        if (bytes[..Math.Min(bytes.Length, 8192)].IndexOf((byte)'<') < 0)
        {
            return false;
        }

        string head = Head(bytes).ToLowerInvariant();
        bool structure = StructureTags.Any(tag => CountTag(head, tag, closing: false) > 0);
        int tags = KnownTags.Sum(tag => CountTag(head, tag, closing: false) + CountTag(head, tag, closing: true));
        if (head.TrimStart().StartsWith('<'))
        {
            return structure || tags >= 3;
        }

        return structure && tags >= 5;
    }

    /// <summary>Occurrences of <c>&lt;tag</c> (or <c>&lt;/tag</c>) followed by a delimiter, so &lt;p does not match &lt;pre.</summary>
    private static int CountTag(string head, string tag, bool closing)
    {
        string open = closing ? "</" + tag : "<" + tag;
        int count = 0;
        int index = 0;
        while ((index = head.IndexOf(open, index, StringComparison.Ordinal)) >= 0)
        {
            int after = index + open.Length;
            if (after >= head.Length || head[after] is ' ' or '>' or '/' or '\t' or '\r' or '\n')
            {
                count++;
            }

            index = after;
        }

        return count;
    }

    /// <summary>The first 8 KB as ASCII-ish text, whatever the encoding (UTF-16 zero bytes dropped).</summary>
    private static string Head(ReadOnlySpan<byte> bytes)
    {
        var span = bytes[..Math.Min(bytes.Length, 8192)];
        var sb = new StringBuilder(span.Length);
        foreach (byte b in span)
        {
            if (b is > 0 and < 0x80)
            {
                sb.Append((char)b);
            }
            else if (b >= 0x80)
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }
}
