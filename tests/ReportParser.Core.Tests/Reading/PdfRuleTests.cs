using ReportParser.Reading;
using ReportParser.Text;

namespace ReportParser.Tests.Reading;

/// <summary>The PDF reader's named rules, each from its description.</summary>
public sealed class PdfRuleTests
{
    // A body 72–523 pt wide, 16 pt lines 28 pt apart (y grows upwards).
    private static PdfLine Line(double left, double right, double top, double height = 16) =>
        new("文", left, right, top, top - height, height);

    [Fact]
    public void A_line_that_reaches_the_right_margin_continues_into_an_unindented_next_line()
    {
        Assert.True(PdfReader.Wraps(Line(104, 522, 700), 523, Line(72, 300, 672), 72, sameColumn: true));
    }

    [Fact]
    public void A_short_line_ends_its_paragraph()
    {
        Assert.False(PdfReader.Wraps(Line(104, 300, 700), 523, Line(72, 523, 672), 72, sameColumn: true));
    }

    [Fact]
    public void An_indented_next_line_starts_a_paragraph()
    {
        Assert.False(PdfReader.Wraps(Line(72, 522, 700), 523, Line(104, 523, 672), 72, sameColumn: true));
    }

    [Fact]
    public void A_heading_in_a_larger_font_stays_apart()
    {
        Assert.False(PdfReader.Wraps(Line(72, 522, 700), 523, Line(72, 300, 672, height: 22), 72, sameColumn: true));
    }

    [Fact]
    public void A_blank_line_between_two_lines_on_a_page_separates_them_but_a_page_break_does_not()
    {
        Assert.False(PdfReader.Wraps(Line(72, 522, 700), 523, Line(72, 300, 640), 72, sameColumn: true));
        Assert.True(PdfReader.Wraps(Line(72, 522, 80), 523, Line(72, 300, 770), 72, sameColumn: false));
    }

    [Fact]
    public void Centred_title_lines_of_one_size_are_one_title_and_a_left_aligned_line_is_not()
    {
        // 洪泽区人民政府 / 2023年政府信息公开工作年度报告, centred on 72–523.
        Assert.True(PdfReader.IsTitleRun(Line(240, 355, 760, 22), Line(160, 435, 732, 22), 72, 523));
        Assert.False(PdfReader.IsTitleRun(Line(240, 355, 760, 22), Line(72, 523, 732, 22), 72, 523));
        Assert.False(PdfReader.IsTitleRun(Line(240, 355, 760, 22), Line(160, 435, 732, 16), 72, 523));
    }

    [Fact]
    public void Chinese_text_is_legible_and_mojibake_or_glyph_numbers_are_not()
    {
        Assert.False(Garbage("本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》规定编制。2024年，全市共受理政府信息公开申请3119件。"));
        Assert.True(Garbage("æ¿å”ä¿¡æﬂå‹å…å„·å”ƒæ¥å2023 å„· åä”‹å‚ä‚ªæƒŁ¿°æ‹æ¥åæ „æﬁªä‚›"));
        Assert.True(Garbage("\u0C45\u0D1A\u0E2F\u10A3\u11B2\u12C5\u13D7\u14E8\u15F9\u170A\u181B\u192C\u1A3D\u1B4E\u1C5F\u1D60\u1E71\u1F82\uA1B2\uC3D4\uE5F6\u0718"));
        Assert.False(Garbage("ﬁ¿")); // too short to judge
    }

    private static bool Garbage(string text)
    {
        int chinese = 0, suspect = 0;
        TextLegibility.Count(text, ref chinese, ref suspect);
        return TextLegibility.IsGarbage(chinese, suspect);
    }

    [Fact]
    public void Rows_of_figures_without_rules_are_a_table_with_wrapped_labels_joined_to_the_nearer_row()
    {
        // Column headings, then four rows of figures at x 300/350/400; the third label wraps over two
        // lines, around its figures; a group label sits left of the first two rows.
        byte[] pdf = MinimalPdf.Text(
            (300, 700, "Natural"), (350, 700, "Firms"), (400, 700, "Total"),
            (72, 680, "Group"), (140, 680, "New requests"), (300, 680, "10"), (350, 680, "2"), (400, 680, "12"),
            (140, 665, "Carried over"), (300, 665, "1"), (350, 665, "0"), (400, 665, "1"),
            (140, 652, "Granted in"), (140, 630, "full"), (300, 641, "6"), (350, 641, "1"), (400, 641, "7"),
            (140, 615, "Refused"), (300, 615, "0"), (350, 615, "0"), (400, 615, "0"),
            (72, 560, "After the table, a sentence of prose."));
        var text = new PdfReader().Read(pdf, "aligned.pdf", "", new ReportParser.Diagnostics.DiagnosticBag(), out var error);
        Assert.Null(error);
        var grid = Assert.Single(text!.Blocks.OfType<ReportParser.Model.Grid>());
        var rows = grid.Rows.Select(r => string.Join("|", r.Select(c => c.Text))).ToList();
        Assert.Equal(["Group|New requests|10|2|12", "|Carried over|1|0|1", "|Granted in full|6|1|7", "|Refused|0|0|0"], rows);
        var lines = text.Blocks.OfType<ReportParser.Model.TextLine>().Select(l => l.Text).ToList();
        Assert.Contains("Natural Firms Total", lines);
        Assert.Contains("After the table, a sentence of prose.", lines);
    }

    [Fact]
    public void Two_rows_of_figures_are_not_a_table()
    {
        byte[] pdf = MinimalPdf.Text(
            (140, 680, "New requests"), (300, 680, "10"), (350, 680, "2"), (400, 680, "12"),
            (140, 665, "Carried over"), (300, 665, "1"), (350, 665, "0"), (400, 665, "1"),
            (72, 600, "Some prose follows the two lines here."));
        var text = new PdfReader().Read(pdf, "two.pdf", "", new ReportParser.Diagnostics.DiagnosticBag(), out _);
        Assert.Empty(text!.Blocks.OfType<ReportParser.Model.Grid>());
    }

    private static PdfCell[] Row(params string[] texts)
    {
        var row = new PdfCell[texts.Length];
        for (int i = 0; i < texts.Length; i++)
        {
            row[i] = new PdfCell(null) { Text = texts[i] };
        }

        return row;
    }

    private static PdfTable Table(params PdfCell[][] rows) => new([0, 100, 200, 300], [500, 400], rows);

    [Fact]
    public void A_row_cut_by_a_page_break_has_its_text_joined_to_the_row_before_the_break()
    {
        var before = Table(Row("行政复议", "结果维持", "总计"), Row("2.申请人逾期未按收费通知要求缴纳费用、行", "0", "0"));
        var after = Table(Row("政机关不再处理其政府信息公开申请", "", ""), Row("3.其他", "1", "1"));
        var counts = new PdfTableContinuation.Counts();
        PdfTableContinuation.Join(before, after, counts);
        Assert.Equal("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", before.Rows[^1][0].Text);
        Assert.Single(after.Rows);
        Assert.Equal("3.其他", after.Rows[0][0].Text);
        Assert.Equal(1, counts.RowsJoined);
    }

    [Fact]
    public void A_header_row_repeated_after_a_page_break_is_dropped()
    {
        var before = Table(Row("", "自然人", "总计"), Row("一、本年新收", "3", "3"));
        var after = Table(Row("", "自然人", "总计"), Row("二、上年结转", "0", "0"));
        var counts = new PdfTableContinuation.Counts();
        PdfTableContinuation.Join(before, after, counts);
        Assert.Single(after.Rows);
        Assert.Equal("二、上年结转", after.Rows[0][0].Text);
        Assert.Equal(1, counts.RepeatedHeaderRows);
        Assert.Equal("一、本年新收", before.Rows[^1][0].Text);
    }

    [Fact]
    public void A_table_that_starts_with_figures_on_the_next_page_is_left_as_it_is()
    {
        var before = Table(Row("", "自然人", "总计"), Row("一、本年新收", "3", "3"));
        var after = Table(Row("二、上年结转", "0", "0"));
        PdfTableContinuation.Join(before, after, new PdfTableContinuation.Counts());
        Assert.Single(after.Rows);
        Assert.Equal("一、本年新收", before.Rows[^1][0].Text);
    }
}
