using ReportParser.Model;
using ReportParser.Templates;

namespace ReportParser.Output;

/// <summary>
/// A reconstructed table laid out like the official form, for the views a person reads (xlsx, text, HTML): the
/// template's rows in order with their printed labels and levels (group rows such as 三、本年度办理结果 included,
/// without numbers), its columns with the headers printed over them, and for each cell its number, its source text
/// when that is not the number, and the failed checks it takes part in. 表二 is one section per block (each block
/// has its own columns); the other tables are one section. Rows the template lacks follow, as the report printed them.
/// </summary>
internal sealed class TableGrid
{
    private TableGrid(string key, string name, string status, int? line, IReadOnlyList<GridSection> sections)
    {
        Key = key;
        Name = name;
        Status = status;
        Line = line;
        Sections = sections;
    }

    /// <summary>The table's key (<c>table3</c>, <c>legacy_stats</c>).</summary>
    public string Key { get; }

    /// <summary>The table's name as the reports print it (表三, 旧版统计表).</summary>
    public string Name { get; }

    /// <summary>The table's status (<c>complete</c>, <c>partial</c>; <c>legacy</c> for a 2008–2018 table, which has none).</summary>
    public string Status { get; }

    public int? Line { get; }


    public IReadOnlyList<GridSection> Sections { get; }

    /// <summary>The grid of <paramref name="table"/>, its cells marked with the failed <paramref name="checks"/> of the document.</summary>
    public static TableGrid Build(StatTable table, IReadOnlyList<CheckResult>? checks)
    {
        var failures = Failures(table.Key, checks);
        var labels = TableLabels.Of(table);
        var template = labels.Template;
        var rows = new Dictionary<string, TableRow>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            rows.TryAdd(row.Key, row);
        }

        var sections = new List<GridSection>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        if (template is null)
        {
            var columns = new List<GridColumn>();
            foreach (var column in table.Columns)
            {
                columns.Add(new GridColumn(column.Key, column.Label, null));
            }

            sections.Add(new GridSection(null, null, columns, new List<GridRow>()));
        }
        else if (table.Key == TableKeys.Table2)
        {
            // One section per block: its rows are "<block>.<row>" and share the block's columns.
            string? block = null;
            foreach (var templateRow in template.Rows)
            {
                if (templateRow.Parent != block)
                {
                    block = templateRow.Parent;
                    var columns = new List<GridColumn>();
                    foreach (var column in templateRow.Columns)
                    {
                        columns.Add(new GridColumn(column.Key, column.Label, column.Group));
                    }

                    string title = templateRow.ShortLabel is { } name && name.EndsWith(templateRow.Label, StringComparison.Ordinal)
                        ? name[..^templateRow.Label.Length].TrimEnd()
                        : templateRow.Parent ?? "";
                    sections.Add(new GridSection(title, template.HeaderLabels.Count > 0 ? template.HeaderLabels[0] : null, columns, new List<GridRow>()));
                }

                ((List<GridRow>)sections[^1].Rows).Add(RowOf(templateRow, rows.GetValueOrDefault(templateRow.Key), sections[^1].Columns, failures, level: 0));
                placed.Add(templateRow.Key);
            }
        }
        else
        {
            var columns = new List<GridColumn>();
            foreach (var column in template.Columns)
            {
                columns.Add(new GridColumn(column.Key, column.Label, column.Group));
            }

            var section = new GridSection(null, template.ColumnsHeading, columns, new List<GridRow>());
            sections.Add(section);
            foreach (var templateRow in template.Rows)
            {
                ((List<GridRow>)section.Rows).Add(RowOf(templateRow, rows.GetValueOrDefault(templateRow.Key), columns, failures, Level(template, templateRow)));
                placed.Add(templateRow.Key);
            }
        }

        // Rows the template lacks (a report's own rows, provincial extensions) close the last section, as printed.
        var last = (List<GridRow>)sections[^1].Rows;
        foreach (var row in table.Rows)
        {
            if (placed.Add(row.Key))
            {
                last.Add(new GridRow(row.Key, row.Label, 0, false, row.Line, CellsOf(row, sections[^1].Columns, failures), Extra: true));
            }
        }

        foreach (var row in table.ExtraRows ?? [])
        {
            last.Add(new GridRow(row.Key, row.Label, 0, false, row.Line, CellsOf(row, sections[^1].Columns, failures), Extra: true));
        }

        return new TableGrid(table.Key, TableKeys.Name(table.Key), table.Status, table.Line, sections);
    }

    private static GridRow RowOf(TemplateRow templateRow, TableRow? row, IReadOnlyList<GridColumn> columns, Dictionary<(string, string), List<string>> failures, int level)
    {
        if (!templateRow.IsData)
        {
            return new GridRow(templateRow.Key, templateRow.Label, level, true, row?.Line, [], Extra: false);
        }

        return new GridRow(templateRow.Key, templateRow.Label, level, false, row?.Line, CellsOf(row, columns, failures, templateRow.Key), Extra: false);
    }

    private static GridCell[] CellsOf(TableRow? row, IReadOnlyList<GridColumn> columns, Dictionary<(string, string), List<string>> failures, string? key = null)
    {
        key ??= row?.Key ?? "";
        var cells = new GridCell[columns.Count];
        for (int i = 0; i < cells.Length; i++)
        {
            string column = columns[i].Key;
            decimal? value = null;
            string? raw = null;
            row?.Values.TryGetValue(column, out value);
            row?.Raw.TryGetValue(column, out raw);
            cells[i] = new GridCell(column, value, raw, failures.TryGetValue((key, column), out var list) ? list : []);
        }

        return cells;
    }

    /// <summary>How deep a row sits under its groups (一、 0; （一） 1; 1. under （三） 2).</summary>
    private static int Level(TableTemplate template, TemplateRow row)
    {
        int level = 0;
        for (var parent = row.Parent; parent is not null; parent = template.Row(parent)?.Parent)
        {
            level++;
        }

        return level;
    }

    /// <summary>
    /// The grid of a 2008–2018 statistics table: one section with the value columns the table declares,
    /// a row per indicator (its unit after its label, its 其中 parts indented under their row), cells marked with the
    /// failed legacy checks.
    /// </summary>
    public static TableGrid Legacy(LegacyStats stats, IReadOnlyList<CheckResult>? checks)
    {
        var failures = Failures(TableKeys.LegacyStats, checks);
        var columns = new List<GridColumn>();
        foreach (string column in stats.Columns)
        {
            columns.Add(new GridColumn(column, column, null));
        }

        var rows = new List<GridRow>();
        for (int r = 0; r < stats.Rows.Count; r++)
        {
            var row = stats.Rows[r];
            int level = 0;
            for (int? parent = row.Parent; parent is { } p && level < stats.Rows.Count; parent = stats.Rows[p].Parent)
            {
                level++;
            }

            string key = row.Key ?? row.Label;
            var cells = new GridCell[stats.Columns.Count];
            for (int c = 0; c < cells.Length; c++)
            {
                decimal? value = c < row.Values.Count ? row.Values[c] : null;
                string? raw = value is null && row.Raw.Length > 0 ? row.Raw : null;
                cells[c] = new GridCell(stats.Columns[c], value, raw, failures.TryGetValue((key, stats.Columns[c]), out var failed) ? failed : []);
            }

            string label = row.Unit is { } unit ? $"{row.Label}（{unit}）" : row.Label;
            rows.Add(new GridRow(key, label, level, false, row.Line, cells, row.Key is null));
        }

        return new TableGrid(TableKeys.LegacyStats, TableKeys.Name(TableKeys.LegacyStats), TemplateNames.Legacy, stats.Line, [new GridSection(null, null, columns, rows)]);
    }

    /// <summary>Each cell's failed checks: the operands of a failed equation, the cell of a failed cell rule; as <c>RULE: message</c>.</summary>
    private static Dictionary<(string, string), List<string>> Failures(string table, IReadOnlyList<CheckResult>? checks)
    {
        var failures = new Dictionary<(string, string), List<string>>();
        foreach (var check in checks ?? [])
        {
            if (check.Table != table || check.Status != CheckStatus.Fail)
            {
                continue;
            }

            string text = $"{check.Rule}: {check.Message}";
            if (check.Operands is { } operands)
            {
                foreach (var operand in operands)
                {
                    Add((operand.Row, operand.Column));
                }
            }
            else if (check.Row is { } row && check.Column is { } column)
            {
                Add((row, column));
            }

            void Add((string, string) cell)
            {
                if (!failures.TryGetValue(cell, out var list))
                {
                    failures[cell] = list = [];
                }

                if (!list.Contains(text))
                {
                    list.Add(text);
                }
            }
        }

        return failures;
    }
}

/// <summary>
/// A part of a grid with its own columns: 表二's blocks (<see cref="Title"/> the block's label, <see cref="Heading"/> the
/// label column's header 信息内容), or a whole table (<see cref="Heading"/> the header over all value columns, 申请人情况).
/// </summary>
internal sealed record GridSection(string? Title, string? Heading, IReadOnlyList<GridColumn> Columns, IReadOnlyList<GridRow> Rows);

/// <summary>A value column: key, printed label, and the header printed over its run of columns (法人或其他组织), if any.</summary>
internal sealed record GridColumn(string Key, string Label, string? Group);

/// <summary>
/// A row as the form prints it: a group row (<see cref="IsGroup"/>, no cells) or a data row with one cell per
/// column; <see cref="Extra"/> for a row the template lacks. <see cref="Line"/> is the source line, when known.
/// </summary>
internal sealed record GridRow(string Key, string Label, int Level, bool IsGroup, int? Line, IReadOnlyList<GridCell> Cells, bool Extra);

/// <summary>One cell: its number (null when blank or uncertain), its source text when that is not the number, and the failed checks it is part of.</summary>
internal sealed record GridCell(string Column, decimal? Value, string? Raw, IReadOnlyList<string> Failures)
{
    /// <summary>The source printed something here that is not a number the parser could settle (a placeholder such as - or 无 is a deliberate blank, not uncertain).</summary>
    public bool Uncertain => Value is null && !string.IsNullOrWhiteSpace(Raw) && !ReportParser.Tables.CellValueParser.IsPlaceholder(Raw.Trim());

    /// <summary>The number as invariant text, else the source text, else empty.</summary>
    public string Text => Value is { } v ? CsvReportWriter.FormatValue(v) : Raw ?? "";

    public bool Failed => Failures.Count > 0;
}
