using System.Globalization;

namespace ReportParser.Templates;

/// <summary>What an equation says of one instance: it holds, it does not, or an operand is blank (blank is not zero).</summary>
internal enum RuleOutcome
{
    Pass,
    Fail,
    Blank,
}

/// <summary>Where an equation's operands lie, and so what one instance of it is.</summary>
internal enum RuleAxis
{
    /// <summary>The operands are rows; the equation holds in each column of the table.</summary>
    Column,

    /// <summary>The operands are columns; the equation holds in each row of the table.</summary>
    Row,
}

/// <summary>
/// One 勾稽 equation of spec §7, Σ <see cref="Left"/> = Σ <see cref="Right"/>, written once: the checker
/// evaluates it on reconstructed tables, and the builders ask it while they split digit runs (a split
/// that breaks it is dropped). Operands are row keys (<see cref="RuleAxis.Column"/>) or column keys
/// (<see cref="RuleAxis.Row"/>, with their indexes in the template's columns).
/// </summary>
internal sealed class Equation
{
    public Equation(string rule, RuleAxis axis, string[] left, string[] right, bool official)
    {
        Rule = rule;
        Axis = axis;
        Left = left;
        Right = right;
        Official = official;
    }

    /// <summary>The rule's name in check results (T3_BALANCE …).</summary>
    public string Rule { get; }

    public RuleAxis Axis { get; }

    /// <summary>The operands on the left: for a sum rule, the total alone.</summary>
    public IReadOnlyList<string> Left { get; }

    /// <summary>The operands on the right: for a sum rule, its parts.</summary>
    public IReadOnlyList<string> Right { get; }

    /// <summary>Whether the official format states it (a failure is RP4001) or it is a practice (RP4003).</summary>
    public bool Official { get; }

    /// <summary><see cref="RuleAxis.Row"/>: the indexes of <see cref="Left"/> in the template's columns.</summary>
    public int[] LeftColumns { get; init; } = [];

    /// <summary><see cref="RuleAxis.Row"/>: the indexes of <see cref="Right"/> in the template's columns.</summary>
    public int[] RightColumns { get; init; } = [];

    /// <summary><see cref="RuleAxis.Column"/>: the row a result is recorded on (its line), or null for the table.</summary>
    public string? At { get; init; }

    /// <summary><see cref="RuleAxis.Column"/>: checked only when the table has the <see cref="At"/> row (a subtotal some reports add).</summary>
    public bool OnlyIfAtRowPresent { get; init; }

    /// <summary><see cref="RuleAxis.Row"/>: checked on the template's data rows only (not on group rows a report gave numbers).</summary>
    public bool DataRowsOnly { get; init; }

    /// <summary>A not-assessable message adds what the rule would say with blank cells counted as 0 (spec §7's optional retry).</summary>
    public bool ZeroHint { get; init; }

    /// <summary>The message lists only the non-zero parts (a sum over many rows, most of them 0).</summary>
    public bool ListsNonZeroParts { get; init; }

    /// <summary>Pass or fail, or <see cref="RuleOutcome.Blank"/> when an operand is blank or missing.</summary>
    public static RuleOutcome Evaluate(ReadOnlySpan<decimal?> left, ReadOnlySpan<decimal?> right)
    {
        decimal l = 0;
        foreach (var v in left)
        {
            if (v is not { } x)
            {
                return RuleOutcome.Blank;
            }

            l += x;
        }

        decimal r = 0;
        foreach (var v in right)
        {
            if (v is not { } x)
            {
                return RuleOutcome.Blank;
            }

            r += x;
        }

        return l == r ? RuleOutcome.Pass : RuleOutcome.Fail;
    }

    /// <summary>
    /// A <see cref="RuleAxis.Row"/> equation on one row, given as its values by column index; columns
    /// beyond <paramref name="row"/>'s length count as blank. Allocates nothing (the digit-run search asks it often).
    /// </summary>
    public RuleOutcome EvaluateRow(ReadOnlySpan<decimal?> row)
    {
        decimal l = 0;
        foreach (int i in LeftColumns)
        {
            if (i >= row.Length || row[i] is not { } x)
            {
                return RuleOutcome.Blank;
            }

            l += x;
        }

        decimal r = 0;
        foreach (int i in RightColumns)
        {
            if (i >= row.Length || row[i] is not { } x)
            {
                return RuleOutcome.Blank;
            }

            r += x;
        }

        return l == r ? RuleOutcome.Pass : RuleOutcome.Fail;
    }

    /// <summary><see cref="RuleAxis.Row"/>: the number of leading columns the equation reads (all of them must be placed before it can be asked).</summary>
    public int ColumnsRead()
    {
        int last = -1;
        foreach (int i in LeftColumns)
        {
            last = Math.Max(last, i);
        }

        foreach (int i in RightColumns)
        {
            last = Math.Max(last, i);
        }

        return last + 1;
    }

    /// <summary>
    /// The message of an assessed instance, in words: each operand by its name (<paramref name="name"/> of its
    /// row or column key) with its value, the sums, and on failure the difference
    /// (<c>本年新收 5 + 上年结转 1 = 6, but 办理结果总计 5 + 结转下年度 0 = 5 (difference 1)</c>).
    /// </summary>
    public string Describe(decimal?[] left, decimal?[] right, bool pass, Func<string, string> name)
    {
        string l = Terms(Left, left, name, listsNonZero: false, out decimal leftSum, out int leftShown);
        string r = Terms(Right, right, name, ListsNonZeroParts, out decimal rightSum, out int rightShown);
        string others = !ListsNonZeroParts || rightShown == right.Length ? ""
            : rightShown == 0 ? $"all {right.Length} outcome rows are 0"
            : $"the other {right.Length - rightShown} of {right.Length} outcome rows are 0";
        if (pass)
        {
            string sum = leftShown > 1 || rightShown > 1 ? $" = {N(leftSum)}" : "";
            return $"{l} = {r}{sum}{(others.Length > 0 ? $" ({others})" : "")}";
        }

        string ls = leftShown > 1 ? $" = {N(leftSum)}" : "";
        string rs = rightShown > 1 ? $" = {N(rightSum)}" : "";
        string difference = $"difference {N(Math.Abs(leftSum - rightSum))}";
        return $"{l}{ls}, but {r}{rs} ({(others.Length > 0 ? others + "; " : "")}{difference})";
    }

    /// <summary>Left − right of an assessed instance (the JSON's <c>difference</c>).</summary>
    public static decimal Difference(decimal?[] left, decimal?[] right)
    {
        decimal d = 0;
        foreach (var v in left)
        {
            d += v ?? 0;
        }

        foreach (var v in right)
        {
            d -= v ?? 0;
        }

        return d;
    }

    /// <summary>
    /// The message of a not-assessable instance: the blank operands by name (up to three, then "and N more"),
    /// and the <see cref="ZeroHint"/>.
    /// </summary>
    public string DescribeBlank(decimal?[] left, decimal?[] right, Func<string, string> name)
    {
        List<string>? blank = null;
        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] is null)
            {
                (blank ??= []).Add(name(Left[i]));
            }
        }

        for (int i = 0; i < right.Length; i++)
        {
            if (right[i] is null)
            {
                (blank ??= []).Add(name(Right[i]));
            }
        }

        blank ??= [];
        string listed = string.Join(", ", blank.Count > 3 ? blank.GetRange(0, 3) : blank);
        string names = blank.Count > 3 ? $"{listed} and {blank.Count - 3} more" : listed;
        return $"blank or missing: {names}{Hint(left, right, name)}";
    }

    // With one total on the left: what the rule would say were blank cells 0 (the status stays not_assessable).
    private string Hint(decimal?[] left, decimal?[] right, Func<string, string> name)
    {
        if (!ZeroHint || left.Length != 1 || left[0] is not { } total)
        {
            return "";
        }

        decimal sum = 0;
        foreach (var term in right)
        {
            sum += term ?? 0;
        }

        return total == sum
            ? $"; with blank cells counted as 0 it would pass ({name(Left[0])} {N(total)} = {N(sum)})"
            : $"; even with blank cells counted as 0 it would fail ({name(Left[0])} {N(total)}, but the others sum to {N(sum)})";
    }

    /// <summary>The operands of one side as <c>name value + name value</c> (with <paramref name="listsNonZero"/> only the non-zero ones, or <c>0</c>).</summary>
    private static string Terms(IReadOnlyList<string> keys, decimal?[] values, Func<string, string> name, bool listsNonZero, out decimal sum, out int shown)
    {
        var text = new System.Text.StringBuilder();
        sum = 0;
        shown = 0;
        for (int i = 0; i < values.Length; i++)
        {
            decimal v = values[i]!.Value;
            sum += v;
            if (listsNonZero && v == 0)
            {
                continue;
            }

            if (shown++ > 0)
            {
                text.Append(" + ");
            }

            text.Append(name(keys[i])).Append(' ').Append(N(v));
        }

        return shown == 0 ? "0" : text.ToString();
    }

    private static string N(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "blank";
}
