using System.Globalization;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Templates;

namespace ReportParser.Checks;

/// <summary>
/// Evaluates the 勾稽 rules of spec §7 (<see cref="TableRules"/>, defined with the templates) on
/// reconstructed tables. One result per rule instance: a column equation per column, a row equation
/// per row. The cell rules (NON_NEGATIVE_INT for 表三/表四, T2_NON_NEGATIVE for 表二) list failing cells
/// only, or give one passing result per table, so a table of zeros stays readable. A blank or missing
/// operand makes an instance not_assessable (blank is not zero). Numbers are never changed.
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

            var template = _catalog.Get(table.Key, table.Template);
            var context = new TableContext(table, template, results, bag);
            foreach (var equation in template.Rules.Equations)
            {
                if (equation.Axis == RuleAxis.Column)
                {
                    CheckColumns(context, equation);
                }
                else
                {
                    CheckRows(context, equation);
                }
            }

            if (template.Rules.Cells is { } cells)
            {
                CheckCells(context, cells);
            }

            context.ReportNotAssessable();
        }

        return results;
    }

    /// <summary>A column equation (operands are rows) in each column of the table.</summary>
    private static void CheckColumns(TableContext t, Equation equation)
    {
        var atRow = equation.At is null ? null : t.Row(equation.At);
        if (equation.OnlyIfAtRowPresent && atRow is null)
        {
            return;
        }

        int? line = atRow?.Line ?? t.Table.Line;
        Func<string, string> name = t.Template.RowName;
        foreach (var column in t.Table.Columns)
        {
            var left = t.Values(equation.Left, column.Key);
            var right = t.Values(equation.Right, column.Key);
            string where = equation.At is null ? t.Template.ColumnName(column.Key) : $"{t.Template.RowName(equation.At)} {t.Template.ColumnName(column.Key)}";
            Record(t, equation, new Instance(equation.At, column.Key, where, line), left, right, name);
        }
    }

    /// <summary>A row equation (operands are columns) in each row of the table: 总计 = the sum of the row's other columns.</summary>
    private static void CheckRows(TableContext t, Equation equation)
    {
        string column = equation.Left[0];
        Func<string, string> name = t.Template.ColumnName;
        foreach (var row in t.Table.Rows)
        {
            if (equation.DataRowsOnly && t.Template.Row(row.Key)?.IsData != true)
            {
                continue;
            }

            var left = t.Values(row.Key, equation.Left);
            var right = t.Values(row.Key, equation.Right);
            string where = $"{t.Template.RowName(row.Key)} {t.Template.ColumnName(column)}";
            Record(t, equation, new Instance(row.Key, column, where, row.Line ?? t.Table.Line), left, right, name);
        }
    }

    /// <summary>
    /// One rule instance: pass, or fail with the numbers, or not assessable when an operand is blank. A failed
    /// or not-assessable one carries its operands (row and column keys, values) for programs.
    /// </summary>
    private static void Record(TableContext t, Equation equation, Instance at, decimal?[] left, decimal?[] right, Func<string, string> name)
    {
        var outcome = Equation.Evaluate(left, right);
        if (outcome == RuleOutcome.Pass)
        {
            t.Add(equation.Rule, at, CheckStatus.Pass, equation.Describe(left, right, pass: true, name), null, null, equation.Official);
            return;
        }

        if (outcome == RuleOutcome.Blank)
        {
            t.Add(equation.Rule, at, CheckStatus.NotAssessable, equation.DescribeBlank(left, right, name), Operands(equation, at, left, right, blankOnly: true), null, equation.Official);
            return;
        }

        t.Add(equation.Rule, at, CheckStatus.Fail, equation.Describe(left, right, pass: false, name), Operands(equation, at, left, right, blankOnly: false), Equation.Difference(left, right), equation.Official);
    }

    /// <summary>The cells an instance read, left side first (with <paramref name="blankOnly"/> only the blank or missing ones).</summary>
    private static CheckOperand[] Operands(Equation equation, Instance at, decimal?[] left, decimal?[] right, bool blankOnly)
    {
        var operands = new List<CheckOperand>(left.Length + right.Length);
        for (int i = 0; i < left.Length + right.Length; i++)
        {
            bool isLeft = i < left.Length;
            string key = isLeft ? equation.Left[i] : equation.Right[i - left.Length];
            decimal? value = isLeft ? left[i] : right[i - left.Length];
            if (blankOnly && value is not null)
            {
                continue;
            }

            operands.Add(equation.Axis == RuleAxis.Column
                ? new CheckOperand(isLeft ? "left" : "right", key, at.Column, value)
                : new CheckOperand(isLeft ? "left" : "right", at.Row!, key, value));
        }

        return [.. operands];
    }

    /// <summary>Where one rule instance applies: its row and column keys, their names for messages, and its line.</summary>
    private sealed record Instance(string? Row, string Column, string Where, int? Line);

    private static void CheckCells(TableContext t, CellRule rule)
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
                if (!rule.Valid(column.ValueType, v))
                {
                    failed++;
                    string message = $"{t.Template.RowName(row.Key)} {column.Label} {N(v)} is not {rule.Expectation}";
                    t.Results.Add(new CheckResult { Rule = rule.Rule, Table = t.Table.Key, Row = row.Key, Column = column.Key, Status = CheckStatus.Fail, Message = message, Line = row.Line });
                    t.Bag.Report(DiagnosticCodes.NotNonNegativeInteger, $"{rule.Rule} {TableKeys.Name(t.Table.Key)}: {message}", row.Line ?? t.Table.Line);
                }
            }
        }

        if (failed == 0)
        {
            t.Results.Add(new CheckResult
            {
                Rule = rule.Rule,
                Table = t.Table.Key,
                Status = numeric > 0 ? CheckStatus.Pass : CheckStatus.NotAssessable,
                Message = numeric > 0 ? $"all {numeric} numeric cells are {rule.Expectation}" : "no numeric cells",
                Line = t.Table.Line,
            });
        }
    }

    private static decimal? Value(TableRow row, string column) => row.Values.TryGetValue(column, out var v) ? v : null;

    private static string N(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "blank";

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
        public decimal?[] Values(IReadOnlyList<string> rows, string column)
        {
            var values = new decimal?[rows.Count];
            for (int i = 0; i < rows.Count; i++)
            {
                values[i] = Value(rows[i], column);
            }

            return values;
        }

        /// <summary>The values of row <paramref name="row"/> in <paramref name="columns"/>.</summary>
        public decimal?[] Values(string row, IReadOnlyList<string> columns)
        {
            var values = new decimal?[columns.Count];
            if (Row(row) is { } r)
            {
                for (int i = 0; i < columns.Count; i++)
                {
                    values[i] = TableChecker.Value(r, columns[i]);
                }
            }

            return values;
        }

        public void Add(string rule, Instance at, string status, string message, CheckOperand[]? operands, decimal? difference, bool official)
        {
            results.Add(new CheckResult
            {
                Rule = rule,
                Table = table.Key,
                Row = at.Row,
                Column = at.Column,
                Status = status,
                Message = message,
                Line = at.Line,
                Operands = operands,
                Difference = difference,
            });
            if (status == CheckStatus.Fail)
            {
                bag.Report(official ? DiagnosticCodes.RuleFailed : DiagnosticCodes.PracticeRuleFailed,
                    $"{rule} {TableKeys.Name(table.Key)} {at.Where}: {message}", table.Line ?? at.Line);
            }
            else if (status == CheckStatus.NotAssessable)
            {
                if (!_notAssessable.TryGetValue(rule, out var list))
                {
                    _notAssessable[rule] = list = [];
                }

                list.Add(at.Where);
            }
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
