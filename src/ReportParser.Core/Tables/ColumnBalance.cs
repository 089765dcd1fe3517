using ReportParser.Templates;

namespace ReportParser.Tables;

/// <summary>
/// Settles 表三 rows whose digit run fits several splits, using the column rules of spec §7 when the
/// other operands are known: T3_BALANCE (一 + 二 = 三(七) + 四) and T3_RESULTS_SUM ((七)总计 = Σ outcomes).
/// A candidate survives when every column equation it takes part in holds; one survivor is accepted.
/// </summary>
internal static class ColumnBalance
{
    public static void Resolve(TableTemplate template, Dictionary<string, RowCells> rows)
    {
        var leaves = template.ResultLeaves.Select(r => r.Key).ToArray();
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var key in rows.Keys.ToArray())
            {
                var cells = rows[key];
                if (cells.State != RowCellsState.Ambiguous || cells.CandidateCount > cells.Candidates.Count)
                {
                    continue;
                }

                var kept = cells.Candidates.Where(c => Consistent(key, c, rows, leaves, template.Columns.Count)).ToArray();
                if (kept.Length == 1)
                {
                    rows[key] = cells.Accept(kept[0]);
                    changed = true;
                }
                else if (kept.Length < cells.Candidates.Count)
                {
                    rows[key] = cells with { Candidates = kept, CandidateCount = kept.Length, State = kept.Length == 0 ? RowCellsState.NoFit : RowCellsState.Ambiguous };
                    changed = true;
                }
            }
        }
    }

    private static bool Consistent(string key, CellValue[] candidate, Dictionary<string, RowCells> rows, string[] leaves, int columns)
    {
        for (int col = 0; col < columns; col++)
        {
            decimal? Get(string k) => k == key ? candidate[col].Value : rows.TryGetValue(k, out var r) ? r.Cells[col]?.Value : null;

            string[] balance = [Table3Keys.NewReceived, Table3Keys.CarriedOver, Table3Keys.ResultsTotal, Table3Keys.CarriedForward];
            if (balance.Contains(key)
                && Get(balance[0]) is { } a && Get(balance[1]) is { } b && Get(balance[2]) is { } c && Get(balance[3]) is { } d
                && a + b != c + d)
            {
                return false;
            }

            if (key == Table3Keys.ResultsTotal || leaves.Contains(key))
            {
                decimal sum = 0;
                bool known = true;
                foreach (var leaf in leaves)
                {
                    if (Get(leaf) is { } v)
                    {
                        sum += v;
                    }
                    else
                    {
                        known = false;
                        break;
                    }
                }

                if (known && Get(Table3Keys.ResultsTotal) is { } total && total != sum)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
