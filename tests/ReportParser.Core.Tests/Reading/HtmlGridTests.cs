using Xunit;
using ReportParser.Reading;
using static ReportParser.Tests.Reading.HtmlTestSupport;
using ReportParser.Model;

namespace ReportParser.Tests.Reading;

public sealed class HtmlGridTests
{
    private static Grid SingleGrid(string body)
    {
        var (text, _) = Read(Page(body));
        return Assert.Single(text.Blocks.OfType<Grid>());
    }

    [Fact]
    public void Table3_header_and_label_spans_expand_exactly()
    {
        var grid = SingleGrid("""
            <table border="1">
            <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
            <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
            <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
            <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>16</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>16</td></tr>
            <tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>4</td><td>&nbsp;</td><td> </td><td></td><td>0</td><td>0</td><td>4</td></tr>
            <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
            <tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
            </table>
            """);
        Assert.Equal("""
            （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|^|^|申请人情况|^|^|^|^|^|^
            ^|^|^|自然人|法人或其他组织|^|^|^|^|总计
            ^|^|^|^|商业企业|科研机构|社会公益组织|法律服务机构|其他|^
            一、本年新收政府信息公开申请数量|^|^|16|0|0|0|0|0|16
            三、本年度办理结果|（一）予以公开|^|4||||0|0|4
            ^|（三）不予公开|1.属于国家秘密|0|0|0|0|0|0|0
            ^|^|2.其他法律行政法规禁止公开|0|0|0|0|0|0|0
            """.ReplaceLineEndings("\n"), DumpGrid(grid));
    }

    [Fact]
    public void Cells_carry_their_own_source_lines_and_copies_carry_the_original_line()
    {
        var (text, _) = Read("<table>\n<tr>\n<td rowspan=\"2\">甲</td>\n<td>1</td>\n</tr>\n<tr>\n<td>2</td>\n</tr>\n</table>");
        var grid = Assert.Single(text.Blocks.OfType<Grid>());
        Assert.Equal(1, grid.Line);
        Assert.Equal([3, 4], grid.Rows[0].Select(c => c.Line));
        Assert.Equal([3, 7], grid.Rows[1].Select(c => c.Line));
        Assert.True(grid.Rows[1][0].IsSpanCopy);
    }

    [Fact]
    public void Cell_text_joins_inner_blocks_without_spaces_between_cjk()
    {
        var grid = SingleGrid("""
            <table><tr>
            <td><p class="MsoNormal"><span>本年新</span></p><p class="MsoNormal"><span>制作数量</span></p></td>
            <td>本年增/<br/>减</td>
            <td>结果<br>
            维持</td>
            <td><p>12</p><p>3</p></td>
            </tr></table>
            """);
        Assert.Equal("本年新制作数量|本年增/ 减|结果维持|12 3", DumpGrid(grid));
    }

    [Fact]
    public void Short_rows_are_padded_and_spans_are_clamped_to_the_table()
    {
        var grid = SingleGrid("""
            <table>
            <tr><td rowspan="65535">甲</td><td colspan="0">乙</td><td>丙</td></tr>
            <tr><td>丁</td></tr>
            </table>
            """);
        Assert.Equal("甲|乙|丙\n^|丁|", DumpGrid(grid));
    }

    [Fact]
    public void Rowspan_zero_reaches_the_end_of_the_table()
    {
        var grid = SingleGrid("<table><tr><td rowspan=0>甲</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>");
        Assert.Equal("甲|1\n^|2\n^|3", DumpGrid(grid));
    }

    [Fact]
    public void Huge_colspan_is_cut_at_the_column_limit_with_a_warning()
    {
        var (text, bag) = Read(Page("<table><tr><td colspan=\"5000\">甲</td><td>乙</td></tr><tr><td>1</td><td>2</td></tr></table>"));
        var grid = Assert.Single(text.Blocks.OfType<Grid>());
        Assert.Equal(GridBuilder.MaxColumns, grid.Rows[0].Count);
        Assert.All(grid.Rows, r => Assert.Equal(GridBuilder.MaxColumns, r.Count));
        Assert.Contains(bag.Items, d => d.Code == "RP1011");
    }

    [Fact]
    public void Info_box_table_becomes_label_value_lines_not_a_grid()
    {
        var (text, _) = Read(Page("""
            <table class="xxgk">
            <tr><td>[ 索 引&nbsp; 号 ]</td><td>tanchengzwfwbgs/2023-0000332</td><td>[ 文 号 ]</td><td></td><td>[ 发布机构 ]</td><td>郯城县行政审批服务局</td></tr>
            <tr><td>[ 成文日期 ]</td><td>2024-01-09</td><td>[ 公开日期 ]</td><td>2024-01-09</td><td>[ 有 效 性 ]</td><td>有效中</td></tr>
            </table>
            <p>一、总体情况</p>
            """));
        Assert.Empty(text.Blocks.OfType<Grid>());
        Assert.Equal(
        [
            "[ 索 引\u00A0 号 ]：tanchengzwfwbgs/2023-0000332", "[ 文 号 ]：", "[ 发布机构 ]：郯城县行政审批服务局",
            "[ 成文日期 ]：2024-01-09", "[ 公开日期 ]：2024-01-09", "[ 有 效 性 ]：有效中", "一、总体情况",
        ], Lines(text));
    }

    [Fact]
    public void Data_table_nested_in_layout_table_is_a_grid()
    {
        string prose = string.Concat(Enumerable.Repeat("本机关认真贯彻落实政府信息公开条例。", 10));
        var (text, _) = Read(Page($"""
            <table><tr><td>
              <p>一、总体情况</p><p>{prose}</p><p>二、主动公开政府信息情况</p>
              <table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>
            </td></tr></table>
            """));
        Assert.Equal("""
            一、总体情况
            PROSE
            二、主动公开政府信息情况
            [grid 2x2]
            """.Replace("PROSE", prose).ReplaceLineEndings("\n"), string.Join("\n", DumpBlocks(text).Split('\n').Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..])));
    }
}
