using System.Text;
using ReportParser.Normalization;
using ReportParser.Reading;

namespace ReportParser.Tables;

/// <summary>
/// Turns the blocks of a table region into label and value tokens, whatever shape the table took:
/// real grids (one token per cell), flattened <c>cell |</c> lines with pipe-only padding lines, rows
/// written inline with separators (<c>|</c>, tabs, spaces, Markdown pipes), and labels and digits run
/// together with no separator at all (<c>一、本年新收政府信息公开申请数量640020470</c>).
/// Digits inside parentheses, digits of dates (2019年) and leading ordinals (1. 2、) stay in labels.
/// </summary>
internal sealed class RegionTokenizer
{
    private const int MaxLineLength = 20_000;

    /// <param name="blocks">The region's blocks.</param>
    /// <param name="gridWidths">
    /// The widths the table's grid can have (spec §9). In the flattened <c>cell |</c> format a line of
    /// k pipes pads the row only when it completes it to one of these widths; a lone <c>|</c> that does
    /// not is a blank cell (sites that print empty cells as bare pipes). Null: every pipe run pads.
    /// </param>
    public IReadOnlyList<TableToken> Tokenize(IEnumerable<Block> blocks, IReadOnlySet<int>? gridWidths = null) =>
        Tokenize(Read(blocks), gridWidths);

    /// <summary>
    /// Reads the blocks once, for any grid widths: only pipe-only lines depend on the widths, so
    /// <see cref="Tokenize(RegionLines, IReadOnlySet{int}?)"/> then costs one pass over the pieces.
    /// </summary>
    public static RegionLines Read(IEnumerable<Block> blocks)
    {
        var region = new RegionLines();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Grid grid:
                    int start = region.Tokens.Count;
                    AddGrid(grid, region.Tokens);
                    region.AddRun(start, endsRow: true);
                    break;
                case TextLine line:
                    ReadLine(line.Text.Length > MaxLineLength ? line.Text[..MaxLineLength] : line.Text, line.Line, region);
                    break;
            }
        }

        return region;
    }

    /// <summary>The tokens of a region read by <see cref="Read"/>, for a table with these grid widths (see <see cref="Tokenize(IEnumerable{Block}, IReadOnlySet{int}?)"/>).</summary>
    public IReadOnlyList<TableToken> Tokenize(RegionLines region, IReadOnlySet<int>? gridWidths)
    {
        if (!region.HasPipeRuns)
        {
            return region.Tokens; // the same for every width
        }

        var tokens = new List<TableToken>(region.Tokens.Count + region.Pieces.Count);
        int rowCells = 0;
        foreach (var piece in region.Pieces)
        {
            if (piece.PipeRun is not { } run)
            {
                for (int i = piece.Start; i < piece.Start + piece.Count; i++)
                {
                    tokens.Add(region.Tokens[i]);
                }

                rowCells = piece.EndsRow ? 0 : rowCells + piece.Count;
                continue;
            }

            // "text |" lines end every cell with " |"; a lone " |" is a blank cell, and so is a bare "|"
            // that does not complete the row to the grid's width; otherwise a run of pipes pads the row.
            bool completes = gridWidths is null || gridWidths.Contains(rowCells + run.Length);
            bool blankCell = run.Length == 1 && (run.LeadingSpace || (rowCells > 0 && !completes));
            if (blankCell)
            {
                tokens.Add(run.BlankCell);
                rowCells++;
            }
            else
            {
                tokens.Add(run.RowEnd);
                rowCells = 0;
            }
        }

        return tokens;
    }

    private static void AddGrid(Grid grid, List<TableToken> tokens)
    {
        foreach (var row in grid.Rows)
        {
            bool seenContent = false;
            foreach (var cell in row)
            {
                if (cell.IsSpanCopy)
                {
                    continue;
                }

                string text = TextFold.FoldWidth(cell.Text).Trim();
                var parsed = CellValueParser.Parse(text);
                if (parsed.State == CellState.Text)
                {
                    tokens.Add(new TableToken(TokenKind.Label, text, cell.Line, Exact: true, FromCell: true));
                    seenContent = true;
                }
                else if (parsed.State != CellState.Blank || seenContent)
                {
                    tokens.Add(new TableToken(TokenKind.Value, text, cell.Line, Exact: true, FromCell: true));
                    seenContent = true;
                }
            }

            tokens.Add(new TableToken(TokenKind.RowEnd, "", row.Count > 0 ? row[0].Line : grid.Line));
        }
    }

    /// <summary>Reads one line: a run of pipes, a table rule, or content.</summary>
    private static void ReadLine(string text, int line, RegionLines region)
    {
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return;
        }

        if (trimmed.All(c => c == '|'))
        {
            region.AddPipeRun(new PipeRun(trimmed.Length, char.IsWhiteSpace(text[0]),
                new TableToken(TokenKind.Value, "", line, FromCell: true), new TableToken(TokenKind.RowEnd, trimmed, line)));
            return;
        }

        if (trimmed.All(c => c is '|' or '-' or ':' or ' ' or '+' or '='))
        {
            return; // Markdown header rule (---|---|) or an ASCII-art border
        }

        int start = region.Tokens.Count;
        AddContent(trimmed, line, region.Tokens);
        if (TrailingPipes(trimmed) >= 2)
        {
            // "第二十条第(一)项 | |||", "8 | |||||||||": the cell's own pipe, then padding that ends the row.
            region.Tokens.Add(new TableToken(TokenKind.RowEnd, "", line));
            region.AddRun(start, endsRow: true);
            return;
        }

        region.AddRun(start, endsRow: false);
    }

    private static int TrailingPipes(string trimmed)
    {
        int pipes = 0;
        for (int i = trimmed.Length - 1; i >= 0 && (trimmed[i] == '|' || char.IsWhiteSpace(trimmed[i])); i--)
        {
            pipes += trimmed[i] == '|' ? 1 : 0;
        }

        return pipes;
    }

    private static void AddContent(string trimmed, int line, List<TableToken> tokens)
    {

        if (trimmed.Contains('|') || trimmed.Contains('\t'))
        {
            string[] segments = trimmed.Split('|', '\t');
            int first = Array.FindIndex(segments, s => !string.IsNullOrWhiteSpace(s));
            int last = Array.FindLastIndex(segments, s => !string.IsNullOrWhiteSpace(s));
            for (int i = first; i <= last; i++)
            {
                if (string.IsNullOrWhiteSpace(segments[i]))
                {
                    tokens.Add(new TableToken(TokenKind.Value, "", line, FromCell: true));
                }
                else
                {
                    ScanSegment(segments[i], line, fromCell: true, tokens);
                }
            }

            return;
        }

        ScanSegment(trimmed, line, fromCell: false, tokens);
    }

    /// <summary>Splits one separator-free stretch of text into labels and values.</summary>
    private static void ScanSegment(string segment, int line, bool fromCell, List<TableToken> tokens)
    {
        var label = new StringBuilder();
        int depth = 0;
        foreach (string word in segment.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (depth == 0 && CellValueParser.IsPlaceholder(word))
            {
                Flush();
                tokens.Add(new TableToken(TokenKind.Value, word, line, FromCell: fromCell));
                continue;
            }

            if (label.Length > 0)
            {
                label.Append(' ');
            }

            int i = 0;
            while (i < word.Length)
            {
                char c = word[i];
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (depth == 0 && StartsNumber(word, i))
                {
                    i = ScanNumber(word, i);
                    continue;
                }
                else if (depth == 0 && c is ',' or '、' or ';' && label.Length == 0 && i + 1 < word.Length && char.IsAsciiDigit(word[i + 1]))
                {
                    i++; // a separator between two values
                    continue;
                }

                label.Append(c);
                i++;
            }
        }

        Flush();

        void Flush()
        {
            string text = label.ToString().Trim().TrimEnd(',', '、', ';', ':');
            if (text.Length > 0)
            {
                tokens.Add(new TableToken(TokenKind.Label, text, line, FromCell: fromCell));
            }

            label.Clear();
        }

        // Reads the number at word[start], emits it (or appends it to the label) and returns the index after it.
        int ScanNumber(string word, int start)
        {
            int end = start;
            if (word[end] is '+' or '-')
            {
                end++;
            }

            int digitsStart = end;
            while (end < word.Length && char.IsAsciiDigit(word[end]))
            {
                end++;
            }

            int digitsEnd = end;
            end = SkipThousands(word, digitsStart, end);
            bool integerRun = end == digitsEnd;
            if (end + 1 < word.Length && word[end] == '.' && char.IsAsciiDigit(word[end + 1]))
            {
                end++;
                while (end < word.Length && char.IsAsciiDigit(word[end]))
                {
                    end++;
                }

                integerRun = false;
            }

            char next = end < word.Length ? word[end] : '\0';
            bool ordinalFollows = integerRun && next is '.' or '、' && end + 1 < word.Length && !char.IsAsciiDigit(word[end + 1]);
            if (ordinalFollows)
            {
                // "1.属于国家秘密" is a label; "00000002.其他…" is a run of values followed by ordinal 2.
                if (end - start == 1 || word[start] is '+' or '-')
                {
                    label.Append(word, start, end - start);
                    return end;
                }

                EmitValue(word[start..(end - 1)], start);
                return end - 1;
            }

            if (next is '年' or '月' or '日' or '号' or '%' or ':' or '/')
            {
                label.Append(word, start, end - start);
                return end;
            }

            foreach (string unit in CellValueParser.Units)
            {
                bool atWordEnd = end + unit.Length == word.Length;
                if (string.CompareOrdinal(word, end, unit, 0, unit.Length) == 0 && (atWordEnd || unit.Contains('元')))
                {
                    end += unit.Length;
                    break;
                }
            }

            EmitValue(word[start..end], start);
            return end;
        }

        void EmitValue(string text, int start)
        {
            bool glued = label.Length > 0 && start > 0;
            Flush();
            tokens.Add(new TableToken(TokenKind.Value, text, line, Glued: glued, FromCell: fromCell));
        }
    }

    private static bool StartsNumber(string word, int i) =>
        char.IsAsciiDigit(word[i])
        || (i == 0 && word[i] is '+' or '-' && i + 1 < word.Length && char.IsAsciiDigit(word[i + 1]));

    /// <summary>Extends a digit run over thousands groups (1,234,567) when every group has three digits.</summary>
    private static int SkipThousands(string word, int digitsStart, int end)
    {
        if (end - digitsStart is < 1 or > 3)
        {
            return end;
        }

        int pos = end;
        while (pos + 3 < word.Length && word[pos] == ','
               && char.IsAsciiDigit(word[pos + 1]) && char.IsAsciiDigit(word[pos + 2]) && char.IsAsciiDigit(word[pos + 3])
               && (pos + 4 == word.Length || !char.IsAsciiDigit(word[pos + 4])))
        {
            pos += 4;
        }

        return pos;
    }
}

/// <summary>
/// A run of pipes on a line of its own, read two ways: a blank cell or the end of a row, as the
/// table's grid widths decide. Both tokens are made once per region.
/// </summary>
internal sealed record PipeRun(int Length, bool LeadingSpace, TableToken BlankCell, TableToken RowEnd);

/// <summary>
/// A region's blocks read into tokens once (<see cref="RegionTokenizer.Read"/>): the tokens that do
/// not depend on the grid widths, in pieces, and the pipe runs between them that do.
/// </summary>
internal sealed class RegionLines
{
    private readonly List<Piece> _pieces = [];

    /// <summary>The width-independent tokens, in order; the region's tokens when it has no pipe runs.</summary>
    public List<TableToken> Tokens { get; } = [];

    public IReadOnlyList<Piece> Pieces => _pieces;

    public bool HasPipeRuns { get; private set; }

    /// <summary>Tokens[start..] as one piece; <paramref name="endsRow"/>: a grid, or a line whose padding ends the row.</summary>
    public void AddRun(int start, bool endsRow) => _pieces.Add(new Piece(start, Tokens.Count - start, endsRow, null));

    public void AddPipeRun(PipeRun run)
    {
        _pieces.Add(new Piece(0, 0, false, run));
        HasPipeRuns = true;
    }

    /// <summary>
    /// A stretch of <see cref="Tokens"/> (<paramref name="Count"/> cells added to the source row, or the
    /// row ended after it) or, when <paramref name="PipeRun"/> is set, a pipe-only line.
    /// </summary>
    internal readonly record struct Piece(int Start, int Count, bool EndsRow, PipeRun? PipeRun);
}
