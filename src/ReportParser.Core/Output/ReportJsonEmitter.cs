using System.Text.Encodings.Web;
using System.Text.Json;
using ReportParser.Model;
using ReportParser.Diagnostics;

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
        json.WriteNumber(Names.SchemaVersion, document.SchemaVersion);
        json.WritePropertyName(Names.Source);
        WriteSource(json, document.Source);
        if (document.Normalization is { } normalization)
        {
            json.WritePropertyName(Names.Normalization);
            json.WriteStartObject();
            json.WriteString(Names.Mode, normalization.Mode);
            json.WriteString(Names.InputScript, normalization.InputScript);
            json.WriteString(Names.RegionalVariant, normalization.RegionalVariant);
            json.WriteNumber(Names.ConvertedChars, normalization.ConvertedChars);
            json.WriteEndObject();
        }

        if (document.Metadata is { } metadata)
        {
            json.WritePropertyName(Names.Metadata);
            WriteMetadata(json, metadata);
        }

        if (document.Preamble is { } preamble)
        {
            WriteText(json, Names.Preamble, preamble);
        }

        if (document.Sections is { } sections)
        {
            json.WriteStartArray(Names.Sections);
            foreach (var section in sections)
            {
                WriteSection(json, section);
            }

            json.WriteEndArray();
        }

        if (document.Tables is { } tables)
        {
            json.WriteStartArray(Names.Tables);
            foreach (var table in tables)
            {
                WriteTable(json, table);
            }

            json.WriteEndArray();
        }

        if (document.LegacyStats is { } legacy)
        {
            WriteLegacyStats(json, legacy);
        }

        if (document.Checks is { } checks)
        {
            json.WriteStartArray(Names.Checks);
            foreach (var check in checks)
            {
                WriteCheck(json, check);
            }

            json.WriteEndArray();
        }

        if (document.Facts is { } facts)
        {
            json.WriteStartArray(Names.Facts);
            foreach (var fact in facts)
            {
                json.WriteStartObject();
                json.WriteString(Names.Text, fact.Text);
                WriteNumberOrNull(json, Names.Line, fact.Line);
                WriteValue(json, Names.Value, fact.Value);
                json.WriteString(Names.Unit, fact.Unit);
                json.WriteString(Names.Cell, fact.Cell);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartArray(Names.Diagnostics);
        foreach (var diagnostic in document.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString(Names.Severity, Diagnostic.SeverityName(diagnostic.Severity));
            json.WriteString(Names.Code, diagnostic.Code);
            json.WriteString(Names.Message, diagnostic.Message);
            WriteNumberOrNull(json, Names.Line, diagnostic.Line);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (document.Error is { } error)
        {
            json.WritePropertyName(Names.Error);
            json.WriteStartObject();
            json.WriteString(Names.Code, error.Code);
            json.WriteString(Names.Message, error.Message);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, SourceInfo source)
    {
        json.WriteStartObject();
        json.WriteString(Names.Path, source.Path);
        json.WriteString(Names.Format, source.Format);
        json.WriteString(Names.Encoding, source.Encoding);
        json.WriteNumber(Names.Bytes, source.Bytes);
        json.WriteString(Names.Sha256, source.Sha256);
        if (source.Url is not null)
        {
            json.WriteString(Names.Url, source.Url);
        }

        json.WriteEndObject();
    }

    private static void WriteMetadata(Utf8JsonWriter json, ReportMetadata metadata)
    {
        json.WriteStartObject();
        json.WriteString(Names.Title, metadata.Title);
        json.WriteString(Names.Agency, metadata.Agency);
        WriteNumberOrNull(json, Names.ReportYear, metadata.ReportYear);
        json.WriteString(Names.IndexNumber, metadata.IndexNumber);
        json.WriteString(Names.DocumentNumber, metadata.DocumentNumber);
        json.WriteString(Names.WrittenDate, metadata.WrittenDate);
        json.WriteString(Names.PublishedDate, metadata.PublishedDate);
        json.WriteString(Names.Template, metadata.Template);
        json.WriteEndObject();
    }

    private static void WriteSection(Utf8JsonWriter json, Section section)
    {
        json.WriteStartObject();
        json.WriteNumber(Names.Number, section.Number);
        json.WriteString(Names.Heading, section.Heading);
        json.WriteString(Names.Title, section.Title);
        json.WriteString(Names.Key, section.Key);
        json.WriteNumber(Names.Line, section.Line);
        WriteText(json, Names.Text, section.Text);
        json.WriteStartArray(Names.Subsections);
        foreach (var sub in section.Subsections)
        {
            json.WriteStartObject();
            json.WriteNumber(Names.Number, sub.Number);
            json.WriteString(Names.Heading, sub.Heading);
            json.WriteString(Names.Title, sub.Title);
            json.WriteNumber(Names.Line, sub.Line);
            WriteText(json, Names.Text, sub.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (section.OriginalText is { } original)
        {
            WriteText(json, Names.OriginalText, original);
        }

        json.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter json, StatTable table)
    {
        json.WriteStartObject();
        json.WriteString(Names.Key, table.Key);
        json.WriteNumber(Names.Section, table.Section);
        json.WriteString(Names.Template, table.Template);
        json.WriteString(Names.Status, table.Status);
        WriteNumberOrNull(json, Names.Line, table.Line);
        json.WriteStartArray(Names.Columns);
        foreach (var column in table.Columns)
        {
            json.WriteStartObject();
            json.WriteString(Names.Key, column.Key);
            json.WriteString(Names.Label, column.Label);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var columns = ColumnNames.Of(table.Columns);
        WriteRows(json, Names.Rows, table.Rows, columns);
        if (table.ExtraRows is { } extra)
        {
            WriteRows(json, Names.ExtraRows, extra, columns);
        }

        json.WriteEndObject();
    }

    private static void WriteRows(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyList<TableRow> rows, ColumnNames columns)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString(Names.Key, row.Key);
            json.WriteString(Names.Label, row.Label);
            WriteNumberOrNull(json, Names.Line, row.Line);
            json.WriteStartObject(Names.Values);
            int column = 0;
            foreach (var (key, value) in row.Values)
            {
                // Values are keyed by the table's columns in column order: their names are encoded once per table.
                if (columns.Encoded(column++, key) is { } encoded)
                {
                    WriteValue(json, encoded, value);
                }
                else if (value is { } number)
                {
                    json.WriteNumber(key, number);
                }
                else
                {
                    json.WriteNull(key);
                }
            }

            json.WriteEndObject();
            json.WriteStartObject(Names.Raw);
            foreach (var (key, value) in row.Raw)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteLegacyStats(Utf8JsonWriter json, LegacyStats legacy)
    {
        json.WriteStartObject(Names.LegacyStats);
        WriteNumberOrNull(json, Names.Line, legacy.Line);
        json.WriteStartArray(Names.Columns);
        foreach (string column in legacy.Columns)
        {
            json.WriteStringValue(column);
        }

        json.WriteEndArray();
        json.WriteStartArray(Names.Rows);
        foreach (var row in legacy.Rows)
        {
            json.WriteStartObject();
            if (row.Key is { } key)
            {
                json.WriteString(Names.Key, key);
            }
            else
            {
                json.WriteNull(Names.Key);
            }

            json.WriteString(Names.Label, row.Label);
            json.WriteString(Names.NormalizedLabel, row.NormalizedLabel);
            if (row.Unit is { } unit)
            {
                json.WriteString(Names.Unit, unit);
            }

            if (row.Parent is { } parent)
            {
                json.WriteNumber(Names.Parent, parent);
            }

            json.WriteStartArray(Names.Values);
            foreach (var value in row.Values)
            {
                WriteValue(json, value);
            }

            json.WriteEndArray();
            json.WriteString(Names.Raw, row.Raw);
            WriteNumberOrNull(json, Names.Line, row.Line);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>An array element: as <see cref="WriteValue(Utf8JsonWriter, JsonEncodedText, decimal?)"/> writes a property.</summary>
    private static void WriteValue(Utf8JsonWriter json, decimal? value)
    {
        if (value is not { } number)
        {
            json.WriteNullValue();
        }
        else if (number.Scale == 0 && number is >= long.MinValue and <= long.MaxValue && !(number == 0 && decimal.IsNegative(number)))
        {
            json.WriteNumberValue((long)number);
        }
        else
        {
            json.WriteNumberValue(number);
        }
    }

    private static void WriteCheck(Utf8JsonWriter json, CheckResult check)
    {
        json.WriteStartObject();
        json.WriteString(Names.Rule, check.Rule);
        json.WriteString(Names.Table, check.Table);
        if (check.Row is { } row)
        {
            json.WriteString(Names.Row, row);
        }

        if (check.Column is { } column)
        {
            json.WriteString(Names.Column, column);
        }

        json.WriteString(Names.Status, check.Status);
        json.WriteString(Names.Message, check.Message);
        if (check.Line is { } line)
        {
            json.WriteNumber(Names.Line, line);
        }

        if (check.Operands is { } operands)
        {
            json.WriteStartArray(Names.Operands);
            foreach (var operand in operands)
            {
                json.WriteStartObject();
                json.WriteString(Names.Side, operand.Side);
                json.WriteString(Names.Row, operand.Row);
                json.WriteString(Names.Column, operand.Column);
                WriteValue(json, Names.Value, operand.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (check.Difference is { } difference)
        {
            WriteValue(json, Names.Difference, difference);
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// A multi-line text (section text, the preamble) as <see cref="Utf8JsonWriter.WriteString(JsonEncodedText, string)"/>
    /// writes it, one line per segment: the writer escapes a value from its first newline on character
    /// by character, six times slower than it copies a line that needs no escaping.
    /// </summary>
    internal static void WriteText(Utf8JsonWriter json, JsonEncodedText name, string? text)
    {
        int newline = text is null ? -1 : text.IndexOf('\n');
        if (newline < 0)
        {
            json.WriteString(name, text);
            return;
        }

        json.WritePropertyName(name);
        var rest = text.AsSpan();
        do
        {
            json.WriteStringValueSegment(rest[..(newline + 1)], isFinalSegment: false);
            rest = rest[(newline + 1)..];
            newline = rest.IndexOf('\n');
        }
        while (newline >= 0);

        json.WriteStringValueSegment(rest, isFinalSegment: true);
    }

    // A whole number written from a long comes out as the decimal writes it (digits, a minus sign) in
    // half the time; fractions and negative zero are written as decimals.
    private static void WriteValue(Utf8JsonWriter json, JsonEncodedText name, decimal? value)
    {
        if (value is not { } number)
        {
            json.WriteNull(name);
        }
        else if (number.Scale == 0 && number is >= long.MinValue and <= long.MaxValue && !(number == 0 && decimal.IsNegative(number)))
        {
            json.WriteNumber(name, (long)number);
        }
        else
        {
            json.WriteNumber(name, number);
        }
    }

    /// <summary>A table's column keys and their names as the writer escapes them, made once per table.</summary>
    private sealed class ColumnNames
    {
        private static readonly ColumnNames None = new([]);
        private readonly IReadOnlyList<TableColumn> _columns;
        private readonly JsonEncodedText[] _encoded;

        private ColumnNames(IReadOnlyList<TableColumn> columns)
        {
            _columns = columns;
            _encoded = new JsonEncodedText[columns.Count];
            for (int i = 0; i < columns.Count; i++)
            {
                _encoded[i] = JsonEncodedText.Encode(columns[i].Key, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
            }
        }

        public static ColumnNames Of(IReadOnlyList<TableColumn> columns) => columns.Count == 0 ? None : new(columns);

        /// <summary>The encoded name when <paramref name="key"/> is the key of column <paramref name="index"/>; else null.</summary>
        public JsonEncodedText? Encoded(int index, string key) =>
            index < _encoded.Length && string.Equals(_columns[index].Key, key, StringComparison.Ordinal) ? _encoded[index] : null;
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, JsonEncodedText name, int? value)
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

    // Property names encoded once (the writer would otherwise check and transcode each name per use).
    private static class Names
    {
        public static readonly JsonEncodedText Agency = JsonEncodedText.Encode("agency");
        public static readonly JsonEncodedText Bytes = JsonEncodedText.Encode("bytes");
        public static readonly JsonEncodedText Cell = JsonEncodedText.Encode("cell");
        public static readonly JsonEncodedText Checks = JsonEncodedText.Encode("checks");
        public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        public static readonly JsonEncodedText Column = JsonEncodedText.Encode("column");
        public static readonly JsonEncodedText Columns = JsonEncodedText.Encode("columns");
        public static readonly JsonEncodedText ConvertedChars = JsonEncodedText.Encode("converted_chars");
        public static readonly JsonEncodedText Difference = JsonEncodedText.Encode("difference");
        public static readonly JsonEncodedText Diagnostics = JsonEncodedText.Encode("diagnostics");
        public static readonly JsonEncodedText DocumentNumber = JsonEncodedText.Encode("document_number");
        public static readonly JsonEncodedText Encoding = JsonEncodedText.Encode("encoding");
        public static readonly JsonEncodedText ExtraRows = JsonEncodedText.Encode("extra_rows");
        public static readonly JsonEncodedText Error = JsonEncodedText.Encode("error");
        public static readonly JsonEncodedText Facts = JsonEncodedText.Encode("facts");
        public static readonly JsonEncodedText Format = JsonEncodedText.Encode("format");
        public static readonly JsonEncodedText Heading = JsonEncodedText.Encode("heading");
        public static readonly JsonEncodedText IndexNumber = JsonEncodedText.Encode("index_number");
        public static readonly JsonEncodedText InputScript = JsonEncodedText.Encode("input_script");
        public static readonly JsonEncodedText Key = JsonEncodedText.Encode("key");
        public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
        public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText Metadata = JsonEncodedText.Encode("metadata");
        public static readonly JsonEncodedText Mode = JsonEncodedText.Encode("mode");
        public static readonly JsonEncodedText Normalization = JsonEncodedText.Encode("normalization");
        public static readonly JsonEncodedText Operands = JsonEncodedText.Encode("operands");
        public static readonly JsonEncodedText Number = JsonEncodedText.Encode("number");
        public static readonly JsonEncodedText OriginalText = JsonEncodedText.Encode("original_text");
        public static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
        public static readonly JsonEncodedText Preamble = JsonEncodedText.Encode("preamble");
        public static readonly JsonEncodedText PublishedDate = JsonEncodedText.Encode("published_date");
        public static readonly JsonEncodedText Raw = JsonEncodedText.Encode("raw");
        public static readonly JsonEncodedText RegionalVariant = JsonEncodedText.Encode("regional_variant");
        public static readonly JsonEncodedText ReportYear = JsonEncodedText.Encode("report_year");
        public static readonly JsonEncodedText Row = JsonEncodedText.Encode("row");
        public static readonly JsonEncodedText Rows = JsonEncodedText.Encode("rows");
        public static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
        public static readonly JsonEncodedText SchemaVersion = JsonEncodedText.Encode("schema_version");
        public static readonly JsonEncodedText Section = JsonEncodedText.Encode("section");
        public static readonly JsonEncodedText Sections = JsonEncodedText.Encode("sections");
        public static readonly JsonEncodedText Side = JsonEncodedText.Encode("side");
        public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
        public static readonly JsonEncodedText Sha256 = JsonEncodedText.Encode("sha256");
        public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText Subsections = JsonEncodedText.Encode("subsections");
        public static readonly JsonEncodedText Table = JsonEncodedText.Encode("table");
        public static readonly JsonEncodedText Tables = JsonEncodedText.Encode("tables");
        public static readonly JsonEncodedText LegacyStats = JsonEncodedText.Encode("legacy_stats");
        public static readonly JsonEncodedText NormalizedLabel = JsonEncodedText.Encode("normalized_label");
        public static readonly JsonEncodedText Unit = JsonEncodedText.Encode("unit");
        public static readonly JsonEncodedText Parent = JsonEncodedText.Encode("parent");
        public static readonly JsonEncodedText Template = JsonEncodedText.Encode("template");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Values = JsonEncodedText.Encode("values");
        public static readonly JsonEncodedText WrittenDate = JsonEncodedText.Encode("written_date");
    }
}
