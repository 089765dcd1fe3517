using ReportParser.Model;

namespace ReportParser.Tests.Tables;

/// <summary>Table shapes seen on real sites beyond the seeds, end to end through the pipeline.</summary>
public class ScrapeShapeTests
{
    private static ReportDocument Parse(string relative) =>
        new ReportPipeline().Parse(ReportSource.FromFile(Path.Combine(TestPaths.Output, relative), relative)).Document;

    private static decimal? Cell(ReportDocument doc, string table, string row, string column) =>
        doc.Tables!.Single(t => t.Key == table).Rows.Single(r => r.Key == row).Values[column];

    [Fact]
    public void Bare_pipe_lines_that_do_not_complete_a_row_are_blank_cells_not_padding()
    {
        // "12 |" then five bare "|" lines then "12 |" then "||": the five are the blank 法人 columns.
        var doc = Parse("samples/bare-pipe-blanks/report.txt");
        Assert.Equal(12, Cell(doc, "table3", "new_received", "natural_person"));
        Assert.Null(Cell(doc, "table3", "new_received", "commercial_enterprise"));
        Assert.Null(Cell(doc, "table3", "new_received", "other_org"));
        Assert.Equal(12, Cell(doc, "table3", "new_received", "total"));
        Assert.Equal(7, Cell(doc, "table3", "granted", "natural_person"));
        Assert.Equal(7, Cell(doc, "table3", "granted", "total"));
        Assert.Equal(5, Cell(doc, "table3", "unable.not_held", "total"));
        Assert.Equal(TableStatus.Complete, doc.Tables!.Single(t => t.Key == "table3").Status);
    }

    [Fact]
    public void A_mistyped_row_label_is_matched_to_the_only_close_row_with_a_warning()
    {
        var doc = Parse("samples/bare-pipe-blanks/report.txt");
        var table3 = doc.Tables!.Single(t => t.Key == "table3");
        Assert.Null(table3.ExtraRows);
        Assert.Contains(table3.Rows, r => r.Key == "denied.internal_affairs" && r.Line is not null);
        var warning = Assert.Single(doc.Diagnostics, d => d.Code == "RP3016");
        Assert.Contains("属于三类内容事务信息", warning.Message);
    }

    [Fact]
    public void A_sum_rule_with_blank_parts_stays_not_assessable_but_says_what_zeros_would_give()
    {
        var doc = Parse("samples/bare-pipe-blanks/report.txt");
        var check = doc.Checks!.Single(c => c.Rule == "T3_RESULTS_SUM" && c.Column == "natural_person");
        Assert.Equal(CheckStatus.NotAssessable, check.Status);
        Assert.EndsWith("with blank cells counted as 0 it would pass (办理结果总计 12 = 12)", check.Message);
        Assert.All(check.Operands!, o => Assert.Null(o.Value));
        Assert.Contains(check.Operands!, o => o.Side == "right" && o.Column == "natural_person");
    }

    [Fact]
    public void Padding_that_completes_the_row_still_ends_it_in_the_seeds()
    {
        var doc = Parse("seeds/002_ed5f9074cb8b6cc8.txt");
        Assert.Equal(16, Cell(doc, "table3", "new_received", "total"));
        Assert.Equal(0, Cell(doc, "table3", "new_received", "commercial_enterprise"));
        Assert.Equal(42975, Cell(doc, "table2", "art20_5.administrative_license", "decisions"));
    }
}

public class RowSeparatorShapeTests
{
    private static readonly ReportDocument Doc = new ReportPipeline().Parse(ReportSource.FromFile(
        Path.Combine(TestPaths.Output, "samples/row-separator-pipes/report.txt"), "samples/row-separator-pipes/report.txt")).Document;

    [Fact]
    public void A_bare_pipe_before_every_row_and_inline_padding_after_the_last_cell_give_exact_tables()
    {
        var table3 = Doc.Tables!.Single(t => t.Key == "table3");
        Assert.Equal(TableStatus.Complete, table3.Status);
        Assert.Equal(8, table3.Rows.Single(r => r.Key == "results_total").Values["total"]);
        Assert.Equal(1, table3.Rows.Single(r => r.Key == "denied.process_info").Values["natural_person"]);
        Assert.All(Doc.Checks!, c => Assert.Equal(CheckStatus.Pass, c.Status));
        Assert.Equal(TableStatus.Complete, Doc.Tables!.Single(t => t.Key == "table4").Status);
    }

    [Fact]
    public void A_header_cell_that_reads_like_a_row_label_does_not_take_the_row()
    {
        Assert.DoesNotContain(Doc.Diagnostics, d => d.Code == "RP3003");
    }

    [Fact]
    public void A_blank_cell_before_the_row_separator_is_null()
    {
        var regulations = Doc.Tables!.Single(t => t.Key == "table2").Rows.Single(r => r.Key == "art20_1.regulations");
        Assert.Equal([0m, 0m, null], regulations.Values.Values);
    }
}
