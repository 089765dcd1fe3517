using System.Text.Json.Nodes;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

/// <summary><c>panel</c> and <c>compare</c> end to end, on reports of the pingtan series in <c>../shared/corpus</c>.</summary>
public class PanelCommandTests
{
    private static string Pingtan(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReportParser.sln")))
        {
            dir = dir.Parent;
        }

        string path = Path.GetFullPath(Path.Combine(dir?.FullName ?? ".", "..", "shared", "corpus", "pingtan", file));
        Assert.True(File.Exists(path), $"the real-report corpus was not found: {path} (the tests read it from the shared folder beside the repository clone)");
        return path;
    }

    [Fact]
    public void Panel_writes_one_row_per_agency_year_and_fails_on_a_cross_year_inconsistency()
    {
        using var dir = new TempDir();
        var run = Cli.Run("panel", Pingtan("031_shichang-jianguan_2019.txt"), Pingtan("040_shichang-jianguan_2020.txt"), Pingtan("047_shichang-jianguan_2021.txt"), "-o", dir["panel.csv"], "-q");
        Assert.Equal(1, run.ExitCode);
        var lines = File.ReadAllLines(dir["panel.csv"]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("agency_id,agency_name,evidence,evidence_key,report_year,file,", lines[0]);
        Assert.Contains("error X_T2_ITEMS: art20_6.administrative_coercion.prev_year_items", run.Stderr);
        Assert.Contains("040_shichang-jianguan_2020.txt:10:", run.Stderr);
    }

    [Fact]
    public void Panel_writes_JSON_Lines_with_the_cross_year_results_in_full()
    {
        var run = Cli.Run("panel", Pingtan("042_ziran-ziyuan_2020.txt"), Pingtan("048_ziran-ziyuan_2021.txt"), "-q");
        Assert.Equal(0, run.ExitCode);
        var rows = run.StdoutLines.Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(2, rows.Count);
        var checks = rows[1]["cross_checks"]!.AsArray();
        Assert.Equal(7, checks.Count);
        Assert.All(checks, c => Assert.Equal("X_T3_CARRY", (string)c!["rule"]!));
        Assert.Equal("2021年 二、上年结转政府信息公开申请数量 0 = 2020年 四、结转下年度继续办理 0", (string)checks[0]!["message"]!);
        var reuse = rows[1]["reuse"]!;
        Assert.EndsWith("042_ziran-ziyuan_2020.txt", (string)reuse["from"]!);
        Assert.True((int)reuse["reused_sentences"]! <= (int)reuse["prose_sentences"]!);
        Assert.Null(rows[0]["reuse"]);
    }

    [Fact]
    public void Panel_merges_what_a_mapping_file_says_and_refuses_a_bad_one()
    {
        using var dir = new TempDir();
        string mapping = dir.Write("agencies.csv", "match,agency\n**/035_*.txt,ptgz\n平潭综合实验区投资促进局,ptgz\n");
        var run = Cli.Run("panel", Pingtan("035_guozi_2020.txt"), Pingtan("060_touzi-cujin_2024.txt"), "--agencies", mapping, "-q");
        Assert.Equal(0, run.ExitCode);
        Assert.All(run.StdoutLines, l => Assert.Equal("ptgz", (string)JsonNode.Parse(l)!["agency_id"]!));

        string bad = dir.Write("bad.csv", "just-one-field\n");
        var refused = Cli.Run("panel", Pingtan("035_guozi_2020.txt"), "--agencies", bad, "-q");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("line 1: expected two fields", refused.Stderr);
    }

    [Fact]
    public void Panel_output_other_than_csv_jsonl_or_xlsx_is_a_usage_error()
    {
        using var dir = new TempDir();
        var run = Cli.Run("panel", Pingtan("035_guozi_2020.txt"), "-o", dir["panel.txt"], "-q");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("must end in .csv, .jsonl or .xlsx", run.Stderr);
    }

    [Fact]
    public void Panel_writes_a_workbook_with_the_csv_columns()
    {
        using var dir = new TempDir();
        var run = Cli.Run("panel", Pingtan("042_ziran-ziyuan_2020.txt"), Pingtan("048_ziran-ziyuan_2021.txt"), "-o", dir["panel.xlsx"], "-q");
        Assert.Equal(0, run.ExitCode);
        using var zip = System.IO.Compression.ZipFile.OpenRead(dir["panel.xlsx"]);
        string sheet = new StreamReader(zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Open()).ReadToEnd();
        string strings = zip.GetEntry("xl/sharedStrings.xml") is { } shared ? new StreamReader(shared.Open()).ReadToEnd() : sheet;
        Assert.Contains("cross_pass", strings);
        Assert.Contains("平潭综合实验区自然资源与生态环境局", strings);
        Assert.Matches("<(x:)?v>2021</(x:)?v>", sheet);
    }

    [Fact]
    public void Compare_lists_the_copied_sentences_and_the_cell_deltas()
    {
        var text = Cli.Run("compare", Pingtan("040_shichang-jianguan_2020.txt"), Pingtan("047_shichang-jianguan_2021.txt"), "-q");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("= 我局将政务舆情回应作为网络舆情处置工作的重要环节，严格落实政务舆情回应主体责任。", text.Stdout);
        Assert.Contains("table3.granted.natural_person: 0 → 3 (+3)", text.Stdout);

        var json = Cli.Run("compare", Pingtan("040_shichang-jianguan_2020.txt"), Pingtan("047_shichang-jianguan_2021.txt"), "-f", "json", "-q");
        var parsed = JsonNode.Parse(json.Stdout)!;
        var granted = parsed["cell_deltas"]!.AsArray().Single(d => (string)d!["cell"]! == "table3.granted.natural_person")!;
        Assert.Equal(3m, (decimal)granted["delta"]!);

        var html = Cli.Run("compare", Pingtan("040_shichang-jianguan_2020.txt"), Pingtan("047_shichang-jianguan_2021.txt"), "-f", "html", "-q");
        Assert.Equal(0, html.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", html.Stdout);
        Assert.Contains("<td>table3.granted.natural_person</td><td>0</td><td>3</td><td>+3</td>", html.Stdout);
        Assert.Contains("我局将政务舆情回应作为网络舆情处置工作的重要环节，严格落实政务舆情回应主体责任。", html.Stdout);
    }

    [Fact]
    public void Compare_takes_exactly_two_reports()
    {
        var run = Cli.Run("compare", Pingtan("040_shichang-jianguan_2020.txt"), "-q");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("compare takes two reports", run.Stderr);
    }
}
