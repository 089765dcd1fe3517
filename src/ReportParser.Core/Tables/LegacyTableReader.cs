using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Sectioning;
using ReportParser.Templates;

namespace ReportParser.Tables;

/// <summary>
/// Reads the statistics table of a 2008–2018 report (统计表, 附表, 统计数据): a header naming the
/// indicator and unit columns (指标名称 计量单位) and the value columns (2013年度 历年累计, 年末统计,
/// 数量), then rows of label, unit and values, with 其中 parts numbered 1. 2. 3. Whatever the
/// flattening — cells on lines of their own, separated by spaces, or run together with no separator
/// at all (<c>主动公开文件数条158169</c>) — the unit is the anchor between a row's label and its
/// digits. Digits of several columns that ran together are split only when one split alone gives
/// valid numbers; otherwise the row's values are null, with a diagnostic listing the candidates.
/// A real table (HTML) is read cell by cell.
/// </summary>
internal sealed partial class LegacyTableReader
{
    /// <summary>Default longest row label: a longer run before a unit is prose, and ends the table.</summary>
    public const int DefaultMaxLabelLength = 40;

    /// <summary>Default largest number of split candidates listed in a diagnostic.</summary>
    public const int DefaultMaxCandidates = 6;

    // Built on the first legacy report: a run of reports on the national templates never loads the catalogue.
    private readonly Lazy<Rules> _rules;

    public LegacyTableReader(LegacyCatalog? catalog = null)
    {
        _rules = new(() => new Rules(catalog ?? LegacyCatalog.Default));
    }

    private LegacyCatalog Catalog => _rules.Value.Catalog;

    /// <summary>The catalogue and the row expression its units make.</summary>
    private sealed class Rules(LegacyCatalog catalog)
    {
        public LegacyCatalog Catalog { get; } = catalog;

        public Regex Row { get; } = RowPattern(catalog);
    }

    /// <summary>The document's legacy statistics table, or null when it has none.</summary>
    public LegacyStats? Read(SplitDocument document, DiagnosticBag bag)
    {
        var blocks = new List<Block>(document.Preamble);
        foreach (var section in document.Sections)
        {
            blocks.AddRange(section.Blocks);
        }

        foreach (var block in blocks)
        {
            if (block is Grid grid && ReadGrid(grid, bag) is { } fromGrid)
            {
                return fromGrid;
            }
        }

        return ReadText(blocks.OfType<TextLine>().ToList(), bag);
    }

    private LegacyStats? ReadText(IReadOnlyList<TextLine> lines, DiagnosticBag bag)
    {
        var text = new StringBuilder();
        var starts = new int[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            starts[i] = text.Length;
            text.Append(lines[i].Text).Append('\n');
        }

        string all = text.ToString();
        var header = Header().Match(all);
        if (!header.Success)
        {
            return null;
        }

        int at = header.Index + header.Length;
        var columns = new List<string>();
        while (ColumnAt(all, ref at) is { } column)
        {
            columns.Add(column);
        }

        int tableLine = LineAt(lines, starts, header.Index).Line;
        if (columns.Count == 0)
        {
            columns.Add("本年");
        }

        var rows = new List<LegacyRow>();
        var runs = new List<string>();
        var splits = new List<string>();
        int? groupParent = null;
        while (true)
        {
            var m = _rules.Value.Row.Match(all, at);
            if (!m.Success || m.Index != at)
            {
                break;
            }

            string label = WhiteSpaceRun().Replace(m.Groups["label"].Value.Trim(), " ");
            if (label.Length > DefaultMaxLabelLength || label.Contains('。') || !HasHan(label))
            {
                break;
            }

            var values = m.Groups["values"];
            int valuesEnd = values.Index + values.Length;
            string digits = values.Value;
            int? item = m.Groups["item"].Success ? int.Parse(m.Groups["item"].ValueSpan, CultureInfo.InvariantCulture) : null;
            // The next part's number glued to this row's digits ("条1581582.政府公报…"): it belongs to the next row.
            if (item is { } number && valuesEnd < all.Length && all[valuesEnd] is '.' or '、' or '．')
            {
                string next = (number + 1).ToString(CultureInfo.InvariantCulture);
                if (digits.EndsWith(next, StringComparison.Ordinal) && digits.Length > next.Length)
                {
                    digits = digits[..^next.Length];
                    valuesEnd -= next.Length;
                }
            }

            // 其中 opens a group of parts under the row just before it (a top-level row, or a part, which
            // nests); a numbered row goes on the open group; a row with neither is top-level again.
            int? parent;
            if (m.Groups["part"].Success && rows.Count > 0)
            {
                parent = groupParent = rows.Count - 1;
            }
            else if (item is not null && groupParent is not null)
            {
                parent = groupParent;
            }
            else
            {
                parent = groupParent = null;
            }

            var line = LineAt(lines, starts, m.Groups["label"].Index);
            runs.Add(digits.Trim());
            string written = line.ShownOf(label);
            string normalized = LegacyCatalog.Normalize(label);
            rows.Add(new LegacyRow
            {
                Key = Catalog.KeyOfLabel(label),
                Label = written,
                NormalizedLabel = normalized,
                Unit = m.Groups["unit"].Value,
                Parent = parent,
                Raw = line.ShownOf(digits.Trim()),
                Line = line.Line,
            });
            at = valuesEnd;
        }

        if (rows.Count == 0)
        {
            return null;
        }

        // A header naming more columns than any row prints, with a row whose one number cannot be
        // several (a lone 0): the table prints the first column only, and the others are blank.
        bool firstColumnOnly = columns.Count > 1 && runs.TrueForAll(r => Tokens(r).Length == 1)
            && runs.Exists(r => Candidates(Tokens(r), columns.Count).Count == 0);
        if (firstColumnOnly)
        {
            bag.Report(DiagnosticCodes.LegacyValuesMismatch,
                $"legacy table: the header names {columns.Count} columns ({string.Join(" / ", columns)}) but every row prints one number, "
                + $"and some cannot be {columns.Count} (a lone {runs.Find(r => Candidates(Tokens(r), columns.Count).Count == 0)}): read as {columns[0]}, the other columns blank",
                tableLine);
        }

        for (int i = 0; i < rows.Count; i++)
        {
            rows[i] = rows[i] with
            {
                Values = firstColumnOnly
                    ? [Number(runs[i]), .. new decimal?[columns.Count - 1]]
                    : Values(runs[i], columns.Count, rows[i].Label, rows[i].Line ?? tableLine, splits, bag),
            };
        }

        Report(rows, columns, tableLine, bag);
        if (splits.Count > 0)
        {
            bag.Report(DiagnosticCodes.DigitRunSplit,
                $"legacy table: the digits of {splits.Count} row(s) ran together and only one split gives {columns.Count} valid numbers (no leading zero) each: {string.Join(", ", splits)}",
                tableLine);
        }

        return new LegacyStats { Line = tableLine, Columns = columns, Rows = rows };
    }

    /// <summary>A table grid whose header row names 指标名称 and a unit column; null for any other grid.</summary>
    private LegacyStats? ReadGrid(Grid grid, DiagnosticBag bag)
    {
        int headerRow = -1, unitColumn = -1;
        for (int r = 0; r < grid.Rows.Count && headerRow < 0; r++)
        {
            var row = grid.Rows[r];
            for (int c = 1; c < row.Count; c++)
            {
                if (Header().IsMatch(row[0].Text + row[c].Text) && UnitHeader().IsMatch(row[c].Text))
                {
                    headerRow = r;
                    unitColumn = c;
                    break;
                }
            }
        }

        if (headerRow < 0)
        {
            return null;
        }

        var columns = new List<string>();
        var header = grid.Rows[headerRow];
        for (int c = unitColumn + 1; c < header.Count; c++)
        {
            if (!header[c].IsSpanCopy)
            {
                columns.Add(WhiteSpaceRun().Replace(header[c].Text, ""));
            }
        }

        var rows = new List<LegacyRow>();
        int? topLevel = null;
        for (int r = headerRow + 1; r < grid.Rows.Count; r++)
        {
            var cells = grid.Rows[r];
            string label = WhiteSpaceRun().Replace(cells[0].Text.Trim(), " ");
            if (label.Length == 0 || unitColumn >= cells.Count)
            {
                continue;
            }

            var item = ItemNumber().Match(label);
            bool part = label.StartsWith("其中", StringComparison.Ordinal) || item.Success;
            string bare = ItemNumber().Replace(PartPrefix().Replace(label, ""), "");
            var values = new decimal?[columns.Count];
            var raw = new List<string>();
            for (int c = 0; c < columns.Count && unitColumn + 1 + c < cells.Count; c++)
            {
                var cell = cells[unitColumn + 1 + c];
                raw.Add(cell.Shown ?? cell.Text);
                values[c] = decimal.TryParse(cell.Text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal v) ? v : null;
            }

            if (!part)
            {
                topLevel = rows.Count;
            }

            string normalized = LegacyCatalog.Normalize(bare);
            rows.Add(new LegacyRow
            {
                Key = Catalog.KeyOfLabel(bare),
                Label = cells[0].Shown is { } shown ? ItemNumber().Replace(PartPrefix().Replace(shown.Trim(), ""), "") : bare,
                NormalizedLabel = normalized,
                Unit = cells[unitColumn].Text.Trim() is { Length: > 0 } unit ? unit : null,
                Parent = part ? topLevel : null,
                Values = values,
                Raw = string.Join(" ", raw),
                Line = cells[0].Line,
            });
        }

        if (rows.Count == 0)
        {
            return null;
        }

        Report(rows, columns, grid.Line, bag);
        return new LegacyStats { Line = grid.Line, Columns = columns, Rows = rows };
    }

    private static void Report(List<LegacyRow> rows, List<string> columns, int line, DiagnosticBag bag)
    {
        int matched = rows.Count(r => r.Key is not null);
        bag.Report(DiagnosticCodes.LegacyTableRead,
            $"legacy statistics table read: {rows.Count} row(s), columns {string.Join(" / ", columns)}, {matched} matched to the indicator catalogue"
            + (matched < rows.Count ? $" (not matched: {string.Join(", ", rows.Where(r => r.Key is null).Select(r => r.Label))})" : ""),
            line);
    }

    /// <summary>
    /// The values of one row: one per column. Separate numbers fill the columns in order; digits of
    /// several columns run together are split when exactly one split gives valid numbers (no leading
    /// zero but in 0 itself); anything else leaves the row's values null with a diagnostic.
    /// </summary>
    private static decimal?[] Values(string digits, int columns, string label, int line, List<string> splits, DiagnosticBag bag)
    {
        var result = new decimal?[columns];
        string[] tokens = Tokens(digits);
        if (tokens.Length == columns)
        {
            for (int i = 0; i < columns; i++)
            {
                result[i] = Number(tokens[i]);
            }

            return result;
        }

        if (tokens.Length > columns)
        {
            bag.Report(DiagnosticCodes.LegacyValuesMismatch,
                $"legacy table row '{label}' has {tokens.Length} values ({digits}) for {columns} column(s); its values are left null", line);
            return result;
        }

        var candidates = Candidates(tokens, columns);
        if (candidates.Count == 1)
        {
            for (int i = 0; i < columns; i++)
            {
                result[i] = Number(candidates[0][i]);
            }

            splits.Add($"{label} {digits}→{string.Join("|", candidates[0])}");
            return result;
        }

        string listed = string.Join("; ", candidates.Take(DefaultMaxCandidates).Select(c => string.Join("|", c)));
        bag.Report(candidates.Count == 0 ? DiagnosticCodes.DigitRunUnsplittable : DiagnosticCodes.DigitRunAmbiguous,
            $"legacy table row '{label}': digits '{digits}' ran together for {columns} column(s) and "
            + (candidates.Count == 0 ? "no split gives valid numbers" : $"{candidates.Count} splits fit ({listed}{(candidates.Count > DefaultMaxCandidates ? "; …" : "")})")
            + "; its values are left null", line);
        return result;
    }

    private static string[] Tokens(string digits) => digits.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>The ways to read the tokens as <paramref name="parts"/> valid numbers (up to a bound).</summary>
    private static List<string[]> Candidates(string[] tokens, int parts)
    {
        var found = new List<string[]>();
        Splits(tokens, 0, parts, [], found);
        return found;
    }

    // Every way to cut the tokens into `parts` numbers, each token into one or more pieces.
    private static void Splits(string[] tokens, int index, int parts, List<string> current, List<string[]> found)
    {
        if (found.Count > DefaultMaxCandidates * 4)
        {
            return;
        }

        if (index == tokens.Length)
        {
            if (current.Count == parts)
            {
                found.Add([.. current]);
            }

            return;
        }

        int left = parts - current.Count - (tokens.Length - index - 1);
        Cut(tokens[index], left, current, () => Splits(tokens, index + 1, parts, current, found));
    }

    // Cuts one token into 1..maxPieces valid numbers, calling next for each way.
    private static void Cut(string token, int maxPieces, List<string> current, Action next)
    {
        if (maxPieces <= 0)
        {
            return;
        }

        if (IsNumber(token))
        {
            current.Add(token);
            next();
            current.RemoveAt(current.Count - 1);
        }

        if (maxPieces == 1 || token.Contains('.'))
        {
            return;
        }

        for (int cut = 1; cut < token.Length; cut++)
        {
            string head = token[..cut];
            if (!IsNumber(head))
            {
                continue;
            }

            current.Add(head);
            Cut(token[cut..], maxPieces - 1, current, next);
            current.RemoveAt(current.Count - 1);
        }
    }

    private static bool IsNumber(string text) => text.Length > 0 && (text == "0" || text[0] != '0') && (text.Length == 1 || text[0] != '0');

    private static bool HasHan(string text)
    {
        foreach (char c in text)
        {
            if (c is >= '\u4E00' and <= '\u9FFF')
            {
                return true;
            }
        }

        return false;
    }

    private string? ColumnAt(string text, ref int at)
    {
        int start = at;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var year = YearColumn().Match(text, start);
        if (year.Success && year.Index == start)
        {
            at = start + year.Length;
            return WhiteSpaceRun().Replace(year.Value, "");
        }

        foreach (string word in Catalog.ColumnWords)
        {
            if (string.CompareOrdinal(text, start, word, 0, word.Length) == 0)
            {
                at = start + word.Length;
                return word;
            }
        }

        return null;
    }

    private static TextLine LineAt(IReadOnlyList<TextLine> lines, int[] starts, int offset)
    {
        int i = Array.BinarySearch(starts, offset);
        return lines[i >= 0 ? i : ~i - 1];
    }

    private static Regex RowPattern(LegacyCatalog catalog)
    {
        string units = string.Join("|", catalog.Units.Select(Regex.Escape));
        return new Regex(
            @"\s*(?<part>其\s*中\s*[:：]?\s*)?(?:(?<item>\d{1,2})\s*[.．、]\s*)?(?<label>[^\d。]+?)\s*(?<unit>" + units + @")(?=\s*\d)\s*(?<values>\d+(?:\.\d+)?(?:\s+\d+(?:\.\d+)?)*)",
            RegexOptions.CultureInvariant);
    }

    // The header of the indicator and unit columns: 指标名称 计量单位, 指 标 名 称 单位, 项目 单位.
    [GeneratedRegex(@"(?:指\s*标\s*名\s*称|统\s*计\s*指\s*标|项\s*目\s*(?:名\s*称)?)\s*(?:计\s*量\s*)?单\s*位")]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s*(?:计\s*量\s*)?单\s*位\s*$")]
    private static partial Regex UnitHeader();

    [GeneratedRegex(@"\d{4}\s*年\s*度?")]
    private static partial Regex YearColumn();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpaceRun();

    [GeneratedRegex(@"^\s*\d{1,2}\s*[.．、]\s*")]
    private static partial Regex ItemNumber();

    [GeneratedRegex(@"^\s*其\s*中\s*[:：]?\s*")]
    private static partial Regex PartPrefix();
}
