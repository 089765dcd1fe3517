using ReportParser.Checks;
using ReportParser.Model;
using Xunit;
using ReportParser.Diagnostics;

namespace ReportParser.Tests.Tables;

/// <summary>The three tables of the seeds, cell by cell against the source text, and the checks on them.</summary>
public sealed class SeedTableTests
{
    [Fact]
    public void Seed002_gov2021_tables_match_the_source()
    {
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSeed("002", TemplateNames.Gov2021));

        Assert.Equal("""
            table2 gov2021 complete
            art20_1.regulations | 0 | 0 | 0
            art20_1.normative_documents | 0 | 0 | 0
            art20_5.administrative_license | 42975
            art20_6.administrative_penalty | 0
            art20_6.administrative_coercion | 0
            art20_8.administrative_fee | 42.39
            """, TableTestDocuments.Dump(tables.Table("table2")));
        Assert.Equal("""
            table3 gov2021 complete
            new_received | 16 | 0 | 0 | 0 | 0 | 0 | 16
            carried_over | 0 | 0 | 0 | 0 | 0 | 0 | 0
            granted | 4 | 0 | 0 | 0 | 0 | 0 | 4
            partially_granted | 12 | 0 | 0 | 0 | 0 | 0 | 12
            denied.state_secret | 0 | 0 | 0 | 0 | 0 | 0 | 0
            denied.law_prohibited | 0 | 0 | 0 | 0 | 0 | 0 | 0
            denied.security_stability | 0 | 0 | 0 | 0 | 0 | 0 | 0
            denied.third_party_rights | 0 | 0 | 0 | 0 | 0 | 0 | 0
            denied.internal_affairs | 0 | 0 | 0 | 0 | 0 | 0 | 0
            denied.process_info | 0 | 0 | 0 | 0 | 0 | 0 | 0
            denied.enforcement_case_file | 0 | 0 | 0 | 0 | 0 | 0 | 0
            denied.administrative_query | 0 | 0 | 0 | 0 | 0 | 0 | 0
            unable.not_held | 0 | 0 | 0 | 0 | 0 | 0 | 0
            unable.needs_creation | 0 | 0 | 0 | 0 | 0 | 0 | 0
            unable.still_unclear | 0 | 0 | 0 | 0 | 0 | 0 | 0
            not_processed.petition_complaint | 0 | 0 | 0 | 0 | 0 | 0 | 0
            not_processed.duplicate | 0 | 0 | 0 | 0 | 0 | 0 | 0
            not_processed.publication | 0 | 0 | 0 | 0 | 0 | 0 | 0
            not_processed.excessive | 0 | 0 | 0 | 0 | 0 | 0 | 0
            not_processed.confirm_or_reissue | 0 | 0 | 0 | 0 | 0 | 0 | 0
            other.no_correction | 0 | 0 | 0 | 0 | 0 | 0 | 0
            other.fee_unpaid | 0 | 0 | 0 | 0 | 0 | 0 | 0
            other.other | 0 | 0 | 0 | 0 | 0 | 0 | 0
            results_total | 16 | 0 | 0 | 0 | 0 | 0 | 16
            carried_forward | 0 | 0 | 0 | 0 | 0 | 0 | 0
            """, TableTestDocuments.Dump(tables.Table("table3")));
        Assert.Equal("""
            table4 gov2021 complete
            admin_review | 0 | 0 | 0 | 0 | 0
            litigation_direct | 0 | 0 | 0 | 0 | 0
            litigation_after_review | 0 | 0 | 0 | 0 | 0
            """, TableTestDocuments.Dump(tables.Table("table4")));

        var table3 = tables.Table("table3");
        Assert.Equal(3, table3.Section);
        Assert.Equal(53, table3.Line);
        Assert.Equal(66, table3.Rows[0].Line);
        Assert.Equal(["natural_person", "commercial_enterprise", "research_institution", "public_interest_org", "legal_service_org", "other_org", "total"],
            table3.Columns.Select(c => c.Key));
        Assert.Equal(["issued", "repealed", "in_force", "decisions", "fee_amount"], tables.Table("table2").Columns.Select(c => c.Key));
        Assert.DoesNotContain(bag.Items, d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void Seed003_gov2019_tables_match_the_source()
    {
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSeed("003", TemplateNames.Gov2019));

        Assert.Equal("""
            table2 gov2019 complete
            art20_1.regulations | 0 | 0 | 0
            art20_1.normative_documents | 2 | 2 | 2
            art20_5.administrative_license | 0 | 0 | 0
            art20_5.other_external_services | 0 | 0 | 0
            art20_6.administrative_penalty | 0 | 0 | 0
            art20_6.administrative_coercion | 0 | 0 | 0
            art20_8.administrative_fee | 0 | 0
            art20_9.centralized_procurement | 8 | 3292078 "3292078元"
            """, TableTestDocuments.Dump(tables.Table("table2")));
        var table3 = TableTestDocuments.Dump(tables.Table("table3"));
        Assert.StartsWith("""
            table3 gov2019 complete
            new_received | 1 | 0 | 0 | 0 | 0 | 0 | 1
            carried_over | 0 | 0 | 0 | 0 | 0 | 0 | 0
            """, table3);
        Assert.Contains("\ndenied.third_party_rights | 1 | 0 | 0 | 0 | 0 | 0 | 1\n", table3);
        Assert.Contains("\nnot_processed.confirm_or_reissue | 0 | 0 | 0 | 0 | 0 | 0 | 0\nother | 0 | 0 | 0 | 0 | 0 | 0 | 0\nresults_total | 1 | 0 | 0 | 0 | 0 | 0 | 1\n", table3);
        Assert.EndsWith("\ncarried_forward | 0 | 0 | 0 | 0 | 0 | 0 | 0", table3);
        Assert.Equal(23, tables.Table("table3").Rows.Count);
        Assert.Equal("""
            table4 gov2019 complete
            admin_review | 0 | 0 | 0 | 0 | 0
            litigation_direct | 0 | 0 | 0 | 0 | 0
            litigation_after_review | 0 | 0 | 0 | 0 | 0
            """, TableTestDocuments.Dump(tables.Table("table4")));
        Assert.DoesNotContain(bag.Items, d => d.Severity != DiagnosticSeverity.Info);
    }

    [Theory]
    [InlineData("002", TemplateNames.Gov2021, 21)]
    [InlineData("003", TemplateNames.Gov2019, 19)]
    public void Every_rule_passes_on_the_seeds(string seed, string template, int outcomeRows)
    {
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSeed(seed, template));
        var checks = new TableChecker().Check(tables, bag);

        Assert.All(checks, c => Assert.Equal(CheckStatus.Pass, c.Status));
        Assert.Equal(7, checks.Count(c => c.Rule == "T3_BALANCE"));
        Assert.Equal(7, checks.Count(c => c.Rule == "T3_RESULTS_SUM"));
        Assert.Equal(outcomeRows + 4, checks.Count(c => c.Rule == "T3_ROW_TOTAL"));
        Assert.Equal(3, checks.Count(c => c.Rule == "T4_BLOCK_TOTAL"));
        Assert.DoesNotContain(checks, c => c.Rule == "T3_SUBTOTAL_IF_PRESENT");
        Assert.Contains($" of {outcomeRows} outcome rows are 0)", checks.First(c => c.Rule == "T3_RESULTS_SUM").Message);
        Assert.All(checks, c => Assert.Null(c.Operands));
        Assert.False(bag.HasErrors);
    }

    [Fact]
    public void Seed002_check_messages_show_the_numbers()
    {
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSeed("002", TemplateNames.Gov2021));
        var checks = new TableChecker().Check(tables, bag);

        Assert.Equal("本年新收 16 + 上年结转 0 = 办理结果总计 16 + 结转下年度 0 = 16", checks.Single(c => c.Rule == "T3_BALANCE" && c.Column == "total").Message);
        Assert.StartsWith("办理结果总计 16 = （一）予以公开 4 + （二）部分公开 12 = 16 (the other ", checks.Single(c => c.Rule == "T3_RESULTS_SUM" && c.Column == "natural_person").Message);
        Assert.Equal("总计 16 = 自然人 16 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 16", checks.Single(c => c.Rule == "T3_ROW_TOTAL" && c.Row == "new_received").Message);
    }

    [Fact]
    public void Seed004_tables_are_absent_with_a_warning_each_and_no_values()
    {
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSeed("004", TemplateNames.Gov2019));

        Assert.Equal(["table2", "table3", "table4"], tables.Select(t => t.Key));
        Assert.All(tables, t =>
        {
            Assert.Equal(TableStatus.Absent, t.Status);
            Assert.Empty(t.Rows);
        });
        Assert.Equal(3, bag.Items.Count(d => d.Code == "RP3001" && d.Severity == DiagnosticSeverity.Warning));
        Assert.Empty(new TableChecker().Check(tables, bag));
    }
}
