using System.Text.Json.Nodes;
using ReportParser.Model;
using ReportParser.Sectioning;
using Xunit.Abstractions;
using ReportParser.Text;

namespace ReportParser.Tests.Corpus;

/// <summary>
/// The parser against hand-checked figures of real reports (<c>Corpus/Expected</c>, read from the
/// reports' own text, never from the parser's output). A figure is right, or null with a
/// diagnostic that says why — never a wrong number: a cell given as a number must come out as that
/// number or as null with a table diagnostic; a cell given as null must be null. Sections may be
/// missed (counted) but never invented or misnumbered; year, template and metadata must match
/// (metadata may be null). The HTML twins are held to their text dump's figures.
/// </summary>
public class CorpusGoldenTests(ITestOutputHelper output)
{
    public static TheoryData<string> Reports()
    {
        var data = new TheoryData<string>();
        foreach (string report in RealCorpus.Reports())
        {
            if (report.StartsWith("pingtan/", StringComparison.Ordinal))
            {
                data.Add(report);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void A_real_report_gives_its_hand_checked_figures_or_null_never_a_wrong_one(string report)
    {
        var result = Compare(report);
        output.WriteLine(result.Summary());
        Assert.True(result.Wrong.Count == 0, $"{report}: {result.Wrong.Count} wrong figure(s):\n" + string.Join("\n", result.Wrong));
    }

    public static TheoryData<string> PdfReports() => [.. RealCorpus.PdfReports()];

    /// <summary>
    /// The real PDF reports (exported from WPS, tables with ruling lines, 表三 crossing a page break):
    /// every hand-checked figure right, or null only in a row a diagnostic names (a misprinted label the
    /// template does not know); every section heading and the title, agency and year right.
    /// </summary>
    [Theory]
    [MemberData(nameof(PdfReports))]
    public void A_real_pdf_report_gives_its_hand_checked_figures_and_headings(string report)
    {
        var result = Compare(report, nullOnlyInDiagnosedRows: true);
        output.WriteLine(result.Summary());
        Assert.True(result.Wrong.Count == 0, $"{report}: {result.Wrong.Count} wrong figure(s):\n" + string.Join("\n", result.Wrong));
        Assert.Equal(0, result.SectionsMissed);
        Assert.Equal(6, result.SectionsRight);
    }

    [Fact]
    public void The_garbled_pdf_sample_is_an_error_record_without_its_garbage()
    {
        string path = Path.Combine(RealCorpus.Root(), "pdf", "garbled_text_sample.pdf");
        var document = new ReportPipeline().Parse(ReportSource.FromFile(path, "pdf/garbled_text_sample.pdf")).Document;
        Assert.Equal(ReportParser.Diagnostics.DiagnosticCodes.TextNotReadable.Code, document.Error!.Code);
        Assert.StartsWith("the text cannot be read", document.Error.Message);
        string json = ReportParser.Output.JsonReportWriter.Serialize(document);
        Assert.DoesNotContain("¿", json);
        Assert.Null(document.Preamble);
        Assert.Empty(document.Sections ?? []);
    }

    [Fact]
    public void Both_parts_of_the_corpus_are_reported_separately()
    {
        var tuning = new Tally();
        var heldOut = new Tally();
        foreach (string report in RealCorpus.Reports())
        {
            if (report.StartsWith("pingtan/", StringComparison.Ordinal))
            {
                (RealCorpus.IsHeldOut(Path.GetFileName(report)) ? heldOut : tuning).Add(Compare(report));
            }
        }

        output.WriteLine($"tuning part:   {tuning}");
        output.WriteLine($"held-out part: {heldOut}");
        Assert.True(tuning.Reports > 0 && heldOut.Reports > 0, "both parts of the corpus have reports");
        Assert.Equal(0, tuning.Wrong + heldOut.Wrong);
    }

    /// <param name="nullOnlyInDiagnosedRows">A null for a known figure is accepted only when a diagnostic names its row's key (else any RP3 diagnostic of the document will do).</param>
    internal static Comparison Compare(string report, bool nullOnlyInDiagnosedRows = false)
    {
        string path = Path.Combine(RealCorpus.Root(), report);
        string name = Path.GetFileNameWithoutExtension(report);
        string expectedPath = Path.Combine(RealCorpus.ExpectedRoot, Path.GetDirectoryName(report)!, name + ".json");
        Assert.True(File.Exists(expectedPath), $"{report} has no hand-checked figures at {expectedPath}");
        var expected = JsonNode.Parse(File.ReadAllText(expectedPath))!.AsObject();
        var document = new ReportPipeline().Parse(ReportSource.FromFile(path, report)).Document;
        var result = new Comparison(report);
        bool html = report.EndsWith(".html", StringComparison.Ordinal);

        var metadata = document.Metadata;
        result.Check("report_year", (int?)expected["report_year"], metadata?.ReportYear, nullAllowed: false);
        result.Check("template", (string?)expected["template"], metadata?.Template, nullAllowed: false);
        if (!html && expected["metadata"] is JsonObject meta)
        {
            result.Check("title", (string?)meta["title"], metadata?.Title, nullAllowed: true);
            result.Check("agency", (string?)meta["agency"], metadata?.Agency, nullAllowed: true);
            result.Check("published_date", (string?)meta["published_date"], metadata?.PublishedDate, nullAllowed: true);
            result.Check("document_number", (string?)meta["document_number"], metadata?.DocumentNumber, nullAllowed: true);
            result.Check("source.url", (string?)meta["source_url"], document.Source?.Url, nullAllowed: true);
        }

        CompareSections(expected["sections"]?.AsArray() ?? [], document.Sections ?? [], result);
        bool tableDiagnostics = (document.Diagnostics ?? []).Any(d => d.Code.StartsWith("RP3", StringComparison.Ordinal));
        foreach (var (tableKey, rows) in expected["tables"]?.AsObject() ?? [])
        {
            var table = document.Tables?.FirstOrDefault(t => t.Key == tableKey && t.Status != TableStatus.Absent);
            foreach (var (rowKey, cells) in rows!.AsObject())
            {
                var row = table?.Rows.FirstOrDefault(r => r.Key == rowKey);
                foreach (var (column, value) in cells!.AsObject())
                {
                    decimal? got = row is not null && row.Values.TryGetValue(column, out var v) ? v : null;
                    bool diagnosed = tableDiagnostics && (!nullOnlyInDiagnosedRows
                        || (document.Diagnostics ?? []).Any(d => d.Code.StartsWith("RP3", StringComparison.Ordinal) && d.Message.Contains(" " + rowKey + " ", StringComparison.Ordinal)));
                    result.Cell($"{tableKey}.{rowKey}.{column}", value is null ? null : (decimal)value, got, diagnosed);
                }
            }
        }

        return result;
    }

    /// <summary>The parser's sections must appear, in order, among the expected ones (number and title); missing ones are counted.</summary>
    private static void CompareSections(JsonArray expected, IReadOnlyList<Section> actual, Comparison result)
    {
        var wanted = expected.Select(s => (Number: s!["number"] is { } n ? ChineseNumeral.Parse(((string)n!).AsSpan()) : (int?)null, Title: (string)s!["title"]!)).ToList();
        int at = 0;
        foreach (var section in actual)
        {
            int found = wanted.FindIndex(at, w => w.Number == section.Number && SameTitle(w.Title, section.Title));
            if (found < 0)
            {
                result.Wrong.Add($"section {section.Number} '{section.Title}' is not among the expected sections after #{at}");
                continue;
            }

            result.SectionsMissed += found - at;
            result.SectionsRight++;
            at = found + 1;
        }

        result.SectionsMissed += wanted.Count - at;
    }

    /// <summary>A title as written, or its recognised part before a bracketed note ("…情况（有关情况附表）").</summary>
    private static bool SameTitle(string expected, string actual) =>
        string.Equals(Fold(expected), Fold(actual), StringComparison.Ordinal)
        || (Fold(expected).StartsWith(Fold(actual), StringComparison.Ordinal) && Fold(expected)[Fold(actual).Length] == '(');

    private static string Fold(string text) => ReportParser.Text.TextFold.ForMatching(text).Replace(" ", "", StringComparison.Ordinal);

    internal sealed class Comparison(string report)
    {
        public List<string> Wrong { get; } = [];

        public int Right { get; set; }

        public int NullForNumber { get; set; }

        public int SectionsRight { get; set; }

        public int SectionsMissed { get; set; }

        public void Check<T>(string what, T? expected, T? actual, bool nullAllowed)
        {
            if (Equals(expected, actual))
            {
                Right++;
            }
            else if (actual is null && nullAllowed)
            {
                NullForNumber++;
            }
            else
            {
                Wrong.Add($"{what}: expected {expected?.ToString() ?? "null"}, got {actual?.ToString() ?? "null"}");
            }
        }

        public void Cell(string what, decimal? expected, decimal? actual, bool diagnosed)
        {
            if (expected == actual)
            {
                Right++;
            }
            else if (actual is null && expected is not null && diagnosed)
            {
                NullForNumber++;
            }
            else
            {
                Wrong.Add($"{what}: expected {expected?.ToString() ?? "null"}, got {actual?.ToString() ?? "null"}");
            }
        }

        public string Summary() =>
            $"{report}: {Right} right, {NullForNumber} null for a known figure, {Wrong.Count} wrong; sections {SectionsRight} found, {SectionsMissed} missed";
    }

    private sealed class Tally
    {
        public int Reports { get; private set; }

        public int Right { get; private set; }

        public int Null { get; private set; }

        public int Wrong { get; private set; }

        public int SectionsRight { get; private set; }

        public int SectionsMissed { get; private set; }

        public void Add(Comparison c)
        {
            Reports++;
            Right += c.Right;
            Null += c.NullForNumber;
            Wrong += c.Wrong.Count;
            SectionsRight += c.SectionsRight;
            SectionsMissed += c.SectionsMissed;
        }

        public override string ToString() =>
            $"{Reports} reports; figures {Right} right, {Null} null with a diagnostic, {Wrong} wrong; sections {SectionsRight} found, {SectionsMissed} missed";
    }
}
