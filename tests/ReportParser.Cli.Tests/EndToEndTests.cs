using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

/// <summary>The commands on real inputs from seeds/ and samples/, as a user or a CI job runs them.</summary>
public sealed class EndToEndTests
{
    private static string Input(string relative) => Path.Combine(AppContext.BaseDirectory, relative);

    [Fact]
    public void Validate_github_points_an_error_annotation_at_an_unbalanced_table_and_fails()
    {
        var run = Cli.Run("validate", "-f", "github", Input("samples/unbalanced-gov2019/report.txt"));
        Assert.Equal(1, run.ExitCode);
        var errors = run.StdoutLines.Where(l => l.StartsWith("::error ", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains(",line=26,title=RP4001::T3_BALANCE", e));
        Assert.Contains(errors, e => e.EndsWith("T3_BALANCE 表三 自然人: 本年新收 5 + 上年结转 1 = 6, but 办理结果总计 5 + 结转下年度 0 = 5 (difference 1)", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_passes_the_balanced_seeds()
    {
        var run = Cli.Run("validate", "-q", Input("seeds/002_ed5f9074cb8b6cc8.txt"), Input("seeds/003_cfe21c01c8bc6a87.txt"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(" error ", run.Stdout);
    }

    [Fact]
    public void Parse_of_a_seed_prints_its_tables()
    {
        var run = Cli.Run("parse", Input("seeds/002_ed5f9074cb8b6cc8.txt"));
        Assert.Equal(0, run.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var table3 = doc.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "table3");
        var newReceived = table3.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "new_received");
        Assert.Equal(16, newReceived.GetProperty("values").GetProperty("total").GetInt32());
    }

    [Fact]
    public void Cells_csv_keeps_signs_placeholders_and_units_from_a_real_report()
    {
        var run = Cli.Run("parse", "-f", "csv", Input("samples/unbalanced-gov2019/report.txt"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(",table2,art20_5.administrative_license,change_this_year,行政许可,本年增/减,-1,,", run.Stdout);
        Assert.Contains(",table2,art20_6.administrative_penalty,change_this_year,行政处罚,本年增/减,3,+3,", run.Stdout);
        Assert.Contains(",table2,art20_6.administrative_coercion,decisions,行政强制,处理决定数量,,-,", run.Stdout);
        Assert.Contains(",table2,art20_9.centralized_procurement,procurement_amount,政府集中采购,采购总金额,251000,251000元,", run.Stdout);
    }

    [Fact]
    public void Keep_original_writes_the_unconverted_text_of_a_traditional_report()
    {
        var run = Cli.Run("parse", "--keep-original", Input("seeds/001_4b30d49f840f22ab.txt"));
        Assert.Equal(0, run.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var first = doc.RootElement.GetProperty("sections")[0];
        Assert.StartsWith("(一)工作機構和人員落實情況。", first.GetProperty("original_text").GetString());
        Assert.DoesNotContain("original_text", Cli.Run("parse", Input("seeds/001_4b30d49f840f22ab.txt")).Stdout);
    }
}
