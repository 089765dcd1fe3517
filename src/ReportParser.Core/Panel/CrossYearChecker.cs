using System.Globalization;
using ReportParser.Model;
using ReportParser.Templates;

namespace ReportParser.Panel;

/// <summary>
/// Evaluates the cross-year rules (<see cref="CrossYearRules"/>) between one agency's reports of years y−1 and y:
/// each equation is pass, fail, or not_assessable when a cell is blank, missing or its table absent (blank is
/// not zero). Only the rules both reports' templates have are asked (across 2020→2021 only X_T3_CARRY).
/// </summary>
internal sealed class CrossYearChecker
{
    private readonly TemplateCatalog _catalog;

    public CrossYearChecker(TemplateCatalog catalog) => _catalog = catalog;

    /// <summary>The results of every rule that applies to the pair, in rule order.</summary>
    public IReadOnlyList<CrossYearResult> Check(string agencyId, ReportDocument older, ReportDocument newer)
    {
        var results = new List<CrossYearResult>();
        int olderYear = older.Metadata?.ReportYear ?? 0;
        int newerYear = newer.Metadata?.ReportYear ?? 0;
        var equations = CrossYearRules.For(_catalog, older.Metadata?.Template ?? TemplateNames.Unknown, newer.Metadata?.Template ?? TemplateNames.Unknown);
        foreach (var equation in equations)
        {
            var left = Read(equation.Left, older, newer, olderYear, newerYear);
            var right = Read(equation.Right, older, newer, olderYear, newerYear);
            string status;
            string message;
            string? blank = Blank(left) ?? Blank(right);
            if (blank is not null)
            {
                status = CheckStatus.NotAssessable;
                message = $"blank or missing: {blank}";
            }
            else if (HasRun(left) || HasRun(right))
            {
                (status, message) = DecideOverSplits(left, right);
            }
            else
            {
                decimal l = Sum(left);
                decimal r = Sum(right);
                bool pass = l == r;
                status = pass ? CheckStatus.Pass : CheckStatus.Fail;
                message = $"{Describe(left)} {(pass ? "=" : "≠")} {Describe(right)}";
                if (left.Length + right.Length > 2)
                {
                    message += $" ({N(l)} {(pass ? "=" : "≠")} {N(r)})";
                }
            }

            if (!equation.Official)
            {
                message += "; a soft relation, not an official rule (documents also lapse or are revised outside the yearly counts)";
            }

            results.Add(new CrossYearResult(equation.Rule, agencyId, equation.Table, equation.Row, equation.Column, equation.Official, status, message,
                olderYear, older.Source.Path, Line(left, right, ReportYearSide.Older), newerYear, newer.Source.Path, Line(left, right, ReportYearSide.Newer)));
        }

        return results;
    }

    private Operand[] Read(IReadOnlyList<CrossYearTerm> terms, ReportDocument older, ReportDocument newer, int olderYear, int newerYear)
    {
        var operands = new Operand[terms.Count];
        for (int i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            bool isOlder = term.Side == ReportYearSide.Older;
            var document = isOlder ? older : newer;
            var row = FindRow(document, term.Table, term.Row);
            decimal? value = row is not null && row.Values.TryGetValue(term.Column, out var v) ? v : null;
            string? run = null;
            decimal[]? candidates = value is null && row is not null ? Candidates(document, row, term, out run) : null;
            operands[i] = new Operand(term, isOlder ? olderYear : newerYear, value, row?.Line) { Candidates = candidates, Run = run };
        }

        return operands;
    }

    /// <summary>The row of a table that is present (not absent) in the document, or null.</summary>
    internal static TableRow? FindRow(ReportDocument document, string table, string row)
    {
        foreach (var t in document.Tables ?? [])
        {
            if (t.Key != table || t.Status == TableStatus.Absent)
            {
                continue;
            }

            foreach (var r in t.Rows)
            {
                if (r.Key == row)
                {
                    return r;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A null cell whose row's digits ran together (the same digit run is the raw text of every cell of the
    /// row): the values the cell takes over every split of the run (<see cref="RunCandidates"/>), or null.
    /// </summary>
    private TemplateRow? TemplateRowOf(ReportDocument document, string table, string row)
    {
        foreach (var t in document.Tables ?? [])
        {
            if (t.Key == table && _catalog.Has(t.Template))
            {
                return _catalog.Get(table, t.Template).Row(row);
            }
        }

        return null;
    }

    private decimal[]? Candidates(ReportDocument document, TableRow row, CrossYearTerm term, out string? run)
    {
        run = null;
        var template = TemplateRowOf(document, term.Table, term.Row);
        if (template is null || !row.Raw.TryGetValue(term.Column, out string? text))
        {
            return null;
        }

        IReadOnlyList<TemplateColumn> columns = template.Columns.Count > 0 ? template.Columns : _catalog.Get(term.Table, document.Metadata!.Template).Columns;
        int index = -1;
        for (int i = 0; i < columns.Count; i++)
        {
            if (!row.Raw.TryGetValue(columns[i].Key, out string? other) || other != text || row.Values.GetValueOrDefault(columns[i].Key) is not null)
            {
                return null;
            }

            if (columns[i].Key == term.Column)
            {
                index = i;
            }
        }

        run = text;
        return RunCandidates.Of(text, columns.Count, index);
    }

    /// <summary>Pass or fail when every combination of the candidate values says so; otherwise not assessable, with the candidates.</summary>
    private static (string Status, string Message) DecideOverSplits(Operand[] left, Operand[] right)
    {
        var all = new Operand[left.Length + right.Length];
        left.CopyTo(all, 0);
        right.CopyTo(all, left.Length);
        long combinations = 1;
        foreach (var o in all)
        {
            combinations *= o.Choices.Length;
            if (combinations > RunCandidates.MaxSplits)
            {
                return (CheckStatus.NotAssessable, $"digits ran together: {Describe(left)} vs {Describe(right)}; too many splits to decide");
            }
        }

        int holds = 0;
        var pick = new int[all.Length];
        for (long n = 0; n < combinations; n++)
        {
            long rest = n;
            decimal difference = 0;
            for (int i = 0; i < all.Length; i++)
            {
                pick[i] = (int)(rest % all[i].Choices.Length);
                rest /= all[i].Choices.Length;
                decimal value = all[i].Term.Sign * all[i].Choices[pick[i]];
                difference += i < left.Length ? value : -value;
            }

            holds += difference == 0 ? 1 : 0;
        }

        string text = $"{Describe(left)} vs {Describe(right)}";
        return holds == 0 ? (CheckStatus.Fail, $"{text}: fails for every split of the digits that ran together")
            : holds == combinations ? (CheckStatus.Pass, $"{text}: holds for every split of the digits that ran together")
            : (CheckStatus.NotAssessable, $"{text}: holds for some splits of the digits that ran together and not for others");
    }

    private static bool HasRun(Operand[] operands)
    {
        foreach (var o in operands)
        {
            if (o.Candidates is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Blank(Operand[] operands)
    {
        foreach (var o in operands)
        {
            if (o.Value is null && o.Candidates is null)
            {
                return $"{o.Year}年 {o.Term.Label} ({o.Term.Table}.{o.Term.Row}.{o.Term.Column})";
            }
        }

        return null;
    }

    private static decimal Sum(Operand[] operands)
    {
        decimal sum = 0;
        foreach (var o in operands)
        {
            sum += o.Term.Sign * o.Value!.Value;
        }

        return sum;
    }

    private static string Describe(Operand[] operands)
    {
        var parts = new List<string>(operands.Length);
        for (int i = 0; i < operands.Length; i++)
        {
            var o = operands[i];
            string shown = o.Candidates is { } c ? $"∈ {{{string.Join(", ", Array.ConvertAll(c, x => N(x)))}}} (run {o.Run})" : N(o.Value);
            string text = $"{o.Year}年 {o.Term.Label} {shown}";
            parts.Add(i == 0 ? (o.Term.Sign < 0 ? "− " + text : text) : (o.Term.Sign < 0 ? "− " : "+ ") + text);
        }

        return string.Join(" ", parts);
    }

    private static int? Line(Operand[] left, Operand[] right, ReportYearSide side)
    {
        foreach (var o in left)
        {
            if (o.Term.Side == side)
            {
                return o.Line;
            }
        }

        foreach (var o in right)
        {
            if (o.Term.Side == side)
            {
                return o.Line;
            }
        }

        return null;
    }

    private static string N(decimal? value) => value?.ToString("0.############################", CultureInfo.InvariantCulture) ?? "blank";

    private sealed record Operand(CrossYearTerm Term, int Year, decimal? Value, int? Line)
    {
        /// <summary>For a null cell of a run of digits: the values it takes over every split (<see cref="RunCandidates"/>).</summary>
        public decimal[]? Candidates { get; init; }

        /// <summary>The run the candidates come from.</summary>
        public string? Run { get; init; }

        /// <summary>The values to try: the one value, or the candidates.</summary>
        public decimal[] Choices => Value is { } v ? [v] : Candidates ?? [];
    }
}
