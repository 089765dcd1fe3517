using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Text;
using AngleSharp.Dom;

namespace ReportParser.Reading;

/// <summary>
/// Reads an HTML page into blocks (text lines and table grids, in document order) and page metadata.
/// The bytes are decoded here (BOM, the page's declared charset, detection) and AngleSharp gets a
/// string, so it never picks an encoding itself. The parser runs without scripting and in a browsing
/// context with no loaders or requesters: no script runs and nothing is fetched.
/// </summary>
internal sealed class HtmlReader(EncodingDetector detector, IConfiguration? configuration = null)
{
    /// <summary>
    /// The deepest element nesting the parser builds; deeper elements become siblings (AngleSharp's
    /// MaximumDepth), which would split inline text ("12&lt;span&gt;34&lt;/span&gt;" into 12 and 34). The
    /// nesting limiter keeps pages far below it (512 open elements, plus the implicit table elements), and
    /// the block writer reads what lies past its own <see cref="HtmlBlockWriter.MaxDepth"/> without recursion.
    /// </summary>
    public const int MaxNesting = 4096;

    /// <summary>
    /// RP1012 when the text left out of the page (navigation, header, footer, chrome elements inside
    /// the content) holds report headings or 表三 labels: the part read as the report may not be all
    /// of it. What was left out is counted by RP1008.
    /// </summary>
    private static void ReportSignalsLeftOut(IDocument document, IReadOnlyList<Block> blocks, ChromeCounts counts, DiagnosticBag bag)
    {
        if (!counts.Any)
        {
            return;
        }

        var kept = new System.Text.StringBuilder();
        foreach (var block in blocks)
        {
            if (block is TextLine line)
            {
                kept.Append(line.Text).Append('\n');
            }
            else if (block is Grid grid)
            {
                foreach (var row in grid.Rows)
                {
                    foreach (var cell in row)
                    {
                        if (!cell.IsSpanCopy)
                        {
                            kept.Append(cell.Text).Append('\n');
                        }
                    }
                }
            }
        }

        string page = document.Body?.TextContent ?? "";
        string keptText = kept.ToString();
        int leftOut = ReportSignals.CountIn(page) - ReportSignals.CountIn(keptText);
        if (leftOut > 0)
        {
            bag.Report(DiagnosticCodes.ReportTextOutside,
                $"{leftOut} report heading(s) or 表三 label(s) (first: {ReportSignals.FirstLeftOut(page, keptText)}) stand in text left out as navigation, header, footer or page chrome: the part read as the report may not be all of it");
        }
    }

    public SourceText Read(byte[] bytes, string name, DiagnosticBag bag, out string encodingName)
    {
        string? declared = CharsetSniffer.Sniff(bytes);
        var decoded = detector.Detect(bytes, bag, declared);
        encodingName = decoded.Encoding;
        string html = NestingLimiter.Limit(decoded.Text, out int dropped, out int plainFrom);
        if (dropped > 0)
        {
            bag.Report(DiagnosticCodes.HtmlLimit,
                $"{dropped:N0} tag(s) nested deeper than {NestingLimiter.MaxOpenElements} open elements ({NestingLimiter.MaxOpenFormatting} formatting elements) were left out before parsing; their text was kept");
        }

        if (plainFrom >= 0)
        {
            bag.Report(DiagnosticCodes.HtmlLimit,
                $"the page has more than {NestingLimiter.MaxTags:N0} tags; from line {new LineMap(decoded.Text).LineOf(plainFrom)} on it was read as plain text (no table grids)");
        }

        var document = Parse(html);
        var map = new LineMap(html);
        var counts = new ChromeCounts();

        string? articleTitle = document.QuerySelectorAll("meta")
            .FirstOrDefault(m => string.Equals(m.GetAttribute("name"), "ArticleTitle", StringComparison.OrdinalIgnoreCase))?.GetAttribute("content");
        var layout = new ContentLocator(counts).Locate(document, articleTitle);
        if (layout.MaxDepth >= MaxNesting)
        {
            bag.Report(DiagnosticCodes.HtmlLimit,
                $"elements are nested deeper than {MaxNesting} levels; the deeper ones were read as following siblings");
        }
        else if (layout.MaxDepth >= HtmlBlockWriter.MaxDepth)
        {
            bag.Report(DiagnosticCodes.HtmlLimit,
                $"elements are nested deeper than {HtmlBlockWriter.MaxDepth} levels; the deeper ones were read as plain lines (no table grids)");
        }

        var blocks = new HtmlBlockWriter(map, bag, counts, layout.IsChrome).Write(layout.Roots);
        if (counts.Any)
        {
            bag.Report(DiagnosticCodes.HtmlChromeRemoved, counts.Describe());
        }

        ReportSignalsLeftOut(document, blocks, counts, bag);

        var page = PageMetadataReader.Read(document, blocks);
        return new SourceText(name, "html", encodingName, bytes.LongLength, "", blocks, page);
    }

    /// <summary>The browsing context the parser uses: the given configuration (default: AngleSharp's, which has no loaders) and nothing added.</summary>
    internal IBrowsingContext CreateContext() => BrowsingContext.New(configuration ?? Configuration.Default);

    private IHtmlDocument Parse(string text)
    {
        var options = new HtmlParserOptions
        {
            IsKeepingSourceReferences = true,
            IsScripting = false,
            MaximumDepth = MaxNesting,
        };
        return new HtmlParser(options, CreateContext()).ParseDocument(text);
    }
}
