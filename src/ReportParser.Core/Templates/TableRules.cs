namespace ReportParser.Templates;

/// <summary>A rule on each numeric cell of a table: <see cref="Valid"/> by the column's value type.</summary>
internal sealed record CellRule(string Rule, Func<string, decimal, bool> Valid, string Expectation);

/// <summary>
/// The 勾稽 rules of one table template (spec §7), each defined here once. 表三: T3_BALANCE
/// (一 + 二 = 三(七) + 四, per column), T3_RESULTS_SUM ((七)总计 = Σ outcome rows, per column), T3_ROW_TOTAL
/// (总计 column = Σ the others, per data row), T3_SUBTOTAL_IF_PRESENT (a group's subtotal row = Σ its
/// rows, per column, when a report adds one) and NON_NEGATIVE_INT; 表四: T4_BLOCK_TOTAL (each block's
/// 总计 = Σ its outcomes) and NON_NEGATIVE_INT; 表二: T2_NON_NEGATIVE. The rules follow from the template
/// (its columns, its outcome rows, its groups), so a variant template brings its own.
/// </summary>
internal sealed class TableRules
{
    public const string T3Balance = "T3_BALANCE";
    public const string T3ResultsSum = "T3_RESULTS_SUM";
    public const string T3RowTotal = "T3_ROW_TOTAL";
    public const string T3Subtotal = "T3_SUBTOTAL_IF_PRESENT";
    public const string T4BlockTotal = "T4_BLOCK_TOTAL";
    public const string NonNegativeInt = "NON_NEGATIVE_INT";
    public const string T2NonNegative = "T2_NON_NEGATIVE";

    private static readonly CellRule NonNegativeCells =
        new(NonNegativeInt, (_, value) => value >= 0 && decimal.Truncate(value) == value, "a non-negative integer");

    private static readonly CellRule Table2Cells = new(T2NonNegative, (type, value) => type switch
    {
        "signed_count" => decimal.Truncate(value) == value,
        "money" or "money_unspecified_unit" => value >= 0,
        _ => value >= 0 && decimal.Truncate(value) == value,
    }, "valid for its column (counts ≥ 0 and whole, amounts ≥ 0)");

    private TableRules(IReadOnlyList<Equation> equations, CellRule? cells)
    {
        Equations = equations;
        Cells = cells;
        var columnRules = new List<Equation>();
        foreach (var equation in equations)
        {
            if (equation.Axis == RuleAxis.Row)
            {
                RowTotal ??= equation;
            }
            else if (equation.Official)
            {
                columnRules.Add(equation);
            }
        }

        OfficialColumnEquations = columnRules;
    }

    /// <summary>The equations in the order their results are listed.</summary>
    public IReadOnlyList<Equation> Equations { get; }

    /// <summary>The rule on every numeric cell, checked after the equations.</summary>
    public CellRule? Cells { get; }

    /// <summary>The row equation (表三's 总计 column, 表四's block totals): digit runs are split so that it holds.</summary>
    public Equation? RowTotal { get; }

    /// <summary>The official column equations: an ambiguous split is settled by the ones it takes part in.</summary>
    public IReadOnlyList<Equation> OfficialColumnEquations { get; }

    /// <summary>The rules of <paramref name="template"/>'s table.</summary>
    public static TableRules For(TableTemplate template) => template.Table switch
    {
        TableKeys.Table2 => new TableRules([], Table2Cells),
        TableKeys.Table3 => Table3(template),
        TableKeys.Table4 => new TableRules([RowSum(T4BlockTotal, template, dataRowsOnly: false)], NonNegativeCells),
        _ => new TableRules([], null),
    };

    private static TableRules Table3(TableTemplate template)
    {
        var leaves = new string[template.ResultLeaves.Count];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = template.ResultLeaves[i].Key;
        }

        var equations = new List<Equation>
        {
            new(T3Balance, RuleAxis.Column, [Table3Keys.NewReceived, Table3Keys.CarriedOver], [Table3Keys.ResultsTotal, Table3Keys.CarriedForward], official: true),
            new(T3ResultsSum, RuleAxis.Column, [Table3Keys.ResultsTotal], leaves, official: true)
            {
                At = Table3Keys.ResultsTotal,
                ZeroHint = true,
                ListsNonZeroParts = true,
            },
            RowSum(T3RowTotal, template, dataRowsOnly: true),
        };

        foreach (string group in Table3Keys.SubtotalGroups)
        {
            var children = new List<string>();
            foreach (var row in template.Rows)
            {
                if (row.Parent == group && row.IsData)
                {
                    children.Add(row.Key);
                }
            }

            if (template.Row(group)?.IsData != false || children.Count == 0)
            {
                continue;
            }

            equations.Add(new Equation(T3Subtotal, RuleAxis.Column, [group], [.. children], official: false)
            {
                At = group,
                OnlyIfAtRowPresent = true,
                ZeroHint = true,
            });
        }

        return new TableRules(equations, NonNegativeCells);
    }

    /// <summary>The last column (总计) of each row is the sum of the columns before it.</summary>
    private static Equation RowSum(string rule, TableTemplate template, bool dataRowsOnly)
    {
        int total = template.Columns.Count - 1;
        var parts = new string[total];
        var partIndexes = new int[total];
        for (int i = 0; i < total; i++)
        {
            parts[i] = template.Columns[i].Key;
            partIndexes[i] = i;
        }

        return new Equation(rule, RuleAxis.Row, [template.Columns[total].Key], parts, official: true)
        {
            LeftColumns = [total],
            RightColumns = partIndexes,
            DataRowsOnly = dataRowsOnly,
            ZeroHint = true,
        };
    }
}
