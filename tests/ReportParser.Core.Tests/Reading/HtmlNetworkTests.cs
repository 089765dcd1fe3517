using Xunit;
using System.Text;
using AngleSharp;
using AngleSharp.Html.Parser;
using AngleSharp.Io;
using ReportParser.Diagnostics;
using ReportParser.Reading;
using ReportParser.Model;

namespace ReportParser.Tests.Reading;

[Collection(nameof(HtmlNetworkTests))]
public sealed class HtmlNetworkTests
{
    private const string PageWithResources = """
        <!DOCTYPE html>
        <html>
        <head>
        <base href="http://example.invalid/base/">
        <meta charset="utf-8">
        <meta http-equiv="refresh" content="0; url=http://example.invalid/refresh">
        <link rel="stylesheet" href="http://example.invalid/style.css">
        <script src="http://example.invalid/script.js"></script>
        <script>document.write('<img src="http://example.invalid/written.png">');</script>
        </head>
        <body>
        <img src="http://example.invalid/image.png">
        <img src="relative.png">
        <iframe src="http://example.invalid/frame.html"></iframe>
        <object data="http://example.invalid/object.swf"></object>
        <p>一、总体情况</p>
        </body>
        </html>
        """;

    [Fact]
    public void Reader_makes_no_requests_even_with_a_requester_configured()
    {
        var requester = new RecordingRequester();
        var reader = new HtmlReader(new EncodingDetector(), Configuration.Default.With(requester));
        var text = reader.Read(Encoding.UTF8.GetBytes(PageWithResources), "page.html", new DiagnosticBag(), out _);
        Thread.Sleep(200);
        Assert.Contains(text.Blocks, b => b is TextLine { Text: "一、总体情况" });
        Assert.Empty(requester.Requests);
    }

    [Fact]
    public void Reader_context_has_no_loaders()
    {
        var context = new HtmlReader(new EncodingDetector()).CreateContext();
        Assert.Null(context.GetService<IResourceLoader>());
        Assert.Null(context.GetService<IDocumentLoader>());
        Assert.Empty(context.GetServices<IRequester>());
    }

    [Fact]
    public void The_recorder_does_see_requests_when_loading_is_switched_on()
    {
        // Control: proves the recorder would catch the page's resources if a loader were present.
        var requester = new RecordingRequester();
        var config = Configuration.Default.With(requester).WithDefaultLoader(new LoaderOptions { IsResourceLoadingEnabled = true });
        var parser = new HtmlParser(new HtmlParserOptions(), BrowsingContext.New(config));
        _ = parser.ParseDocument(PageWithResources);
        SpinWait.SpinUntil(() => requester.Requests.Count > 0, 2000);
        Assert.NotEmpty(requester.Requests);
    }
}
