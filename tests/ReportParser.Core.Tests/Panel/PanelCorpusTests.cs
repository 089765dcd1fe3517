using ReportParser.Model;
using ReportParser.Output;
using ReportParser.Panel;
using ReportParser.Templates;
using ReportParser.Tests.Corpus;

namespace ReportParser.Tests.Panel;

/// <summary>
/// The panel over the pingtan corpus against hand-checked data (<c>Panel/Expected</c>, read from the reports'
/// own text): every report's agency, every X_T3_CARRY instance, the real cross-year inconsistencies, the
/// duplicate agency-years (HTML twins), and the golden panel CSV.
/// </summary>
public class PanelCorpusTests
{
    private static readonly Lazy<ReportPanel> Built = new(Build);

    private static string ExpectedFolder => Path.Combine(TestPaths.Output, "Panel", "Expected");

    /// <summary>The corpus parsed once for every test here; each report named <c>pingtan/NNN_….txt</c> as the CLI names it from the corpus root.</summary>
    private static ReportPanel Build()
    {
        string root = RealCorpus.Root();
        var pipeline = new ReportPipeline();
        var documents = new List<ReportDocument>();
        foreach (string report in RealCorpus.Reports())
        {
            if (report.StartsWith("pingtan/", StringComparison.Ordinal))
            {
                documents.Add(pipeline.Parse(ReportSource.FromFile(Path.Combine(root, report), report)).Document);
            }
        }

        return new PanelBuilder().Build(documents);
    }

    private static List<string[]> ReadCsv(string name)
    {
        var rows = new List<string[]>();
        foreach (string line in File.ReadAllLines(Path.Combine(ExpectedFolder, name)).Skip(1))
        {
            rows.Add(line.Split(','));
        }

        return rows;
    }

    [Fact]
    public void Every_report_is_grouped_with_its_hand_checked_agency_and_no_other()
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in ReadCsv("pingtan-agencies.csv"))
        {
            expected["pingtan/" + row[0]] = row[1];
        }

        var panel = Built.Value;
        Assert.Equal(expected.Count, panel.Rows.Count);
        var idByAgency = new Dictionary<string, string>(StringComparer.Ordinal);
        var agencyById = new Dictionary<string, string>(StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (var row in panel.Rows)
        {
            string agency = expected[row.File];
            string id = row.Agency.AgencyId;
            if (idByAgency.TryGetValue(agency, out string? seenId) && seenId != id)
            {
                wrong.Add($"{row.File}: {agency} split across \"{seenId}\" and \"{id}\"");
            }

            if (agencyById.TryGetValue(id, out string? seenAgency) && seenAgency != agency)
            {
                wrong.Add($"{row.File}: \"{id}\" merges {seenAgency} and {agency}");
            }

            idByAgency[agency] = id;
            agencyById[id] = agency;
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(29, idByAgency.Count);
    }

    [Fact]
    public void Every_X_T3_CARRY_result_matches_the_figures_read_from_the_reports()
    {
        var catalog = TemplateCatalog.Default;
        string carriedOver = catalog.Get(TableKeys.Table3, TemplateNames.Gov2021).Row(Table3Keys.CarriedOver)!.Label;
        string carriedForward = catalog.Get(TableKeys.Table3, TemplateNames.Gov2021).Row(Table3Keys.CarriedForward)!.Label;
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in ReadCsv("pingtan-x-t3-carry.csv"))
        {
            int olderYear = int.Parse(Path.GetFileNameWithoutExtension(row[0])[^4..]);
            int newerYear = int.Parse(Path.GetFileNameWithoutExtension(row[1])[^4..]);
            string sign = row[5] == CheckStatus.Pass ? "=" : "≠";
            expected.Add($"pingtan/{row[0]} → pingtan/{row[1]} {row[2]}: {row[5]}: {newerYear}年 {carriedOver} {row[4]} {sign} {olderYear}年 {carriedForward} {row[3]}");
        }

        var actual = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var c in Built.Value.CrossChecks)
        {
            if (c.Rule == CrossYearRules.T3Carry)
            {
                actual.Add($"{c.OlderFile} → {c.NewerFile} {c.Column}: {c.Status}: {c.Message}");
            }
        }

        Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));
    }

    [Fact]
    public void The_real_cross_year_inconsistencies_of_the_corpus_are_found()
    {
        // 2019 表二 行政许可 上一年项目数量 0, 本年增/减 0 (033: "行政许可000"); 2020 上一年项目数量 is 2, 20 or 201
        // whichever way "行政许可20180" splits (042): not 0 in any reading.
        var failures = new List<string>();
        foreach (var c in Built.Value.CrossChecks)
        {
            if (c.Status == CheckStatus.Fail)
            {
                failures.Add($"{c.OlderFile} → {c.NewerFile} {c.Rule} {c.Row}");
            }
        }

        Assert.Contains("pingtan/033_ziran-ziyuan_2019.txt → pingtan/042_ziran-ziyuan_2020.txt X_T2_ITEMS art20_5.administrative_license", failures);
        // 2019 "行政强制3100" gives 上一年 + 增减 = 3 + 10 or 31 + 0; 2020 "行政强制000" says 上一年项目数量 0.
        Assert.Contains("pingtan/031_shichang-jianguan_2019.txt → pingtan/040_shichang-jianguan_2020.txt X_T2_ITEMS art20_6.administrative_coercion", failures);
        var license = Built.Value.CrossChecks.First(c => c.NewerFile.EndsWith("042_ziran-ziyuan_2020.txt") && c.Row == "art20_5.administrative_license" && c.OlderFile.EndsWith(".txt"));
        Assert.Contains("∈ {2, 20, 201} (run 20180)", license.Message);
        Assert.Equal(10, license.NewerLine);
    }

    [Fact]
    public void Each_HTML_twin_is_listed_beside_its_text_and_flagged_not_merged()
    {
        var twins = Built.Value.Rows.Where(r => r.File.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, twins.Count);
        foreach (var twin in twins)
        {
            Assert.Equal([twin.File[..^5] + ".txt"], twin.DuplicateFiles);
            Assert.Contains(twin.Diagnostics, d => d.Code == "RP5002");
        }
    }

    [Fact]
    public void The_panel_CSV_matches_its_reviewed_golden_file()
    {
        var writer = new StringWriter();
        PanelWriter.WriteCsv(Built.Value, writer);
        string actual = writer.ToString();
        string golden = Path.Combine(ExpectedFolder, "pingtan.panel.csv");
        if (Environment.GetEnvironmentVariable("REPORTPARSER_UPDATE_GOLDEN") == "1")
        {
            string source = Path.Combine(TestPaths.RepositoryRoot()!, "tests", "ReportParser.Core.Tests", "Panel", "Expected", "pingtan.panel.csv");
            File.WriteAllText(source, actual);
            return;
        }

        Assert.True(File.Exists(golden), "no golden panel: run REPORTPARSER_UPDATE_GOLDEN=1 dotnet test and review Panel/Expected/pingtan.panel.csv");
        Assert.Equal(File.ReadAllText(golden), actual);
    }
}
