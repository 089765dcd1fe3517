namespace ReportParser.Templates;

/// <summary>Which of the two reports of a cross-year rule a cell is read from.</summary>
internal enum ReportYearSide
{
    /// <summary>The report of year y−1.</summary>
    Older,

    /// <summary>The report of year y.</summary>
    Newer,
}

/// <summary>One operand of a cross-year equation: a cell of the older or the newer report, added or subtracted.</summary>
internal sealed record CrossYearTerm(ReportYearSide Side, string Table, string Row, string Column, int Sign, string Label);

/// <summary>
/// One instance of a cross-year rule: Σ <see cref="Left"/> = Σ <see cref="Right"/> (with their signs) for
/// one row and column, between an agency's reports of years y−1 and y.
/// </summary>
internal sealed record CrossYearEquation(string Rule, string Table, string Row, string Column, bool Official,
    IReadOnlyList<CrossYearTerm> Left, IReadOnlyList<CrossYearTerm> Right);

/// <summary>
/// The cross-year 勾稽 rules, defined here once beside <see cref="TableRules"/>, and derived from the
/// templates the two reports follow, so a rule is asked only where both tables have its cells:
/// <list type="bullet">
/// <item><c>X_T3_CARRY</c> (official): 表三 二、上年结转 (y) = 四、结转下年度继续办理 (y−1), per applicant column;
/// both templates have the rows, so it holds across the 2020→2021 change too.</item>
/// <item><c>X_T2_ITEMS</c> (official, 2019 template): 表二 上一年项目数量 (y) = 上一年项目数量 (y−1) + 本年增/减 (y−1),
/// on every row of a block with those two columns (第二十条第（五）（六）项, and （八）项, which has them too).</item>
/// <item><c>X_T2_IN_FORCE</c> (2021 template, soft: it is not an official rule — documents expire and are
/// revised outside the count): 现行有效件数 (y) = 现行有效件数 (y−1) + 本年制发件数 (y) − 本年废止件数 (y).</item>
/// </list>
/// </summary>
internal static class CrossYearRules
{
    public const string T3Carry = "X_T3_CARRY";
    public const string T2Items = "X_T2_ITEMS";
    public const string T2InForce = "X_T2_IN_FORCE";

    /// <summary>The column keys the rules read (as in <c>templates.json</c>).</summary>
    private const string PrevYearItems = "prev_year_items";
    private const string ChangeThisYear = "change_this_year";
    private const string Issued = "issued";
    private const string Repealed = "repealed";
    private const string InForce = "in_force";

    /// <summary>The equations that apply between a report on <paramref name="olderTemplate"/> (y−1) and one on <paramref name="newerTemplate"/> (y).</summary>
    public static IReadOnlyList<CrossYearEquation> For(TemplateCatalog catalog, string olderTemplate, string newerTemplate)
    {
        var equations = new List<CrossYearEquation>();
        if (!catalog.Has(olderTemplate) || !catalog.Has(newerTemplate))
        {
            return equations;
        }

        AddCarry(catalog.Get(TableKeys.Table3, olderTemplate), catalog.Get(TableKeys.Table3, newerTemplate), equations);
        if (olderTemplate == newerTemplate)
        {
            var table2 = catalog.Get(TableKeys.Table2, newerTemplate);
            AddItems(table2, equations);
            AddInForce(table2, equations);
        }

        return equations;
    }

    private static void AddCarry(TableTemplate older, TableTemplate newer, List<CrossYearEquation> equations)
    {
        var carriedForward = older.Row(Table3Keys.CarriedForward);
        var carriedOver = newer.Row(Table3Keys.CarriedOver);
        if (carriedForward is null || carriedOver is null)
        {
            return;
        }

        foreach (var column in newer.Columns)
        {
            if (!Has(older.Columns, column.Key))
            {
                continue;
            }

            equations.Add(new CrossYearEquation(T3Carry, TableKeys.Table3, Table3Keys.CarriedOver, column.Key, Official: true,
                [new(ReportYearSide.Newer, TableKeys.Table3, Table3Keys.CarriedOver, column.Key, 1, carriedOver.Label)],
                [new(ReportYearSide.Older, TableKeys.Table3, Table3Keys.CarriedForward, column.Key, 1, carriedForward.Label)]));
        }
    }

    private static void AddItems(TableTemplate table2, List<CrossYearEquation> equations)
    {
        foreach (var row in table2.DataRows)
        {
            var prev = Column(row.Columns, PrevYearItems);
            var change = Column(row.Columns, ChangeThisYear);
            if (prev is null || change is null)
            {
                continue;
            }

            equations.Add(new CrossYearEquation(T2Items, TableKeys.Table2, row.Key, PrevYearItems, Official: true,
                [new(ReportYearSide.Newer, TableKeys.Table2, row.Key, PrevYearItems, 1, prev.Label)],
                [
                    new(ReportYearSide.Older, TableKeys.Table2, row.Key, PrevYearItems, 1, prev.Label),
                    new(ReportYearSide.Older, TableKeys.Table2, row.Key, ChangeThisYear, 1, change.Label),
                ]));
        }
    }

    private static void AddInForce(TableTemplate table2, List<CrossYearEquation> equations)
    {
        foreach (var row in table2.DataRows)
        {
            var inForce = Column(row.Columns, InForce);
            var issued = Column(row.Columns, Issued);
            var repealed = Column(row.Columns, Repealed);
            if (inForce is null || issued is null || repealed is null)
            {
                continue;
            }

            equations.Add(new CrossYearEquation(T2InForce, TableKeys.Table2, row.Key, InForce, Official: false,
                [new(ReportYearSide.Newer, TableKeys.Table2, row.Key, InForce, 1, inForce.Label)],
                [
                    new(ReportYearSide.Older, TableKeys.Table2, row.Key, InForce, 1, inForce.Label),
                    new(ReportYearSide.Newer, TableKeys.Table2, row.Key, Issued, 1, issued.Label),
                    new(ReportYearSide.Newer, TableKeys.Table2, row.Key, Repealed, -1, repealed.Label),
                ]));
        }
    }

    private static TemplateColumn? Column(IReadOnlyList<TemplateColumn> columns, string key)
    {
        foreach (var column in columns)
        {
            if (column.Key == key)
            {
                return column;
            }
        }

        return null;
    }

    private static bool Has(IReadOnlyList<TemplateColumn> columns, string key) => Column(columns, key) is not null;
}
