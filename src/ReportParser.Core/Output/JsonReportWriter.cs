using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReportParser.Model;

namespace ReportParser.Output;

/// <summary>Writes report documents as JSON (indented, one document) or JSON Lines (compact, one per line).</summary>
public static class JsonReportWriter
{
    // ReportJsonEmitter writes what the serializer writes with CreateOptions; escaping and indentation are the Utf8JsonWriter's.
    private static readonly JsonWriterOptions IndentedWriter = new() { Indented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Serializer options that give the JSON this writer writes (for callers that serialize documents
    /// themselves); type metadata comes from the source-generated <see cref="ReportJsonContext"/>.
    /// </summary>
    public static JsonSerializerOptions CreateOptions(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = indented,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
        TypeInfoResolver = ReportJsonContext.Default,
    };

    /// <summary>One document, indented, followed by a newline.</summary>
    public static void Write(ReportDocument document, TextWriter writer)
    {
        writer.Write(Serialize(document, indented: true));
        writer.Write('\n');
    }

    /// <summary>One document on one line, followed by a newline (JSON Lines).</summary>
    public static void WriteLine(ReportDocument document, TextWriter writer)
    {
        writer.Write(Serialize(document, indented: false));
        writer.Write('\n');
    }

    public static string Serialize(ReportDocument document, bool indented = true)
    {
        var buffer = Emit(document, indented);
        string json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        Release(buffer);
        return json;
    }

    /// <summary>
    /// The document as UTF-8 followed by a newline: what <see cref="Write"/> (indented) or
    /// <see cref="WriteLine"/> (compact) write, for a caller that writes bytes (no round trip through a string).
    /// </summary>
    internal static byte[] SerializeLineToUtf8(ReportDocument document, bool indented)
    {
        var buffer = Emit(document, indented);
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        byte[] json = buffer.WrittenSpan.ToArray();
        Release(buffer);
        return json;
    }

    // One buffer per thread, reused from document to document (a batch renders thousands); a buffer
    // grown past MaxKeptBuffer by a huge document is dropped rather than kept.
    private const int MaxKeptBuffer = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private static ArrayBufferWriter<byte> Emit(ReportDocument document, bool indented)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(64 * 1024);
        t_buffer = null; // taken: a nested or failed call cannot see it half-written
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, indented ? IndentedWriter : CompactWriter))
        {
            ReportJsonEmitter.Write(json, document);
        }

        return buffer;
    }

    private static void Release(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= MaxKeptBuffer)
        {
            t_buffer = buffer;
        }
    }
}
