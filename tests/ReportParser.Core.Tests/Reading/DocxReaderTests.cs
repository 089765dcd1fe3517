using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Reading;
using ModelGrid = ReportParser.Model.Grid;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace ReportParser.Tests.Reading;

/// <summary>
/// The Word reader, on documents written here with DocumentFormat.OpenXml: numbered paragraphs get
/// the number Word shows, tables become grids with gridSpan and vMerge expanded, and what is not
/// body text is left out and counted.
/// </summary>
public sealed class DocxReaderTests
{
    private static SourceText Read(Action<MainDocumentPart, Body> build, DiagnosticBag bag)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            build(main, body);
        }

        byte[] bytes = stream.ToArray();
        Assert.True(DocxReader.IsDocx(bytes));
        var text = new DocxReader().Read(bytes, "report.docx", "", bag, out var error);
        Assert.Null(error);
        return text!;
    }

    private static Paragraph Para(string text, int? numId = null, int level = 0)
    {
        var paragraph = new Paragraph(new Run(new WText(text)));
        if (numId is { } id)
        {
            paragraph.PrependChild(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = id })));
        }

        return paragraph;
    }

    private static Level Level(int index, NumberFormatValues format, string text) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = index };

    [Fact]
    public void Numbered_paragraphs_get_the_numbers_word_shows()
    {
        var text = Read((main, body) =>
        {
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(Level(0, NumberFormatValues.ChineseCounting, "%1、"), Level(1, NumberFormatValues.ChineseCounting, "（%2）")) { AbstractNumberId = 0 },
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 });
            body.Append(Para("总体情况", 1), Para("主动公开情况", 1, 1), Para("依申请公开情况", 1, 1), Para("正文。"), Para("主动公开政府信息情况", 1), Para("规章", 1, 1));
        }, new DiagnosticBag());

        Assert.Equal(["一、总体情况", "（一）主动公开情况", "（二）依申请公开情况", "正文。", "二、主动公开政府信息情况", "（一）规章"],
            text.Blocks.OfType<TextLine>().Select(l => l.Text));
    }

    [Fact]
    public void A_heading_style_linked_to_a_list_numbers_its_paragraphs()
    {
        var text = Read((main, body) =>
        {
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(Level(0, NumberFormatValues.ChineseCounting, "%1、")) { AbstractNumberId = 0 },
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 3 });
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }, new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = 3 }))) { Type = StyleValues.Paragraph, StyleId = "1" },
                new Style(new StyleName { Val = "报告标题一" }, new BasedOn { Val = "1" }) { Type = StyleValues.Paragraph, StyleId = "a5" });
            Paragraph Styled(string content, string style) => new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new WText(content)));
            body.Append(Styled("总体情况", "1"), Para("正文。"), Styled("主动公开政府信息情况", "a5"));
        }, new DiagnosticBag());

        Assert.Equal(["一、总体情况", "正文。", "二、主动公开政府信息情况"], text.Blocks.OfType<TextLine>().Select(l => l.Text));
    }

    [Fact]
    public void A_table_is_a_grid_with_grid_span_and_vertical_merges_expanded()
    {
        var text = Read((main, body) =>
        {
            TableCell Cell(string content, int span = 1, MergedCellValues? merge = null, bool continues = false)
            {
                var properties = new TableCellProperties();
                if (span > 1)
                {
                    properties.Append(new GridSpan { Val = span });
                }

                if (merge is { } m)
                {
                    properties.Append(new VerticalMerge { Val = m });
                }
                else if (continues)
                {
                    properties.Append(new VerticalMerge());
                }

                return new TableCell(properties, new Paragraph(new Run(new WText(content))));
            }

            body.Append(new Table(
                new TableRow(Cell("三、本年度办理结果", merge: MergedCellValues.Restart), Cell("（一）予以公开", span: 2), Cell("4")),
                new TableRow(Cell("", continues: true), Cell("（三）不予公开"), Cell("1.属于国家秘密"), Cell("0"))));
        }, new DiagnosticBag());

        var grid = Assert.IsType<ModelGrid>(Assert.Single(text.Blocks));
        Assert.Equal(2, grid.Rows.Count);
        Assert.Equal(["三、本年度办理结果", "（一）予以公开", "（一）予以公开", "4"], grid.Rows[0].Select(c => c.Text));
        Assert.Equal([false, false, true, false], grid.Rows[0].Select(c => c.IsSpanCopy));
        Assert.Equal(["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "0"], grid.Rows[1].Select(c => c.Text));
        Assert.True(grid.Rows[1][0].IsSpanCopy);
    }

    [Fact]
    public void Deleted_text_headers_and_comments_are_left_out_and_counted()
    {
        var bag = new DiagnosticBag();
        var text = Read((main, body) =>
        {
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new Run(new WText("淮安市人民政府办公室"))));
            var comments = main.AddNewPart<WordprocessingCommentsPart>();
            comments.Comments = new Comments(new Comment(new Paragraph(new Run(new WText("请核对数字")))) { Id = "1", Author = "x" });
            body.Append(new Paragraph(
                new Run(new WText("全年受理申请")),
                new DeletedRun(new Run(new DeletedText("30"))),
                new InsertedRun(new Run(new WText("31"))),
                new Run(new WText("件。"))));
        }, bag);

        Assert.Equal("全年受理申请31件。", Assert.IsType<TextLine>(Assert.Single(text.Blocks)).Text);
        var skipped = Assert.Single(bag.ToSortedList(), d => d.Code == DiagnosticCodes.WordPartsSkipped.Code);
        Assert.Contains("1 header(s)", skipped.Message);
        Assert.Contains("1 comment(s)", skipped.Message);
        Assert.Contains("1 deleted run(s)", skipped.Message);
    }
}
