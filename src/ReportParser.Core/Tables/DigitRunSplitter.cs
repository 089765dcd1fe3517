namespace ReportParser.Tables;

/// <summary>The splits of a row's value tokens into its cells.</summary>
/// <param name="Structural">How many splits have no leading zeros and the right cell count (saturates at long.MaxValue).</param>
/// <param name="Fitting">The splits that also satisfy the row's rules (at most <see cref="DigitRunSplitter.MaxKept"/> kept).</param>
/// <param name="FittingCount">How many fitting splits were found (may exceed the kept list).</param>
/// <param name="Capped">The search stopped at its bound; the lists are incomplete.</param>
internal sealed record SplitResult(long Structural, IReadOnlyList<CellValue[]> Fitting, int FittingCount, bool Capped);

/// <summary>
/// Splits runs of digits that several cells ran together into (<c>640020470</c> → 64 0 0 2 0 4 70).
/// Every cell is a number without leading zeros (a lone 0 is fine); tokens that are not digit runs
/// are one cell each. A rule callback prunes by the table's arithmetic as cells are assigned. The
/// search is bounded in digits and steps.
/// </summary>
internal sealed class DigitRunSplitter
{
    public const int MaxDigits = 120;
    public const int MaxKept = 200;
    private const int MaxSteps = 400_000;
    private const int MaxCellDigits = 24;

    /// <summary>Checks the first <c>count</c> assigned cells; false prunes the branch.</summary>
    public delegate bool PrefixRule(CellValue[] cells, int count);

    public static int DigitCount(IReadOnlyList<TableToken> tokens) =>
        tokens.Where(t => t.IsDigitRun).Sum(t => TableToken.DigitsOf(t.Text).Length);

    public SplitResult Split(IReadOnlyList<TableToken> tokens, int cells, PrefixRule rule)
    {
        var pieces = tokens.Select(Piece.From).ToArray();
        if (pieces.Length == 0 || pieces.Length > cells || DigitCount(tokens) > MaxDigits)
        {
            return new SplitResult(0, [], 0, pieces.Length > 0 && DigitCount(tokens) > MaxDigits);
        }

        var search = new Search(pieces, cells, rule);
        long structural = search.CountStructural();
        search.Walk(0, 0, 0);
        return new SplitResult(structural, search.Fitting, search.FittingCount, search.Capped);
    }

    private sealed record Piece(string? Digits, string? Unit, CellValue? Fixed)
    {
        public static Piece From(TableToken token)
        {
            if (!token.IsDigitRun)
            {
                return new Piece(null, null, token.Cell);
            }

            string digits = TableToken.DigitsOf(token.Text);
            return new Piece(digits, token.Text[digits.Length..], null);
        }

        /// <summary>The most cells this piece can yield.</summary>
        public int MaxCells => Digits?.Length ?? 1;
    }

    private sealed class Search(Piece[] pieces, int cellCount, PrefixRule rule)
    {
        private readonly CellValue[] _cells = new CellValue[cellCount];
        private readonly int[] _laterMaxCells = LaterMaxCells(pieces);
        private readonly Dictionary<(int, int, int), long> _memo = [];
        private int _steps;

        public List<CellValue[]> Fitting { get; } = [];
        public int FittingCount { get; private set; }
        public bool Capped { get; private set; }

        public void Walk(int piece, int pos, int cell)
        {
            if (Capped || ++_steps > MaxSteps)
            {
                Capped = true;
                return;
            }

            if (piece == pieces.Length)
            {
                if (cell == cellCount)
                {
                    FittingCount++;
                    if (Fitting.Count < MaxKept)
                    {
                        Fitting.Add((CellValue[])_cells.Clone());
                    }
                }

                return;
            }

            var p = pieces[piece];
            if (p.Digits is null)
            {
                if (cell < cellCount)
                {
                    _cells[cell] = p.Fixed!;
                    if (rule(_cells, cell + 1))
                    {
                        Walk(piece + 1, 0, cell + 1);
                    }
                }

                return;
            }

            if (pos == p.Digits.Length)
            {
                Walk(piece + 1, 0, cell);
                return;
            }

            foreach (int len in PartLengths(piece, pos, cell))
            {
                bool lastPart = pos + len == p.Digits.Length;
                string text = p.Digits.Substring(pos, len) + (lastPart ? p.Unit : "");
                _cells[cell] = CellValueParser.Parse(text);
                if (rule(_cells, cell + 1))
                {
                    Walk(piece, pos + len, cell + 1);
                }

                if (Capped)
                {
                    return;
                }
            }
        }

        /// <summary>Counts the splits with the right cell count, ignoring the rules.</summary>
        public long CountStructural() => Count(0, 0, 0);

        private long Count(int piece, int pos, int cell)
        {
            if (piece == pieces.Length)
            {
                return cell == cellCount ? 1 : 0;
            }

            var key = (piece, pos, cell);
            if (_memo.TryGetValue(key, out long known))
            {
                return known;
            }

            var p = pieces[piece];
            long ways;
            if (p.Digits is null)
            {
                ways = cell < cellCount ? Count(piece + 1, 0, cell + 1) : 0;
            }
            else if (pos == p.Digits.Length)
            {
                ways = Count(piece + 1, 0, cell);
            }
            else
            {
                ways = 0;
                foreach (int len in PartLengths(piece, pos, cell))
                {
                    long sub = Count(piece, pos + len, cell + 1);
                    ways = sub > long.MaxValue - ways ? long.MaxValue : ways + sub;
                }
            }

            _memo[key] = ways;
            return ways;
        }

        /// <summary>Lengths the next part of a run may take: no leading zeros, and the remaining cells stay reachable.</summary>
        private IEnumerable<int> PartLengths(int piece, int pos, int cell)
        {
            string digits = pieces[piece].Digits!;
            if (cell >= cellCount)
            {
                yield break;
            }

            int maxLen = digits[pos] == '0' ? 1 : Math.Min(MaxCellDigits, digits.Length - pos);
            for (int len = 1; len <= maxLen; len++)
            {
                int rest = digits.Length - pos - len;
                int reachable = cell + 1 + rest + _laterMaxCells[piece];
                int minimum = cell + 1 + (rest > 0 ? 1 : 0) + (pieces.Length - piece - 1);
                if (reachable >= cellCount && minimum <= cellCount)
                {
                    yield return len;
                }
            }
        }

        private static int[] LaterMaxCells(Piece[] pieces)
        {
            var later = new int[pieces.Length];
            for (int i = pieces.Length - 2; i >= 0; i--)
            {
                later[i] = later[i + 1] + pieces[i + 1].MaxCells;
            }

            return later;
        }
    }
}
