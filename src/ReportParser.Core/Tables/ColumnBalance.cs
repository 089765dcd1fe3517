using ReportParser.Templates;

namespace ReportParser.Tables;

/// <summary>
/// Settles 表三 rows whose digit run fits several splits, using the template's official column
/// equations (<see cref="TableRules.OfficialColumnEquations"/>: T3_BALANCE and T3_RESULTS_SUM) when the
/// other operands are known. A candidate survives when every column equation it takes part in holds
/// (or cannot yet be assessed); one survivor is accepted.
/// </summary>
internal static class ColumnBalance
{
    public static void Resolve(TableTemplate template, Dictionary<string, RowCells> rows)
    {
        var equations = template.Rules.OfficialColumnEquations;
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

                var kept = cells.Candidates.Where(c => Consistent(key, c, rows, equations, template.Columns.Count)).ToArray();
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

    private static bool Consistent(string key, CellValue[] candidate, Dictionary<string, RowCells> rows, IReadOnlyList<Equation> equations, int columns)
    {
        foreach (var equation in equations)
        {
            if (!Contains(equation.Left, key) && !Contains(equation.Right, key))
            {
                continue;
            }

            for (int col = 0; col < columns; col++)
            {
                var left = Values(equation.Left, key, candidate, rows, col);
                var right = Values(equation.Right, key, candidate, rows, col);
                if (Equation.Evaluate(left, right) == RuleOutcome.Fail)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The operands' values in column <paramref name="col"/>, the row being settled taking the candidate's.</summary>
    private static decimal?[] Values(IReadOnlyList<string> operands, string key, CellValue[] candidate, Dictionary<string, RowCells> rows, int col)
    {
        var values = new decimal?[operands.Count];
        for (int i = 0; i < operands.Count; i++)
        {
            string k = operands[i];
            values[i] = k == key ? candidate[col].Value : rows.TryGetValue(k, out var r) ? r.Cells[col]?.Value : null;
        }

        return values;
    }

    private static bool Contains(IReadOnlyList<string> operands, string key)
    {
        for (int i = 0; i < operands.Count; i++)
        {
            if (operands[i] == key)
            {
                return true;
            }
        }

        return false;
    }
}
