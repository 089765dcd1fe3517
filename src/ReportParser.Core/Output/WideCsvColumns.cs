using ReportParser.Templates;

namespace ReportParser.Output;

/// <summary>
/// The fixed cell columns of the <c>wide</c> CSV layout: every data cell of every template of the
/// catalogue (gov2021 and gov2019), as <c>table.row.column</c> keys, so that every report of a corpus
/// shares one header whatever its template. Per grid (表二's blocks, 表三, 表四) the newest edition's rows
/// and columns, with those only an older edition has merged in after their neighbour there.
/// Group rows (labels without numbers) have no cells. Then the legacy indicators of 2008–2018
/// tables (<see cref="LegacyCatalog"/>) as <c>legacy.key.year</c> and <c>legacy.key.cumulative</c>, so a
/// series from 2008 to now is one table.
/// </summary>
internal static class WideCsvColumns
{
    /// <summary>
    /// The columns before the cells, in order: the one list the header, the label row, the codebook and every row
    /// are made from. Name, Chinese label (the optional second header row), meaning (the codebook), whether it is
    /// free text (escaped for Excel), and its value. Metadata for filtering a corpus: the report's title,
    /// publication date and page address, the input's SHA-256, each table's status, the counts of error and
    /// warning diagnostics, and the script the normaliser found.
    /// </summary>
    public static IReadOnlyList<WideField> Leading { get; } =
    [
        new("file", "文件", "The input's path as given (source.path).", true, d => d.Source.Path),
        new("report_year", "报告年度", "The year the report covers (metadata.report_year); blank when unknown.", false, d => CsvReportWriter.Format(d.Metadata?.ReportYear)),
        new("agency", "机关", "The reporting agency (metadata.agency); blank when unknown.", true, d => d.Metadata?.Agency ?? ""),
        new("template", "模板", "The report format: gov2021, gov2019, legacy or unknown (metadata.template).", false, d => d.Metadata?.Template ?? ""),
        new("error", "错误", "For an input that could not be parsed: the error code and message; blank for a report.", false,
            d => d.Error is { } error ? $"{error.Code}: {error.Message}" : ""),
        new("title", "标题", "The report's title (metadata.title); blank when none was found.", true, d => d.Metadata?.Title ?? ""),
        new("published_date", "发布日期", "The publication date, YYYY-MM-DD (metadata.published_date); blank when unknown.", true, d => d.Metadata?.PublishedDate ?? ""),
        new("source_url", "原文链接", "Where the page was fetched from, when the input says so (source.url).", true, d => d.Source.Url ?? ""),
        new("sha256", "SHA-256", "SHA-256 of the input's bytes (source.sha256).", false, d => d.Source.Sha256),
        new("table2_status", "表二状态", "表二's status: complete, partial or absent; blank when the report has no 表二 entry (legacy reports).", false,
            d => TableStatusOf(d, TableKeys.Table2)),
        new("table3_status", "表三状态", "表三's status: complete, partial or absent; blank when the report has no 表三 entry.", false,
            d => TableStatusOf(d, TableKeys.Table3)),
        new("table4_status", "表四状态", "表四's status: complete, partial or absent; blank when the report has no 表四 entry.", false,
            d => TableStatusOf(d, TableKeys.Table4)),
        new("errors", "错误数", "The number of error diagnostics of the report.", false, d => Count(d, ReportParser.Diagnostics.DiagnosticSeverity.Error)),
        new("warnings", "警告数", "The number of warning diagnostics of the report.", false, d => Count(d, ReportParser.Diagnostics.DiagnosticSeverity.Warning)),
        new("script", "文字", "The script the normaliser found in the input: simplified, traditional, mixed or unknown (normalization.input_script).", false,
            d => d.Normalization?.InputScript ?? ""),
    ];

    /// <summary>A table's status in a report (<c>complete</c>, <c>partial</c>, <c>absent</c>); empty when the report has no such table.</summary>
    private static string TableStatusOf(Model.ReportDocument document, string table)
    {
        foreach (var t in document.Tables ?? [])
        {
            if (t.Key == table)
            {
                return t.Status;
            }
        }

        return "";
    }

    private static string Count(Model.ReportDocument document, ReportParser.Diagnostics.DiagnosticSeverity severity) =>
        ReportSummary.Count(document, severity).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The column of a legacy cell: indicator key and column kind.</summary>
    public static string LegacyKey(string key, string column) => $"legacy.{key}.{LegacyCatalog.ColumnKind(column)}";

    /// <summary>The legacy statistics columns (2008–2018 reports): per indicator of the catalogue, this year's value and the cumulative one.</summary>
    public static IReadOnlyList<WideColumn> LegacyColumns { get; } = Legacy(LegacyCatalog.Default);

    private static WideColumn[] Legacy(LegacyCatalog catalog)
    {
        var columns = new List<WideColumn>();
        foreach (string key in catalog.Keys)
        {
            string label = catalog.Label(key);
            columns.Add(new WideColumn(LegacyKey(key, "本年"), $"旧版统计表 {label} 本年",
                $"Legacy statistics table (a 2008–2018 report), indicator {key} ({label}): the report year's value; blank when the report has no such row."));
            columns.Add(new WideColumn(LegacyKey(key, "历年累计"), $"旧版统计表 {label} 历年累计",
                $"Legacy statistics table (a 2008–2018 report), indicator {key} ({label}): the cumulative value; blank when the report has no such row or column."));
        }

        return [.. columns];
    }

    /// <summary>The cells in column order, each with its keys, labels and templates (the codebook's rows).</summary>
    public static IReadOnlyList<WideCell> Cells { get; } = Describe(TemplateCatalog.Default, Build(TemplateCatalog.Default));

    /// <summary>The cell keys in column order: the templates' cells, then the legacy statistics columns.</summary>
    public static IReadOnlyList<string> CellKeys { get; } = [.. Cells.Select(c => c.Key), .. LegacyColumns.Select(c => c.Name)];

    /// <summary>The cells of <paramref name="keys"/> (<c>table.row.column</c>; 表二's rows are <c>block.row</c>) described from the templates that have them, newest first.</summary>
    private static WideCell[] Describe(TemplateCatalog catalog, (string Table, string Row, string Column)[] keys)
    {
        var templates = catalog.Years.NewestFirst();
        var cells = new WideCell[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            var (table, row, column) = keys[i];
            var having = new List<string>();
            TemplateRow? label = null;
            TemplateColumn? columnLabel = null;
            foreach (string template in templates)
            {
                var found = catalog.Get(table, template).Row(row);
                var col = found?.Columns.FirstOrDefault(c => c.Key == column);
                if (found is { IsData: true } && col is not null)
                {
                    having.Add(template);
                    label ??= found;
                    columnLabel ??= col;
                }
            }

            cells[i] = new WideCell($"{table}.{row}.{column}", table, row, column, label!, columnLabel!, [.. having]);
        }

        return cells;
    }

    private static (string Table, string Row, string Column)[] Build(TemplateCatalog catalog)
    {
        // Newest edition first: its rows and columns lead, older editions' are merged in.
        var templateOrder = catalog.Years.NewestFirst();
        var grids = new List<(string Prefix, List<string> Rows, List<string> Columns)>();
        foreach (string table in TableKeys.All)
        {
            foreach (string template in templateOrder)
            {
                // 表二's rows are "<block>.<row>" and each block has its own columns; the other tables are one grid.
                bool blocks = table == TableKeys.Table2;
                foreach (var group in catalog.Get(table, template).DataRows.GroupBy(r => blocks ? r.Parent! : ""))
                {
                    string prefix = blocks ? $"{table}.{group.Key}" : table;
                    int index = grids.FindIndex(g => g.Prefix == prefix);
                    if (index < 0)
                    {
                        grids.Add((prefix, [], []));
                        index = grids.Count - 1;
                    }

                    Merge(grids[index].Rows, group.Select(r => blocks ? r.Key[(group.Key.Length + 1)..] : r.Key).ToList());
                    Merge(grids[index].Columns, group.First().Columns.Select(c => c.Key).ToList());
                }
            }
        }

        return grids.SelectMany(g => g.Rows.SelectMany(r => g.Columns.Select(c => Split(g.Prefix, r, c)))).ToArray();

        // "table2.art20_1" + "regulations" → (table2, art20_1.regulations); "table3" + "new_received" → (table3, new_received).
        static (string, string, string) Split(string prefix, string row, string column)
        {
            int dot = prefix.IndexOf('.');
            return dot < 0 ? (prefix, row, column) : (prefix[..dot], $"{prefix[(dot + 1)..]}.{row}", column);
        }
    }

    /// <summary>Adds the items of <paramref name="next"/> that <paramref name="merged"/> lacks, each after its predecessor in <paramref name="next"/> (a first item at the end).</summary>
    private static void Merge(List<string> merged, List<string> next)
    {
        for (int i = 0; i < next.Count; i++)
        {
            if (!merged.Contains(next[i]))
            {
                merged.Insert(i == 0 ? merged.Count : merged.IndexOf(next[i - 1]) + 1, next[i]);
            }
        }
    }
}

/// <summary>A column of the wide layout before the cells.</summary>
/// <param name="Name">The header.</param>
/// <param name="Label">Its Chinese label (the second header row of <c>--label-row</c>).</param>
/// <param name="Meaning">What it holds, for the codebook.</param>
internal sealed record WideColumn(string Name, string Label, string Meaning);

/// <summary>A column of the wide layout before the cells: <see cref="WideColumn"/>'s description, whether it is free text, and its value for a report.</summary>
internal sealed record WideField(string Name, string Label, string Meaning, bool IsText, Func<Model.ReportDocument, string> Value);

/// <summary>
/// A cell column of the wide layout: its key (<c>table.row.column</c>), the table, row and column keys, the
/// template row and column it reads (the newest template that has it: labels, value type), and every template that has it.
/// </summary>
internal sealed record WideCell(string Key, string Table, string Row, string Column, TemplateRow TemplateRow, TemplateColumn TemplateColumn, IReadOnlyList<string> Templates)
{
    /// <summary>A short Chinese name for a header row: <c>表三 本年新收 自然人</c>.</summary>
    public string Label => $"{TableKeys.Name(Table)} {TemplateRow.Name} {TemplateColumn.Label}";

    /// <summary>What the cell holds, in words, for the codebook.</summary>
    public string Meaning => TemplateColumn.ValueType switch
    {
        "signed_count" => $"{TableKeys.Name(Table)}, row {TemplateRow.Label}, column {TemplateColumn.Label}: a count that may be negative (an increase or decrease)",
        "money" => $"{TableKeys.Name(Table)}, row {TemplateRow.Label}, column {TemplateColumn.Label}: an amount of money, in the unit the column label states",
        "money_unspecified_unit" => $"{TableKeys.Name(Table)}, row {TemplateRow.Label}, column {TemplateColumn.Label}: an amount of money; the template states no unit",
        _ => $"{TableKeys.Name(Table)}, row {TemplateRow.Label}, column {TemplateColumn.Label}: a count",
    } + "; blank when the report leaves the cell blank, prints a placeholder, the cell could not be read for certain, or the report's template lacks it.";
}
