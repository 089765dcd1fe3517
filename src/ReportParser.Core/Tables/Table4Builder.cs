using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Templates;

namespace ReportParser.Tables;

/// <summary>
/// Builds 表四: a header of labels and one row of 15 values read as three blocks of five
/// (行政复议, 未经复议直接起诉, 复议后起诉). A 16th empty trailing column is tolerated. When a block
/// label is followed directly by its values the table is read block by block instead. Digit runs are
/// split so that each block's 总计 is the sum of its four outcomes.
/// </summary>
internal sealed class Table4Builder(TemplateCatalog catalog)
{
    private readonly RowMatcher _matcher = new(catalog);
    private readonly CellResolver _resolver = new();

    /// <summary>
    /// Whether the region holds 表四: one of its labels, or at least <paramref name="minCells"/> cell values
    /// (the narrowest 表四 grid of the templates: 15, three blocks of five).
    /// </summary>
    public static bool IsPresent(TokenLabels labels, int minCells)
    {
        var tokens = labels.Tokens;
        int cellValues = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Label && RowMatcher.IsTableLabel(labels.Label(i), TableKeys.Table4))
            {
                return true;
            }

            cellValues += tokens[i].Kind == TokenKind.Value && tokens[i].FromCell ? 1 : 0;
        }

        return cellValues >= minCells;
    }

    /// <param name="match">The region's match against the template.</param>
    public StatTable Build(TableRegion region, TableTemplate template, DiagnosticBag bag, MatchResult match)
    {
        string name = TableKeys.Name(template.Table);
        var tokens = region.Tokens;
        int start = FirstTableLabel(tokens);
        int? line = start >= 0 ? tokens[start].Line : tokens.FirstOrDefault(t => t.Kind == TokenKind.Value)?.Line ?? region.Line;
        int perBlock = template.Columns.Count;
        int cellCount = perBlock * template.Rows.Count;

        var byBlock = match;
        var blockRows = byBlock.Rows.Where(r => r.Values.Count > 0).ToList();
        var cells = new CellValue?[cellCount];
        var lines = new int?[template.Rows.Count];
        bool partial = false;

        if (blockRows.Count > 0)
        {
            for (int b = 0; b < template.Rows.Count; b++)
            {
                var occurrence = blockRows.FirstOrDefault(r => r.Row!.Key == template.Rows[b].Key);
                if (occurrence is null)
                {
                    bag.Report(DiagnosticCodes.RowMissing, $"{name} block {template.Rows[b].Key} was not found; its cells are null", line);
                    partial = true;
                    continue;
                }

                var rowCells = _resolver.Resolve(occurrence.Values, perBlock, BlockRule(template));
                partial |= CellReport.Report(name, template.Rows[b].Key, rowCells, perBlock, null, CellReportWording.Table4, occurrence.Line, bag);
                Array.Copy(rowCells.Cells, 0, cells, b * perBlock, perBlock);
                lines[b] = occurrence.Line;
            }
        }
        else
        {
            var values = ValuesAfterHeader(tokens, Math.Max(start, 0));
            if (values.Count == 0)
            {
                bag.Report(DiagnosticCodes.TableUnreadable, $"{name} is present (its header was found) but no values follow it", line);
                return Output(template, region, line, cells, lines, TableStatus.Partial, null);
            }

            var rowCells = _resolver.Resolve(values, cellCount, BlockRule(template));
            partial |= CellReport.Report(name, "row", rowCells, cellCount, null, CellReportWording.Table4, values[0].Line, bag);
            cells = rowCells.Cells;
            for (int b = 0; b < lines.Length; b++)
            {
                lines[b] = values[Math.Min(values.Count - 1, b * perBlock)].Line;
            }

            return Output(template, region, line, cells, lines, partial ? TableStatus.Partial : TableStatus.Complete,
                rowCells.IsUncertain ? rowCells.RunText : null);
        }

        return Output(template, region, line, cells, lines, partial ? TableStatus.Partial : TableStatus.Complete, null);
    }

    private int FirstTableLabel(IReadOnlyList<TableToken> tokens)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Label && _matcher.IsTableLabel(tokens[i], TableKeys.Table4))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The values after the header: header labels are skipped; the first other label after values ends the table.</summary>
    private List<TableToken> ValuesAfterHeader(IReadOnlyList<TableToken> tokens, int start)
    {
        var values = new List<TableToken>();
        for (int i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Value)
            {
                values.Add(token);
            }
            else if (token.Kind == TokenKind.Label && !_matcher.IsTableLabel(token, TableKeys.Table4) && values.Count > 0)
            {
                break;
            }
        }

        return values;
    }

    /// <summary>Each block's 总计 (its last column) is the sum of the four outcomes before it: the template's T4_BLOCK_TOTAL, asked as each block is completed.</summary>
    private static DigitRunSplitter.PrefixRule BlockRule(TableTemplate template)
    {
        var equation = template.Rules.RowTotal!;
        int perBlock = template.Columns.Count;
        return (cells, count) => count % perBlock != 0 || !RowEquation.Breaks(equation, cells, count - perBlock, perBlock);
    }

    private static StatTable Output(TableTemplate template, TableRegion region, int? line, CellValue?[] cells, int?[] lines, string status, string? uncertainRaw)
    {
        int perBlock = template.Columns.Count;
        var rows = template.Rows.Select((block, b) => TableText.Row(block.Key, TableText.Label(block.Label), lines[b], template.Columns,
            cells.Skip(b * perBlock).Take(perBlock).ToArray(), uncertainRaw)).ToArray();
        return TableText.Table(template, region, line, rows, status);
    }
}
