using System.Text;

namespace ReportParser.Reading;

/// <summary>Tells HTML from plain text by content, not by file extension.</summary>
internal static class FormatDetector
{
    private static readonly string[] StrongMarkers = ["<!doctype html", "<html", "<head", "<body", "<meta ", "<title"];
    private static readonly string[] BlockTags = ["<p>", "<p ", "<div", "<table", "<td", "<tr", "<br", "<span", "</p>", "</div>"];

    public static bool IsHtml(ReadOnlySpan<byte> bytes)
    {
        string head = Head(bytes).ToLowerInvariant();
        foreach (string marker in StrongMarkers)
        {
            if (head.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        int tags = 0;
        foreach (string tag in BlockTags)
        {
            int index = 0;
            while ((index = head.IndexOf(tag, index, StringComparison.Ordinal)) >= 0)
            {
                tags++;
                index += tag.Length;
            }
        }

        return tags >= 3 && head.TrimStart().StartsWith('<');
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
