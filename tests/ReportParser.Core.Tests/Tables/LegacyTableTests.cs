using ReportParser.Model;
using ReportParser.Templates;

namespace ReportParser.Tests.Tables;

/// <summary>
/// The statistics tables of 2008–2018 reports, as scrapes leave them: label, unit and values with
/// spaces, on lines of their own, or run together with no separator; 其中 parts numbered 1. 2.; one or
/// two value columns named by the header.
/// </summary>
public class LegacyTableTests
{
    private const string Head = "某市某局2012年政府信息公开工作年度报告\n一、概述\n2012年，我局认真贯彻《政府信息公开条例》。\n二、主动公开政府信息情况\n全年主动公开信息。\n附件：政府信息公开情况统计表\n";

    private static ReportDocument Parse(string table) =>
        new ReportPipeline().Parse(ReportSource.FromText("legacy.txt", Head + table)).Document;

    private static LegacyStats Stats(string table) => Parse(table).LegacyStats ?? throw new Xunit.Sdk.XunitException("no legacy_stats");

    [Fact]
    public void A_spaced_one_column_table_reads_labels_units_values_and_parts()
    {
        var stats = Stats("指标名称 计量单位 2012年度 主动公开政府信息数 条 1234 其中：1．全文电子化 条 1200 2．网站公开 条 1100 "
            + "3．政府公报公开 条 34 依申请公开 收到申请数 件 12 其中：1．当面申请数 件 5 2．网上申请数 件 7 "
            + "行政复议数 件 1 行政诉讼数 件 0 依申请公开信息收取的费用 万元 0.5 从事政府信息公开工作人员数 人 6 其中：1．专职人员数 人 2 2．兼职人员数 人 4\n");
        Assert.Equal(["2012年度"], stats.Columns);
        Assert.Equal(
            ["proactive.total", "proactive.full_text_electronic", "proactive.website", "proactive.gazette", "requests.received",
             "requests.in_person", "requests.online", "review.count", "litigation.count", "fees.amount", "staff.total", "staff.full_time", "staff.part_time"],
            stats.Rows.Select(r => r.Key));
        Assert.Equal([1234m, 1200m, 1100m, 34m, 12m, 5m, 7m, 1m, 0m, 0.5m, 6m, 2m, 4m], stats.Rows.Select(r => r.Values[0]));
        Assert.Equal([null, 0, 0, 0, null, 4, 4, null, null, null, null, 10, 10], stats.Rows.Select(r => r.Parent));
        Assert.Equal("万元", stats.Rows[9].Unit);
        Assert.Equal("依申请公开 收到申请数", stats.Rows[4].Label);
    }

    [Fact]
    public void Digits_run_together_are_split_only_when_one_split_gives_valid_numbers()
    {
        var document = Parse("指标名称计量单位2015年度历年累计主动公开文件数条158169其中：1.政府网站公开数条1581582.政府公报公开数条00受理政府信息公开申请总数条13行政复议数件00\n");
        var stats = document.LegacyStats!;
        Assert.Equal(["2015年度", "历年累计"], stats.Columns);
        Assert.Equal(["proactive.total", "proactive.website", "proactive.gazette", "requests.received", "review.count"], stats.Rows.Select(r => r.Key));
        Assert.Equal([null, null], stats.Rows[0].Values);
        Assert.Equal([null, null], stats.Rows[1].Values);
        Assert.Equal("158158", stats.Rows[1].Raw); // the next part's number "2" went to the next row
        Assert.Equal([0m, 0m], stats.Rows[2].Values);
        Assert.Equal([1m, 3m], stats.Rows[3].Values);
        Assert.Contains(document.Diagnostics, d => d.Code == "RP3007" && d.Message.Contains("158|169", StringComparison.Ordinal));
        Assert.Contains(document.Diagnostics, d => d.Code == "RP3008" && d.Message.Contains("13→1|3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_header_of_two_columns_over_rows_of_one_number_reads_the_first_column()
    {
        var document = Parse("指标名称单位2017年历年累计主动公开文件数条148 其中：1.政府网站公开数条148 2.政府公报公开数条0 受理政府信息公开申请总数条2\n");
        var stats = document.LegacyStats!;
        Assert.Equal([148m, 148m, 0m, 2m], stats.Rows.Select(r => r.Values[0]));
        Assert.All(stats.Rows, r => Assert.Null(r.Values[1]));
        Assert.Contains(document.Diagnostics, d => d.Code == "RP3021" && d.Message.Contains("read as 2017年", StringComparison.Ordinal));

        // With one row that does print two numbers, a lone number is not read as the first column.
        var mixed = Stats("指标名称单位2017年历年累计主动公开文件数条148 2000 政府公报公开数条0\n");
        Assert.Equal([148m, 2000m], mixed.Rows[0].Values);
        Assert.Equal([null, null], mixed.Rows[1].Values);
    }

    [Fact]
    public void A_part_glued_to_the_next_parts_number_keeps_its_own_digits()
    {
        var stats = Stats("指标名称 单位 数量 主动公开信息数条158其中：1.网站公开数条1582.政府公报公开数条03.其他方式公开数条0\n");
        Assert.Equal([158m, 158m, 0m, 0m], stats.Rows.Select(r => r.Values[0]));
        Assert.Equal([null, 0, 0, 0], stats.Rows.Select(r => r.Parent));
    }

    [Fact]
    public void Nested_parts_unknown_labels_and_extra_values_are_kept_with_diagnostics()
    {
        var document = Parse("指 标 名 称 单位 数量 正式受理政府信息公开申请数 件 3 其中：1．在办 件 1 2．办结 件 2 其中：1．同意提供 件 1 2．拒绝提供 件 1 "
            + "3．其他 件 0 政府信息公开查询点数 个 2 2 政务微博发布数 条 40\n");
        var stats = document.LegacyStats!;
        Assert.Equal([null, 0, 0, 2, 2, 2, null, null], stats.Rows.Select(r => r.Parent));
        Assert.Null(stats.Rows[5].Key);
        Assert.Equal("其他", stats.Rows[5].Label);
        Assert.Equal([null], stats.Rows[6].Values);
        Assert.Contains(document.Diagnostics, d => d.Code == "RP3021" && d.Message.Contains("政府信息公开查询点数", StringComparison.Ordinal));
        Assert.Null(stats.Rows[7].Key);
        Assert.Equal([40m], stats.Rows[7].Values);
    }

    [Fact]
    public void The_implied_rules_are_checked_and_a_failure_is_a_practice_warning()
    {
        var document = Parse("指标名称 计量单位 2012年度 受理政府信息公开申请总数 条 2 其中：1.当面申请数 条 3 2.网上申请数 条 0 对申请的答复总数 条 4\n");
        var part = Assert.Single(document.Checks!, c => c.Rule == "L_PART_NOT_EXCEEDING_TOTAL" && c.Status == CheckStatus.Fail);
        Assert.Equal("requests.in_person", part.Row);
        Assert.Contains("3 > 受理政府信息公开申请总数 2", part.Message, StringComparison.Ordinal);
        Assert.Single(document.Checks!, c => c.Rule == "L_REPLIES_NOT_EXCEEDING_REQUESTS" && c.Status == CheckStatus.Fail);
        Assert.Equal(2, document.Diagnostics.Count(d => d.Code == "RP4004"));
    }

    [Fact]
    public void An_html_table_is_read_cell_by_cell()
    {
        const string html = "<html><body><p>某县民政局2013年政府信息公开工作年度报告</p><p>一、概述</p><p>政府信息公开工作有序开展。</p>"
            + "<table><tr><td>指标名称</td><td>计量单位</td><td>2013年度</td><td>历年累计</td></tr>"
            + "<tr><td>主动公开信息数</td><td>条</td><td>43</td><td>555</td></tr>"
            + "<tr><td>其中：1、网站公开</td><td>条</td><td>43</td><td>555</td></tr>"
            + "<tr><td>行政复议数</td><td>件</td><td>0</td><td></td></tr></table></body></html>";
        var stats = new ReportPipeline().Parse(ReportSource.FromText("legacy.html", html)).Document.LegacyStats!;
        Assert.Equal(["2013年度", "历年累计"], stats.Columns);
        Assert.Equal(["proactive.total", "proactive.website", "review.count"], stats.Rows.Select(r => r.Key));
        Assert.Equal("网站公开", stats.Rows[1].Label);
        Assert.Equal([43m, 555m], stats.Rows[1].Values);
        Assert.Equal(0, stats.Rows[1].Parent);
        Assert.Equal([0m, null], stats.Rows[2].Values);
    }

    [Fact]
    public void A_report_on_a_national_template_has_no_legacy_table()
    {
        string text = File.ReadAllText(Path.Combine(TestPaths.Seeds, "002_ed5f9074cb8b6cc8.txt"));
        Assert.Null(new ReportPipeline().Parse(ReportSource.FromText("seed.txt", text)).Document.LegacyStats);
    }

    [Fact]
    public void The_wide_csv_has_a_column_per_indicator_and_column_kind_and_the_cells_csv_a_row_per_cell()
    {
        var document = Parse("指标名称 计量单位 2013年度 历年累计 主动公开信息数 条 43 555 政务微博发布数 条 7 9\n");
        var wide = new StringWriter();
        using (var csv = new ReportParser.Output.CsvReportWriter(wide, ReportParser.Output.CsvLayout.Wide))
        {
            csv.Write(document);
        }

        string[] lines = wide.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimEnd('\r').Split(',');
        var row = lines[1].TrimEnd('\r').Split(',');
        Assert.Equal("43", row[Array.IndexOf(header, "legacy.proactive.total.year")]);
        Assert.Equal("555", row[Array.IndexOf(header, "legacy.proactive.total.cumulative")]);
        Assert.Equal("", row[Array.IndexOf(header, "legacy.review.count.year")]);

        var cells = new StringWriter();
        using (var csv = new ReportParser.Output.CsvReportWriter(cells, ReportParser.Output.CsvLayout.Cells))
        {
            csv.Write(document);
        }

        Assert.Contains(",legacy,legacy_stats,proactive.total,历年累计,主动公开信息数,历年累计,555,", cells.ToString(), StringComparison.Ordinal);
        Assert.Contains(",legacy,legacy_stats,政务微博发布数,2013年度,政务微博发布数,2013年度,7,", cells.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_html_and_xlsx_views_show_the_legacy_table_with_units_parts_and_failed_cells()
    {
        var document = Parse("指标名称 计量单位 2012年度 受理政府信息公开申请总数 条 2 其中：1.当面申请数 条 3 2.网上申请数 条 0\n");

        string text = ReportParser.Output.TextReportWriter.Render(document, color: false);
        Assert.Contains("旧版统计表", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  受理政府信息公开申请总数（条）\s+2\n", text);
        Assert.Matches(@"\n    当面申请数（条）\s+3!\n", text); // a part, indented, its failed check marked

        string html = ReportParser.Output.HtmlReportWriter.Render(document, null);
        Assert.Contains("data-table=\"legacy_stats\"", html, StringComparison.Ordinal);
        Assert.Contains("当面申请数（条）", html, StringComparison.Ordinal);

        using var stream = new MemoryStream();
        ReportParser.Output.XlsxReportWriter.WriteReport(stream, document);
        stream.Position = 0;
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        Assert.Contains("旧版统计表", book.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(book));
    }

    [Theory]
    [InlineData("其中：1．网站公开", "proactive.website")]
    [InlineData("行政复试数", "review.count")]
    [InlineData("当面申请书", "requests.in_person")]
    [InlineData("信函、传真申请数", "requests.letter_fax")]
    [InlineData("接受行政诉讼、举报数", "appeal.count")]
    [InlineData("其他", null)]
    [InlineData("政务微博发布数", null)]
    public void Labels_map_to_catalogue_keys_exactly_or_by_one_typo(string label, string? key) =>
        Assert.Equal(key, LegacyCatalog.Default.KeyOf(LegacyCatalog.Normalize(label)));
}
