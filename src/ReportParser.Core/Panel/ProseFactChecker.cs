using System.Globalization;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Templates;

namespace ReportParser.Panel;

/// <summary>
/// Holds each prose fact to the cell it names (<c>P_*</c> rules): pass when the table says the same, fail
/// (RP4005) when it does not, not_assessable when the cell is blank or its table absent. A group row's total
/// is the sum of its rows' totals, 行政诉讼 the sum of both litigation blocks; a completion rate is checked against
/// （七）总计 ÷ (一 + 二), rounded as the prose rounds it.
/// </summary>
internal sealed class ProseFactChecker
{
    private const string LitigationDirect = "litigation_direct";
    private const string LitigationAfterReview = "litigation_after_review";
    private const string Total = "total";

    private readonly TemplateCatalog _catalog;

    public ProseFactChecker(TemplateCatalog? catalog = null) => _catalog = catalog ?? TemplateCatalog.Default;

    public IReadOnlyList<CheckResult> Check(ReportDocument document, IReadOnlyList<ProseFact> facts, DiagnosticBag bag)
    {
        var results = new List<CheckResult>(facts.Count);
        foreach (var fact in facts)
        {
            var (expected, shown) = Expected(document, fact.Cell);
            string stated = $"the prose says {N(fact.Value)}{fact.Unit}";
            string status;
            string message;
            if (expected is null)
            {
                status = CheckStatus.NotAssessable;
                message = $"{stated}; the table's {fact.Cell} is blank or missing";
            }
            else
            {
                bool pass = Agrees(fact, expected.Value);
                status = pass ? CheckStatus.Pass : CheckStatus.Fail;
                message = $"{stated} {(pass ? "=" : "≠")} table {shown}";
                if (!pass)
                {
                    bag.Report(DiagnosticCodes.ProseDisagrees, $"{fact.Rule}: {message}", fact.Line);
                }
            }

            int dot = fact.Cell.IndexOf('.');
            int last = fact.Cell.LastIndexOf('.');
            results.Add(new CheckResult
            {
                Rule = fact.Rule,
                Table = fact.Cell[..dot],
                Row = last > dot ? fact.Cell[(dot + 1)..last] : fact.Cell[(dot + 1)..],
                Column = last > dot ? fact.Cell[(last + 1)..] : null,
                Status = status,
                Message = message,
                Line = fact.Line,
            });
        }

        return results;
    }

    /// <summary>A count agrees exactly; a percentage when the table's ratio rounds to it at the prose's precision.</summary>
    private static bool Agrees(ProseFact fact, decimal expected)
    {
        if (fact.Unit != "%")
        {
            return (fact.Unit == "万元" ? fact.Value * 10000 : fact.Value) == expected; // a legacy fee is compared in yuan
        }

        int decimals = BitConverter.GetBytes(decimal.GetBits(fact.Value)[3])[2];
        return Math.Round(expected, decimals, MidpointRounding.AwayFromZero) == fact.Value;
    }

    /// <summary>The table's value for a fact cell, and how it was worked out; null when an operand is blank.</summary>
    private (decimal? Value, string Shown) Expected(ReportDocument document, string cell)
    {
        if (cell == ProseFactPatterns.CompletionRate)
        {
            var done = Cell(document, TableKeys.Table3, Table3Keys.ResultsTotal, Total);
            var received = Cell(document, TableKeys.Table3, Table3Keys.NewReceived, Total);
            var carried = Cell(document, TableKeys.Table3, Table3Keys.CarriedOver, Total);
            if (done is null || received is null || carried is null || received + carried == 0)
            {
                return (null, "");
            }

            decimal rate = done.Value * 100 / (received.Value + carried.Value);
            return (rate, $"（七）总计 {N(done)} ÷ (一 {N(received)} + 二 {N(carried)}) = {rate.ToString("0.##", CultureInfo.InvariantCulture)}%");
        }

        if (cell == ProseFactPatterns.Litigation)
        {
            var direct = Cell(document, TableKeys.Table4, LitigationDirect, Total);
            var afterReview = Cell(document, TableKeys.Table4, LitigationAfterReview, Total);
            return direct is null || afterReview is null ? (null, "") : (direct + afterReview, $"{N(direct)} + {N(afterReview)} (未经复议直接起诉 + 复议后起诉)");
        }

        if (cell.StartsWith(LegacyPrefix, StringComparison.Ordinal))
        {
            return LegacyCell(document, cell);
        }

        int dot = cell.IndexOf('.');
        int last = cell.LastIndexOf('.');
        var value = Cell(document, cell[..dot], cell[(dot + 1)..last], cell[(last + 1)..]);
        return (value, N(value));
    }

    private const string LegacyPrefix = "legacy.";

    /// <summary>
    /// A legacy table's figure for a cell <c>legacy.key.year</c>: the first column of the year's kind of the row with that key,
    /// in yuan when the fact is a fee (a table printing 万元 is converted).
    /// </summary>
    private static (decimal? Value, string Shown) LegacyCell(ReportDocument document, string cell)
    {
        if (document.LegacyStats is not { } stats)
        {
            return (null, "");
        }

        int last = cell.LastIndexOf('.');
        string key = cell[LegacyPrefix.Length..last];
        string kind = cell[(last + 1)..];
        int column = -1;
        for (int c = 0; c < stats.Columns.Count && column < 0; c++)
        {
            if (LegacyCatalog.ColumnKind(stats.Columns[c]) == kind)
            {
                column = c;
            }
        }

        foreach (var row in stats.Rows)
        {
            if (row.Key == key && column >= 0 && column < row.Values.Count && row.Values[column] is { } value)
            {
                decimal yuan = row.Unit == "万元" ? value * 10000 : value;
                return (yuan, $"{N(value)}{row.Unit} ({row.Label}, {stats.Columns[column]})");
            }
        }

        return (null, "");
    }

    /// <summary>A cell of a present table; a group row of the template is the sum of its data rows in the column.</summary>
    private decimal? Cell(ReportDocument document, string table, string row, string column)
    {
        foreach (var t in document.Tables ?? [])
        {
            if (t.Key != table || t.Status == TableStatus.Absent || !_catalog.Has(t.Template))
            {
                continue;
            }

            var template = _catalog.Get(table, t.Template).Row(row);
            if (template is null)
            {
                return null;
            }

            if (template.IsData)
            {
                return CrossYearChecker.FindRow(document, table, row)?.Values.GetValueOrDefault(column);
            }

            decimal sum = 0;
            int parts = 0;
            foreach (var child in _catalog.Get(table, t.Template).DataRows)
            {
                if (child.Parent == row)
                {
                    if (CrossYearChecker.FindRow(document, table, child.Key)?.Values.GetValueOrDefault(column) is not { } v)
                    {
                        return null;
                    }

                    sum += v;
                    parts++;
                }
            }

            return parts == 0 ? null : sum;
        }

        return null;
    }

    private static string N(decimal? value) => value?.ToString("0.############################", CultureInfo.InvariantCulture) ?? "blank";
}
