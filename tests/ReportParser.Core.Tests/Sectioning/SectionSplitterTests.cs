using ReportParser.Model;
using ReportParser.Diagnostics;

namespace ReportParser.Tests.Sectioning;

public class SectionSplitterTests
{
    private static ReportDocument Parse(string text) =>
        new ReportPipeline(new ReportParserOptions { Mode = NormalizationMode.None }).Parse(ReportSource.FromText("t.txt", text)).Document;

    [Fact]
    public void Text_that_is_not_a_report_gives_an_error_record()
    {
        var doc = Parse("今天天气很好。\n我们去公园散步。");
        Assert.Equal("RP1009", doc.Error?.Code);
        Assert.Null(doc.Sections);
    }

    [Fact]
    public void Missing_gov_section_is_an_error_diagnostic()
    {
        var doc = Parse("2021年政府信息公开工作年度报告\n一、总体情况\n正文\n二、主动公开政府信息情况\n本年制发件数\n三、收到和处理政府信息公开申请情况\n正文\n五、存在的主要问题及改进情况\n正文\n六、其他需要报告的事项\n无");
        Assert.Equal("gov2021", doc.Metadata!.Template);
        var missing = Assert.Single(doc.Diagnostics, d => d.Code == "RP2006");
        Assert.Equal(DiagnosticSeverity.Error, missing.Severity);
        Assert.Contains("review_litigation", missing.Message);
        Assert.Contains(doc.Diagnostics, d => d.Code == "RP2002");
    }

    [Fact]
    public void Signature_block_gives_agency_and_date_when_there_is_no_info_box()
    {
        var doc = Parse("本报告说明政府信息公开工作情况。\n一、概述\n2015年,我局做好政府信息公开。\n二、其他需要报告的事项\n无。\n某某县财政局\n2016年1月20日");
        Assert.Equal("某某县财政局", doc.Metadata!.Agency);
        Assert.Equal("2016-01-20", doc.Metadata.WrittenDate);
        Assert.Equal(2015, doc.Metadata.ReportYear);
    }

    [Fact]
    public void Chrome_lines_are_left_out_and_counted()
    {
        var doc = Parse("首页 > 政务公开 > 年报\n某局2019年政府信息公开工作年度报告\n一、总体情况\n正文。\n打印 关闭\n相关词条\n||||\n");
        Assert.Equal("正文。", doc.Sections![0].Text);
        var chrome = Assert.Single(doc.Diagnostics, d => d.Code == "RP2003");
        Assert.StartsWith("4 line(s)", chrome.Message);
    }
}

public class KeepOriginalTests
{
    private const string Traditional = "政務服務中心2012年度政府信息公開工作年度報告\n一、開展政府信息公開工作基本情況\n中心依託網路媒體,設立了入口網站。\n二、主動公開政府信息的情況\n本年度公開信息20萬餘條。";

    private static ReportDocument Parse(bool keep) =>
        new ReportPipeline(new ReportParserOptions { KeepOriginal = keep }).Parse(ReportSource.FromText("t.txt", Traditional)).Document;

    [Fact]
    public void Keeps_the_unconverted_lines_of_each_section_only_when_asked()
    {
        var kept = Parse(keep: true);
        Assert.Equal("中心依托网络媒体,设立了门户网站。", kept.Sections![0].Text);
        Assert.Equal("中心依託網路媒體,設立了入口網站。", kept.Sections[0].OriginalText);
        Assert.Null(Parse(keep: false).Sections![0].OriginalText);
    }

    [Fact]
    public void Simplified_input_has_no_original_text_even_when_asked()
    {
        var doc = new ReportPipeline(new ReportParserOptions { KeepOriginal = true })
            .Parse(ReportSource.FromFile(Path.Combine(TestPaths.Seeds, "002_ed5f9074cb8b6cc8.txt"))).Document;
        Assert.All(doc.Sections!, s => Assert.Null(s.OriginalText));
    }
}

public class DamagedPeriodTests
{
    [Fact]
    public void A_statistics_period_that_lost_its_year_characters_still_gives_the_year()
    {
        var doc = new ReportPipeline().Parse(ReportSource.FromText("t.txt",
            "根据条例,现公开本局政府信息公开工作年度报告。本报告所列数据的统计期限自20251月1日起至202512月31日止\n一、总体情况\n正文。")).Document;
        Assert.Equal(2025, doc.Metadata!.ReportYear);
        Assert.Contains(doc.Diagnostics, d => d.Code == "RP2009");
    }
}

public class PageHeaderTests
{
    private static ReportMetadata Parse(string text) =>
        new ReportPipeline().Parse(ReportSource.FromText("t.txt", text)).Document.Metadata!;

    [Fact]
    public void A_title_wrapped_after_its_year_is_joined()
    {
        var metadata = Parse("某区人民政府某街道办事处2025年\n政府信息公开工作年度报告\n依据条例编制本报告。\n一、总体情况\n正文。");
        Assert.Equal("某区人民政府某街道办事处2025年政府信息公开工作年度报告", metadata.Title);
        Assert.Equal("某区人民政府某街道办事处", metadata.Agency);
        Assert.Equal(2025, metadata.ReportYear);
    }

    [Fact]
    public void A_title_that_starts_with_its_year_names_the_agency_after_it()
    {
        var metadata = Parse("2019年某市人民政府办公厅政府信息公开工作年度报告\n一、总体情况\n正文。");
        Assert.Equal("某市人民政府办公厅", metadata.Agency);
        Assert.Equal(2019, metadata.ReportYear);
    }

    [Fact]
    public void A_title_wrapped_before_its_last_words_is_joined()
    {
        var metadata = Parse("某县文广新局2013年度信息公开工作\n年度报告\n一、主动公开政府信息的情况\n2013年度主动公开信息5条。");
        Assert.Equal("某县文广新局2013年度信息公开工作年度报告", metadata.Title);
        Assert.Equal("某县文广新局", metadata.Agency);
    }

    [Fact]
    public void Date_and_source_of_a_cms_header_fill_what_is_missing()
    {
        var metadata = Parse("当前位置:首页 > 政府部门 > 年度报告\n政府信息公开工作年度报告\n日期:2026-01-29 16:00 来源:某区经济信息化局 字号:\n一、总体情况\n2025年,我局主动公开信息37条。");
        Assert.Equal("2026-01-29", metadata.PublishedDate);
        Assert.Equal("某区经济信息化局", metadata.Agency);
    }
}
