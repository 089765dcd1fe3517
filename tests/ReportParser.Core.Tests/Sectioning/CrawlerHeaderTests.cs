using ReportParser.Reading;
using ReportParser.Sectioning;
using ReportParser.Model;
using ReportParser.Diagnostics;

namespace ReportParser.Tests.Sectioning;

public class CrawlerHeaderTests
{
    private static Block[] Lines(params string[] lines) => lines.Select((t, i) => (Block)new TextLine(t, i + 1)).ToArray();

    [Fact]
    public void The_header_block_is_read_as_fields_and_the_body_starts_after_the_separator()
    {
        var header = CrawlerHeader.Read(Lines(
            "标题: 某局2023年度政府信息公开工作年度报告", "发布时间: 2024-01-09 17:17", "文号: ", "发布机构: 办公室",
            "栏目: 政府信息公开年报", "原文链接: https://www.example.gov.cn/zwgk/t20240109_1.htm", "本地目录: zwgk/…",
            "==================== 正文 ====================", "根据《条例》…"));
        Assert.NotNull(header);
        Assert.Equal(8, header!.BodyStart);
        Assert.Equal("某局2023年度政府信息公开工作年度报告", header.Fields["title"]);
        Assert.Equal("2024-01-09 17:17", header.Fields["published_date"]);
        Assert.Equal("https://www.example.gov.cn/zwgk/t20240109_1.htm", header.Fields["url"]);
        Assert.Equal("政府信息公开年报", header.Fields["column"]);
        Assert.False(header.Fields.ContainsKey("document_number"));
    }

    [Theory]
    [InlineData("一、总体情况", "==========")]                       // no 正文 separator
    [InlineData("标题: 某局年报", "===== 正文 =====")]                // one field line is not a header block
    public void Text_without_a_header_block_has_none(string first, string second)
    {
        Assert.Null(CrawlerHeader.Read(Lines(first, second, "根据《条例》…")));
    }

    [Fact]
    public void A_separator_far_down_the_text_is_not_a_header()
    {
        var lines = Enumerable.Range(0, CrawlerHeader.DefaultMaxHeaderLines).Select(i => $"标题{i}: x").Append("=== 正文 ===").ToArray();
        Assert.Null(CrawlerHeader.Read(Lines(lines)));
    }

    [Fact]
    public void A_one_line_crawler_dump_parses_to_its_sections_tables_metadata_and_url()
    {
        string table3Rows = string.Concat(Table3Labels.Select(l => l + "0000000"));
        string text = string.Join('\n',
            "标题: 某县交通运输局2021年度政府信息公开工作年度报告", "发布时间: 2022-01-10 08:51", "文号: ", "发布机构: 1",
            "原文链接: https://www.example.gov.cn/t20220110_8.htm",
            "==================== 正文 ====================",
            "当前位置： 首页政务公开政府信息公开年报 某县交通运输局2021年度政府信息公开工作年度报告 来源： 时间：2022-01-10 08:51 --> 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： "
            + "根据《中华人民共和国政府信息公开条例》，现公布本报告。一、总体情况全年主动公开信息120条。"
            + "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件102"
            + "第二十条第（五）项信息内容本年处理决定数量行政许可88第二十条第（六）项信息内容本年处理决定数量行政处罚26行政强制0"
            + "第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费18651.06"
            + "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
            + table3Rows
            + "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计000000000000000"
            + "五、存在的主要问题及改进情况信息更新不够及时。六、其他需要报告的事项本年度没有产生信息公开处理费。 某县交通运输局 2022年1月7日 附件下载");
        var document = new ReportPipeline().Parse(ReportSource.FromBytes("dump.txt", System.Text.Encoding.UTF8.GetBytes(text))).Document;

        Assert.Equal([1, 2, 3, 4, 5, 6], document.Sections!.Select(s => s.Number));
        Assert.All(document.Tables!, t => Assert.Equal(TableStatus.Complete, t.Status));
        Assert.Equal(3, document.Tables!.Count);
        Assert.Equal(18651.06m, document.Tables.Single(t => t.Key == "table2").Rows.Single(r => r.Key == "art20_8.administrative_fee").Values["fee_amount"]);
        Assert.Equal("某县交通运输局2021年度政府信息公开工作年度报告", document.Metadata!.Title);
        Assert.Equal("某县交通运输局", document.Metadata.Agency);
        Assert.Equal("2022-01-10", document.Metadata.PublishedDate);
        Assert.Equal(2021, document.Metadata.ReportYear);
        Assert.Equal("https://www.example.gov.cn/t20220110_8.htm", document.Source!.Url);
        Assert.DoesNotContain("微信", document.Preamble, StringComparison.Ordinal);
        Assert.Contains(document.Diagnostics!, d => d.Code == DiagnosticCodes.CrawlerHeaderRead.Code);
    }

    private static readonly string[] Table3Labels =
    [
        "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开1.属于国家秘密", "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
        "8.属于行政查询事项", "（四）无法提供1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
        "（五）不予处理1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计", "四、结转下年度继续办理",
    ];
}
