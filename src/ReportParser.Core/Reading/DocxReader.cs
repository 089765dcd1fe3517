using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Text;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace ReportParser.Reading;

/// <summary>
/// Reads a Word document (.docx, DocumentFormat.OpenXml) into lines and table grids: the body's
/// paragraphs in order, each one line, with the number Word generates from <c>w:numPr</c> written
/// in front (一、 （一） 1.); every <c>w:tbl</c> as a <see cref="Grid"/> with <c>w:gridSpan</c> and
/// <c>w:vMerge</c> expanded as the HTML reader expands colspan and rowspan. Only body text is read:
/// deleted text, field codes, text boxes, comments, headers and footers are left out, and counted (RP1019).
/// </summary>
internal sealed class DocxReader
{
    /// <summary>Whether a ZIP container is a Word document: it has <c>word/document.xml</c>.</summary>
    public static bool IsDocx(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private readonly List<Block> _blocks = [];
    private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private NumberingText? _numbering;
    private Dictionary<string, NumberingProperties> _styleNumbering = [];
    private int _line;

    public SourceText? Read(byte[] bytes, string name, string sha256, DiagnosticBag bag, out ParseError? error)
    {
        error = null;
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
            var main = document.MainDocumentPart;
            if (main?.Document?.Body is not { } body)
            {
                error = SourceReader.Fail(DiagnosticCodes.DamagedDocument, "the Word document has no body (word/document.xml holds no w:body)", bag);
                return null;
            }

            _numbering = new NumberingText(main.NumberingDefinitionsPart?.Numbering);
            _styleNumbering = StyleNumbering(main.StyleDefinitionsPart?.Styles);
            CountParts(main);
            ReadContainer(body);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException)
        {
            error = SourceReader.Fail(DiagnosticCodes.DamagedDocument, $"the Word document could not be opened ({ex.Message}); re-save it from Word or WPS and parse the copy", bag);
            return null;
        }

        if (_skipped.Count > 0)
        {
            var parts = new List<string>();
            foreach (var pair in _skipped)
            {
                parts.Add($"{pair.Value:N0} {pair.Key}");
            }

            bag.Report(DiagnosticCodes.WordPartsSkipped, "left out of the text (not body text): " + string.Join("; ", parts));
        }

        return new SourceText(name, "docx", null, bytes.LongLength, sha256, _blocks);
    }

    private void Skip(string what, int count = 1)
    {
        if (count > 0)
        {
            _skipped[what] = _skipped.GetValueOrDefault(what) + count;
        }
    }

    /// <summary>
    /// The numbering each paragraph style gives its paragraphs (a heading style linked to a list, 标题 1 →
    /// 一、), following <c>w:basedOn</c> up to <see cref="MaxStyleDepth"/> styles.
    /// </summary>
    private static Dictionary<string, NumberingProperties> StyleNumbering(Styles? styles)
    {
        var byId = new Dictionary<string, Style>(StringComparer.Ordinal);
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                byId[id] = style;
            }
        }

        var result = new Dictionary<string, NumberingProperties>(StringComparer.Ordinal);
        foreach (var (id, style) in byId)
        {
            var current = style;
            for (int depth = 0; current is not null && depth < MaxStyleDepth; depth++)
            {
                if (current.StyleParagraphProperties?.NumberingProperties is { } numbering)
                {
                    result[id] = numbering;
                    break;
                }

                current = current.BasedOn?.Val?.Value is { } parent ? byId.GetValueOrDefault(parent) : null;
            }
        }

        return result;
    }

    /// <summary>How many <c>w:basedOn</c> links are followed to find a style's numbering (a loop in a damaged file ends there). Default 10.</summary>
    private const int MaxStyleDepth = 10;

    /// <summary>Counts the parts that are not body text and hold some: headers, footers, comments, footnotes.</summary>
    private void CountParts(MainDocumentPart main)
    {
        int headers = 0, footers = 0;
        foreach (var header in main.HeaderParts)
        {
            headers += header.Header?.InnerText.Trim().Length > 0 ? 1 : 0;
        }

        foreach (var footer in main.FooterParts)
        {
            footers += footer.Footer?.InnerText.Trim().Length > 0 ? 1 : 0;
        }

        Skip("header(s)", headers);
        Skip("footer(s)", footers);
        Skip("comment(s)", main.WordprocessingCommentsPart?.Comments?.ChildElements.Count ?? 0);
        int footnotes = 0;
        foreach (var note in main.FootnotesPart?.Footnotes?.Elements<Footnote>() ?? [])
        {
            footnotes += note.Id?.Value > 0 ? 1 : 0; // ids -1 and 0 are the separators
        }

        Skip("footnote(s)", footnotes);
    }

    /// <summary>Reads the block-level content of the body, a content control or a table cell's host, in order.</summary>
    private void ReadContainer(OpenXmlElement container)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    string text = ParagraphText(paragraph);
                    if (text.Length > 0)
                    {
                        _blocks.Add(new TextLine(text, ++_line));
                    }

                    break;
                case Table table when IsLayout(table):
                    foreach (var cell in table.Descendants<TableCell>())
                    {
                        if (cell.Ancestors<Table>().First() == table)
                        {
                            ReadContainer(cell); // the cell's paragraphs and tables, in order
                        }
                    }

                    break;
                case Table table:
                    if (ReadTable(table) is { } grid)
                    {
                        _blocks.Add(grid);
                    }

                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    ReadContainer(content);
                    break;
                case CustomXmlBlock custom:
                    ReadContainer(custom);
                    break;
            }
        }
    }

    /// <summary>
    /// Whether a table lays out a page rather than holding data (a web page saved as Word): a cell holds
    /// another table or more text than a data cell (<see cref="TableClassifier.MaxDataCellText"/>), or the
    /// table has a single column. Its cells are read as content, in order, as the HTML reader does.
    /// </summary>
    private static bool IsLayout(Table table)
    {
        int columns = 0;
        foreach (var row in table.Elements<TableRow>())
        {
            int cells = 0;
            foreach (var cell in row.Elements<TableCell>())
            {
                cells += Math.Max(1, cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1);
                if (cell.Descendants<Table>().Any() || cell.InnerText.Length > TableClassifier.MaxDataCellText)
                {
                    return true;
                }
            }

            columns = Math.Max(columns, cells);
        }

        return columns <= 1;
    }

    /// <summary>A paragraph's text with its generated number in front; deleted runs, field codes and text boxes left out.</summary>
    private string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        AppendRuns(paragraph, text);
        string body = text.ToString().Trim();
        var properties = paragraph.ParagraphProperties;
        var numbering = properties?.NumberingProperties
            ?? (properties?.ParagraphStyleId?.Val?.Value is { } style ? _styleNumbering.GetValueOrDefault(style) : null);
        if (numbering is not null && _numbering is not null)
        {
            string number = _numbering.Next(numbering.NumberingId?.Val?.Value ?? 0, numbering.NumberingLevelReference?.Val?.Value ?? 0);
            if (number.Length > 0 && body.Length > 0)
            {
                return number + body;
            }
        }

        return body;
    }

    private void AppendRuns(OpenXmlElement element, StringBuilder text)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case WordText t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append(' ');
                    break;
                case Break or CarriageReturn:
                    text.Append(' ');
                    break;
                case DeletedRun or DeletedText:
                    Skip("deleted run(s) (tracked changes)");
                    break;
                case FieldCode or DeletedFieldCode:
                    break; // the instruction of a field; its result is the run that follows
                case DocumentFormat.OpenXml.Wordprocessing.Drawing or Picture or EmbeddedObject when child.Descendants<TextBoxContent>().Any():
                    Skip("text box(es)");
                    break;
                case AlternateContent:
                    Skip("text box(es)");
                    break;
                case ParagraphProperties or RunProperties:
                    break;
                default:
                    AppendRuns(child, text); // runs, insertions, hyperlinks, simple fields, smart tags
                    break;
            }
        }
    }

    /// <summary>
    /// A table as a rectangular grid (null when it has no cells): a cell spanning <c>w:gridSpan</c> columns fills them (copies after
    /// the first), a cell continuing a <c>w:vMerge</c> is a copy of the cell above, <c>w:gridBefore</c>
    /// and short rows are padded with empty cells. Nested tables are read as their cells' text.
    /// </summary>
    private Grid? ReadTable(Table table)
    {
        int first = _line + 1;
        var rows = new List<GridCell[]>();
        var widths = new List<int>();
        foreach (var row in table.Elements<TableRow>())
        {
            int line = ++_line;
            var cells = new List<GridCell>();
            int before = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            for (int i = 0; i < before; i++)
            {
                cells.Add(new GridCell("", line));
            }

            foreach (var cell in row.Descendants<TableCell>())
            {
                if (cell.Ancestors<TableRow>().First() != row)
                {
                    continue; // a nested table's cell: its text is in the outer cell
                }

                var properties = cell.TableCellProperties;
                int span = Math.Max(1, properties?.GridSpan?.Val?.Value ?? 1);
                bool continues = properties?.VerticalMerge is { } merge && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                int column = cells.Count;
                GridCell original;
                if (continues && rows.Count > 0 && column < rows[^1].Length)
                {
                    var above = rows[^1][column];
                    original = new GridCell(above.Text, line, IsSpanCopy: true);
                }
                else
                {
                    original = new GridCell(CellText(cell), line);
                }

                cells.Add(original);
                for (int i = 1; i < span; i++)
                {
                    cells.Add(original with { IsSpanCopy = true });
                }
            }

            rows.Add([.. cells]);
            widths.Add(cells.Count);
        }

        int width = 0;
        foreach (int w in widths)
        {
            width = Math.Max(width, w);
        }

        if (width == 0)
        {
            return null; // rows without cells: nothing to read
        }

        var result = new IReadOnlyList<GridCell>[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            var padded = new GridCell[width];
            for (int c = 0; c < width; c++)
            {
                padded[c] = c < rows[r].Length ? rows[r][c] : new GridCell("", first + r);
            }

            result[r] = padded;
        }

        return new Grid(result, first);
    }

    private string CellText(TableCell cell)
    {
        var text = new StringBuilder();
        foreach (var paragraph in cell.Descendants<Paragraph>())
        {
            WhiteSpace.AppendPiece(text, ParagraphText(paragraph));
        }

        return text.ToString().Trim();
    }
}
