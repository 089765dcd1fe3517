using System.Globalization;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Templates;
using CellValues = DocumentFormat.OpenXml.Spreadsheet.CellValues;

namespace ReportParser.Output;

/// <summary>
/// Excel workbooks (OpenXML). One report: a sheet 概况 (metadata, table statuses, the checks in sum and every failed
/// one), one sheet per table laid out like the official form (merged header cells, Chinese labels, numbers as
/// numbers, blanks blank; a failed check's cells red with its message as a cell comment, uncertain cells yellow
/// with their source text), and a sheet 诊断 of the diagnostics. Many reports: a sheet 报告 with one row per report
/// (the wide CSV layout's columns, a row of Chinese labels, frozen panes and filters) and a sheet 说明 (the codebook).
/// </summary>
internal static class XlsxReportWriter
{
    /// <summary>The widest a label column is made, in characters (Excel's unit), so long 表三 labels wrap instead.</summary>
    public const double DefaultLabelColumnWidth = 48;

    // Cell formats of the stylesheet (Styles()): their indexes.
    private const uint Plain = 0;
    private const uint Header = 1;
    private const uint Number = 2;
    private const uint Failed = 3;
    private const uint Uncertain = 4;
    private const uint Label = 5;
    private const uint GroupLabel = 6;
    private const uint Title = 7;

    /// <summary>The workbook of one report.</summary>
    public static void WriteReport(Stream stream, ReportDocument document)
    {
        using var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var book = new Book(package);
        Overview(book.AddSheet("概况"), document);
        foreach (var table in document.Tables ?? [])
        {
            if (table.Status != TableStatus.Absent)
            {
                TableSheet(book.AddSheet(TableKeys.Name(table.Key)), TableGrid.Build(table, document.Checks));
            }
        }

        if (document.LegacyStats is { } legacy)
        {
            TableSheet(book.AddSheet(TableKeys.Name(TableKeys.LegacyStats)), TableGrid.Legacy(legacy, document.Checks));
        }

        DiagnosticsSheet(book.AddSheet("诊断"), document);
        book.Save();
    }

    /// <summary>
    /// A workbook of one sheet: a header row, then <paramref name="records"/>; a cell of a column
    /// <paramref name="numeric"/> names is written as a number when it is one, else as text.
    /// </summary>
    public static void WriteSheet(Stream stream, string name, IReadOnlyList<string> header, IEnumerable<string[]> records, Func<int, bool> numeric)
    {
        using var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var book = new Book(package);
        var sheet = book.AddSheet(name);
        sheet.HeaderRow([.. header]);
        AddRecords(sheet, records, numeric);

        sheet.Freeze(rows: 1, columns: 1);
        sheet.Filter = $"A1:{Column(header.Count - 1)}{sheet.RowCount}";
        sheet.Widths[0] = 30;
        book.Save();
    }

    /// <summary>A row per record; a cell of a column <paramref name="numeric"/> names is a number when it is one, else text.</summary>
    private static void AddRecords(Sheet sheet, IEnumerable<string[]> records, Func<int, bool> numeric)
    {
        foreach (var record in records)
        {
            var row = sheet.Row();
            for (int i = 0; i < record.Length; i++)
            {
                if (numeric(i) && decimal.TryParse(record[i], NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
                {
                    row.Number(i, value, Plain);
                }
                else if (record[i].Length > 0)
                {
                    row.Text(i, record[i], Plain);
                }
            }
        }
    }

    /// <summary>The workbook of many reports: <paramref name="records"/> are their rows of the wide layout (<see cref="CsvReportWriter.WideRecord"/>).</summary>
    public static void WriteWide(Stream stream, IEnumerable<string[]> records)
    {
        using var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var book = new Book(package);
        var columns = CsvReportWriter.WideColumns();
        var sheet = book.AddSheet("报告");
        var header = sheet.Row();
        var labels = sheet.Row();
        for (int i = 0; i < columns.Count; i++)
        {
            header.Text(i, columns[i].Name, Header);
            labels.Text(i, columns[i].Label, Header);
        }

        // Numbers: the cells, template and legacy, and the counts.
        AddRecords(sheet, records, i => i >= WideCsvColumns.Leading.Count || columns[i].Name is "report_year" or "errors" or "warnings");

        sheet.Freeze(rows: 2, columns: 1);
        sheet.Filter = $"A2:{Column(columns.Count - 1)}{sheet.RowCount}";
        sheet.Widths[0] = 40;
        sheet.Widths[2] = 30;

        var codebook = book.AddSheet("说明");
        codebook.HeaderRow("column", "table", "row_key", "column_key", "row_label", "column_label", "templates", "meaning");

        foreach (var column in columns)
        {
            var cell = column.Cell;
            var row = codebook.Row();
            string[] values = [column.Name, cell?.Table ?? "", cell?.Row ?? "", cell?.Column ?? "", cell?.TemplateRow.Label ?? "",
                cell?.TemplateColumn.Label ?? column.Label, cell is null ? "" : string.Join(";", cell.Templates), column.Meaning];
            for (int i = 0; i < values.Length; i++)
            {
                row.Text(i, values[i], Plain);
            }
        }

        codebook.Freeze(rows: 1, columns: 0);
        codebook.Widths[0] = 44;
        codebook.Widths[4] = 40;
        codebook.Widths[7] = 80;
        book.Save();
    }

    private static void Overview(Sheet sheet, ReportDocument document)
    {
        sheet.Row().Text(0, "报告概况", Title);
        var report = ReportSummary.Of(document);
        Pair("文件 file", document.Source.Path);
        foreach (var field in report.Fields)
        {
            Pair(field.Name, field.Value);
        }

        if (document.Error is { } error)
        {
            Pair("错误 error", $"{error.Code}: {error.Message}");
        }

        sheet.Row();
        sheet.HeaderRow("表 table", "状态 status", "行 line");
        foreach (var table in document.Tables ?? [])
        {
            var row = sheet.Row();
            row.Text(0, TableKeys.Name(table.Key), Label);
            row.Text(1, table.Status, Label);
            if (table.Line is { } line)
            {
                row.Number(2, line, Number);
            }
        }

        sheet.Row();
        var summary = sheet.Row();
        summary.Text(0, "勾稽 checks", Header);
        summary.Text(1, report.CheckCounts, Plain);
        if (report.Failed.Count > 0)
        {
            sheet.HeaderRow("规则 rule", "表 table", "行 line", "说明 message");
            foreach (var check in report.Failed)
            {
                var row = sheet.Row();
                row.Text(0, check.Rule, Failed);
                row.Text(1, TableKeys.Name(check.Table), Plain);
                if (check.Line is { } line)
                {
                    row.Number(2, line, Plain);
                }

                row.Text(3, check.Message, Plain);
            }
        }

        sheet.Widths[0] = 22;
        sheet.Widths[1] = 50;
        sheet.Widths[3] = 100;

        void Pair(string name, string? value)
        {
            var row = sheet.Row();
            row.Text(0, name, Header);
            if (!string.IsNullOrEmpty(value))
            {
                row.Text(1, value, Plain);
            }
        }
    }

    /// <summary>A table as the form prints it: per section a title row, the header rows (merged as printed), then the rows.</summary>
    private static void TableSheet(Sheet sheet, TableGrid grid)
    {
        int width = 1;
        foreach (var section in grid.Sections)
        {
            width = Math.Max(width, 1 + section.Columns.Count);
        }

        var title = sheet.Row();
        title.Text(0, $"{grid.Name}  {grid.Status}{(grid.Line is { } l ? $"  (line {l})" : "")}", Title);
        sheet.Merge(title.Index, 0, title.Index, width - 1);
        foreach (var section in grid.Sections)
        {
            if (section.Title is { } blockTitle)
            {
                var blockRow = sheet.Row();
                blockRow.Text(0, blockTitle, Header);
                for (int i = 1; i < width; i++)
                {
                    blockRow.Text(i, "", Header);
                }

                sheet.Merge(blockRow.Index, 0, blockRow.Index, width - 1);
            }

            int lastColumn = width - 1;
            bool groups = false;
            foreach (var column in section.Columns)
            {
                groups |= column.Group is not null;
            }

            // Header rows: [heading over all columns], [group labels over their runs], [column labels].
            int headerRows = (section.Title is null && section.Heading is not null ? 1 : 0) + (groups ? 2 : 1);
            int first = sheet.RowCount + 1;
            var rows = new Row[headerRows];
            for (int r = 0; r < headerRows; r++)
            {
                rows[r] = sheet.Row();
                for (int c = 0; c < width; c++)
                {
                    rows[r].Text(c, "", Header);
                }
            }

            rows[0].Text(0, section.Title is not null ? section.Heading ?? "" : "", Header);
            sheet.Merge(first, 0, first + headerRows - 1, 0);
            int columnRow = 0;
            if (section.Title is null && section.Heading is not null)
            {
                rows[0].Text(1, section.Heading, Header);
                sheet.Merge(first, 1, first, lastColumn);
                columnRow = 1;
            }

            for (int i = 0; i < section.Columns.Count; i++)
            {
                var column = section.Columns[i];
                int c = 1 + i;
                bool lastOfSection = i == section.Columns.Count - 1;
                int end = lastOfSection ? lastColumn : c; // a block with fewer columns: its last column spans the rest
                if (column.Group is { } group)
                {
                    int run = i;
                    while (run + 1 < section.Columns.Count && section.Columns[run + 1].Group == group)
                    {
                        run++;
                    }

                    if (i == 0 || section.Columns[i - 1].Group != group)
                    {
                        rows[columnRow].Text(c, group, Header);
                        if (run > i)
                        {
                            sheet.Merge(first + columnRow, c, first + columnRow, 1 + run);
                        }
                    }

                    rows[columnRow + 1].Text(c, column.Label, Header);
                    if (end > c)
                    {
                        sheet.Merge(first + columnRow + 1, c, first + columnRow + 1, end);
                    }
                }
                else
                {
                    rows[columnRow].Text(c, column.Label, Header);
                    int bottom = first + headerRows - 1;
                    if (bottom > first + columnRow || end > c)
                    {
                        sheet.Merge(first + columnRow, c, bottom, end);
                    }
                }
            }

            foreach (var gridRow in section.Rows)
            {
                var row = sheet.Row();
                row.Text(0, new string('\u3000', gridRow.Level) + gridRow.Label, gridRow.IsGroup ? GroupLabel : Label);
                if (gridRow.IsGroup)
                {
                    for (int c = 1; c < width; c++)
                    {
                        row.Text(c, "", Number);
                    }

                    sheet.Merge(row.Index, 0, row.Index, lastColumn);
                    continue;
                }

                for (int i = 0; i < gridRow.Cells.Count; i++)
                {
                    var cell = gridRow.Cells[i];
                    int c = 1 + i;
                    uint style = cell.Failed ? Failed : cell.Uncertain ? Uncertain : Number;
                    if (cell.Value is { } value)
                    {
                        row.Number(c, value, style);
                    }
                    else
                    {
                        row.Text(c, "", style);
                    }

                    var notes = new List<string>(cell.Failures);
                    if (cell.Raw is { Length: > 0 } raw)
                    {
                        notes.Add($"原文 source text: {raw}");
                    }

                    if (notes.Count > 0)
                    {
                        sheet.Comment(row.Index, c, string.Join("\n", notes));
                    }

                    if (i == gridRow.Cells.Count - 1 && c < lastColumn)
                    {
                        for (int rest = c + 1; rest <= lastColumn; rest++)
                        {
                            row.Text(rest, "", style);
                        }

                        sheet.Merge(row.Index, c, row.Index, lastColumn);
                    }
                }
            }
        }

        sheet.Widths[0] = DefaultLabelColumnWidth;
        for (int c = 1; c < width; c++)
        {
            sheet.Widths[c] = 12;
        }
    }

    private static void DiagnosticsSheet(Sheet sheet, ReportDocument document)
    {
        sheet.HeaderRow("级别 severity", "代码 code", "行 line", "说明 message");
        foreach (var d in document.Diagnostics)
        {
            var row = sheet.Row();
            row.Text(0, Diagnostic.SeverityName(d.Severity), d.Severity == DiagnosticSeverity.Error ? Failed : d.Severity == DiagnosticSeverity.Warning ? Uncertain : Plain);
            row.Text(1, d.Code, Plain);
            if (d.Line is { } line)
            {
                row.Number(2, line, Plain);
            }

            row.Text(3, d.Message, Plain);
        }

        sheet.Freeze(rows: 1, columns: 0);
        sheet.Widths[0] = 14;
        sheet.Widths[3] = 120;
    }

    /// <summary>The letters of a zero-based column index (0 → A, 26 → AA).</summary>
    public static string Column(int index)
    {
        var letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return letters.ToString();
    }

    private static Stylesheet Styles()
    {
        static Border Box() => new(
            new LeftBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

        return new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" })) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFF2F2F2"),
                Solid("FFFFC7CE"),
                Solid("FFFFEB9C")) { Count = 5 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Box()) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, Alignment = new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true } },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true, Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true } },
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 1, FormatId = 0, ApplyBorder = true },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 3, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true },
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 4, BorderId = 1, FormatId = 0, ApplyFill = true, ApplyBorder = true },
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 1, FormatId = 0, ApplyBorder = true, ApplyAlignment = true, Alignment = new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true } },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true, Alignment = new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true } },
                new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true }) { Count = 8 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    /// <summary>A workbook being written: its sheets in order.</summary>
    private sealed class Book(SpreadsheetDocument package)
    {
        private readonly WorkbookPart _workbook = Init(package);
        private readonly List<Sheet> _sheets = [];

        private static WorkbookPart Init(SpreadsheetDocument package)
        {
            var workbook = package.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            return workbook;
        }

        public Sheet AddSheet(string name)
        {
            var sheet = new Sheet(name, _sheets.Count + 1);
            _sheets.Add(sheet);
            return sheet;
        }

        public void Save()
        {
            var sheets = _workbook.Workbook.GetFirstChild<Sheets>()!;
            foreach (var sheet in _sheets)
            {
                var part = _workbook.AddNewPart<WorksheetPart>();
                sheet.WriteTo(part);
                sheets.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = _workbook.GetIdOfPart(part), SheetId = (uint)sheet.Number, Name = sheet.Name });
            }

            _workbook.Workbook.Save();
        }
    }

    /// <summary>One worksheet: rows (1-based), merged ranges, comments, frozen panes, a filter and column widths.</summary>
    private sealed class Sheet(string name, int number)
    {
        private readonly List<Row> _rows = [];
        private readonly List<string> _merges = [];
        private readonly List<(int Row, int Column, string Text)> _comments = [];
        private (int Rows, int Columns) _freeze;

        public string Name => name;
        public int Number => number;
        public int RowCount => _rows.Count;
        public string? Filter { get; set; }
        public Dictionary<int, double> Widths { get; } = [];

        public Row Row()
        {
            var row = new Row(_rows.Count + 1);
            _rows.Add(row);
            return row;
        }

        /// <summary>A row of column headers, from column A on.</summary>
        public void HeaderRow(params string[] names)
        {
            var row = Row();
            for (int i = 0; i < names.Length; i++)
            {
                row.Text(i, names[i], XlsxReportWriter.Header);
            }
        }

        /// <summary>Merges rows <paramref name="top"/>..<paramref name="bottom"/> (1-based) and columns <paramref name="left"/>..<paramref name="right"/> (0-based).</summary>
        public void Merge(int top, int left, int bottom, int right)
        {
            if (bottom > top || right > left)
            {
                _merges.Add($"{Column(left)}{top}:{Column(right)}{bottom}");
            }
        }

        public void Comment(int row, int column, string text) => _comments.Add((row, column, text));

        public void Freeze(int rows, int columns) => _freeze = (rows, columns);

        public void WriteTo(WorksheetPart part)
        {
            var worksheet = new Worksheet();
            if (_freeze.Rows > 0 || _freeze.Columns > 0)
            {
                string topLeft = $"{Column(_freeze.Columns)}{_freeze.Rows + 1}";
                var pane = new Pane
                {
                    TopLeftCell = topLeft,
                    State = PaneStateValues.Frozen,
                    ActivePane = _freeze.Columns > 0 && _freeze.Rows > 0 ? PaneValues.BottomRight : _freeze.Rows > 0 ? PaneValues.BottomLeft : PaneValues.TopRight,
                };
                if (_freeze.Columns > 0)
                {
                    pane.HorizontalSplit = _freeze.Columns;
                }

                if (_freeze.Rows > 0)
                {
                    pane.VerticalSplit = _freeze.Rows;
                }

                worksheet.Append(new SheetViews(new SheetView(pane, new Selection { Pane = pane.ActivePane, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } }) { WorkbookViewId = 0 }));
            }

            if (Widths.Count > 0)
            {
                var columns = new Columns();
                foreach (var (index, width) in Widths.OrderBy(w => w.Key))
                {
                    columns.Append(new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)index + 1, Max = (uint)index + 1, Width = width, CustomWidth = true });
                }

                worksheet.Append(columns);
            }

            var data = new SheetData();
            foreach (var row in _rows)
            {
                data.Append(row.ToXml());
            }

            worksheet.Append(data);
            if (Filter is { } filter)
            {
                worksheet.Append(new AutoFilter { Reference = filter });
            }

            if (_merges.Count > 0)
            {
                var merges = new MergeCells { Count = (uint)_merges.Count };
                foreach (string range in _merges)
                {
                    merges.Append(new MergeCell { Reference = range });
                }

                worksheet.Append(merges);
            }

            if (_comments.Count > 0)
            {
                var commentsPart = part.AddNewPart<WorksheetCommentsPart>();
                var list = new CommentList();
                foreach (var (row, column, text) in _comments)
                {
                    list.Append(new Comment(new CommentText(new DocumentFormat.OpenXml.Spreadsheet.Run(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve })))
                    {
                        Reference = $"{Column(column)}{row}",
                        AuthorId = 0,
                    });
                }

                commentsPart.Comments = new Comments(new Authors(new Author("reportparser")), list);
                var vml = part.AddNewPart<VmlDrawingPart>();
                using (var writer = new StreamWriter(vml.GetStream(FileMode.Create), new UTF8Encoding(false)))
                {
                    writer.Write(Vml());
                }

                worksheet.Append(new LegacyDrawing { Id = part.GetIdOfPart(vml) });
            }

            if (Filter is not null)
            {
                // Excel keeps an autofilter's range as the defined name _xlnm._FilterDatabase; without it some versions repair the file.
                var workbook = part.GetParentParts().OfType<WorkbookPart>().First().Workbook;
                var names = workbook.GetFirstChild<DefinedNames>() ?? workbook.AppendChild(new DefinedNames());
                string[] corners = Filter.Split(':');
                names.Append(new DefinedName($"'{Name}'!${Abs(corners[0])}:${Abs(corners[1])}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)(Number - 1), Hidden = true });
            }

            part.Worksheet = worksheet;
        }

        private static string Abs(string cell)
        {
            int digits = 0;
            while (digits < cell.Length && !char.IsAsciiDigit(cell[digits]))
            {
                digits++;
            }

            return $"{cell[..digits]}${cell[digits..]}";
        }

        /// <summary>The legacy drawing Excel shows comments with: one hidden note shape per comment.</summary>
        private string Vml()
        {
            var xml = new StringBuilder();
            xml.Append("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">");
            xml.Append($"<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"{Number}\"/></o:shapelayout>");
            xml.Append("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
            int id = Number * 1024;
            foreach (var (row, column, _) in _comments)
            {
                id++;
                xml.Append($"<v:shape id=\"_x0000_s{id}\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:80pt;margin-top:2pt;width:260pt;height:90pt;z-index:{id};visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">");
                xml.Append("<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>");
                xml.Append($"<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{column + 1}, 15, {row - 1}, 2, {column + 5}, 15, {row + 5}, 4</x:Anchor><x:AutoFill>False</x:AutoFill>");
                xml.Append($"<x:Row>{row - 1}</x:Row><x:Column>{column}</x:Column></x:ClientData></v:shape>");
            }

            xml.Append("</xml>");
            return xml.ToString();
        }
    }

    /// <summary>One row: cells by zero-based column, written in column order.</summary>
    private sealed class Row(int index)
    {
        private readonly SortedDictionary<int, Cell> _cells = [];

        public int Index => index;

        public void Text(int column, string text, uint style)
        {
            var cell = new Cell { CellReference = $"{Column(column)}{index}", StyleIndex = style };
            if (text.Length > 0)
            {
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
            }

            _cells[column] = cell;
        }

        public void Number(int column, decimal value, uint style) =>
            _cells[column] = new Cell
            {
                CellReference = $"{Column(column)}{index}",
                StyleIndex = style,
                DataType = CellValues.Number,
                CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
            };

        public DocumentFormat.OpenXml.Spreadsheet.Row ToXml()
        {
            var row = new DocumentFormat.OpenXml.Spreadsheet.Row { RowIndex = (uint)index };
            foreach (var cell in _cells.Values)
            {
                row.Append(cell);
            }

            return row;
        }

        // XML 1.0 cannot carry most control characters; a cell longer than Excel's 32,767 characters is cut.
        private static string Clean(string text)
        {
            var clean = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                clean.Append(c < ' ' && c is not ('\t' or '\n' or '\r') ? ' ' : c);
            }

            return clean.Length > 32767 ? clean.ToString(0, 32767) : clean.ToString();
        }
    }
}
