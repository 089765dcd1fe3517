using ReportParser.Checks;
using ReportParser.Tests.Tables;
using ReportParser.Diagnostics;
using ReportParser.Model;
using Xunit;

namespace ReportParser.Tests.Checks;

/// <summary>The 勾稽 rules on small tables built by hand.</summary>
public sealed class TableCheckerTests
{
    [Fact]
    public void Table4_block_total_failure_is_an_error_with_the_numbers()
    {
        var table = Table4((2, 1, 0, 0, 2), (0, 0, 0, 0, 0), (1, 0, 0, 0, 1));
        var bag = new DiagnosticBag();
        var checks = new TableChecker().Check([table], bag);

        var failed = Assert.Single(checks, c => c.Status == CheckStatus.Fail);
        Assert.Equal(("T4_BLOCK_TOTAL", "admin_review", "总计 2, but 结果维持 2 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 3 (difference 1)"), (failed.Rule, failed.Row, failed.Message));
        Assert.Equal(-1m, failed.Difference);
        Assert.Equal(
            ["left admin_review.total 2", "right admin_review.upheld 2", "right admin_review.corrected 1", "right admin_review.other_result 0", "right admin_review.pending 0"],
            failed.Operands!.Select(o => $"{o.Side} {o.Row}.{o.Column} {o.Value}"));
        var error = Assert.Single(bag.Items, d => d.Code == "RP4001");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(7, error.Line);
        Assert.Equal(2m, table.Rows[0].Values["total"]);
    }

    [Fact]
    public void Negative_or_fractional_counts_are_listed_one_by_one()
    {
        var table = Table4((1, 0, 0, 0, 1), (-1, 0, 0, 0, -1), (0.5m, 0, 0, 0, 0.5m));
        var bag = new DiagnosticBag();
        var checks = new TableChecker().Check([table], bag);

        Assert.Equal(4, checks.Count(c => c.Rule == "NON_NEGATIVE_INT" && c.Status == CheckStatus.Fail));
        Assert.Equal(4, bag.Items.Count(d => d.Code == "RP4003"));
    }

    [Fact]
    public void A_subtotal_row_a_report_added_is_checked_against_its_children()
    {
        string text = Table3Samples.Pipes(Table3Samples.Busy2021())
            .Replace("(三)不予公开 | ", "(三)不予公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n", StringComparison.Ordinal)
            .Replace("(四)无法提供 | ", "(四)无法提供 | 10 | 0 | 0 | 0 | 0 | 2 | 12\n", StringComparison.Ordinal);
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2021, (3, text)));
        var checks = new TableChecker().Check(tables, bag);

        Assert.Contains(tables.Table("table3").Rows, r => r.Key == "denied");
        var subtotals = checks.Where(c => c.Rule == "T3_SUBTOTAL_IF_PRESENT").ToList();
        Assert.Equal(14, subtotals.Count);
        // 4.保护第三方合法权益 has 1 in 其他 (other_org), which the added (三) subtotal row leaves out.
        var failed = subtotals.Where(c => c.Status == CheckStatus.Fail).Select(c => $"{c.Row}.{c.Column}");
        Assert.Equal(["denied.other_org", "denied.total"], failed);
        Assert.Contains(bag.Items, d => d.Code == "RP4004" && d.Severity == DiagnosticSeverity.Warning);
        Assert.DoesNotContain(bag.Items, d => d.Code == "RP4001");
    }

    [Fact]
    public void Absent_tables_are_not_checked()
    {
        var bag = new DiagnosticBag();
        var checks = new TableChecker().Check([new StatTable { Key = "table3", Section = 3, Template = "gov2021", Status = TableStatus.Absent }], bag);

        Assert.Empty(checks);
        Assert.Empty(bag.Items);
    }

    [Fact]
    public void One_summary_result_per_table_when_all_cells_are_valid()
    {
        var bag = new DiagnosticBag();
        var checks = new TableChecker().Check([Table4((0, 0, 0, 0, 0), (0, 0, 0, 0, 0), (0, 0, 0, 0, 0))], bag);

        var summary = Assert.Single(checks, c => c.Rule == "NON_NEGATIVE_INT");
        Assert.Equal("all 15 numeric cells are a non-negative integer", summary.Message);
    }

    private static StatTable Table4(params (decimal Upheld, decimal Corrected, decimal Other, decimal Pending, decimal Total)[] blocks)
    {
        string[] keys = ["admin_review", "litigation_direct", "litigation_after_review"];
        string[] columns = ["upheld", "corrected", "other_result", "pending", "total"];
        var rows = blocks.Select((b, i) => new TableRow
        {
            Key = keys[i],
            Label = keys[i],
            Line = 8,
            Values = new Dictionary<string, decimal?>
            {
                [columns[0]] = b.Upheld, [columns[1]] = b.Corrected, [columns[2]] = b.Other, [columns[3]] = b.Pending, [columns[4]] = b.Total,
            },
        }).ToArray();
        return new StatTable
        {
            Key = "table4",
            Section = 4,
            Template = "gov2021",
            Status = TableStatus.Complete,
            Line = 7,
            Columns = columns.Select(c => new TableColumn(c, c)).ToArray(),
            Rows = rows,
        };
    }
}
