using System.Diagnostics.Tracing;
using System.Net;
using System.Text;
using AngleSharp;
using AngleSharp.Io;
using ReportParser.Diagnostics;
using ReportParser.Reading;
using ReportParser.Model;

namespace ReportParser.Tests.Reading;

/// <summary>
/// Nothing is fetched, whatever a page links to: every kind of external reference a page can hold,
/// read through the reader with a recording requester configured, and through the whole pipeline
/// with the process's own networking events (HTTP, sockets, name resolution) watched.
/// </summary>
[Collection(nameof(HtmlNetworkTests))]
public sealed class NoNetworkTests
{
    /// <summary>Every way a page can point at something outside it.</summary>
    internal const string PageWithEveryReference = """
        <!DOCTYPE html>
        <html manifest="http://example.invalid/app.manifest">
        <head>
        <base href="http://example.invalid/base/">
        <meta charset="utf-8">
        <meta http-equiv="refresh" content="0; url=http://example.invalid/refresh">
        <link rel="stylesheet" href="http://example.invalid/style.css">
        <link rel="import" href="http://example.invalid/import.html">
        <link rel="preload" as="script" href="http://example.invalid/preload.js">
        <link rel="prefetch" href="http://example.invalid/prefetch">
        <link rel="dns-prefetch" href="//dns.example.invalid">
        <link rel="icon" href="http://example.invalid/favicon.ico">
        <style>@import url("http://example.invalid/imported.css"); body { background: url(http://example.invalid/bg.png) }</style>
        <script src="http://example.invalid/script.js"></script>
        <script type="module">import "http://example.invalid/module.js";</script>
        <script>document.write('<img src="http://example.invalid/written.png">'); fetch('http://example.invalid/fetch');</script>
        </head>
        <body background="http://example.invalid/body.png" style="background-image:url(http://example.invalid/inline.png)">
        <img src="http://example.invalid/image.png" srcset="http://example.invalid/2x.png 2x">
        <img src="relative.png">
        <picture><source srcset="http://example.invalid/picture.webp"><img src="http://example.invalid/picture.png"></picture>
        <iframe src="http://example.invalid/frame.html"></iframe>
        <iframe srcdoc="&lt;img src='http://example.invalid/srcdoc.png'&gt;"></iframe>
        <frameset><frame src="http://example.invalid/frame2.html"></frameset>
        <object data="http://example.invalid/object.swf"></object>
        <embed src="http://example.invalid/embed.swf">
        <video src="http://example.invalid/video.mp4" poster="http://example.invalid/poster.png"><track src="http://example.invalid/track.vtt"></video>
        <audio src="http://example.invalid/audio.mp3"></audio>
        <input type="image" src="http://example.invalid/input.png">
        <svg><image href="http://example.invalid/svg.png"></image><use href="http://example.invalid/sprite.svg#a"></use></svg>
        <form action="http://example.invalid/form"><input name="q"></form>
        <a href="http://example.invalid/link" ping="http://example.invalid/ping">链接</a>
        <p>一、总体情况</p>
        <p>本机关推进政府信息公开。</p>
        </body>
        </html>
        """;

    /// <summary>Records the events of .NET's networking stack: HTTP requests, socket connects, DNS lookups.</summary>
    private sealed class NetworkEvents : EventListener
    {
        private static readonly string[] Sources = ["System.Net.Http", "System.Net.Sockets", "System.Net.NameResolution"];

        public List<string> Seen { get; } = [];

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (Sources.Contains(source.Name))
            {
                EnableEvents(source, EventLevel.Verbose, EventKeywords.All);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (Sources.Contains(e.EventSource.Name) && e.EventName is not null && !e.EventName.Contains("Counter", StringComparison.Ordinal) && e.EventName != "EventCounters")
            {
                lock (Seen)
                {
                    Seen.Add($"{e.EventSource.Name}/{e.EventName}");
                }
            }
        }
    }

    [Fact]
    public void The_reader_requests_none_of_a_pages_references_even_with_a_requester_configured()
    {
        var requester = new RecordingRequester();
        var reader = new HtmlReader(new EncodingDetector(), Configuration.Default.With(requester));
        var text = reader.Read(Encoding.UTF8.GetBytes(PageWithEveryReference), "page.html", new DiagnosticBag(), out _);
        Thread.Sleep(200);
        Assert.Contains(text.Blocks, b => b is TextLine { Text: "一、总体情况" });
        Assert.Empty(requester.Requests);
    }

    [Fact]
    public void The_pipeline_makes_no_http_request_socket_connect_or_name_lookup()
    {
        using var events = new NetworkEvents();

        // Control: the listener does see the networking stack at work.
        _ = Dns.GetHostAddresses("localhost");
        Assert.True(SpinWait.SpinUntil(() => { lock (events.Seen) { return events.Seen.Count > 0; } }, 2000), "the listener saw no name lookup");
        lock (events.Seen)
        {
            events.Seen.Clear();
        }

        var pipeline = new ReportPipeline();
        var text = pipeline.Parse(ReportSource.FromText("page.html", PageWithEveryReference)).Document;
        var soup = pipeline.Parse(ReportSource.FromText("page.html", PageWithEveryReference.Replace("<p>", "<table><tr><td>", StringComparison.Ordinal))).Document;
        Thread.Sleep(200);
        Assert.Equal("一、总体情况", text.Sections!.Single().Heading);
        Assert.NotNull(soup.Source);
        lock (events.Seen)
        {
            Assert.Empty(events.Seen);
        }
    }
}
