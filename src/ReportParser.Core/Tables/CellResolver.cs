namespace ReportParser.Tables;

internal enum RowCellsState
{
    /// <summary>One token per cell.</summary>
    Exact,

    /// <summary>Digit runs split the only way the rules allow.</summary>
    Split,

    /// <summary>Fewer values than cells and nothing to split: the values fill the first cells, the rest are missing.</summary>
    Short,

    /// <summary>Several splits fit the rules; the cells are uncertain.</summary>
    Ambiguous,

    /// <summary>No split fits the rules; the cells are uncertain.</summary>
    NoFit,

    /// <summary>The run is too long to search; the cells are uncertain.</summary>
    TooLong,

    /// <summary>
    /// Fewer values than cells, and a value glued to the label that is not a plain digit run
    /// (<c>政府集中采购156805947.43元</c>): its leading digits may be other cells'; the cells are uncertain.
    /// </summary>
    GluedShort,
}

/// <summary>
/// The cells of one row. A null cell was not in the source (short row) or is uncertain (see
/// <see cref="State"/>); <see cref="Candidates"/> holds the fitting splits of an ambiguous row.
/// </summary>
internal sealed record RowCells(
    CellValue?[] Cells,
    RowCellsState State,
    IReadOnlyList<CellValue[]> Candidates,
    int CandidateCount,
    string RunText,
    int ExtraValues)
{
    public bool IsUncertain => State is RowCellsState.Ambiguous or RowCellsState.NoFit or RowCellsState.TooLong or RowCellsState.GluedShort;

    public RowCells Accept(CellValue[] split) => this with { Cells = split, State = RowCellsState.Split, Candidates = [] };
}

/// <summary>Takes a row's value tokens to its cells in column order, splitting digit runs by the row's arithmetic.</summary>
internal sealed class CellResolver
{
    private readonly DigitRunSplitter _splitter = new();

    public RowCells Resolve(IReadOnlyList<TableToken> tokens, int cellCount, DigitRunSplitter.PrefixRule rule)
    {
        var values = new List<TableToken>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Value)
            {
                values.Add(token);
            }
        }

        // The row's text is quoted only for split and uncertain rows: it is made for them alone, from the
        // values as read (kept before surplus values are trimmed off, when there are any).
        string? run = values.Count > cellCount ? RunText(values) : null;
        int extra = TrimExtra(values, cellCount);
        if (values.Count == cellCount)
        {
            return new(ShortCells(values, cellCount), RowCellsState.Exact, [], 0, "", extra);
        }

        if (!MaySplit(values))
        {
            return values.Count == 1 && cellCount > 1 && values[0].Glued && LeadingDigits(values[0].Text) >= 2
                ? new(new CellValue?[cellCount], RowCellsState.GluedShort, [], 0, values[0].Text, extra)
                : new(ShortCells(values, cellCount), RowCellsState.Short, [], 0, "", extra);
        }

        run ??= RunText(values);

        if (DigitRunSplitter.DigitCount(values) > DigitRunSplitter.MaxDigits)
        {
            return Done(new CellValue?[cellCount], RowCellsState.TooLong);
        }

        var result = _splitter.Split(values, cellCount, rule);
        if (result.Structural == 0 && !result.Capped)
        {
            return Done(ShortCells(values, cellCount), RowCellsState.Short);
        }

        if (result.Structural == 1)
        {
            // The digit count leaves one way to split; the rules are checked later and may fail.
            var only = _splitter.Split(values, cellCount, (_, _) => true).Fitting[0];
            return Done(only, RowCellsState.Split);
        }

        if (result.FittingCount == 1 && !result.Capped)
        {
            return Done(result.Fitting[0], RowCellsState.Split);
        }

        if (result.FittingCount > 1)
        {
            return new RowCells(new CellValue?[cellCount], RowCellsState.Ambiguous, result.Fitting, result.FittingCount, run, extra);
        }

        return Done(new CellValue?[cellCount], result.Capped ? RowCellsState.TooLong : RowCellsState.NoFit);

        RowCells Done(CellValue?[] cells, RowCellsState state) => new(cells, state, [], 0, run, extra);
    }

    /// <summary>
    /// Splitting is tried only where cells evidently ran together: a single token, a run glued to the
    /// label before it, or a run with a leading zero (no single cell is written 0020470).
    /// </summary>
    private static bool MaySplit(List<TableToken> values) =>
        values.Any(v => v.IsDigitRun)
        && (values.Count == 1 || values.Any(v => v.IsDigitRun && (v.Glued || v.Text[0] == '0')));

    private static int LeadingDigits(string text)
    {
        int n = 0;
        while (n < text.Length && char.IsAsciiDigit(text[n]))
        {
            n++;
        }

        return n;
    }

    /// <summary>Drops surplus blank cells at either end (layout filler, a 16th empty column); returns how many non-blank values are surplus.</summary>
    private static int TrimExtra(List<TableToken> values, int cellCount)
    {
        while (values.Count > cellCount && CellValueParser.IsBlank(values[0].Text))
        {
            values.RemoveAt(0);
        }

        while (values.Count > cellCount && CellValueParser.IsBlank(values[^1].Text))
        {
            values.RemoveAt(values.Count - 1);
        }

        int extra = Math.Max(0, values.Count - cellCount);
        if (extra > 0)
        {
            values.RemoveRange(cellCount, extra);
        }

        return extra;
    }

    /// <summary>The values' texts joined by spaces, as diagnostics quote a split or uncertain row.</summary>
    private static string RunText(List<TableToken> values) => values.Count switch
    {
        0 => "",
        1 => values[0].Text,
        _ => string.Join(' ', values.ConvertAll(v => v.Text)),
    };

    private static CellValue?[] ShortCells(List<TableToken> values, int cellCount)
    {
        var cells = new CellValue?[cellCount];
        for (int i = 0; i < values.Count && i < cellCount; i++)
        {
            cells[i] = values[i].Cell;
        }

        return cells;
    }
}
