using ReportParser.Sectioning;
using ReportParser.Model;
using ReportParser.Output;

namespace ReportParser.Tests.Output;

/// <summary>
/// The output keeps the report's own characters: full-width punctuation (GB/T 15834), U+3000 and
/// full-width digits are folded only for matching, never in what is written, unless asked for.
/// </summary>
public class TextFidelityTests
{
    private const string Marks = "，：（）；？、";

    private const string Report =
        "当前位置：首页 > 政务公开 > 年度报告\n"
        + "某县统计局（2023年度）政府信息公开工作年度报告\n"
        + "本报告依据《条例》编制。如有疑问，请联系：办公室（电话：１２３４５６７）；谢谢！\n"
        + "一、总体情况\n"
        + "2023年，我局主动公开信息１２０条；是否及时？是的。\n"
        + "（一）主动公开。全年发布动态\u3000３０条、图解２件。\n"
        + "二、主动公开政府信息情况\n"
        + "详见附表（略）。\n"
        + "三、收到和处理政府信息公开申请情况：本年无申请。四、政府信息公开行政复议、行政诉讼情况\n"
        + "无。\n";

    private static ReportDocument Parse(string text, ReportParserOptions? options = null) =>
        new ReportPipeline(options).Parse(ReportSource.FromText("fidelity.txt", text)).Document;

    [Fact]
    public void Section_texts_headings_titles_and_preamble_keep_full_width_characters()
    {
        var document = Parse(Report);
        string json = JsonReportWriter.Serialize(document);
        foreach (char mark in Marks)
        {
            Assert.Contains(mark.ToString(), json, StringComparison.Ordinal);
        }

        Assert.Equal("某县统计局（2023年度）政府信息公开工作年度报告", document.Metadata!.Title);
        Assert.Contains("请联系：办公室（电话：１２３４５６７）；", document.Preamble, StringComparison.Ordinal);
        var overview = document.Sections![0];
        Assert.Equal("2023年，我局主动公开信息１２０条；是否及时？是的。", overview.Text);
        var sub = Assert.Single(overview.Subsections);
        Assert.Equal("（一）主动公开。", sub.Heading);
        Assert.Equal("全年发布动态\u3000３０条、图解２件。", sub.Text);
        Assert.Equal("详见附表（略）。", document.Sections![1].Text);
        // A heading found inside a line after a full-width colon: the line is split on the folded
        // text, and both pieces are written as the report has them.
        Assert.Equal("本年无申请。", document.Sections![2].Text.TrimStart('：'));
        Assert.Equal([1, 2, 3, 4], document.Sections!.Select(s => s.Number));
    }

    [Fact]
    public void Traditional_text_is_converted_and_keeps_its_widths()
    {
        var document = Parse("一、總體情況\n本機關（辦公室）全年公開資訊１２條；無收費。\n");
        Assert.Equal("本机关（办公室）全年公开信息１２条；无收费。", document.Sections![0].Text);
    }

    [Fact]
    public void Fold_width_writes_the_text_as_the_stages_match_it()
    {
        var document = Parse(Report, new ReportParserOptions { FoldWidth = true });
        Assert.Equal("2023年,我局主动公开信息120条;是否及时?是的。", document.Sections![0].Text);
        Assert.Equal("(一)主动公开。", document.Sections![0].Subsections[0].Heading);
        Assert.Equal("某县统计局(2023年度)政府信息公开工作年度报告", document.Metadata!.Title);
    }

    [Fact]
    public void Matching_is_the_same_whatever_the_widths()
    {
        var wide = Parse(Report);
        var folded = Parse(Report, new ReportParserOptions { FoldWidth = true });
        Assert.Equal(folded.Sections!.Select(s => (s.Number, s.Key, s.Line)), wide.Sections!.Select(s => (s.Number, s.Key, s.Line)));
        Assert.Equal(folded.Diagnostics.Select(d => d.Code), wide.Diagnostics.Select(d => d.Code));
    }
}

public class WrittenTablesTests
{
    private static TextLine Line(string shown, int line) =>
        new(ReportParser.Text.TextFold.FoldWidth(shown), line) { Shown = shown };

    [Fact]
    public void Raw_cells_and_extra_row_labels_get_their_written_widths_back()
    {
        var split = new SplitDocument(new ReportMetadata(), [
            new SplitSection(3, "三、", "x", null, 10, [
                Line("（一）予以公开 | １２件 |", 11),
                Line("（八）其他（省定） | － |", 14),
            ]),
        ], []);
        var table = new StatTable
        {
            Key = "table3", Template = "gov2021", Status = TableStatus.Complete,
            Rows = [new TableRow { Key = "granted", Label = "（一）予以公开", Line = 11, Raw = new Dictionary<string, string> { ["total"] = "12件" } }],
            ExtraRows = [new TableRow { Key = "extra_1", Label = "(八)其他(省定)", Line = 14, Raw = new Dictionary<string, string> { ["total"] = "-" } }],
        };

        var restored = Assert.Single(WrittenTables.Restore([table], split));
        Assert.Equal("１２件", restored.Rows[0].Raw["total"]);
        Assert.Equal("（一）予以公开", restored.Rows[0].Label);
        Assert.Equal("（八）其他（省定）", restored.ExtraRows![0].Label);
        Assert.Equal("－", restored.ExtraRows[0].Raw["total"]);
    }

    [Fact]
    public void Text_that_no_line_holds_is_left_as_it_is()
    {
        var split = new SplitDocument(new ReportMetadata(), [new SplitSection(3, "三、", "x", null, 10, [Line("无关，文字", 11)])], []);
        var table = new StatTable
        {
            Key = "table3", Template = "gov2021", Status = TableStatus.Complete,
            Rows = [new TableRow { Key = "granted", Label = "x", Line = 11, Raw = new Dictionary<string, string> { ["total"] = "7件" } }],
        };
        Assert.Same(table, Assert.Single(WrittenTables.Restore([table], split)));
    }
}
