using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReportParser.Model;

namespace ReportParser.Output;

/// <summary>Writes report documents as JSON (indented, one document) or JSON Lines (compact, one per line).</summary>
public static class JsonReportWriter
{
    private static readonly JsonSerializerOptions Indented = CreateOptions(true);
    private static readonly JsonSerializerOptions Compact = CreateOptions(false);

    /// <summary>The writer's options; type metadata comes from the source-generated <see cref="ReportJsonContext"/>.</summary>
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
        writer.Write(JsonSerializer.Serialize(document, Indented));
        writer.Write('\n');
    }

    /// <summary>One document on one line, followed by a newline (JSON Lines).</summary>
    public static void WriteLine(ReportDocument document, TextWriter writer)
    {
        writer.Write(JsonSerializer.Serialize(document, Compact));
        writer.Write('\n');
    }

    public static string Serialize(ReportDocument document, bool indented = true) =>
        JsonSerializer.Serialize(document, indented ? Indented : Compact);
}
