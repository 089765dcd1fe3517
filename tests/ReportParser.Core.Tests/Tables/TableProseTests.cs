using System.Text;
using ReportParser.Model;

namespace ReportParser.Tests.Tables;

/// <summary>Sentences that a publisher put between a flattened table's parts are prose, not cells.</summary>
public class TableProseTests
{
    private static ReportDocument Parse(string text) =>
        new ReportPipeline().Parse(ReportSource.FromBytes("prose.txt", Encoding.UTF8.GetBytes(text))).Document;

    [Fact]
    public void A_sentence_with_a_count_before_the_header_does_not_hide_the_first_row_or_the_table()
    {
        var document = Parse(
            "三、收到和处理政府信息公开申请情况2024年,共收到政府信息公开申请3条,办结3条。（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
            + "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量3000003二、上年结转政府信息公开申请数量0000000"
            + "四、政府信息公开行政复议、行政诉讼情况2024年，没有政府信息公开行政复议及行政诉讼情况。行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
            + "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计000000000000000五、存在的主要问题及改进情况无。");

        var table3 = document.Tables!.Single(t => t.Key == "table3");
        Assert.Equal([3m, 0m, 0m, 0m, 0m, 0m, 3m], table3.Rows.Single(r => r.Key == "new_received").Values.Values.Select(v => v!.Value));
        Assert.Equal(TableStatus.Complete, document.Tables!.Single(t => t.Key == "table4").Status);
        Assert.Contains("共收到政府信息公开申请3条,办结3条。", document.Sections!.Single(s => s.Number == 3).Text, StringComparison.Ordinal);
    }
}
