using ReportParser.Tables;
using Xunit;
using ReportParser.Templates;
using ReportParser.Model;

namespace ReportParser.Tests.Tables;

/// <summary>The small parts: label normalisation, cell values, the tokenizer and the digit-run splitter.</summary>
public sealed class TableUnitTests
{
    [Theory]
    [InlineData("(三)不予 公开", "(三)不予公开", "不予公开")]
    [InlineData("（七）合　计", "(七)总计", "总计")]
    [InlineData("3.危及“三安全一稳定”", "3.危及三安全一稳定", "危及三安全一稳定")]
    [InlineData("1.申请人无正当理由逾期不补正，行政机关不再处理", "1.申请人无正当理由逾期不补正、行政机关不再处理", "申请人无正当理由逾期不补正、行政机关不再处理")]
    [InlineData("一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量")]
    [InlineData("结果\u00a0维持", "结果维持", "结果维持")]
    public void Labels_normalise_for_matching(string label, string normalized, string core)
    {
        Assert.Equal(normalized, LabelText.Normalize(label));
        Assert.Equal(core, LabelText.Core(LabelText.Normalize(label)));
    }

    [Theory]
    [InlineData("规章(设区的市、自治州人民政府应提供相关数据)", "art20_1.regulations")]
    [InlineData("行政规范性文件", "art20_1.normative_documents")]
    [InlineData("规范性文件", "art20_1.normative_documents")]
    public void Provincial_annotations_and_wording_variants_match_the_template_row(string label, string key)
    {
        var entries = TemplateCatalog.Default.Labels.Lookup(LabelText.Normalize(label));
        Assert.Contains(entries, e => e.Table.Template == "gov2019" && e.Row?.Key == key);
    }

    [Theory]
    [InlineData("42", 42.0, null)]
    [InlineData("42.39", 42.39, null)]
    [InlineData("+1036", 1036.0, "+1036")]
    [InlineData("-8", -8.0, null)]
    [InlineData("3292078元", 3292078.0, "3292078元")]
    [InlineData("1,234", 1234.0, "1,234")]
    [InlineData("１２", 12.0, null)]
    [InlineData("007", 7.0, "007")]
    public void Numbers_keep_their_raw_text_when_it_is_not_exactly_the_number(string text, double value, string? raw)
    {
        var cell = CellValueParser.Parse(text);
        Assert.Equal(CellState.Number, cell.State);
        Assert.Equal((decimal)value, cell.Value);
        Assert.Equal(raw, cell.Raw);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("--")]
    [InlineData("/")]
    [InlineData("N/A")]
    [InlineData("NA")]
    [InlineData("无")]
    [InlineData("不适用")]
    [InlineData("空")]
    public void Placeholders_are_null_with_their_text(string text)
    {
        var cell = CellValueParser.Parse(text);
        Assert.Equal(CellState.NotApplicable, cell.State);
        Assert.Null(cell.Value);
        Assert.Equal(text, cell.Raw);
    }

    [Theory]
    [InlineData("", "Blank")]
    [InlineData("  ", "Blank")]
    [InlineData("约5", "Text")]
    [InlineData("1,23", "Text")]
    [InlineData("1 2", "Text")]
    [InlineData("16\n0", "Text")]
    [InlineData("3 292 078元", "Text")]
    public void Blank_and_text_cells_have_no_value(string text, string state)
    {
        var cell = CellValueParser.Parse(text);
        Assert.Equal(state, cell.State.ToString());
        Assert.Null(cell.Value);
    }

    [Theory]
    [InlineData("一、本年新收政府信息公开申请数量640020470", "L:一、本年新收政府信息公开申请数量 V:640020470*")]
    [InlineData("8.属于行政查询事项00000002.其他", "L:8.属于行政查询事项 V:0000000* L:2.其他")]
    [InlineData("规章 0 0 0", "L:规章 V:0 V:0 V:0")]
    [InlineData("规章 | 0 | | 3", "L:规章 V:0 V: V:3")]
    [InlineData("| 行政许可 | 45 | -8 | 1,036 |", "L:行政许可 V:45 V:-8 V:1,036")]
    [InlineData("第二十条第(一)项 | |||", "L:第二十条第(一)项 E")]
    [InlineData("8 | |||||||||", "V:8 E")]
    [InlineData("上一年项目数量(指2019年事项数)", "L:上一年项目数量(指2019年事项数)")]
    [InlineData("政府集中采购83292078元", "L:政府集中采购 V:83292078元*")]
    [InlineData("行政强制 - 16,0,3", "L:行政强制 V:- V:16 V:0 V:3")]
    [InlineData("|||", "E")]
    [InlineData("---|---|", "")]
    public void The_tokenizer_reads_every_shape(string line, string expected)
    {
        var tokens = new RegionTokenizer().Tokenize([new TextLine(line, 1)]);
        string actual = string.Join(" ", tokens.Select(t => t.Kind switch
        {
            TokenKind.Label => "L:" + t.Text,
            TokenKind.Value => "V:" + t.Text + (t.Glued ? "*" : ""),
            _ => "E",
        }));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("640020470", 7, true, "64|0|0|2|0|4|70")]
    [InlineData("0000000", 7, true, "0|0|0|0|0|0|0")]
    [InlineData("160000016", 7, true, "16|0|0|0|0|0|16")]
    [InlineData("1000002", 7, false, "1|0|0|0|0|0|2")]
    public void Runs_split_the_only_way_the_row_total_allows(string run, int cells, bool totalHolds, string expected)
    {
        var result = new CellResolver().Resolve([Glued(run)], cells, RowTotal);
        Assert.Equal(RowCellsState.Split, result.State);
        Assert.Equal(expected, TableText.Split(result.Cells!));
        Assert.Equal(totalHolds, result.Cells[^1]!.Value == result.Cells.Take(cells - 1).Sum(c => c!.Value));
    }

    [Fact]
    public void A_run_with_several_fitting_splits_is_ambiguous_and_lists_them()
    {
        var result = new CellResolver().Resolve([Glued("212003026")], 7, RowTotal);
        Assert.Equal(RowCellsState.Ambiguous, result.State);
        Assert.Equal(2, result.CandidateCount);
        Assert.All(result.Cells, c => Assert.Null(c));
    }

    [Fact]
    public void A_run_no_split_fits_is_left_null()
    {
        var result = new CellResolver().Resolve([Glued("123456789")], 7, RowTotal);
        Assert.Equal(RowCellsState.NoFit, result.State);
        Assert.All(result.Cells, c => Assert.Null(c));
    }

    [Fact]
    public void Without_a_rule_a_run_of_more_digits_than_cells_is_ambiguous()
    {
        var result = new CellResolver().Resolve([Glued("693665")], 3, (_, _) => true);
        Assert.Equal(RowCellsState.Ambiguous, result.State);
        Assert.Equal(10, result.CandidateCount);
        Assert.Equal("6|9|3665; 6|93|665; 6|936|65; 6|9366|5; 69|3|665; and 5 more", TableText.Candidates(result.Candidates, result.CandidateCount));
    }

    [Fact]
    public void Separated_values_fewer_than_cells_are_a_short_row_not_a_split()
    {
        var tokens = new[] { "16", "0", "0", "0", "0", "0" }.Select(t => new TableToken(TokenKind.Value, t, 1)).ToArray();
        var result = new CellResolver().Resolve(tokens, 7, RowTotal);
        Assert.Equal(RowCellsState.Short, result.State);
        Assert.Equal(16m, result.Cells[0]!.Value);
        Assert.Null(result.Cells[6]);
    }

    [Fact]
    public void Long_runs_are_bounded()
    {
        var started = DateTime.UtcNow;
        var longRun = new CellResolver().Resolve([Glued(new string('1', 1000))], 7, RowTotal);
        var wide = new CellResolver().Resolve([Glued(new string('7', 100))], 15, (_, _) => true);
        Assert.Equal(RowCellsState.TooLong, longRun.State);
        Assert.True(wide.IsUncertain);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    private static TableToken Glued(string run) => new(TokenKind.Value, run, 1, Glued: true);

    private static bool RowTotal(CellValue[] cells, int count) =>
        count < 7 || cells.Take(6).Any(c => c.Value is null) || cells[6].Value == cells.Take(6).Sum(c => c.Value);
}

public class CellSpacingTests
{
    [Theory]
    [InlineData(" 42.39 ", 42.39)]
    [InlineData("42.39 万元", 42.39)]
    [InlineData("+ 3", 3)]
    [InlineData("3292078 元", 3292078)]
    public void Spaces_around_a_number_or_between_it_and_its_sign_or_unit_are_fine(string text, double value) =>
        Assert.Equal((decimal)value, CellValueParser.Parse(text).Value);
}

public class GridWidthTests
{
    [Theory]
    [InlineData("table2", new[] { 4, 5 })]
    [InlineData("table3", new[] { 10 })]
    [InlineData("table4", new[] { 15, 16 })]
    public void Grid_widths_come_from_the_templates(string table, int[] widths) =>
        Assert.Equal(widths, TemplateCatalog.Default.GridWidths(table).Order());
}
