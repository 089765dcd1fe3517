using System.Text.Json;
using ReportParser.Model;

namespace ReportParser.Output;

/// <summary>
/// Writes a <see cref="ReportDocument"/> field by field on a <see cref="Utf8JsonWriter"/>: the same
/// JSON the serializer produces with <see cref="JsonReportWriter.CreateOptions"/> (snake_case names,
/// declaration order, nulls written except where the model says <c>WhenWritingNull</c>), without the
/// serializer's run-time metadata. That metadata is built from generic types the runtime compiles on
/// first use, which was a fifth of the start-up time of a one-file <c>parse</c>.
/// </summary>
/// <remarks>A test compares this writer with the serializer on every golden document; a property added
/// to the model must be added here too.</remarks>
internal static class ReportJsonEmitter
{
    public static void Write(Utf8JsonWriter json, ReportDocument document)
    {
        json.WriteStartObject();
        json.WriteNumber("schema_version", document.SchemaVersion);
        json.WritePropertyName("source");
        WriteSource(json, document.Source);
        if (document.Normalization is { } normalization)
        {
            json.WritePropertyName("normalization");
            json.WriteStartObject();
            json.WriteString("mode", normalization.Mode);
            json.WriteString("input_script", normalization.InputScript);
            json.WriteString("regional_variant", normalization.RegionalVariant);
            json.WriteNumber("converted_chars", normalization.ConvertedChars);
            json.WriteEndObject();
        }

        if (document.Metadata is { } metadata)
        {
            json.WritePropertyName("metadata");
            WriteMetadata(json, metadata);
        }

        if (document.Preamble is { } preamble)
        {
            json.WriteString("preamble", preamble);
        }

        if (document.Sections is { } sections)
        {
            json.WriteStartArray("sections");
            foreach (var section in sections)
            {
                WriteSection(json, section);
            }

            json.WriteEndArray();
        }

        if (document.Tables is { } tables)
        {
            json.WriteStartArray("tables");
            foreach (var table in tables)
            {
                WriteTable(json, table);
            }

            json.WriteEndArray();
        }

        if (document.Checks is { } checks)
        {
            json.WriteStartArray("checks");
            foreach (var check in checks)
            {
                WriteCheck(json, check);
            }

            json.WriteEndArray();
        }

        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in document.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("severity", Diagnostic.SeverityName(diagnostic.Severity));
            json.WriteString("code", diagnostic.Code);
            json.WriteString("message", diagnostic.Message);
            WriteNumberOrNull(json, "line", diagnostic.Line);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (document.Error is { } error)
        {
            json.WritePropertyName("error");
            json.WriteStartObject();
            json.WriteString("code", error.Code);
            json.WriteString("message", error.Message);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, SourceInfo source)
    {
        json.WriteStartObject();
        json.WriteString("path", source.Path);
        json.WriteString("format", source.Format);
        json.WriteString("encoding", source.Encoding);
        json.WriteNumber("bytes", source.Bytes);
        json.WriteString("sha256", source.Sha256);
        json.WriteEndObject();
    }

    private static void WriteMetadata(Utf8JsonWriter json, ReportMetadata metadata)
    {
        json.WriteStartObject();
        json.WriteString("title", metadata.Title);
        json.WriteString("agency", metadata.Agency);
        WriteNumberOrNull(json, "report_year", metadata.ReportYear);
        json.WriteString("index_number", metadata.IndexNumber);
        json.WriteString("document_number", metadata.DocumentNumber);
        json.WriteString("written_date", metadata.WrittenDate);
        json.WriteString("published_date", metadata.PublishedDate);
        json.WriteString("template", metadata.Template);
        json.WriteEndObject();
    }

    private static void WriteSection(Utf8JsonWriter json, Section section)
    {
        json.WriteStartObject();
        json.WriteNumber("number", section.Number);
        json.WriteString("heading", section.Heading);
        json.WriteString("title", section.Title);
        json.WriteString("key", section.Key);
        json.WriteNumber("line", section.Line);
        json.WriteString("text", section.Text);
        json.WriteStartArray("subsections");
        foreach (var sub in section.Subsections)
        {
            json.WriteStartObject();
            json.WriteNumber("number", sub.Number);
            json.WriteString("heading", sub.Heading);
            json.WriteString("title", sub.Title);
            json.WriteNumber("line", sub.Line);
            json.WriteString("text", sub.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (section.OriginalText is { } original)
        {
            json.WriteString("original_text", original);
        }

        json.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter json, StatTable table)
    {
        json.WriteStartObject();
        json.WriteString("key", table.Key);
        json.WriteNumber("section", table.Section);
        json.WriteString("template", table.Template);
        json.WriteString("status", table.Status);
        WriteNumberOrNull(json, "line", table.Line);
        json.WriteStartArray("columns");
        foreach (var column in table.Columns)
        {
            json.WriteStartObject();
            json.WriteString("key", column.Key);
            json.WriteString("label", column.Label);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteRows(json, "rows", table.Rows);
        if (table.ExtraRows is { } extra)
        {
            WriteRows(json, "extra_rows", extra);
        }

        json.WriteEndObject();
    }

    private static void WriteRows(Utf8JsonWriter json, string name, IReadOnlyList<TableRow> rows)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("key", row.Key);
            json.WriteString("label", row.Label);
            WriteNumberOrNull(json, "line", row.Line);
            json.WriteStartObject("values");
            foreach (var (key, value) in row.Values)
            {
                if (value is { } number)
                {
                    json.WriteNumber(key, number);
                }
                else
                {
                    json.WriteNull(key);
                }
            }

            json.WriteEndObject();
            json.WriteStartObject("raw");
            foreach (var (key, value) in row.Raw)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCheck(Utf8JsonWriter json, CheckResult check)
    {
        json.WriteStartObject();
        json.WriteString("rule", check.Rule);
        json.WriteString("table", check.Table);
        if (check.Row is { } row)
        {
            json.WriteString("row", row);
        }

        if (check.Column is { } column)
        {
            json.WriteString("column", column);
        }

        json.WriteString("status", check.Status);
        json.WriteString("message", check.Message);
        if (check.Line is { } line)
        {
            json.WriteNumber("line", line);
        }

        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
