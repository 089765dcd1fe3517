using System.Globalization;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Templates;

namespace ReportParser.Checks;

/// <summary>
/// The rules a 2008–2018 statistics table implies (there was no national form, so no official
/// 勾稽): a 其中 part does not exceed the row it is part of (<c>L_PART_NOT_EXCEEDING_TOTAL</c>), and
/// the replies do not exceed the requests (<c>L_REPLIES_NOT_EXCEEDING_REQUESTS</c>), per column. A
/// failure is a practice-rule warning (RP4004); a blank operand makes the instance not_assessable.
/// </summary>
internal sealed class LegacyChecker
{
    public const string PartRule = "L_PART_NOT_EXCEEDING_TOTAL";
    public const string RepliesRule = "L_REPLIES_NOT_EXCEEDING_REQUESTS";

    public IReadOnlyList<CheckResult> Check(LegacyStats? table, DiagnosticBag bag)
    {
        if (table is null)
        {
            return [];
        }

        var results = new List<CheckResult>();
        foreach (var row in table.Rows)
        {
            if (row.Parent is { } p)
            {
                Compare(PartRule, table, row, table.Rows[p], "其中", results, bag);
            }
        }

        var requests = table.Rows.FirstOrDefault(r => r.Key == "requests.received");
        var replies = table.Rows.FirstOrDefault(r => r.Key == "replies.total");
        if (requests is not null && replies is not null)
        {
            Compare(RepliesRule, table, replies, requests, "答复", results, bag);
        }

        return results;
    }

    // One result per column: part ≤ whole.
    private static void Compare(string rule, LegacyStats table, LegacyRow part, LegacyRow whole, string relation, List<CheckResult> results, DiagnosticBag bag)
    {
        for (int c = 0; c < table.Columns.Count; c++)
        {
            decimal? a = c < part.Values.Count ? part.Values[c] : null;
            decimal? b = c < whole.Values.Count ? whole.Values[c] : null;
            string column = table.Columns[c];
            string status = a is null || b is null ? CheckStatus.NotAssessable : a <= b ? CheckStatus.Pass : CheckStatus.Fail;
            string message = status == CheckStatus.NotAssessable
                ? $"{rule} {column}: {part.Label} or {whole.Label} is blank"
                : $"{rule} {column}: {part.Label} {N(a)} {(status == CheckStatus.Pass ? "≤" : ">")} {whole.Label} {N(b)}"
                  + (status == CheckStatus.Fail ? $" ({relation} exceeds its total by {N(a - b)})" : "");
            results.Add(new CheckResult
            {
                Rule = rule,
                Table = TableKeys.LegacyStats,
                Row = part.Key ?? part.Label,
                Column = column,
                Status = status,
                Message = message,
                Line = part.Line,
            });
            if (status == CheckStatus.Fail)
            {
                bag.Report(DiagnosticCodes.PracticeRuleFailed, message, part.Line);
            }
        }
    }

    private static string N(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "blank";
}
