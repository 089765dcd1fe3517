using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ReportParser.Reading;

/// <summary>
/// Reads a PDF's text layer (PdfPig) into lines and table grids in reading order: words become lines,
/// tables drawn with ruling lines become <see cref="Grid"/>s (<see cref="PdfTableFinder"/>), running
/// headers, footers and page numbers are cut and counted, and a line that wraps at the right margin
/// is joined to the next (<see cref="Wraps"/>). A PDF without text (scanned) or whose text is
/// garbage (fonts without a Unicode map) is an error record, never garbage in the JSON.
/// </summary>
internal sealed class PdfReader
{
    /// <summary>
    /// The top and bottom share of a page where running headers, footers and page numbers sit. Default
    /// 0.12 (about 100 pt of an A4 page): page numbers of official documents sit 30–60 pt from the edge,
    /// body text starts 70 pt or more in; only page numbers and lines repeated on other pages are cut there.
    /// </summary>
    public const double MarginBand = 0.12;

    /// <summary>A line whose right end is within this many line heights of the text's right edge reaches the margin (it wraps). Default 1.5.</summary>
    public const double WrapSlack = 1.5;

    /// <summary>A line starting more than this many line heights right of the text's left edge is indented (it starts a paragraph). Default 0.8.</summary>
    public const double IndentSlack = 0.8;

    /// <summary>Two lines farther apart than this many line heights (the blank between them) are separate paragraphs. Default 1.2.</summary>
    public const double MaxLineGap = 1.2;

    /// <summary>Fewer non-blank characters than this in the whole text layer: no text layer (scanned pages, or only a stray page number). Default 20.</summary>
    public const int MinTextCharacters = 20;

    /// <summary>
    /// Reads <paramref name="bytes"/>; null with <paramref name="error"/> set (and reported) when the PDF
    /// is damaged, has no text layer or its text cannot be read.
    /// </summary>
    public SourceText? Read(byte[] bytes, string name, string sha256, DiagnosticBag bag, out ParseError? error, CancellationToken cancellationToken = default)
    {
        error = null;
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error = SourceReader.Fail(DiagnosticCodes.DamagedDocument, $"the PDF could not be opened ({ex.Message}); it is damaged or encrypted — re-save it (e.g. qpdf or a PDF viewer's Save As) and parse the copy", bag);
            return null;
        }

        using (document)
        {
            var pages = new List<PageContent>(document.NumberOfPages);
            int characters = 0, chinese = 0, suspect = 0, imagePages = 0;
            try
            {
                for (int number = 1; number <= document.NumberOfPages; number++)
                {
                    cancellationToken.ThrowIfCancellationRequested(); // --timeout: a long PDF stops between pages
                    var page = document.GetPage(number);
                    foreach (var letter in page.Letters)
                    {
                        if (!string.IsNullOrWhiteSpace(letter.Value))
                        {
                            characters++;
                            TextLegibility.Count(letter.Value, ref chinese, ref suspect);
                        }
                    }

                    if (page.Letters.Count == 0 && HasImage(page))
                    {
                        imagePages++;
                    }

                    pages.Add(ReadPage(page));
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                error = SourceReader.Fail(DiagnosticCodes.DamagedDocument, $"the PDF could not be read past page {pages.Count} ({ex.Message}); it is damaged — re-save it and parse the copy", bag);
                return null;
            }

            if (characters < MinTextCharacters)
            {
                string images = imagePages > 0 ? $"{imagePages} of its {pages.Count} page(s) are images only" : $"its {pages.Count} page(s) hold no text";
                error = SourceReader.Fail(DiagnosticCodes.NoTextLayer, $"the PDF has no text layer ({images}; {characters} character(s) of text in all): it is a scan. Run OCR first (e.g. ocrmypdf -l chi_sim in.pdf out.pdf) and parse the result", bag);
                return null;
            }

            if (TextLegibility.IsGarbage(chinese, suspect))
            {
                error = SourceReader.Fail(DiagnosticCodes.TextNotReadable, $"the text cannot be read: of its {characters:N0} characters {suspect:N0} are outside the scripts a Chinese report is written in (glyph numbers of fonts without a ToUnicode map, or Latin-1 mojibake) and only {chinese:N0} are Chinese. Run OCR on the rendered pages (e.g. ocrmypdf --force-ocr -l chi_sim) and parse the result", bag);
                return null;
            }

            var furniture = CutFurniture(pages);
            var joined = JoinTablesAcrossPages(pages);
            if (furniture.Any || joined.RowsJoined + joined.RepeatedHeaderRows > 0)
            {
                string joins = joined.RowsJoined + joined.RepeatedHeaderRows == 0 ? ""
                    : $"; {joined.RepeatedHeaderRows} table header row(s) repeated after a page break dropped, {joined.RowsJoined} table row(s) cut by a page break joined";
                bag.Report(DiagnosticCodes.PageFurnitureRemoved, furniture.Describe(pages.Count) + joins);
            }

            var blocks = Number(pages, out var pageFirstLines);
            bag.PageFirstLines = pageFirstLines;
            return new SourceText(name, "pdf", null, bytes.LongLength, sha256, blocks) { PageFirstLines = pageFirstLines };
        }
    }

    private static bool HasImage(Page page)
    {
        foreach (var _ in page.GetImages())
        {
            return true;
        }

        return false;
    }

    /// <summary>A page's lines and tables, each in top-to-bottom order, and the page's height.</summary>
    private sealed class PageContent(List<PdfLine> lines, List<PdfTable> tables, double height)
    {
        public List<PdfLine> Lines { get; } = lines;
        public List<PdfTable> Tables { get; } = tables;
        public double Height { get; } = height;
    }

    private static PageContent ReadPage(Page page)
    {
        var words = new List<Word>(page.GetWords());
        var tables = PdfTableFinder.Find(page, words);
        var free = words;
        if (tables.Count > 0)
        {
            free = new List<Word>(words.Count);
            foreach (var word in words)
            {
                if (!InAny(tables, word))
                {
                    free.Add(word);
                }
            }
        }

        var lines = PdfLines.Group(free);
        var aligned = PdfAlignedTables.Find(lines);
        if (aligned.Count > 0)
        {
            tables.AddRange(aligned);
            tables.Sort((a, b) => b.Top.CompareTo(a.Top));
        }

        return new PageContent(lines, tables, page.Height);
    }

    private static bool InAny(List<PdfTable> tables, Word word)
    {
        foreach (var table in tables)
        {
            if (table.Contains(word.BoundingBox))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What <see cref="CutFurniture"/> took out.</summary>
    private sealed class Furniture
    {
        public int PageNumbers { get; set; }
        public int RunningLines { get; set; }
        public bool Any => PageNumbers + RunningLines > 0;

        public string Describe(int pages) =>
            $"left out of the text of {pages} page(s): {PageNumbers} page number(s) and {RunningLines} running header/footer line(s) (outermost lines in the top or bottom {MarginBand:P0} of a page that are a page number or repeat at the same height on every page, set apart from the text)";
    }

    /// <summary>
    /// Cuts page furniture: among the <see cref="MaxFurnitureLines"/> outermost lines at the top and at the
    /// bottom of a page, inside its <see cref="MarginBand"/>, a line that is a page number
    /// (<see cref="PageNumber.Is"/>, or 1–3 digits alone) or that repeats, digits aside, at the same height
    /// (within <see cref="FurnitureDrift"/> points) on every page or all but one, two or more, and stands
    /// apart from the text beside it (a running header or footer). A table cell written as a line ("0 |")
    /// at the top of several pages is in the body's flow, so it stays.
    /// </summary>
    private static Furniture CutFurniture(List<PageContent> pages)
    {
        var seen = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var line in Outermost(page))
            {
                string key = DigitsFolded(line.Text);
                if (!seen.TryGetValue(key, out var heights))
                {
                    seen[key] = heights = [];
                }

                heights.Add(line.Top);
            }
        }

        var furniture = new Furniture();
        foreach (var page in pages)
        {
            foreach (var line in Outermost(page))
            {
                string text = WhiteSpace.Trim(line.Text.AsSpan()).ToString();
                if (PageNumber.Is(text) || (text.Length is > 0 and <= 3 && IsDigits(text)))
                {
                    furniture.PageNumbers++;
                    page.Lines.Remove(line);
                }
                else if (pages.Count > 1 && Repeats(seen[DigitsFolded(line.Text)], line.Top, pages.Count) && StandsApart(page.Lines, line))
                {
                    furniture.RunningLines++;
                    page.Lines.Remove(line);
                }
            }
        }

        return furniture;
    }

    /// <summary>Lines at most this many from the top and from the bottom of a page are asked whether they are furniture. Default 2 (a header and a rule's caption, a footer and a page number).</summary>
    public const int MaxFurnitureLines = 2;

    /// <summary>A running header or footer is at the same height on every page, within this many points. Default 3.</summary>
    public const double FurnitureDrift = 3.0;

    private static List<PdfLine> Outermost(PageContent page)
    {
        var lines = new List<PdfLine>();
        var all = page.Lines;
        for (int i = 0; i < all.Count && i < MaxFurnitureLines; i++)
        {
            if (InBand(all[i], page.Height))
            {
                lines.Add(all[i]);
            }
        }

        for (int i = Math.Max(MaxFurnitureLines, all.Count - MaxFurnitureLines); i < all.Count; i++)
        {
            if (InBand(all[i], page.Height))
            {
                lines.Add(all[i]);
            }
        }

        return lines;
    }

    private static bool Repeats(List<double> heights, double top, int pages)
    {
        int same = 0;
        foreach (double height in heights)
        {
            same += Math.Abs(height - top) <= FurnitureDrift ? 1 : 0;
        }

        return same >= 2 && same >= pages - 1;
    }

    /// <summary>
    /// Whether a line stands apart from the text next to it (the line below a header, above a footer) by
    /// more than <see cref="MaxLineGap"/> line heights: a running header or footer is set off from the
    /// body, a line of the body's flow (a table cell written as a line, at the top of every page) is not.
    /// </summary>
    private static bool StandsApart(List<PdfLine> lines, PdfLine line)
    {
        int index = lines.IndexOf(line);
        double gap = double.MaxValue;
        if (index > 0)
        {
            gap = Math.Min(gap, lines[index - 1].Bottom - line.Top);
        }

        if (index + 1 < lines.Count)
        {
            gap = Math.Min(gap, line.Bottom - lines[index + 1].Top);
        }

        return gap > MaxLineGap * line.Height;
    }

    /// <summary>
    /// A table that ends a page and one that starts the next, with nothing but furniture between them,
    /// are one table cut by the page break (<see cref="PdfTableContinuation"/>).
    /// </summary>
    private static PdfTableContinuation.Counts JoinTablesAcrossPages(List<PageContent> pages)
    {
        var counts = new PdfTableContinuation.Counts();
        for (int p = 1; p < pages.Count; p++)
        {
            var before = pages[p - 1];
            var page = pages[p];
            if (before.Tables.Count == 0 || page.Tables.Count == 0)
            {
                continue;
            }

            var last = before.Tables[^1];
            var first = page.Tables[0];
            bool endsPage = before.Lines.Count == 0 || before.Lines[^1].Top > last.Bottom;
            bool startsPage = page.Lines.Count == 0 || page.Lines[0].Bottom < first.Top;
            if (endsPage && startsPage)
            {
                PdfTableContinuation.Join(last, first, counts);
            }
        }

        return counts;
    }

    private static bool InBand(PdfLine line, double height) =>
        line.Top > height * (1 - MarginBand) || line.Bottom < height * MarginBand;

    private static bool IsDigits(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string DigitsFolded(string text)
    {
        var chars = text.Trim().ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiDigit(chars[i]))
            {
                chars[i] = '#';
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// The blocks in reading order with their line numbers (1-based, through the document: a paragraph
    /// or a table row is one line), and the first line number of each page.
    /// </summary>
    private static List<Block> Number(List<PageContent> pages, out int[] pageFirstLines)
    {
        var blocks = new List<Block>();
        pageFirstLines = new int[pages.Count];
        int line = 0;
        PdfLine? open = null; // the paragraph being built
        var paragraph = new System.Text.StringBuilder();
        // The text's edges over the whole document: a page of short lines (table cells written as
        // lines, a list) has the same margins as the pages of prose around it.
        double left = double.MaxValue, right = double.MinValue;
        foreach (var page in pages)
        {
            Margins(page.Lines, ref left, ref right);
        }

        for (int p = 0; p < pages.Count; p++)
        {
            var page = pages[p];
            pageFirstLines[p] = line + 1;
            int t = 0;
            foreach (var current in page.Lines)
            {
                while (t < page.Tables.Count && page.Tables[t].Top >= current.Top)
                {
                    Flush();
                    AddTable(page.Tables[t++]);
                }

                bool continues = open is not null && (Wraps(open, right, current, left, sameColumn: open.Bottom > current.Top)
                    || (blocks.Count == 0 && IsTitleRun(open, current, left, right)));
                if (continues)
                {
                    paragraph.Append(current.Text);
                    open = current;
                        continue;
                }

                Flush();
                open = current;
                paragraph.Append(current.Text);
                line++;
            }

            while (t < page.Tables.Count)
            {
                Flush();
                AddTable(page.Tables[t++]);
            }
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (open is not null)
            {
                blocks.Add(new TextLine(paragraph.ToString(), line));
                paragraph.Clear();
                open = null;
            }
        }

        void AddTable(PdfTable table)
        {
            var rows = new IReadOnlyList<GridCell>[table.Rows.Length];
            int first = line + 1;
            for (int r = 0; r < table.Rows.Length; r++)
            {
                line++;
                var cells = new GridCell[table.Rows[r].Length];
                for (int c = 0; c < cells.Length; c++)
                {
                    var cell = table.Rows[r][c];
                    cells[c] = new GridCell(cell.Text, line, cell.IsCopy);
                }

                rows[r] = cells;
            }

            blocks.Add(new Grid(rows, first));
        }
    }

    /// <summary>
    /// The title rule: a report's title printed as several centred lines at the head of the first page
    /// (洪泽区人民政府 / 2023年政府信息公开工作年度报告) is one line, as a web page's title is. The lines are
    /// centred on the text (within <see cref="CentreSlack"/> line heights), of one height and at most
    /// <see cref="MaxTitleLineGap"/> line heights apart; only lines before the first paragraph are asked.
    /// </summary>
    internal static bool IsTitleRun(PdfLine line, PdfLine next, double left, double right)
    {
        double height = Math.Max(line.Height, next.Height);
        double centre = (left + right) / 2;
        return Math.Abs((line.Left + line.Right) / 2 - centre) <= CentreSlack * height
            && Math.Abs((next.Left + next.Right) / 2 - centre) <= CentreSlack * height
            && next.Left > left + IndentSlack * height
            && Math.Abs(line.Height - next.Height) <= SameHeightShare * height
            && line.Bottom - next.Top <= MaxTitleLineGap * height;
    }

    /// <summary>A line whose centre is within this many line heights of the text's centre is centred. Default 1.5.</summary>
    public const double CentreSlack = 1.5;

    /// <summary>Lines of a title at most this many line heights apart belong to one title. Default 1.5.</summary>
    public const double MaxTitleLineGap = 1.5;

    /// <summary>Two lines whose heights differ by at most this share of the larger are set in one size. Default 0.25.</summary>
    public const double SameHeightShare = 0.25;

    /// <summary>Widens <paramref name="left"/> and <paramref name="right"/> to the leftmost start and rightmost end of the lines.</summary>
    private static void Margins(List<PdfLine> lines, ref double left, ref double right)
    {
        foreach (var line in lines)
        {
            left = Math.Min(left, line.Left);
            right = Math.Max(right, line.Right);
        }
    }

    /// <summary>
    /// The wrapped-line rule: a line continues into the next when it reaches the right edge of the text
    /// (within <see cref="WrapSlack"/> line heights), the next starts at the left edge (not indented by more
    /// than <see cref="IndentSlack"/>), both have about the same height (a heading in a larger font stays
    /// apart), and, on one page, no more than <see cref="MaxLineGap"/> line heights lie between them. A
    /// paragraph's last line on a page continues on the next page's first line the same way.
    /// </summary>
    internal static bool Wraps(PdfLine line, double right, PdfLine next, double left, bool sameColumn)
    {
        double height = Math.Max(line.Height, next.Height);
        return line.Right >= right - WrapSlack * height
            && next.Left <= left + IndentSlack * height
            && Math.Abs(line.Height - next.Height) <= SameHeightShare * height
            && (!sameColumn || line.Bottom - next.Top <= MaxLineGap * height);
    }
}
