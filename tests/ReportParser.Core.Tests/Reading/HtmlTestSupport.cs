using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Reading;

namespace ReportParser.Tests.Reading;

/// <summary>Reads HTML through the reading stage and renders the result as compact text for assertions.</summary>
internal static class HtmlTestSupport
{
    public static Encoding Gbk => EncodingDetector.Gb18030;

    public static Encoding Big5 => EncodingDetector.Big5;

    public static (SourceText Text, DiagnosticBag Bag) Read(string html) => Read(Encoding.UTF8.GetBytes(html));

    public static (SourceText Text, DiagnosticBag Bag) Read(byte[] bytes)
    {
        var bag = new DiagnosticBag();
        var text = new HtmlReader(new EncodingDetector()).Read(bytes, "test.html", bag, out _);
        return (text, bag);
    }

    /// <summary>Reads through the whole reading stage (format detection, hashing), as the pipeline does.</summary>
    public static (SourceText? Text, DiagnosticBag Bag, SourceInfo Info) ReadSource(byte[] bytes)
    {
        var bag = new DiagnosticBag();
        var (text, info, _) = new SourceReader(new ReportParserOptions()).Read(ReportSource.FromBytes("test.html", bytes), bag);
        return (text, bag, info);
    }

    public static IReadOnlyList<string> Lines(SourceText text) =>
        text.Blocks.OfType<TextLine>().Select(l => l.Text).ToArray();

    /// <summary>Every block, one per line: "12: text" or "12: [grid RxC]".</summary>
    public static string DumpBlocks(SourceText text) => string.Join("\n", text.Blocks.Select(b => b switch
    {
        TextLine l => $"{l.Line}: {l.Text}",
        Grid g => $"{g.Line}: [grid {g.Rows.Count}x{(g.Rows.Count == 0 ? 0 : g.Rows[0].Count)}]",
        _ => "?",
    }));

    /// <summary>A grid as '|'-separated rows; span copies are shown as "^".</summary>
    public static string DumpGrid(Grid grid) =>
        string.Join("\n", grid.Rows.Select(row => string.Join("|", row.Select(c => c.IsSpanCopy ? "^" : c.Text))));

    public static string Page(string body, string head = "<meta charset=\"utf-8\"><title>测试</title>") =>
        $"<!DOCTYPE html>\n<html>\n<head>{head}</head>\n<body>\n{body}\n</body>\n</html>\n";

    public static string SamplePath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "samples", .. parts]);
}
