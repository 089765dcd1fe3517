using ReportParser.Templates;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Panel;

namespace ReportParser.Tests.Panel;

public class ProseFactTests
{
    private static ReportDocument Report(string prose, int year = 2025, params (string Table, string Row, string Column, decimal? Value, string? Raw)[] cells) =>
        PanelDocuments.Report("r.txt", "某局", year, cells: cells) with
        {
            Sections = [new Section(1, "一、", "总体情况", "overview", 3, prose, [])],
        };

    [Theory]
    [InlineData("全年共收到政府信息公开申请70件，其中自然人申请64件。", "table3.new_received.total=70;table3.new_received.natural_person=64")]
    [InlineData("上年结转1件，结转下年度继续办理2件。", "table3.carried_over.total=1;table3.carried_forward.total=2")]
    [InlineData("给予同意公开答复 1 件，不予公开答复3件，区分处理后公开11件，因无法提供相关信息答复2件，其他处理2件。", "table3.granted.total=1;table3.denied.total=3;table3.partially_granted.total=11;table3.unable.total=2;table3.other.total=2")]
    [InlineData("因依申请公开引发行政复议1起、行政诉讼1起。", "table4.admin_review.total=1;table4.litigation.total=1")]
    [InlineData("申请均在法定期限内办结，办结率100%。", "table3.completion_rate=100")]
    public void A_statement_that_names_one_table_quantity_is_mapped_to_its_cell(string prose, string expected)
    {
        var facts = new ProseFactExtractor().Extract(Report(prose));
        Assert.Equal(expected, string.Join(";", facts.Select(f => $"{f.Cell}={f.Value}")));
        Assert.All(facts, f => Assert.Equal(3, f.Line));
    }

    [Theory]
    [InlineData("依申请公开信息数161条，不予公开信息数96条。")]
    [InlineData("今年我局共受理办结2件依申请公开信息。")]
    [InlineData("网上服务平台共受理公安业务6945件，办结率达99.3%。")]
    [InlineData("全年共受理政府信息公开申请2件，按时办结率100%。")]
    [InlineData("2024年共收到政府信息公开申请5件。")]
    public void A_statement_that_does_not_name_one_cell_of_this_years_tables_is_left_out(string prose)
    {
        var facts = new ProseFactExtractor().Extract(Report(prose));
        Assert.DoesNotContain(facts, f => f.Cell != "table3.new_received.total" || prose.StartsWith("2024", StringComparison.Ordinal));
    }

    [Fact]
    public void Facts_are_held_to_their_cells_and_a_rate_to_the_ratio_it_implies()
    {
        var document = Report("全年共受理政府信息公开申请21件，无法提供2件，答复率和办结率均为100%。", 2025,
        [
            ("table3", "new_received", "total", 21, null),
            ("table3", "carried_over", "total", 0, null),
            ("table3", "results_total", "total", 19, null),
            ("table3", "unable.not_held", "total", 0, null),
            ("table3", "unable.needs_creation", "total", 0, null),
            ("table3", "unable.still_unclear", "total", 0, null),
        ]);
        var facts = new ProseFactExtractor().Extract(document);
        var bag = new DiagnosticBag();
        var checks = new ProseFactChecker().Check(document, facts, bag);
        Assert.Equal(
            [
                "P_T3_NEW_TOTAL pass: the prose says 21件 = table 21",
                "P_T3_UNABLE fail: the prose says 2件 ≠ table 0",
                "P_T3_COMPLETION_RATE fail: the prose says 100% ≠ table （七）总计 19 ÷ (一 21 + 二 0) = 90.48%",
            ],
            checks.Select(c => $"{c.Rule} {c.Status}: {c.Message}"));
        Assert.Equal(2, bag.Items.Count(d => d.Code == "RP4005"));
    }

    [Fact]
    public void A_rate_passes_when_the_ratio_rounds_to_it()
    {
        var document = Report("收到政府信息公开申请3件，办结率为66.7%。", 2025,
        [
            ("table3", "new_received", "total", 3, null),
            ("table3", "carried_over", "total", 0, null),
            ("table3", "results_total", "total", 2, null),
        ]);
        var checks = new ProseFactChecker().Check(document, new ProseFactExtractor().Extract(document), new DiagnosticBag());
        Assert.All(checks, c => Assert.Equal(CheckStatus.Pass, c.Status));
    }
}

/// <summary>A 2008–2018 report's prose against its own statistics table (legacy_stats).</summary>
public class LegacyProseFactTests
{
    private static ReportDocument Legacy(string prose, LegacyStats? stats) =>
        PanelDocuments.Report("r.txt", "某局", 2012) with
        {
            Metadata = new ReportMetadata { ReportYear = 2012, Template = TemplateNames.Legacy },
            Sections = [new Section(1, "一、", "概述", "overview", 3, prose, [])],
            LegacyStats = stats,
        };

    private static LegacyRow Row(string key, string label, string unit, params decimal?[] values) =>
        new() { Key = key, Label = label, NormalizedLabel = label, Unit = unit, Values = values, Raw = "", Line = 9 };

    [Fact]
    public void Requests_replies_review_litigation_and_fees_in_prose_name_the_legacy_cells()
    {
        var facts = new ProseFactExtractor().Extract(Legacy(
            "2012年共收到政府信息公开申请5件，同意公开答复3件，不予公开答复2件；引发行政复议1件、行政诉讼0件；收取检索费共120元。", null));
        Assert.Equal("legacy.requests.received.year=5;legacy.replies.granted.year=3;legacy.replies.denied.year=2;legacy.review.count.year=1;legacy.litigation.count.year=0;legacy.fees.amount.year=120",
            string.Join(";", facts.Select(f => $"{f.Cell}={f.Value}")));
        Assert.Equal(["P_L_REQUESTS", "P_L_GRANTED", "P_L_DENIED", "P_L_REVIEW", "P_L_LITIGATION", "P_L_FEES"], facts.Select(f => f.Rule));
    }

    [Fact]
    public void Legacy_facts_are_checked_against_the_first_column_of_the_year_and_fees_in_yuan()
    {
        var stats = new LegacyStats
        {
            Line = 9,
            Columns = ["2012年度", "历年累计"],
            Rows = [Row("requests.received", "受理政府信息公开申请总数", "条", 13, 36), Row("fees.amount", "收取费用", "万元", 0.012m, 0.1m)],
        };
        var document = Legacy("2012年我局受理依申请公开11件。收取费用120元。", stats);
        var bag = new DiagnosticBag();
        var checks = new ProseFactChecker().Check(document, new ProseFactExtractor().Extract(document), bag);
        Assert.Equal([CheckStatus.Fail, CheckStatus.Pass], checks.Select(c => c.Status));
        Assert.Contains("11件 ≠ table 13条 (受理政府信息公开申请总数, 2012年度)", checks[0].Message, StringComparison.Ordinal);
        Assert.Equal(("legacy", "requests.received", "year"), (checks[0].Table, checks[0].Row, checks[0].Column));
        Assert.Single(bag.Items, d => d.Code == "RP4005");
    }

    [Fact]
    public void A_fee_in_ten_thousands_of_yuan_is_read_and_compared_in_yuan()
    {
        var stats = new LegacyStats { Line = 9, Columns = ["本年"], Rows = [Row("fees.amount", "收取费用", "元", 12000)] };
        var document = Legacy("全年收取复制费 1.2 万元。", stats);
        var fact = Assert.Single(new ProseFactExtractor().Extract(document));
        Assert.Equal((1.2m, "万元", ProseFactPatterns.LegacyFees), (fact.Value, fact.Unit, fact.Cell));
        Assert.Equal(CheckStatus.Pass, Assert.Single(new ProseFactChecker().Check(document, [fact], new DiagnosticBag())).Status);
    }

    [Fact]
    public void A_legacy_report_reads_no_national_table_phrase()
    {
        var facts = new ProseFactExtractor().Extract(Legacy("结转下年度继续办理2件，办结率100%。", null));
        Assert.Empty(facts);
    }
}
