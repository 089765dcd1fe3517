using ReportParser.Normalization;
using ReportParser.Reading;
using ReportParser.Text;
using ReportParser.Model;

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
        var region = new RegionLines(blocks is IReadOnlyCollection<Block> known ? known.Count : 0);
        var scanner = new SegmentScanner(region.Tokens);
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
                    ReadLine(line.Text.AsSpan(0, Math.Min(line.Text.Length, MaxLineLength)), line.Line, region, scanner);
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

        var pieces = region.Pieces;
        var tokens = new List<TableToken>(region.Tokens.Count + pieces.Length);
        int rowCells = 0;
        foreach (var piece in pieces)
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

    /// <summary>
    /// Whether a line is made only of what a table rule (---|---|, +===+) is made of. A loop rather than
    /// SearchValues: its generic search code is compiled at run time, a cost on every one-report run.
    /// </summary>
    private static bool IsRule(ReadOnlySpan<char> line)
    {
        foreach (char c in line)
        {
            if (c is not ('|' or '-' or ':' or ' ' or '+' or '='))
            {
                return false;
            }
        }

        return true;
    }

    private static void AddGrid(Grid grid, List<TableToken> tokens)
    {
        var parsedRow = new List<CellValue?>();
        foreach (var row in grid.Rows)
        {
            // A header row (labels and blanks, no value): its blank cells are layout (an empty cell over
            // a group of columns), not blank values, and give no token.
            bool header = true;
            parsedRow.Clear();
            foreach (var cell in row)
            {
                var parsed = cell.IsSpanCopy ? null : CellValueParser.Parse(TextFold.FoldWidth(cell.Text).Trim());
                parsedRow.Add(parsed);
                header &= parsed is null || parsed.State is CellState.Text or CellState.Blank;
            }

            bool seenContent = false;
            for (int c = 0; c < row.Count; c++)
            {
                var cell = row[c];
                if (cell.IsSpanCopy)
                {
                    continue;
                }

                string text = TextFold.FoldWidth(cell.Text).Trim();
                var parsed = parsedRow[c]!;
                if (parsed.State == CellState.Text)
                {
                    tokens.Add(new TableToken(TokenKind.Label, text, cell.Line, Exact: true, FromCell: true));
                    seenContent = true;
                }
                else if (parsed.State != CellState.Blank || (seenContent && !header))
                {
                    tokens.Add(new TableToken(TokenKind.Value, text, cell.Line, Exact: true, FromCell: true));
                    seenContent = true;
                }
            }

            tokens.Add(new TableToken(TokenKind.RowEnd, "", row.Count > 0 ? row[0].Line : grid.Line));
        }
    }

    /// <summary>Reads one line: a run of pipes, a table rule, or content.</summary>
    private static void ReadLine(ReadOnlySpan<char> text, int line, RegionLines region, SegmentScanner scanner)
    {
        var trimmed = WhiteSpace.Trim(text);
        if (trimmed.Length == 0)
        {
            return;
        }

        if (!trimmed.ContainsAnyExcept('|'))
        {
            region.AddPipeRun(new PipeRun(trimmed.Length, WhiteSpace.Is(text[0]),
                new TableToken(TokenKind.Value, "", line, FromCell: true), new TableToken(TokenKind.RowEnd, trimmed.ToString(), line)));
            return;
        }

        if (IsRule(trimmed) || PageNumber.Is(trimmed))
        {
            return; // Markdown header rule (---|---|), an ASCII-art border, or "— 3 —" between two pages
        }

        int start = region.Tokens.Count;
        scanner.Line = line;
        AddContent(trimmed, scanner);
        if (trimmed.Contains('。'))
        {
            DropSentences(region.Tokens, start);
        }

        DropHeaderBlanks(region.Tokens, start);
        if (TrailingPipes(trimmed) >= 2)
        {
            // "第二十条第(一)项 | |||", "8 | |||||||||": the cell's own pipe, then padding that ends the row.
            region.Tokens.Add(new TableToken(TokenKind.RowEnd, "", line));
            region.AddRun(start, endsRow: true);
            return;
        }

        region.AddRun(start, endsRow: false);
    }

    /// <summary>
    /// A sentence between a table's parts ("2024年,共收到政府信息公开申请3条。", "2024年,没有…情况。")
    /// is prose, not cells: no table label holds a sentence end. A label with a 。 keeps what follows
    /// its last one; a count right before a unit and the 。 ("申请3条。") is the sentence's, and so is
    /// the label before that count, and the clauses before it ("共收到3条,办结3条。"). The section
    /// text keeps the sentence either way.
    /// </summary>
    private static void DropSentences(List<TableToken> tokens, int start)
    {
        for (int i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            int last = token.Kind == TokenKind.Label ? token.Text.LastIndexOf('。') : -1;
            if (last < 0)
            {
                continue;
            }

            int first = token.Text.IndexOf('。');
            int from = i;
            if (CellUnits.IsWord(token.Text.AsSpan(0, first)))
            {
                // Back over "label value" pairs: the count before the unit, then clauses ending in a comma.
                while (from - 2 >= start && tokens[from - 1].Kind == TokenKind.Value && tokens[from - 2].Kind == TokenKind.Label)
                {
                    from -= 2;
                    string clause = tokens[from].Text;
                    if (!(clause.Length <= MaxProseClause && (clause.Contains('，') || clause.Contains(',')) && from - 2 >= start
                        && tokens[from - 1].Kind == TokenKind.Value))
                    {
                        break;
                    }
                }
            }

            string rest = token.Text[(last + 1)..];
            tokens.RemoveRange(from, i - from);
            i = from;
            if (WhiteSpace.Trim(rest.AsSpan()).Length == 0)
            {
                tokens.RemoveAt(i--);
            }
            else
            {
                tokens[i] = token with { Text = rest };
            }
        }
    }

    /// <summary>
    /// A header row written inline (<c>| 行政复议 | | | | | 行政诉讼 | … |</c>, from a PDF or Word
    /// conversion) has empty cells under its merged headings: they are layout, not blank data cells.
    /// A row of two or more labels and no value but blanks loses its blanks. A data row keeps its
    /// blanks (one label: <c>| 行政许可 | | |</c>).
    /// </summary>
    private static void DropHeaderBlanks(List<TableToken> tokens, int start)
    {
        int labels = 0, blanks = 0;
        for (int i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Label)
            {
                labels++;
            }
            else if (token.Kind == TokenKind.Value)
            {
                if (!CellValueParser.IsBlank(token.Text))
                {
                    return;
                }

                blanks++;
            }
        }

        if (labels < 2 || blanks == 0)
        {
            return;
        }

        for (int i = tokens.Count - 1; i >= start; i--)
        {
            if (tokens[i].Kind == TokenKind.Value)
            {
                tokens.RemoveAt(i);
            }
        }
    }

    /// <summary>Longest clause (",办结") walked back over when a sentence's counts are dropped.</summary>
    private const int MaxProseClause = 15;

    private static int TrailingPipes(ReadOnlySpan<char> trimmed)
    {
        int pipes = 0;
        for (int i = trimmed.Length - 1; i >= 0 && (trimmed[i] == '|' || WhiteSpace.Is(trimmed[i])); i--)
        {
            pipes += trimmed[i] == '|' ? 1 : 0;
        }

        return pipes;
    }

    private static void AddContent(ReadOnlySpan<char> trimmed, SegmentScanner scanner)
    {
        if (trimmed.IndexOfAny('|', '\t') < 0)
        {
            scanner.Scan(trimmed, fromCell: false);
            return;
        }

        // The cells between separators; blank cells count only between the first and the last cell with text.
        var rest = trimmed;
        int pendingBlanks = 0;
        bool seenText = false;
        while (true)
        {
            int separator = rest.IndexOfAny('|', '\t');
            var cell = separator < 0 ? rest : rest[..separator];
            if (WhiteSpace.IsAll(cell))
            {
                pendingBlanks += seenText ? 1 : 0;
            }
            else
            {
                for (; pendingBlanks > 0; pendingBlanks--)
                {
                    scanner.Tokens.Add(new TableToken(TokenKind.Value, "", scanner.Line, FromCell: true));
                }

                scanner.Scan(cell, fromCell: true);
                seenText = true;
            }

            if (separator < 0)
            {
                return;
            }

            rest = rest[(separator + 1)..];
        }
    }

    /// <summary>
    /// Splits separator-free stretches of text into labels and values, word by word (words are
    /// separated by white space). The text of a label is collected in a buffer reused across lines.
    /// </summary>
    private sealed class SegmentScanner(List<TableToken> tokens)
    {
        private char[] _label = new char[64];
        private int _length;
        private bool _fromCell;

        public List<TableToken> Tokens => tokens;

        /// <summary>The source line of the text being scanned.</summary>
        public int Line { get; set; }

        public void Scan(ReadOnlySpan<char> segment, bool fromCell)
        {
            _fromCell = fromCell;
            _length = 0;
            int depth = 0;
            int pos = 0;
            while (true)
            {
                while (pos < segment.Length && WhiteSpace.Is(segment[pos]))
                {
                    pos++;
                }

                if (pos == segment.Length)
                {
                    break;
                }

                int wordStart = pos;
                while (pos < segment.Length && !WhiteSpace.Is(segment[pos]))
                {
                    pos++;
                }

                var word = segment[wordStart..pos];
                if (depth == 0 && CellValueParser.IsPlaceholder(word))
                {
                    Flush();
                    tokens.Add(new TableToken(TokenKind.Value, word.ToString(), Line, FromCell: fromCell));
                    continue;
                }

                if (_length > 0)
                {
                    Append(' ');
                }

                int i = 0;
                while (i < word.Length)
                {
                    char c = word[i];
                    if (c >= '\u0080' && c != '、')
                    {
                        // Text (CJK and other non-ASCII but 、) is none of the cases below: it goes to the label as a run.
                        int end = i + 1;
                        while (end < word.Length && word[end] >= '\u0080' && word[end] != '、')
                        {
                            end++;
                        }

                        Append(word[i..end]);
                        i = end;
                        continue;
                    }

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
                    else if (depth == 0 && c is ',' or '、' or ';' && _length == 0 && i + 1 < word.Length && char.IsAsciiDigit(word[i + 1]))
                    {
                        i++; // a separator between two values
                        continue;
                    }

                    Append(c);
                    i++;
                }
            }

            Flush();
        }

        private void Flush()
        {
            var text = WhiteSpace.Trim(_label.AsSpan(0, _length)).TrimEnd(",、;:");
            if (text.Length > 0)
            {
                tokens.Add(new TableToken(TokenKind.Label, text.ToString(), Line, FromCell: _fromCell));
            }

            _length = 0;
        }

        // Reads the number at word[start], emits it (or appends it to the label) and returns the index after it.
        private int ScanNumber(ReadOnlySpan<char> word, int start)
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
                    Append(word[start..end]);
                    return end;
                }

                EmitValue(word[start..(end - 1)], start);
                return end - 1;
            }

            if (next is '年' or '月' or '日' or '号' or '%' or ':' or '/')
            {
                Append(word[start..end]);
                return end;
            }

            foreach (string unit in CellValueParser.Units)
            {
                bool atWordEnd = end + unit.Length == word.Length;
                if (word[end..].StartsWith(unit, StringComparison.Ordinal) && (atWordEnd || unit.Contains('元')))
                {
                    end += unit.Length;
                    break;
                }
            }

            EmitValue(word[start..end], start);
            return end;
        }

        private void EmitValue(ReadOnlySpan<char> text, int start)
        {
            bool glued = _length > 0 && start > 0;
            Flush();
            tokens.Add(new TableToken(TokenKind.Value, text.ToString(), Line, Glued: glued, FromCell: _fromCell));
        }

        private void Append(char c)
        {
            if (_length == _label.Length)
            {
                Array.Resize(ref _label, _label.Length * 2);
            }

            _label[_length++] = c;
        }

        private void Append(ReadOnlySpan<char> text)
        {
            if (_length + text.Length > _label.Length)
            {
                Array.Resize(ref _label, Math.Max(_label.Length * 2, _length + text.Length));
            }

            text.CopyTo(_label.AsSpan(_length));
            _length += text.Length;
        }
    }

    private static bool StartsNumber(ReadOnlySpan<char> word, int i) =>
        char.IsAsciiDigit(word[i])
        || (i == 0 && word[i] is '+' or '-' && i + 1 < word.Length && char.IsAsciiDigit(word[i + 1]));

    /// <summary>Extends a digit run over thousands groups (1,234,567) when every group has three digits.</summary>
    private static int SkipThousands(ReadOnlySpan<char> word, int digitsStart, int end)
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
    // An array and a count rather than a List<Piece>: generic collection code over a struct of this
    // assembly is compiled at run time (on every one-report run).
    private Piece[] _pieces;
    private int _pieceCount;

    /// <param name="lines">How many blocks the region has (0 if not known): about as many pieces and tokens, in prose and tables alike.</param>
    public RegionLines(int lines = 0)
    {
        _pieces = new Piece[Math.Max(lines, 4)];
        Tokens = new List<TableToken>(lines);
    }

    /// <summary>The width-independent tokens, in order; the region's tokens when it has no pipe runs.</summary>
    public List<TableToken> Tokens { get; }

    public ReadOnlySpan<Piece> Pieces => _pieces.AsSpan(0, _pieceCount);

    public bool HasPipeRuns { get; private set; }

    /// <summary>Tokens[start..] as one piece; <paramref name="endsRow"/>: a grid, or a line whose padding ends the row.</summary>
    public void AddRun(int start, bool endsRow) => AddPiece(new Piece(start, Tokens.Count - start, endsRow, null));

    public void AddPipeRun(PipeRun run)
    {
        AddPiece(new Piece(0, 0, false, run));
        HasPipeRuns = true;
    }

    private void AddPiece(Piece piece)
    {
        if (_pieceCount == _pieces.Length)
        {
            var bigger = new Piece[_pieces.Length * 2];
            Array.Copy(_pieces, bigger, _pieceCount);
            _pieces = bigger;
        }

        _pieces[_pieceCount++] = piece;
    }

    /// <summary>
    /// A stretch of <see cref="Tokens"/> (<paramref name="Count"/> cells added to the source row, or the
    /// row ended after it) or, when <paramref name="PipeRun"/> is set, a pipe-only line.
    /// </summary>
    internal readonly record struct Piece(int Start, int Count, bool EndsRow, PipeRun? PipeRun);
}
