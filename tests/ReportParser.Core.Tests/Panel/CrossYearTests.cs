using ReportParser.Model;
using ReportParser.Panel;
using ReportParser.Templates;
using static ReportParser.Tests.Panel.PanelDocuments;

namespace ReportParser.Tests.Panel;

public class CrossYearTests
{
    private static readonly CrossYearChecker Checker = new(TemplateCatalog.Default);

    [Fact]
    public void Across_the_2020_to_2021_change_only_the_carry_rule_applies()
    {
        var rules = CrossYearRules.For(TemplateCatalog.Default, TemplateNames.Gov2019, TemplateNames.Gov2021);
        Assert.All(rules, r => Assert.Equal(CrossYearRules.T3Carry, r.Rule));
        Assert.Equal(7, rules.Count);
    }

    [Fact]
    public void The_2019_template_asks_the_items_rule_on_every_row_with_last_year_and_change_columns()
    {
        var rules = CrossYearRules.For(TemplateCatalog.Default, TemplateNames.Gov2019, TemplateNames.Gov2019);
        var items = rules.Where(r => r.Rule == CrossYearRules.T2Items).Select(r => r.Row).ToList();
        Assert.Equal(["art20_5.administrative_license", "art20_5.other_external_services", "art20_6.administrative_penalty", "art20_6.administrative_coercion", "art20_8.administrative_fee"], items);
        Assert.DoesNotContain(rules, r => r.Rule == CrossYearRules.T2InForce);
    }

    [Fact]
    public void The_2021_template_asks_the_soft_in_force_relation_and_says_it_is_not_official()
    {
        var older = Report("2022.txt", "某局", 2022, cells: [("table2", "art20_1.normative_documents", "in_force", 10, null)]);
        var newer = Report("2023.txt", "某局", 2023, cells:
        [
            ("table2", "art20_1.normative_documents", "in_force", 11, null),
            ("table2", "art20_1.normative_documents", "issued", 3, null),
            ("table2", "art20_1.normative_documents", "repealed", 1, null),
        ]);
        var result = Checker.Check("a", older, newer).Single(r => r.Rule == CrossYearRules.T2InForce && r.Row == "art20_1.normative_documents");
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.False(result.Official);
        Assert.StartsWith("2023年 现行有效件数 11 ≠ 2022年 现行有效件数 10 + 2023年 本年制发件数 3 − 2023年 本年废止件数 1 (11 ≠ 12)", result.Message);
        Assert.Contains("not an official rule", result.Message);
    }

    [Theory]
    [InlineData(2, 2, CheckStatus.Pass, "2021年 二、上年结转政府信息公开申请数量 2 = 2020年 四、结转下年度继续办理 2")]
    [InlineData(3, 2, CheckStatus.Fail, "2021年 二、上年结转政府信息公开申请数量 3 ≠ 2020年 四、结转下年度继续办理 2")]
    [InlineData(null, 2, CheckStatus.NotAssessable, "blank or missing: 2021年 二、上年结转政府信息公开申请数量 (table3.carried_over.natural_person)")]
    public void The_carry_rule_compares_this_years_carried_over_with_last_years_carried_forward(int? carriedOver, int carriedForward, string status, string message)
    {
        var older = Report("2020.txt", "某局", 2020, TemplateNames.Gov2019, cells: Carry(0, carriedForward));
        var newer = Report("2021.txt", "某局", 2021, cells: Carry(carriedOver, 0));
        var result = Checker.Check("a", older, newer).Single(r => r.Column == "natural_person");
        Assert.Equal(status, result.Status);
        Assert.Equal(message, result.Message);
        Assert.Equal(("2020.txt", 10, "2021.txt", 10), (result.OlderFile, result.OlderLine, result.NewerFile, result.NewerLine));
    }

    [Fact]
    public void A_run_of_digits_decides_the_items_rule_when_every_split_agrees()
    {
        var older = Report("2019.txt", "某局", 2019, TemplateNames.Gov2019, cells:
        [
            ("table2", "art20_5.administrative_license", "prev_year_items", 0, null),
            ("table2", "art20_5.administrative_license", "change_this_year", 0, null),
        ]);
        var newer = Report("2020.txt", "某局", 2020, TemplateNames.Gov2019, cells:
        [
            ("table2", "art20_5.administrative_license", "prev_year_items", null, "20180"),
            ("table2", "art20_5.administrative_license", "change_this_year", null, "20180"),
            ("table2", "art20_5.administrative_license", "decisions", null, "20180"),
        ]);
        var result = Checker.Check("a", older, newer).Single(r => r.Row == "art20_5.administrative_license");
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal("2020年 上一年项目数量 ∈ {2, 20, 201} (run 20180) vs 2019年 上一年项目数量 0 + 2019年 本年增/减 0: fails for every split of the digits that ran together", result.Message);
    }

    [Fact]
    public void A_run_of_digits_some_splits_of_which_fit_leaves_the_rule_not_assessable()
    {
        var older = Report("2019.txt", "某局", 2019, TemplateNames.Gov2019, cells:
        [
            ("table2", "art20_6.administrative_penalty", "prev_year_items", 20, null),
            ("table2", "art20_6.administrative_penalty", "change_this_year", 0, null),
        ]);
        var newer = Report("2020.txt", "某局", 2020, TemplateNames.Gov2019, cells:
        [
            ("table2", "art20_6.administrative_penalty", "prev_year_items", null, "2015"),
            ("table2", "art20_6.administrative_penalty", "change_this_year", null, "2015"),
            ("table2", "art20_6.administrative_penalty", "decisions", null, "2015"),
        ]);
        var result = Checker.Check("a", older, newer).Single(r => r.Row == "art20_6.administrative_penalty");
        Assert.Equal(CheckStatus.NotAssessable, result.Status);
    }

    [Theory]
    [InlineData("20180", 3, 0, new[] { 2, 20, 201 })]
    [InlineData("20180", 3, 2, new[] { 0, 80, 180 })]
    [InlineData("000", 3, 1, new[] { 0 })]
    [InlineData("3705", 3, 0, new[] { 3, 37 })]
    public void The_candidates_of_a_cell_are_its_values_over_every_split_without_leading_zeros(string run, int cells, int index, int[] expected) =>
        Assert.Equal(expected.Select(x => (decimal)x), RunCandidates.Of(run, cells, index)!);

    [Theory]
    [InlineData("12", 3)]
    [InlineData("1-2", 2)]
    [InlineData("", 1)]
    public void A_run_too_short_or_not_all_digits_has_no_candidates(string run, int cells) =>
        Assert.Null(RunCandidates.Of(run, cells, 0));

    [Fact]
    public void A_second_report_of_one_agency_year_is_listed_and_flagged_and_both_are_checked()
    {
        var panel = new PanelBuilder().Build(
        [
            Report("2020.txt", "某局", 2020, cells: Carry(0, 1)),
            Report("2021.txt", "某局", 2021, cells: Carry(1, 0)),
            Report("2021-revised.txt", "某局", 2021, cells: Carry(2, 0)),
        ]);
        Assert.Equal(3, panel.Rows.Count);
        Assert.Equal(["2021-revised.txt"], panel.Rows.Single(r => r.File == "2021.txt").DuplicateFiles);
        Assert.Contains(panel.Diagnostics, d => d.Code == "RP5002" && d.Files.Count == 2);
        Assert.Equal(CheckStatus.Pass, panel.CrossChecks.Single(c => c.NewerFile == "2021.txt" && c.Column == "total").Status);
        Assert.Equal(CheckStatus.Fail, panel.CrossChecks.Single(c => c.NewerFile == "2021-revised.txt" && c.Column == "total").Status);
    }

    [Fact]
    public void Years_that_are_not_consecutive_are_not_compared()
    {
        var panel = new PanelBuilder().Build([Report("2019.txt", "某局", 2019, cells: Carry(0, 5)), Report("2021.txt", "某局", 2021, cells: Carry(0, 0))]);
        Assert.Empty(panel.CrossChecks);
        Assert.All(panel.Rows, r => Assert.Empty(r.PreviousYearFiles));
    }
}
