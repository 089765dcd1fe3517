using ReportParser.Sectioning;
using ReportParser.Text;

namespace ReportParser.Tests.Sectioning;

public class HeadingFinderTests
{
    private static string Dump(IReadOnlyList<HeadingMatch> matches) =>
        string.Join("\n", matches.Select(m => $"{m.LineIndex}:{m.Number}:{m.Title}{(m.Inline ? " (inline)" : "")}"));

    private static IReadOnlyList<HeadingMatch> Sections(params string[] lines) => new HeadingFinder().FindSections(lines);

    [Fact]
    public void Finds_headings_at_line_start_in_order()
    {
        var found = Sections("一、概述", "正文。", "二、主动公开政府信息情况", "三、主动回应社会关切的情况");
        Assert.Equal("0:1:概述\n2:2:主动公开政府信息情况\n3:3:主动回应社会关切的情况", Dump(found));
    }

    [Fact]
    public void Finds_all_headings_inline_in_one_line()
    {
        string line = "报告如下。 一、总体情况 2020年,莲都区按照部署推进工作。 (一)推进重点公开。 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 问题是…… 六、无其他需要报告的事项 |";
        var found = Sections(line);
        Assert.Equal(
            "0:1:总体情况 (inline)\n0:2:主动公开政府信息情况 (inline)\n0:3:收到和处理政府信息公开申请情况 (inline)\n" +
            "0:4:政府信息公开行政复议、行政诉讼情况 (inline)\n0:5:存在的主要问题及改进情况 (inline)\n0:6:无其他需要报告的事项 (inline)",
            Dump(found));
    }

    [Fact]
    public void Cuts_a_title_that_runs_into_the_prose()
    {
        var found = Sections("一、概述", "二、其他", "三、其他", "四、其他", "五、其他", "六、其他",
            "七、政府信息公开工作存在的主要问题及改进情况目前,中心存在的主要问题有:信息报送意识有待加强。");
        Assert.Equal("政府信息公开工作存在的主要问题及改进情况", found[^1].Title);
        Assert.Equal(7, found[^1].Number);
    }

    [Fact]
    public void Cuts_an_unknown_title_after_its_ending_word()
    {
        var found = Sections("一、推进审批制度改革的情况目前,全区已经完成。");
        Assert.Equal("推进审批制度改革的情况", Assert.Single(found).Title);
    }

    [Theory]
    [InlineData("一、本年新收政府信息公开申请数量 |")]
    [InlineData("一、本年新收政府信息公开申请数量640020470")]
    [InlineData("三、本年度办理结果 |")]
    [InlineData("四、结转下年度继续办理 |")]
    public void Never_takes_a_table_row_label_for_a_heading(string label)
    {
        var found = Sections("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", label, "四、政府信息公开行政复议、行政诉讼情况");
        Assert.Equal([1, 2, 3, 4], found.Select(f => f.Number));
        Assert.DoesNotContain(found, f => f.Title.Contains("本年") || f.Title.Contains("结转"));
    }

    [Fact]
    public void Does_not_split_on_numbered_prose_or_enumerations()
    {
        var found = Sections(
            "一、总体情况",
            "我们把事项分为一、二、三类,并且做到一是公开,二是解读。",
            "按照要求,一、加强领导;二、完善制度。",
            "二、主动公开政府信息情况");
        Assert.Equal("0:1:总体情况\n3:2:主动公开政府信息情况", Dump(found));
    }

    [Fact]
    public void Restarting_numbers_inside_a_section_are_not_headings()
    {
        var found = Sections("一、总体情况", "二、主动公开政府信息情况", "一、加强组织领导", "二、完善制度建设", "三、收到和处理政府信息公开申请情况");
        Assert.Equal([1, 2, 3], found.Select(f => f.Number));
        Assert.Equal(4, found[2].LineIndex);
    }

    [Fact]
    public void Accepts_one_skipped_number_only_for_a_recognised_title_at_line_start()
    {
        var found = Sections("一、总体情况", "三、收到和处理政府信息公开申请情况", "五、做好下一步工作");
        Assert.Equal([1, 3], found.Select(f => f.Number));
    }

    [Fact]
    public void Finds_subsections_in_order_but_not_table_rows()
    {
        var found = new HeadingFinder().FindSubsections([
            "(一)工作机构和人员落实情况。市政务服务中心高度重视。",
            "(一)予以公开 |",
            "(二)部分公开(区分处理的,只计这一情形,不计其他情形) |",
            "正文 (二)建立健全制度情况。内容。",
            "(三)不予公开 |",
        ]);
        Assert.Equal("0:1:工作机构和人员落实情况\n3:2:建立健全制度情况 (inline)", Dump(found));
    }

    [Fact]
    public void Heading_keeps_a_colon_so_the_text_does_not_start_with_one()
    {
        var found = new HeadingFinder().FindSubsections(["(一)其他需要报告的事项:无"]);
        var match = Assert.Single(found);
        Assert.Equal("其他需要报告的事项", match.Title);
        Assert.Equal("(一)其他需要报告的事项:无".IndexOf('无'), match.End);
    }

    [Theory]
    [InlineData("一", 1)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("二十三", 23)]
    [InlineData("十十", -1)]
    [InlineData("一二", -1)]
    public void Parses_chinese_numerals(string text, int value) => Assert.Equal(value, ChineseNumeral.Parse(text));
}

public class HeadingFinderScrapeDamageTests
{
    [Fact]
    public void A_subsection_whose_opening_was_lost_does_not_hide_the_ones_after_it()
    {
        var found = new HeadingFinder().FindSubsections([
            "(一)主动公开情况", "正文。", "(二)依申请公开情况", "正文。", ")政府信息管理情况", "正文。", ")平台建设情况", "(五)监督保障情况", "正文。",
        ]);
        Assert.Equal([1, 2, 5], found.Select(f => f.Number));
    }

    [Fact]
    public void Inline_subsections_must_still_come_in_order()
    {
        var found = new HeadingFinder().FindSubsections(["(一)主动公开。正文 (三)其他。"]);
        Assert.Equal([1], found.Select(f => f.Number));
    }
}

public class KnownTitleExtensionTests
{
    [Fact]
    public void A_known_title_that_the_line_extends_into_a_longer_title_keeps_the_whole_title()
    {
        var found = new HeadingFinder().FindSections(["一、主动公开政府信息的情况", "二、依申请公开信息的情况和不予公开信息的情况", "正文。"]);
        Assert.Equal("依申请公开信息的情况和不予公开信息的情况", found[1].Title);
    }

    [Fact]
    public void A_known_title_followed_by_prose_is_still_cut_after_the_title()
    {
        var found = new HeadingFinder().FindSections(["一、概述", "二、依申请公开信息的情况目前,中心没有接到申请。"]);
        Assert.Equal("依申请公开信息的情况", found[1].Title);
    }
}
