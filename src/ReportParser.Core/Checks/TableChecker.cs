using System.Globalization;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Tables;
using ReportParser.Templates;

namespace ReportParser.Checks;

/// <summary>
/// Evaluates the 勾稽 rules of spec §7 on reconstructed tables. One result per rule instance:
/// T3_BALANCE and T3_RESULTS_SUM per 表三 column, T3_ROW_TOTAL per 表三 data row, T4_BLOCK_TOTAL per
/// 表四 block, T3_SUBTOTAL_IF_PRESENT per column of a subtotal row a report added. The cell rules
/// (NON_NEGATIVE_INT for 表三/表四, T2_NON_NEGATIVE for 表二) list failing cells only, or give one
/// passing result per table, so a table of zeros stays readable. A blank or missing operand makes
/// an instance not_assessable (blank is not zero). Numbers are never changed.
/// </summary>
internal sealed class TableChecker
{
    private readonly TemplateCatalog _catalog;

    public TableChecker()
        : this(TemplateCatalog.Default)
    {
    }

    public TableChecker(TemplateCatalog catalog) => _catalog = catalog;

    public IReadOnlyList<CheckResult> Check(IReadOnlyList<StatTable> tables, DiagnosticBag bag)
    {
        var results = new List<CheckResult>();
        foreach (var table in tables)
        {
            if (table.Status == TableStatus.Absent || !_catalog.Has(table.Template))
            {
                continue;
            }

            var context = new TableContext(table, _catalog.Get(table.Key, table.Template), results, bag);
            switch (table.Key)
            {
                case TableKeys.Table2:
                    CheckTable2(context);
                    break;
                case TableKeys.Table3:
                    CheckBalance(context);
                    CheckResultsSum(context);
                    CheckTotalColumn(context, Rules.T3RowTotal, dataRowsOnly: true);
                    CheckSubtotals(context);
                    CheckNonNegative(context);
                    break;
                case TableKeys.Table4:
                    CheckTotalColumn(context, Rules.T4BlockTotal, dataRowsOnly: false);
                    CheckNonNegative(context);
                    break;
            }

            context.ReportNotAssessable();
        }

        return results;
    }

    private static void CheckBalance(TableContext t)
    {
        foreach (var column in t.Table.Columns)
        {
            decimal?[] v =
            [
                t.Value(Table3Keys.NewReceived, column.Key), t.Value(Table3Keys.CarriedOver, column.Key),
                t.Value(Table3Keys.ResultsTotal, column.Key), t.Value(Table3Keys.CarriedForward, column.Key),
            ];
            string[] names = [Table3Keys.NewReceived, Table3Keys.CarriedOver, Table3Keys.ResultsTotal, Table3Keys.CarriedForward];
            if (Blank(v[0], [v[1], v[2], v[3]], names) is { } blank)
            {
                t.NotAssessable(Rules.T3Balance, null, column.Key, blank, t.Table.Line);
                continue;
            }

            bool pass = v[0] + v[1] == v[2] + v[3];
            string message = $"{N(v[0])} + {N(v[1])} {(pass ? "=" : "≠")} {N(v[2])} + {N(v[3])}";
            t.Add(Rules.T3Balance, null, column.Key, pass, message, t.Table.Line, official: true);
        }
    }

    private static void CheckResultsSum(TableContext t)
    {
        var leaves = t.Template.ResultLeaves.Select(r => r.Key).ToArray();
        string[] names = [Table3Keys.ResultsTotal, .. leaves];
        foreach (var column in t.Table.Columns)
        {
            var total = t.Value(Table3Keys.ResultsTotal, column.Key);
            var terms = t.Values(leaves, column.Key);
            if (Blank(total, terms, names) is { } blank)
            {
                t.NotAssessable(Rules.T3ResultsSum, Table3Keys.ResultsTotal, column.Key, blank, t.Row(Table3Keys.ResultsTotal)?.Line ?? t.Table.Line, total, terms);
                continue;
            }

            decimal sum = Sum(terms);
            bool pass = total == sum;
            var nonZero = new List<string>();
            foreach (var term in terms)
            {
                if (term != 0)
                {
                    nonZero.Add(N(term));
                }
            }

            string parts = nonZero.Count == 0 ? "0" : string.Join(" + ", nonZero);
            string message = $"{N(total)} {(pass ? "=" : "≠")} {parts}{(nonZero.Count > 1 && !pass ? $" = {N(sum)}" : "")} (sum of {leaves.Length} outcome rows; the others are 0)";
            t.Add(Rules.T3ResultsSum, Table3Keys.ResultsTotal, column.Key, pass, message, t.Row(Table3Keys.ResultsTotal)?.Line ?? t.Table.Line, official: true);
        }
    }

    /// <summary>
    /// The 总计 column of each row equals the sum of the row's other columns: T3_ROW_TOTAL over 表三's data
    /// rows, T4_BLOCK_TOTAL over 表四's three blocks.
    /// </summary>
    private static void CheckTotalColumn(TableContext t, string rule, bool dataRowsOnly)
    {
        var parts = t.Table.Columns.Take(t.Table.Columns.Count - 1).Select(c => c.Key).ToArray();
        string totalKey = t.Table.Columns[^1].Key;
        string[] names = [totalKey, .. parts];
        foreach (var row in t.Table.Rows)
        {
            if (dataRowsOnly && t.Template.Row(row.Key)?.IsData != true)
            {
                continue;
            }

            CheckSum(t, rule, row.Key, totalKey, t.Value(row.Key, totalKey), t.Values(row.Key, parts), names, row.Line ?? t.Table.Line, official: true);
        }
    }

    private static void CheckSubtotals(TableContext t)
    {
        foreach (string group in Table3Keys.SubtotalGroups)
        {
            var row = t.Row(group);
            var children = t.Template.Rows.Where(r => r.Parent == group && r.IsData).Select(r => r.Key).ToArray();
            if (row is null || t.Template.Row(group)?.IsData != false || children.Length == 0)
            {
                continue;
            }

            foreach (var column in t.Table.Columns)
            {
                CheckSum(t, Rules.T3Subtotal, group, column.Key, t.Value(group, column.Key), t.Values(children, column.Key), [group, .. children],
                    row.Line ?? t.Table.Line, official: false);
            }
        }
    }

    /// <summary>One rule instance "total = Σ terms": pass or fail with the numbers, or not assessable when an operand is blank.</summary>
    private static void CheckSum(TableContext t, string rule, string row, string column, decimal? total, decimal?[] terms, string[] names, int? line, bool official)
    {
        if (Blank(total, terms, names) is { } blank)
        {
            t.NotAssessable(rule, row, column, blank, line, total, terms);
            return;
        }

        bool pass = total == Sum(terms);
        t.Add(rule, row, column, pass, $"{N(total)} {(pass ? "=" : "≠")} {Joined(terms)}", line, official);
    }

    /// <summary>NON_NEGATIVE_INT: 表三 and 表四 cells are counts.</summary>
    private static void CheckNonNegative(TableContext t) =>
        CheckCells(t, Rules.NonNegativeInt, (_, value) => value >= 0 && decimal.Truncate(value) == value, "a non-negative integer");

    /// <summary>T2_NON_NEGATIVE: counts are non-negative integers, 本年增/减 may be negative, amounts may be decimal.</summary>
    private static void CheckTable2(TableContext t) =>
        CheckCells(t, Rules.T2NonNegative, (type, value) => type switch
        {
            "signed_count" => decimal.Truncate(value) == value,
            "money" or "money_unspecified_unit" => value >= 0,
            _ => value >= 0 && decimal.Truncate(value) == value,
        }, "valid for its column (counts ≥ 0 and whole, amounts ≥ 0)");

    private static void CheckCells(TableContext t, string rule, Func<string, decimal, bool> valid, string expectation)
    {
        int numeric = 0;
        int failed = 0;
        foreach (var row in t.Table.Rows)
        {
            var columns = t.Template.Row(row.Key)?.Columns ?? t.Template.Columns;
            foreach (var column in columns)
            {
                if (!row.Values.TryGetValue(column.Key, out var value) || value is not { } v)
                {
                    continue;
                }

                numeric++;
                if (!valid(column.ValueType, v))
                {
                    failed++;
                    string message = $"{N(v)} is not {expectation}";
                    t.Results.Add(new CheckResult { Rule = rule, Table = t.Table.Key, Row = row.Key, Column = column.Key, Status = CheckStatus.Fail, Message = message, Line = row.Line });
                    t.Bag.Report(DiagnosticCodes.NotNonNegativeInteger, $"{rule} {TableKeys.Name(t.Table.Key)} {row.Key}.{column.Key}: {message}", row.Line ?? t.Table.Line);
                }
            }
        }

        if (failed == 0)
        {
            t.Results.Add(new CheckResult
            {
                Rule = rule,
                Table = t.Table.Key,
                Status = numeric > 0 ? CheckStatus.Pass : CheckStatus.NotAssessable,
                Message = numeric > 0 ? $"all {numeric} numeric cells are {expectation}" : "no numeric cells",
                Line = t.Table.Line,
            });
        }
    }

    /// <summary>
    /// The names of the blank operands (up to three, then "and N more"), or null when all are numbers.
    /// <paramref name="names"/>: the total's name, then the terms'.
    /// </summary>
    private static string? Blank(decimal? total, decimal?[] terms, string[] names)
    {
        List<string>? blank = null;
        if (total is null)
        {
            (blank ??= []).Add(names[0]);
        }

        for (int i = 0; i < terms.Length; i++)
        {
            if (terms[i] is null)
            {
                (blank ??= []).Add(names[i + 1]);
            }
        }

        if (blank is null)
        {
            return null;
        }

        string listed = string.Join(", ", blank.Count > 3 ? blank.GetRange(0, 3) : blank);
        return blank.Count > 3 ? $"{listed} and {blank.Count - 3} more" : listed;
    }

    /// <summary>The sum of operands that are all numbers.</summary>
    private static decimal Sum(decimal?[] terms)
    {
        decimal sum = 0;
        foreach (var term in terms)
        {
            sum += term!.Value;
        }

        return sum;
    }

    private static string Joined(decimal?[] terms)
    {
        var texts = new string[terms.Length];
        for (int i = 0; i < terms.Length; i++)
        {
            texts[i] = N(terms[i]);
        }

        return string.Join(" + ", texts);
    }

    private static decimal? Value(TableRow row, string column) => row.Values.TryGetValue(column, out var v) ? v : null;

    private static decimal?[] Values(TableRow row, string[] columns)
    {
        var values = new decimal?[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            values[i] = Value(row, columns[i]);
        }

        return values;
    }

    private static string N(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "blank";

    private static class Rules
    {
        public const string T3Balance = "T3_BALANCE";
        public const string T3ResultsSum = "T3_RESULTS_SUM";
        public const string T3RowTotal = "T3_ROW_TOTAL";
        public const string T3Subtotal = "T3_SUBTOTAL_IF_PRESENT";
        public const string T4BlockTotal = "T4_BLOCK_TOTAL";
        public const string NonNegativeInt = "NON_NEGATIVE_INT";
        public const string T2NonNegative = "T2_NON_NEGATIVE";
    }

    /// <summary>One table under check: value lookup, result recording and the not-assessable tally.</summary>
    private sealed class TableContext(StatTable table, TableTemplate template, List<CheckResult> results, DiagnosticBag bag)
    {
        private readonly Dictionary<string, List<string>> _notAssessable = [];

        // The rules look rows up by key many times per table; the first row of a key answers.
        private readonly Dictionary<string, TableRow> _rows = IndexRows(table.Rows);

        public StatTable Table => table;
        public TableTemplate Template => template;
        public List<CheckResult> Results => results;
        public DiagnosticBag Bag => bag;

        public TableRow? Row(string key) => _rows.GetValueOrDefault(key);

        private static Dictionary<string, TableRow> IndexRows(IReadOnlyList<TableRow> rows)
        {
            var index = new Dictionary<string, TableRow>(rows.Count, StringComparer.Ordinal);
            for (int i = 0; i < rows.Count; i++)
            {
                index.TryAdd(rows[i].Key, rows[i]);
            }

            return index;
        }

        public decimal? Value(string row, string column) =>
            Row(row) is { } r && r.Values.TryGetValue(column, out var v) ? v : null;

        /// <summary>The values of <paramref name="rows"/> in <paramref name="column"/>.</summary>
        public decimal?[] Values(string[] rows, string column)
        {
            var values = new decimal?[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                values[i] = Value(rows[i], column);
            }

            return values;
        }

        /// <summary>The values of row <paramref name="row"/> in <paramref name="columns"/>.</summary>
        public decimal?[] Values(string row, string[] columns) =>
            Row(row) is { } r ? TableChecker.Values(r, columns) : new decimal?[columns.Length];

        public void Add(string rule, string? row, string? column, bool pass, string message, int? line, bool official)
        {
            results.Add(new CheckResult
            {
                Rule = rule,
                Table = table.Key,
                Row = row,
                Column = column,
                Status = pass ? CheckStatus.Pass : CheckStatus.Fail,
                Message = message,
                Line = line,
            });
            if (!pass)
            {
                string where = string.Join(".", new[] { row, column }.Where(x => x is not null));
                bag.Report(official ? DiagnosticCodes.RuleFailed : DiagnosticCodes.PracticeRuleFailed,
                    $"{rule} {TableKeys.Name(table.Key)} {where}: {message}", table.Line ?? line);
            }
        }

        /// <param name="total">For a sum rule, the total operand; with <paramref name="terms"/> the message adds what the
        /// rule would say if blank cells were 0 (spec §7's optional retry; the status stays not_assessable).</param>
        public void NotAssessable(string rule, string? row, string? column, string blank, int? line, decimal? total = null, decimal?[]? terms = null)
        {
            results.Add(new CheckResult
            {
                Rule = rule,
                Table = table.Key,
                Row = row,
                Column = column,
                Status = CheckStatus.NotAssessable,
                Message = $"blank or missing operand: {blank}{ZeroHint(total, terms)}",
                Line = line,
            });
            string where = string.Join(".", new[] { row, column }.Where(x => x is not null));
            if (!_notAssessable.TryGetValue(rule, out var list))
            {
                _notAssessable[rule] = list = [];
            }

            list.Add(where);
        }

        private static string ZeroHint(decimal? total, decimal?[]? terms)
        {
            if (total is not { } t || terms is null)
            {
                return "";
            }

            decimal sum = 0;
            foreach (var term in terms)
            {
                sum += term ?? 0;
            }

            return t == sum
                ? $"; with blank cells counted as 0 it would pass ({N(t)} = {N(sum)})"
                : $"; even with blank cells counted as 0 it would fail ({N(t)} ≠ {N(sum)})";
        }

        /// <summary>One RP4002 per rule and table, listing the first instances.</summary>
        public void ReportNotAssessable()
        {
            foreach (var (rule, where) in _notAssessable)
            {
                string listed = string.Join(", ", where.Take(5)) + (where.Count > 5 ? $" and {where.Count - 5} more" : "");
                bag.Report(DiagnosticCodes.RuleNotAssessable,
                    $"{rule} {TableKeys.Name(table.Key)}: {where.Count} instance(s) not assessable because an operand is blank or missing ({listed})", table.Line);
            }
        }
    }
}
