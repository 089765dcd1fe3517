using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ReportParser.Diagnostics;

namespace ReportParser.Reading;

/// <summary>Reads an HTML page into blocks: text lines and table grids, in document order.</summary>
internal sealed partial class HtmlReader(EncodingDetector detector)
{
    public SourceText Read(byte[] bytes, string name, DiagnosticBag bag, out string encodingName)
    {
        string? declared = DeclaredCharset(bytes);
        var decoded = detector.Detect(bytes, bag, declared);
        encodingName = decoded.Encoding;
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true, IsScripting = false });
        var document = parser.ParseDocument(decoded.Text);
        foreach (var dead in document.QuerySelectorAll("script, style, noscript, template"))
        {
            dead.Remove();
        }

        string text = document.Body?.TextContent ?? "";
        return new SourceText(name, "html", encodingName, bytes.LongLength, "", LineSplitter.Split(text, bag),
            new PageMetadata(document.Title, new Dictionary<string, string>()));
    }

    private static string? DeclaredCharset(byte[] bytes)
    {
        string head = System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var match = CharsetPattern().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();
}
