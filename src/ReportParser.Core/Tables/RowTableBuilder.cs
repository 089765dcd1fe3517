using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Templates;

namespace ReportParser.Tables;

/// <summary>The region of one table: its tokens and the section it was found in.</summary>
internal sealed record TableRegion(IReadOnlyList<TableToken> Tokens, int Section, int? Line);

/// <summary>
/// Builds 表二 and 表三, the tables whose rows carry labels: finds each template row by label, takes its
/// values in column order (splitting digit runs by the row total for 表三, and then by the column
/// balances of 表三 when the rest of the table is known) and reports missing, repeated, extra, short
/// and uncertain rows.
/// </summary>
internal sealed class RowTableBuilder
{
    private readonly CellResolver _resolver = new();

    /// <param name="match">The region's match against the template.</param>
    public StatTable Build(TableRegion region, TableTemplate template, DiagnosticBag bag, MatchResult match)
    {
        string name = TableKeys.Name(template.Table);
        int? tableLine = match.FirstLine ?? region.Line;
        bool partial = false;

        var chosen = Choose(match, template, name, bag);
        if (chosen.Count == 0)
        {
            bag.Report(DiagnosticCodes.TableUnreadable,
                $"{name} is present (its header was found) but none of its {template.DataRows.Count()} {template.Template} rows was found with values", tableLine);
            return Output(template, region, tableLine, [], [], TableStatus.Partial);
        }

        var resolved = new Dictionary<string, RowCells>();
        foreach (var (key, occurrence) in chosen)
        {
            var row = template.Row(key)!;
            resolved[key] = _resolver.Resolve(occurrence.Values, row.Columns.Count, RuleFor(template));
        }

        // 表三's column equations settle what is still ambiguous (表二 has none).
        if (template.Rules.OfficialColumnEquations.Count > 0)
        {
            ColumnBalance.Resolve(template, resolved);
        }

        var rows = new List<TableRow>();
        foreach (var row in template.Rows)
        {
            chosen.TryGetValue(row.Key, out var occurrence);
            if (occurrence is null)
            {
                if (row.IsData)
                {
                    bag.Report(DiagnosticCodes.RowMissing, $"{name} row {row.Key} ({TableText.Label(row.Label)}) was not found; its cells are null", tableLine);
                    rows.Add(TableText.Row(row.Key, TableText.Label(row.Label), null, row.Columns, [], null));
                    partial = true;
                }

                continue;
            }

            var cells = resolved[row.Key];
            if (occurrence.Approximate)
            {
                bag.Report(DiagnosticCodes.RowLabelApproximate,
                    $"{name} row label '{occurrence.Label}' differs from the template's '{TableText.Label(row.Label)}'; matched to {row.Key} by similarity", occurrence.Line);
            }

            partial |= CellReport.Report(name, $"row {row.Key}", cells, row.Columns.Count, row.Columns, CellReportWording.Row, occurrence.Line, bag);
            rows.Add(TableText.Row(row.Key, TableText.Label(row.Label), occurrence.Line, row.Columns, cells.Cells,
                cells.IsUncertain ? cells.RunText : null));
        }

        var extras = new List<TableRow>();
        foreach (var extra in match.Extras)
        {
            var columns = ExtraColumns(template, chosen, extra);
            var cells = _resolver.Resolve(extra.Values, columns.Count, (_, _) => true);
            string key = $"extra_{extras.Count + 1}";
            bag.Report(DiagnosticCodes.RowUnexpected, $"{name} row '{extra.Label}' is not in the {template.Template} template; kept in extra_rows as {key}", extra.Line);
            extras.Add(TableText.Row(key, extra.Label, extra.Line, columns, cells.Cells, cells.IsUncertain ? cells.RunText : null));
        }

        if (match.Leftovers.Count > 0)
        {
            var first = match.Leftovers[0];
            bag.Report(DiagnosticCodes.LeftoverTokens,
                $"{match.Leftovers.Count} value(s) in the {name} region were not assigned to any cell (first: '{first.Text}')", first.Line);
        }

        return Output(template, region, tableLine, rows, extras, partial ? TableStatus.Partial : TableStatus.Complete);
    }

    /// <summary>
    /// The arithmetic a row's cells must satisfy while digit runs are split: the template's row equation
    /// (表三's T3_ROW_TOTAL, 总计 = the sum of the six others), asked once the cells it reads are placed.
    /// 表二 has none.
    /// </summary>
    private static DigitRunSplitter.PrefixRule RuleFor(TableTemplate template)
    {
        if (template.Rules.RowTotal is not { } equation)
        {
            return (_, _) => true;
        }

        int reads = equation.ColumnsRead();
        return (cells, count) => count < reads || !RowEquation.Breaks(equation, cells, 0, reads);
    }

    /// <summary>One occurrence per template row: the first with values; repeats are reported.</summary>
    private static Dictionary<string, RowOccurrence> Choose(MatchResult match, TableTemplate template, string name, DiagnosticBag bag)
    {
        var chosen = new Dictionary<string, RowOccurrence>();
        var withValues = match.Rows.Where(r => r.Values.Count > 0).ToList();
        int firstDataLine = int.MaxValue;
        foreach (var occurrence in withValues)
        {
            firstDataLine = Math.Min(firstDataLine, occurrence.Line);
        }

        bool repeated = false;
        foreach (var occurrence in withValues)
        {
            // Each row found once (the usual case) is its own choice.
            if (!chosen.TryAdd(occurrence.Row!.Key, occurrence))
            {
                repeated = true;
                break;
            }
        }

        if (repeated)
        {
            chosen.Clear();
            foreach (var group in withValues.GroupBy(r => r.Row!.Key))
            {
                // A label echoed with only blank cells (a header cell 总计 that reads like the （七）总计 row)
                // gives way to an occurrence with numbers; two occurrences with numbers are a real duplicate.
                var withContent = group.Where(HasContent).ToList();
                chosen[group.Key] = withContent.Count > 0 ? withContent[0] : group.First();
                var duplicates = withContent.Count > 0 ? withContent : group.ToList();
                if (duplicates.Count > 1)
                {
                    var lines = string.Join(", ", duplicates.Select(r => r.Line));
                    bag.Report(DiagnosticCodes.RowDuplicated,
                        $"{name} row {group.Key} occurs {duplicates.Count} times (lines {lines}); the first was kept", duplicates[1].Line);
                }
            }
        }

        // A data row printed without any values (all its cells lost) after the table began.
        foreach (var empty in match.Rows.Where(r => r.Values.Count == 0 && r.Row!.IsData && r.Line >= firstDataLine))
        {
            chosen.TryAdd(empty.Row!.Key, empty);
        }

        var order = new Dictionary<string, int>(template.Rows.Count);
        for (int i = 0; i < template.Rows.Count; i++)
        {
            order.Add(template.Rows[i].Key, i);
        }

        var sequence = StableOrder.By(chosen.Values, r => r.Line);
        for (int i = 1; i < sequence.Length; i++)
        {
            if (sequence[i].Line > sequence[i - 1].Line && order[sequence[i].Row!.Key] < order[sequence[i - 1].Row!.Key])
            {
                bag.Report(DiagnosticCodes.RowOutOfOrder,
                    $"{name} rows are out of template order: {sequence[i].Row!.Key} comes after {sequence[i - 1].Row!.Key}", sequence[i].Line);
                break;
            }
        }

        return chosen;
    }

    private static bool HasContent(RowOccurrence occurrence)
    {
        foreach (var value in occurrence.Values)
        {
            if (!CellValueParser.IsBlank(value.Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Columns for an extra row: those of the block it sits in (表二) or of the table; positional when the count differs.</summary>
    private static IReadOnlyList<TemplateColumn> ExtraColumns(TableTemplate template, Dictionary<string, RowOccurrence> chosen, RowOccurrence extra)
    {
        // The nearest row at or above it (the last one of several on that line).
        RowOccurrence? above = null;
        foreach (var r in chosen.Values)
        {
            if (r.Line <= extra.Line && (above is null || r.Line >= above.Line))
            {
                above = r;
            }
        }

        var columns = above?.Row!.Columns ?? template.Columns;
        int count = extra.Values.Count;
        if (count == columns.Count || count == 0 || extra.Values.Any(v => v.IsDigitRun && v.Glued))
        {
            return columns;
        }

        var generic = new TemplateColumn[count];
        for (int i = 0; i < count; i++)
        {
            generic[i] = new TemplateColumn($"c{i + 1}", $"c{i + 1}", "count", []);
        }

        return generic;
    }

    private static StatTable Output(TableTemplate template, TableRegion region, int? line, List<TableRow> rows, List<TableRow> extras, string status)
    {
        var dataRows = template.Rows.Where(r => r.IsData).ToList();
        if (rows.Count == 0)
        {
            rows = dataRows.Select(r => TableText.Row(r.Key, TableText.Label(r.Label), null, r.Columns, [], null)).ToList();
        }

        return TableText.Table(template, region, line, rows, status, extras);
    }
}
