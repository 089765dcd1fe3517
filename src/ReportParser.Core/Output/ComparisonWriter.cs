using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportParser.Panel;

namespace ReportParser.Output;

/// <summary>
/// Writes a <see cref="ReportComparison"/>: as text for a reader (per section the reuse share and every
/// reused sentence with the older one beside it, then the changed cells and the changed prose numbers), as
/// one JSON object with the same content, or as an HTML page in the report view's style.
/// </summary>
internal static class ComparisonWriter
{
    public static void WriteText(ReportComparison c, TextWriter w)
    {
        w.WriteLine($"compare {c.OldFile} ({Year(c.OldYear)}) → {c.NewFile} ({Year(c.NewYear)})");
        w.WriteLine($"reused sentences: {c.Reused} of {c.Prose} prose sentences of the newer report ({Percent(c.Reused, c.Prose)})");
        foreach (var s in c.Sections)
        {
            w.WriteLine();
            w.WriteLine($"section {s.Number} {s.Title} ({s.Key ?? "no key"}, line {s.Line}): {s.Reused.Count} of {s.Prose} reused ({Percent(s.Reused.Count, s.Prose)})"
                + $"{(s.TableText > 0 ? $"; {s.TableText} table-text sentence(s) left out" : "")}");
            foreach (var r in s.Reused)
            {
                string mark = r.Kind switch
                {
                    ReuseKind.Verbatim => "=",
                    ReuseKind.NumbersChanged => "#",
                    _ => "≈",
                };
                w.WriteLine($"  {mark} {r.Text}");
                if (r.Kind != ReuseKind.Verbatim)
                {
                    w.WriteLine($"    was (section {r.OldSection}{(r.Kind == ReuseKind.Near ? $", similarity {r.Similarity.ToString("0.000", CultureInfo.InvariantCulture)}" : "")}): {r.OldText}");
                }
            }
        }

        w.WriteLine();
        w.WriteLine($"table cells changed (of those both reports' tables have): {c.CellDeltas.Count}");
        foreach (var d in c.CellDeltas)
        {
            w.WriteLine($"  {d.Cell}: {N(d.Old)} → {N(d.New)}{(d.Delta is { } delta ? $" ({(delta > 0 ? "+" : "")}{N(delta)})" : "")}");
        }

        w.WriteLine();
        w.WriteLine($"prose numbers changed in reused sentences: {c.ProseNumbers.Count}");
        foreach (var p in c.ProseNumbers)
        {
            w.WriteLine($"  section {p.Section}: {string.Join(", ", p.OldNumbers)} → {string.Join(", ", p.NewNumbers)}: {p.NewText}");
        }
    }

    /// <summary>The comparison as one self-contained page in the report view's style: per section the reused sentences beside the older ones, then the changed cells and prose numbers.</summary>
    public static string RenderHtml(ReportComparison c)
    {
        static string E(string text) => HtmlReportWriter.E(text);
        var html = new StringBuilder();
        HtmlReportWriter.Open(html, $"compare {c.OldFile} → {c.NewFile}");
        html.Append("<header><h1>").Append(E($"{c.OldFile} ({Year(c.OldYear)}) → {c.NewFile} ({Year(c.NewYear)})")).Append("</h1><div>")
            .Append(E($"reused sentences: {c.Reused} of {c.Prose} prose sentences of the newer report ({Percent(c.Reused, c.Prose)})")).Append("</div></header>\n<main class=\"report\">\n");
        foreach (var s in c.Sections)
        {
            html.Append("<h2>").Append(E($"{s.Number} {s.Title}: {s.Reused.Count} of {s.Prose} reused ({Percent(s.Reused.Count, s.Prose)})")).Append("</h2>\n");
            if (s.Reused.Count == 0)
            {
                continue;
            }

            html.Append("<table class=\"index\"><thead><tr><th>kind</th><th>newer report</th><th>older report</th></tr></thead><tbody>\n");
            foreach (var r in s.Reused)
            {
                string kind = r.Kind == ReuseKind.Near ? $"{r.Kind} {r.Similarity.ToString("0.000", CultureInfo.InvariantCulture)}" : r.Kind;
                html.Append("<tr><td>").Append(E(kind)).Append("</td><td>").Append(E(r.Text)).Append("</td><td>")
                    .Append(r.Kind == ReuseKind.Verbatim ? "=" : E($"(section {r.OldSection}) {r.OldText}")).Append("</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        html.Append("<h2>").Append(E($"table cells changed: {c.CellDeltas.Count}")).Append("</h2>\n<table class=\"index\"><thead><tr><th>cell</th><th>older</th><th>newer</th><th>delta</th></tr></thead><tbody>\n");
        foreach (var d in c.CellDeltas)
        {
            html.Append("<tr><td>").Append(E(d.Cell)).Append("</td><td>").Append(N(d.Old)).Append("</td><td>").Append(N(d.New)).Append("</td><td>")
                .Append(d.Delta is { } delta ? (delta > 0 ? "+" : "") + N(delta) : "").Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n<h2>").Append(E($"prose numbers changed in reused sentences: {c.ProseNumbers.Count}")).Append("</h2>\n<ul>\n");
        foreach (var p in c.ProseNumbers)
        {
            html.Append("<li>").Append(E($"section {p.Section}: {string.Join(", ", p.OldNumbers)} → {string.Join(", ", p.NewNumbers)}: {p.NewText}")).Append("</li>\n");
        }

        html.Append("</ul>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static void WriteJson(ReportComparison c, TextWriter writer)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("old", c.OldFile);
            json.WriteString("new", c.NewFile);
            JsonFields.NumberOrNull(json, "old_year", c.OldYear);
            JsonFields.NumberOrNull(json, "new_year", c.NewYear);
            json.WriteNumber("prose_sentences", c.Prose);
            json.WriteNumber("reused_sentences", c.Reused);
            json.WriteStartArray("sections");
            foreach (var s in c.Sections)
            {
                json.WriteStartObject();
                json.WriteNumber("number", s.Number);
                json.WriteString("key", s.Key);
                json.WriteString("title", s.Title);
                json.WriteNumber("line", s.Line);
                json.WriteNumber("sentences", s.Sentences);
                json.WriteNumber("table_text_sentences", s.TableText);
                json.WriteNumber("prose_sentences", s.Prose);
                json.WriteNumber("reused", s.Reused.Count);
                json.WriteNumber("share", Math.Round(s.Share, 4));
                json.WriteStartArray("reused_sentences");
                foreach (var r in s.Reused)
                {
                    json.WriteStartObject();
                    json.WriteString("kind", r.Kind);
                    json.WriteString("text", r.Text);
                    json.WriteString("old_text", r.OldText);
                    json.WriteNumber("old_section", r.OldSection);
                    json.WriteNumber("similarity", r.Similarity);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("cell_deltas");
            foreach (var d in c.CellDeltas)
            {
                json.WriteStartObject();
                json.WriteString("cell", d.Cell);
                JsonFields.NumberOrNull(json, "old", d.Old);
                JsonFields.NumberOrNull(json, "new", d.New);
                JsonFields.NumberOrNull(json, "delta", d.Delta);
                JsonFields.NumberOrNull(json, "old_line", d.OldLine);
                JsonFields.NumberOrNull(json, "new_line", d.NewLine);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("prose_numbers");
            foreach (var p in c.ProseNumbers)
            {
                json.WriteStartObject();
                json.WriteNumber("section", p.Section);
                json.WriteString("old_text", p.OldText);
                json.WriteString("new_text", p.NewText);
                JsonFields.Strings(json, "old_numbers", p.OldNumbers);
                JsonFields.Strings(json, "new_numbers", p.NewNumbers);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
    }




    private static string Year(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? "year unknown";

    private static string Percent(int part, int whole) => whole == 0 ? "no prose" : ((double)part / whole).ToString("0%", CultureInfo.InvariantCulture);

    private static string N(decimal? value) => value is null ? "blank" : CsvReportWriter.FormatValue(value);
}
