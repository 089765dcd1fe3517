using System.Text;
using ReportParser.Output;
using Xunit;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

/// <summary>Under a UTF-8 StreamWriter (stdout, -o FILE) JSON goes out as bytes; it must read as what a text writer gets.</summary>
public sealed class StreamSinkTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Bytes_under_a_stream_writer_equal_the_text_written_to_a_text_writer(bool indented)
    {
        var format = indented ? OutputFormat.Json : OutputFormat.JsonLines;
        var pipeline = new ReportPipeline();
        var documents = Seeds.Files.Select(f => pipeline.Parse(ReportSource.FromFile(f)).Document).ToArray();
        var item = new InputItem("x.txt", null, "x.txt", () => new MemoryStream([(byte)'x']));

        var text = new StringWriter();
        var textSink = new StreamSink(text, null, format, CsvLayout.Cells, excel: false);
        var memory = new MemoryStream();
        var streamWriter = new StreamWriter(memory, new UTF8Encoding(false));
        var byteSink = new StreamSink(streamWriter, null, format, CsvLayout.Cells, excel: false);
        foreach (var (document, i) in documents.Select((d, i) => (d, i)))
        {
            textSink.Write(item, document);
            byteSink.Write(item, document, i % 2 == 0 ? byteSink.Render(document) : null); // rendered ahead, or not
        }

        textSink.Complete();
        byteSink.Complete();
        string expected = string.Concat(documents.Select(d => JsonReportWriter.Serialize(d, indented) + "\n"));
        Assert.Equal(expected, text.ToString());
        Assert.Equal(expected, Encoding.UTF8.GetString(memory.ToArray()));
    }
}
