using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportParser.Output;

namespace ReportParser.Tests.Output;

/// <summary>Multi-line texts are written in segments; the JSON must be what one WriteString writes.</summary>
public class JsonTextTests
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("text");

    [Theory]
    [InlineData("")]
    [InlineData("one line")]
    [InlineData("一、总体情况\n本机关认真贯彻落实《条例》。\n")]
    [InlineData("\n\n\nstarts and ends with newlines\n")]
    [InlineData("引号\"反斜杠\\\n控制\u0001\t\r\n<tag> & 'single' + emoji 😀\n\u2028 é")]
    [InlineData("lone high \ud800\nlone low \udc00\nsplit pair \ud83d\n\ude00")]
    [InlineData(null)]
    public void Segments_write_what_one_WriteString_writes(string? value)
    {
        foreach (bool indented in new[] { false, true })
        {
            Assert.Equal(Write(json => json.WriteString(Name, value), indented), Write(json => ReportJsonEmitter.WriteText(json, Name, value), indented));
        }
    }

    [Fact]
    public void Every_UTF16_unit_around_a_newline_is_written_as_WriteString_writes_it()
    {
        var differing = new List<int>();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            string value = $"第{(char)c}\n{(char)c}条\n";
            if (Write(json => json.WriteString(Name, value), false) != Write(json => ReportJsonEmitter.WriteText(json, Name, value), false))
            {
                differing.Add(c);
            }
        }

        Assert.Empty(differing);
    }

    private static string Write(Action<Utf8JsonWriter> write, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("before", "x");
            write(json);
            json.WriteString("after", "y");
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
