using ReportParser.Sectioning;

namespace ReportParser.Tests.Sectioning;

/// <summary>Headings as one-line scrapes and real reports print them.</summary>
public class HeadingVariantTests
{
    private static string[] Titles(string line) =>
        new HeadingFinder().FindSections([line]).Select(h => $"{h.Number}:{h.Title}").ToArray();

    [Fact]
    public void A_heading_after_a_colon_or_glued_to_a_cells_digits_or_unit_is_found()
    {
        Assert.Equal(["1:总体情况", "2:主动公开政府信息情况", "3:收到和处理政府信息公开申请情况", "4:政府信息公开行政复议、行政诉讼情况"],
            Titles("特编制此报告:一、总体情况全年主动公开信息120条。二、主动公开政府信息情况采购总金额12元三、收到和处理政府信息公开申请情况…四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况…"));
    }

    [Fact]
    public void A_lost_mark_before_a_known_title_and_lost_numerals_before_recognised_headings_are_accepted()
    {
        Assert.Equal(["1:总体情况", "2:主动公开政府信息情况"], Titles("电话:23156157。一总体情况2020年…。二、主动公开政府信息情况…"));
        Assert.Equal(["3:依申请公开政府信息情况", "4:存在的主要问题及改进措施"], Titles("概述 … 。三、依申请公开政府信息情况 … 。四、存在的主要问题及改进措施 …"));
    }

    [Fact]
    public void Numbered_prose_and_unknown_inline_titles_are_not_headings()
    {
        Assert.Empty(Titles("共公开文件12件三、四项工作均已完成"));
        Assert.Empty(Titles("本年度共收到申请3件一是加强领导"));
    }

    [Fact]
    public void A_title_ends_before_a_subsection_and_inline_before_a_tables_header()
    {
        Assert.Equal(["1:总体情况", "2:政府信息公开存在的问题及改进措施"],
            Titles("一、总体情况 … 。二、政府信息公开存在的问题及改进措施(一)存在的问题 …"));
        var titles = Titles("一、总体情况 … 。二、主动公开政府信息情况 … 。三、收到和处理政府信息公开申请情况 … 。四、政府信息公开行政复议、行政诉讼情况 … 。"
            + "五、信息处理费收取情况通知收取件数通知收取金额(元)实际收取金额(元)信息处理费收取情况000六、存在的主要问题和改进情况 …");
        Assert.Contains("6:存在的主要问题和改进情况", titles);
        Assert.DoesNotContain(titles, t => t.Contains("通知收取", StringComparison.Ordinal));
    }

    [Fact]
    public void A_heading_that_a_crawler_left_as_its_own_paragraph_inside_a_line_may_have_any_title()
    {
        Assert.Equal(["1:总体情况", "2:政务公开工作主要任务落实情况", "3:附表"],
            Titles("一、总体情况 全年公开信息544条。 二、政务公开工作主要任务落实情况 在围绕“六稳”加强政策解读…。 三、附表 指标名称 单位"));
        Assert.Equal(["1:加强领导，明确责任，确保政务公开落到实处"], Titles("…各项工作任务的开展。 一、加强领导，明确责任，确保政务公开落到实处 推行政务公开…"));
        // Not after a sentence end, or not the expected number: prose.
        Assert.Empty(Titles("我局共有 一、二类档案 若干"));
        Assert.Equal(["1:总体情况"], Titles("一、总体情况 全年公开信息。 三、工作亮点 如下"));
    }
}
