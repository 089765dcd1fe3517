using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ReportParser.Model;
using ReportParser.Output;
using ReportParser.Templates;

namespace ReportParser.Tests.Output;

/// <summary>The workbooks read back with the OpenXML SDK: valid, the numbers of the JSON in the cells, failed checks marked.</summary>
public sealed class XlsxReportWriterTests
{
    private static ReportDocument Parse(string relative) =>
        new ReportPipeline().Parse(ReportSource.FromFile(Path.Combine(TestPaths.Output, relative))).Document;

    private static MemoryStream Report(ReportDocument document)
    {
        var stream = new MemoryStream();
        XlsxReportWriter.WriteReport(stream, document);
        stream.Position = 0;
        return stream;
    }

    [Theory]
    [InlineData("seeds/002_ed5f9074cb8b6cc8.txt")]
    [InlineData("seeds/003_cfe21c01c8bc6a87.txt")]
    [InlineData("samples/unbalanced-gov2019/report.txt")]
    public void A_report_workbook_is_valid_and_every_table_cell_equals_the_json(string input)
    {
        var document = Parse(input);
        using var stream = Report(document);
        using var book = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(book).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));

        var tables = document.Tables!.Where(t => t.Status != TableStatus.Absent).ToList();
        Assert.Equal(["概况", .. tables.Select(t => TableKeys.Name(t.Key)), "诊断"], SheetNames(book));
        foreach (var table in tables)
        {
            var sheet = Sheet(book, TableKeys.Name(table.Key));
            var template = TemplateCatalog.Default.Get(table.Key, table.Template);
            foreach (var row in table.Rows)
            {
                // The row whose label (less the indent) is the template's; its cells from B on are the row's values in the template's column order.
                string label = template.Row(row.Key)!.Label;
                var found = sheet.Where(r => r.Value.TryGetValue("A", out var a) && a.Text.TrimStart('\u3000') == label).ToList();
                var sheetRow = Assert.Single(found).Value;
                var columns = template.Row(row.Key)!.Columns;
                for (int i = 0; i < columns.Count; i++)
                {
                    string reference = XlsxReportWriter.Column(1 + i);
                    row.Values.TryGetValue(columns[i].Key, out var expected);
                    sheetRow.TryGetValue(reference, out var cell);
                    Assert.True(expected == cell?.Number, $"{table.Key} {row.Key}.{columns[i].Key}: JSON {expected}, sheet {cell?.Number}");
                }
            }
        }
    }

    [Fact]
    public void A_failed_check_marks_its_cells_and_says_why_in_a_comment()
    {
        var document = Parse("samples/unbalanced-gov2019/report.txt");
        using var stream = Report(document);
        using var book = SpreadsheetDocument.Open(stream, false);
        var part = WorksheetPart(book, "表三");
        var comments = part.WorksheetCommentsPart!.Comments.Descendants<Comment>().ToDictionary(c => c.Reference!.Value!, c => c.InnerText);
        var rows = Sheet(book, "表三");
        int newReceived = rows.Single(r => r.Value.TryGetValue("A", out var a) && a.Text == "一、本年新收政府信息公开申请数量").Key;
        Assert.Contains("T3_BALANCE: 本年新收 5 + 上年结转 1 = 6, but 办理结果总计 5 + 结转下年度 0 = 5 (difference 1)", comments[$"B{newReceived}"]);
        Assert.DoesNotContain($"C{newReceived}", comments.Keys); // 商业企业 balances
        var style = part.Worksheet.Descendants<Cell>().Single(c => c.CellReference == $"B{newReceived}").StyleIndex!.Value;
        var fill = book.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)style).FillId!.Value;
        Assert.Equal("FFFFC7CE", book.WorkbookPart.WorkbookStylesPart.Stylesheet.Fills!.Elements<Fill>().ElementAt((int)fill).PatternFill!.ForegroundColor!.Rgb!.Value);
        Assert.NotNull(part.VmlDrawingParts.SingleOrDefault());
        Assert.Contains(Sheet(book, "概况").Values, r => r.TryGetValue("D", out var m) && m.Text.StartsWith("本年新收 5 + 上年结转 1", StringComparison.Ordinal));
    }

    [Fact]
    public void The_table3_header_is_merged_like_the_official_form()
    {
        using var stream = Report(Parse("seeds/002_ed5f9074cb8b6cc8.txt"));
        using var book = SpreadsheetDocument.Open(stream, false);
        var part = WorksheetPart(book, "表三");
        var merges = part.Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();
        var rows = Sheet(book, "表三");
        Assert.Equal("申请人情况", rows[2]["B"].Text);
        Assert.Contains("B2:H2", merges);  // 申请人情况 over the seven columns
        Assert.Equal("法人或其他组织", rows[3]["C"].Text);
        Assert.Contains("C3:G3", merges);
        Assert.Contains("A2:A4", merges);  // the label column's corner
        Assert.Contains("B3:B4", merges);  // 自然人 over two header rows
        Assert.Equal("商业企业", rows[4]["C"].Text);
    }

    [Fact]
    public void The_wide_workbook_has_a_row_per_report_labels_frozen_panes_filters_and_the_codebook()
    {
        var documents = Directory.GetFiles(TestPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(f => new ReportPipeline().Parse(ReportSource.FromFile(f)).Document).ToList();
        using var stream = new MemoryStream();
        XlsxReportWriter.WriteWide(stream, documents.Select(CsvReportWriter.WideRecord));
        stream.Position = 0;
        using var book = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(book).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Assert.Equal(["报告", "说明"], SheetNames(book));

        var header = CsvReportWriter.Header(CsvLayout.Wide);
        var rows = Sheet(book, "报告");
        Assert.Equal(2 + documents.Count, rows.Count);
        Assert.Equal(header, Enumerable.Range(0, header.Count).Select(i => rows[1][XlsxReportWriter.Column(i)].Text));
        Assert.Equal("表三 本年新收 自然人", rows[2][XlsxReportWriter.Column(header.ToList().IndexOf("table3.new_received.natural_person"))].Text);
        for (int d = 0; d < documents.Count; d++)
        {
            var record = CsvReportWriter.WideRecord(documents[d]);
            for (int i = WideCsvColumns.Leading.Count; i < record.Length; i++)
            {
                rows[3 + d].TryGetValue(XlsxReportWriter.Column(i), out var cell);
                decimal? expected = record[i].Length == 0 ? null : decimal.Parse(record[i], CultureInfo.InvariantCulture);
                Assert.True(expected == cell?.Number, $"{documents[d].Source.Path} {header[i]}: CSV {record[i]}, sheet {cell?.Number}");
            }
        }

        var part = WorksheetPart(book, "报告");
        Assert.Equal("B3", part.Worksheet.Descendants<Pane>().Single().TopLeftCell!.Value);
        Assert.StartsWith("A2:", part.Worksheet.Descendants<AutoFilter>().Single().Reference!.Value);
        Assert.Equal(1 + header.Count, Sheet(book, "说明").Count);
    }

    private static List<string> SheetNames(SpreadsheetDocument book) =>
        book.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToList();

    private static WorksheetPart WorksheetPart(SpreadsheetDocument book, string name)
    {
        var sheet = book.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!);
    }

    /// <summary>The sheet's cells: by row number, then by column letters; a cell's text, and its number when it holds one.</summary>
    private static SortedDictionary<int, Dictionary<string, SheetCell>> Sheet(SpreadsheetDocument book, string name)
    {
        var rows = new SortedDictionary<int, Dictionary<string, SheetCell>>();
        foreach (var row in WorksheetPart(book, name).Worksheet.Descendants<Row>())
        {
            var cells = new Dictionary<string, SheetCell>();
            foreach (var cell in row.Elements<Cell>())
            {
                string reference = cell.CellReference!.Value!;
                string column = new(reference.TakeWhile(char.IsAsciiLetter).ToArray());
                bool number = cell.DataType is null || cell.DataType.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number;
                string text = cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
                cells[column] = new SheetCell(text, number && cell.CellValue is not null ? decimal.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture) : null);
            }

            rows[(int)row.RowIndex!.Value] = cells;
        }

        return rows;
    }

    private sealed record SheetCell(string Text, decimal? Number);
}
