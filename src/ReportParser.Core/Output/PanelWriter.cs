using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using ReportParser.Model;
using ReportParser.Panel;

namespace ReportParser.Output;

/// <summary>
/// Writes a panel (<see cref="ReportPanel"/>): CSV (or a workbook of the same columns) with one row per (agency, year, report), its statuses,
/// check counts, cross-year counts and every cell of the <c>wide</c> layout (<see cref="WideCsvColumns"/>);
/// or JSON Lines with the same rows and, in each, the cross-year results where the row is year y, in full.
/// </summary>
internal static class PanelWriter
{
    /// <summary>The leading columns of the CSV, before the cell columns.</summary>
    public static readonly string[] CsvLeading =
    [
        "agency_id", "agency_name", "evidence", "evidence_key", "report_year", "file", "template", "duplicate_of", "previous_year_files",
        "table2_status", "table3_status", "table4_status", "checks_pass", "checks_fail", "checks_not_assessable",
        "cross_pass", "cross_fail", "cross_not_assessable", "cross_failures", "prose_sentences", "reused_sentences", "reuse_share", "diagnostics",
    ];

    /// <summary>The CSV and workbook header: the leading columns, then every cell key of the wide layout.</summary>
    public static string[] Header()
    {
        var keys = WideCsvColumns.CellKeys;
        var header = new string[CsvLeading.Length + keys.Count];
        CsvLeading.CopyTo(header, 0);
        for (int i = 0; i < keys.Count; i++)
        {
            header[CsvLeading.Length + i] = keys[i];
        }

        return header;
    }

    /// <summary>One record per panel row, in <see cref="Header"/>'s columns.</summary>
    public static IEnumerable<string[]> Records(ReportPanel panel)
    {
        var keys = WideCsvColumns.CellKeys;
        foreach (var row in panel.Rows)
        {
            var record = new string[CsvLeading.Length + keys.Count];
            var meta = row.Document.Metadata;
            var checks = CheckCounts.Of(row.Document.Checks);
            var cross = CheckCounts.Of(row.CrossChecks);
            record[0] = row.Agency.AgencyId;
            record[1] = row.Agency.AgencyName ?? "";
            record[2] = row.Agency.Evidence;
            record[3] = row.Agency.EvidenceKey;
            record[4] = meta?.ReportYear?.ToString(CultureInfo.InvariantCulture) ?? "";
            record[5] = row.File;
            record[6] = meta?.Template ?? "";
            record[7] = string.Join(";", row.DuplicateFiles);
            record[8] = string.Join(";", row.PreviousYearFiles);
            record[9] = Status(row.Document, "table2");
            record[10] = Status(row.Document, "table3");
            record[11] = Status(row.Document, "table4");
            record[12] = N(checks.Pass);
            record[13] = N(checks.Fail);
            record[14] = N(checks.NotAssessable);
            record[15] = N(cross.Pass);
            record[16] = N(cross.Fail);
            record[17] = N(cross.NotAssessable);
            record[18] = Failures(row.CrossChecks);
            record[19] = row.Reuse is { } r1 ? N(r1.Prose) : "";
            record[20] = row.Reuse is { } r2 ? N(r2.Reused) : "";
            record[21] = row.Reuse is { } r3 ? Share(r3) : "";
            record[22] = Codes(row.Diagnostics);
            var values = CsvReportWriter.WideCellsOf(row.Document);
            for (int i = 0; i < keys.Count; i++)
            {
                record[CsvLeading.Length + i] = values.TryGetValue(keys[i], out var v) ? CsvReportWriter.FormatValue(v) : "";
            }

            yield return record;
        }
    }

    public static void WriteCsv(ReportPanel panel, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions
        {
            NewLine = "\n",
            Injection = CsvInjection.None,
            FormatProvider = CultureInfo.InvariantCulture,
        }, leaveOpen: true);
        csv.WriteRecord(Header());
        foreach (var record in Records(panel))
        {
            csv.WriteRecord(record);
        }

        csv.Flush();
    }

    /// <summary>The panel as a workbook: one sheet 面板 with the CSV's columns, counts and cells as numbers.</summary>
    public static void WriteXlsx(ReportPanel panel, Stream stream) =>
        XlsxReportWriter.WriteSheet(stream, "面板", Header(), Records(panel), column => column is 4 or (>= 12 and <= 17) or 19 or 20 or 21 || column >= CsvLeading.Length);

    public static void WriteJsonLines(ReportPanel panel, TextWriter writer)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var row in panel.Rows)
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer, options))
            {
                WriteRow(json, row);
            }

            writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            writer.Write('\n');
        }
    }

    private static void WriteRow(Utf8JsonWriter json, PanelRow row)
    {
        var meta = row.Document.Metadata;
        json.WriteStartObject();
        json.WriteString("agency_id", row.Agency.AgencyId);
        json.WriteString("agency_name", row.Agency.AgencyName);
        json.WriteString("evidence", row.Agency.Evidence);
        json.WriteString("evidence_key", row.Agency.EvidenceKey);
        JsonFields.NumberOrNull(json, "report_year", meta?.ReportYear);

        json.WriteString("file", row.File);
        json.WriteString("template", meta?.Template);
        JsonFields.Strings(json, "duplicate_of", row.DuplicateFiles);
        JsonFields.Strings(json, "previous_year_files", row.PreviousYearFiles);
        json.WriteStartObject("tables");
        foreach (var table in row.Document.Tables ?? [])
        {
            json.WriteString(table.Key, table.Status);
        }

        json.WriteEndObject();
        Counts(json, "checks", CheckCounts.Of(row.Document.Checks));
        Counts(json, "cross_year", CheckCounts.Of(row.CrossChecks));
        if (row.Reuse is { } reuse)
        {
            json.WriteStartObject("reuse");
            json.WriteString("from", reuse.OldFile);
            json.WriteNumber("prose_sentences", reuse.Prose);
            json.WriteNumber("reused_sentences", reuse.Reused);
            json.WriteString("share", Share(reuse));
            json.WriteEndObject();
        }

        json.WriteStartArray("cross_checks");
        foreach (var c in row.CrossChecks)
        {
            json.WriteStartObject();
            json.WriteString("rule", c.Rule);
            json.WriteString("table", c.Table);
            json.WriteString("row", c.Row);
            json.WriteString("column", c.Column);
            json.WriteBoolean("official", c.Official);
            json.WriteString("status", c.Status);
            json.WriteString("message", c.Message);
            json.WriteString("older_file", c.OlderFile);
            JsonFields.NumberOrNull(json, "older_line", c.OlderLine);
            json.WriteString("newer_file", c.NewerFile);
            JsonFields.NumberOrNull(json, "newer_line", c.NewerLine);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("diagnostics");
        foreach (var d in row.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("severity", ReportParser.Diagnostics.Diagnostic.SeverityName(d.Severity));
            json.WriteString("code", d.Code);
            json.WriteString("message", d.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("values");
        foreach (var (key, value) in CsvReportWriter.WideCellsOf(row.Document))
        {
            JsonFields.NumberOrNull(json, key, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Status(ReportDocument document, string key)
    {
        foreach (var table in document.Tables ?? [])
        {
            if (table.Key == key)
            {
                return table.Status;
            }
        }

        return "";
    }

    private static string Failures(IReadOnlyList<CrossYearResult> checks)
    {
        var parts = new List<string>();
        foreach (var c in checks)
        {
            if (c.Status == CheckStatus.Fail)
            {
                parts.Add($"{c.Rule} {c.Row}.{c.Column}");
            }
        }

        return string.Join(";", parts);
    }

    private static string Codes(IReadOnlyList<PanelDiagnostic> diagnostics)
    {
        var codes = new List<string>();
        foreach (var d in diagnostics)
        {
            if (!codes.Contains(d.Code))
            {
                codes.Add(d.Code);
            }
        }

        return string.Join(";", codes);
    }


    private static void Counts(Utf8JsonWriter json, string name, CheckCounts counts)
    {
        json.WriteStartObject(name);
        json.WriteNumber("pass", counts.Pass);
        json.WriteNumber("fail", counts.Fail);
        json.WriteNumber("not_assessable", counts.NotAssessable);
        json.WriteEndObject();
    }


    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reused ÷ prose sentences to three decimals (<c>0.368</c>), empty when there is no prose.</summary>
    private static string Share(ReportComparison reuse) =>
        reuse.Prose == 0 ? "" : ((double)reuse.Reused / reuse.Prose).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>How many results passed, failed and could not be assessed.</summary>
    private readonly record struct CheckCounts(int Pass, int Fail, int NotAssessable)
    {
        public static CheckCounts Of(IReadOnlyList<CheckResult>? checks)
        {
            int pass = 0, fail = 0, na = 0;
            foreach (var c in checks ?? [])
            {
                Count(c.Status, ref pass, ref fail, ref na);
            }

            return new CheckCounts(pass, fail, na);
        }

        public static CheckCounts Of(IReadOnlyList<CrossYearResult> checks)
        {
            int pass = 0, fail = 0, na = 0;
            foreach (var c in checks)
            {
                Count(c.Status, ref pass, ref fail, ref na);
            }

            return new CheckCounts(pass, fail, na);
        }

        private static void Count(string status, ref int pass, ref int fail, ref int na)
        {
            switch (status)
            {
                case CheckStatus.Pass: pass++; break;
                case CheckStatus.Fail: fail++; break;
                default: na++; break;
            }
        }
    }
}
