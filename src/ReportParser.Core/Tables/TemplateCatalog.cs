using System.Text.Json;

namespace ReportParser.Tables;

/// <summary>A column of a template table. <see cref="ValueType"/>: count, signed_count, money, money_unspecified_unit.</summary>
internal sealed record TemplateColumn(string Key, string Label, string ValueType, IReadOnlyList<string> Aliases);

/// <summary>
/// A row of a template table. For 表二 the key is <c>block.row</c> and <see cref="Columns"/> are the block's;
/// for 表四 the rows are its three blocks. <see cref="After"/> names a group the row must follow (for labels
/// as short as 其他, which would otherwise match the column header).
/// </summary>
internal sealed record TemplateRow(
    string Key,
    string Label,
    string Kind,
    string? Parent,
    string? After,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<TemplateColumn> Columns)
{
    public bool IsData => Kind == "data";
}

/// <summary>One table of one template: its rows in order, the union of its columns, and its header labels.</summary>
internal sealed record TableTemplate(
    string Table,
    string Template,
    IReadOnlyList<TemplateRow> Rows,
    IReadOnlyList<TemplateColumn> Columns,
    IReadOnlyList<string> HeaderLabels,
    IReadOnlyList<int> GridWidths)
{
    // Computed once per template (every document's checks and builders ask for them). A key names
    // one row; should two rows share one, the first is the one found, as a search in order would.
    private readonly Dictionary<string, TemplateRow> _rowsByKey = IndexByKey(Rows);

    public IReadOnlyList<TemplateRow> DataRows { get; } = [.. Rows.Where(r => r.IsData)];

    /// <summary>The outcome rows that （七）总计 totals: the data rows under 三、本年度办理结果 (表三 only).</summary>
    public IReadOnlyList<TemplateRow> ResultLeaves { get; } = ComputeResultLeaves(Rows);

    public TemplateRow? Row(string key) => _rowsByKey.GetValueOrDefault(key);

    // Static, for the initializer above (which cannot read _rowsByKey): it indexes the rows itself.
    private static TemplateRow[] ComputeResultLeaves(IReadOnlyList<TemplateRow> rows)
    {
        var byKey = IndexByKey(rows);
        return [.. rows.Where(r => r.IsData && r.Key != Table3Keys.ResultsTotal && HasAncestor(r, Table3Keys.Results))];

        bool HasAncestor(TemplateRow row, string key)
        {
            for (var parent = row.Parent; parent is not null; parent = byKey.GetValueOrDefault(parent)?.Parent)
            {
                if (parent == key)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static Dictionary<string, TemplateRow> IndexByKey(IReadOnlyList<TemplateRow> rows)
    {
        var byKey = new Dictionary<string, TemplateRow>(rows.Count);
        foreach (var row in rows)
        {
            byKey.TryAdd(row.Key, row);
        }

        return byKey;
    }
}

/// <summary>The 表三 row keys the 勾稽 rules name (spec §7).</summary>
internal static class Table3Keys
{
    public const string NewReceived = "new_received";
    public const string CarriedOver = "carried_over";
    public const string Results = "results";
    public const string ResultsTotal = "results_total";
    public const string CarriedForward = "carried_forward";
    public const string TotalColumn = "total";

    /// <summary>Groups whose subtotal rows some reports add (T3_SUBTOTAL_IF_PRESENT).</summary>
    public static readonly string[] SubtotalGroups = ["denied", "unable", "not_processed", "other"];
}

/// <summary>What a normalised label means: a row or a header label of one table in one template.</summary>
internal sealed record LabelEntry(TableTemplate Table, TemplateRow? Row);

/// <summary>
/// A label as the matchers see it: its normalised text, the entries of <see cref="TemplateCatalog.Lookup"/>,
/// and the outcome of <see cref="TemplateCatalog.TryDecompose"/> (<see cref="Decomposed"/>, <see cref="Last"/>, <see cref="Before"/>).
/// </summary>
internal sealed record ResolvedLabel(
    string Normalized,
    IReadOnlyList<LabelEntry> Entries,
    bool Decomposed,
    IReadOnlyList<LabelEntry> Last,
    IReadOnlyList<IReadOnlyList<LabelEntry>> Before);

/// <summary>
/// The table templates of the gov2019 and gov2021 formats, loaded from the embedded
/// <c>Templates/templates.json</c>, and an index from normalised labels to what they mean.
/// </summary>
internal sealed class TemplateCatalog
{
    public const string Table2 = "table2";
    public const string Table3 = "table3";
    public const string Table4 = "table4";

    private readonly Dictionary<(string Table, string Template), TableTemplate> _tables = [];
    private readonly Dictionary<string, List<LabelEntry>> _labels = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pieces = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _pieceLookup;
    private readonly int _longestPiece;

    // Resolve's memo. The same labels recur in every report and every template is matched several
    // times per table, so most lookups are hits. Cleared when full: memory stays bounded whatever the input.
    private const int MaxResolved = 4096;
    private const int MaxResolvedLength = 200;
    // A plain dictionary under a lock: lookups are short, and ConcurrentDictionary.Count (needed for
    // the bound) takes every lock of the dictionary.
    private readonly Dictionary<string, ResolvedLabel> _resolved = new(StringComparer.Ordinal);
    private readonly Lock _resolvedLock = new();

    public static TemplateCatalog Default { get; } = Load();

    public IReadOnlyList<string> Templates { get; }

    /// <summary>
    /// The widths a table's grid has in any template (spec §9, grid_columns): in the flattened
    /// <c>cell |</c> format a padding line completes a row to one of these.
    /// </summary>
    public IReadOnlySet<int> GridWidths(string table) => _gridWidths[table];

    private readonly Dictionary<string, HashSet<int>> _gridWidths = [];

    // Plain loops rather than LINQ here and in AddLabel: the catalogue is built once per process, and on
    // a one-report run the generic LINQ and frozen-set code it would need (compiled at run time) costs
    // more than the parse.
    private TemplateCatalog(IReadOnlyList<TableTemplate> tables)
    {
        var templates = new List<string>();
        foreach (var table in tables)
        {
            if (!_gridWidths.TryGetValue(table.Table, out var widths))
            {
                _gridWidths[table.Table] = widths = [];
            }

            widths.UnionWith(table.GridWidths);
            if (!templates.Contains(table.Template))
            {
                templates.Add(table.Template);
            }

            _tables[(table.Table, table.Template)] = table;
            foreach (var row in table.Rows)
            {
                AddLabel(row.Label, new LabelEntry(table, row));
                foreach (string alias in row.Aliases)
                {
                    AddLabel(alias, new LabelEntry(table, row));
                }
            }

            foreach (string label in table.HeaderLabels)
            {
                AddLabel(label, new LabelEntry(table, null));
            }

            foreach (var column in table.Columns)
            {
                AddLabel(column.Label, new LabelEntry(table, null));
                foreach (string alias in column.Aliases)
                {
                    AddLabel(alias, new LabelEntry(table, null));
                }
            }
        }

        Templates = [.. templates];
        _pieceLookup = _pieces.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (string piece in _pieces)
        {
            _longestPiece = Math.Max(_longestPiece, piece.Length);
        }
    }

    public TableTemplate Get(string table, string template) => _tables[(table, template)];

    /// <summary>The label text (as it stands in the report) normalised, looked up and decomposed; memoised.</summary>
    public ResolvedLabel Resolve(string label)
    {
        lock (_resolvedLock)
        {
            if (_resolved.TryGetValue(label, out var known))
            {
                return known;
            }
        }

        string normalized = LabelText.Normalize(label);
        bool decomposed = TryDecompose(normalized, out var last, out var before);
        var resolved = new ResolvedLabel(normalized, Lookup(normalized), decomposed, last, before);
        if (label.Length <= MaxResolvedLength)
        {
            lock (_resolvedLock)
            {
                if (_resolved.Count >= MaxResolved)
                {
                    _resolved.Clear();
                }

                _resolved.TryAdd(label, resolved);
            }
        }

        return resolved;
    }

    public bool Has(string template) => Templates.Contains(template);

    /// <summary>Entries for a label matched as a whole (after normalisation, with or without ordinal and trailing parenthetical).</summary>
    public IReadOnlyList<LabelEntry> Lookup(string normalized)
    {
        foreach (string form in LabelText.LookupForms(normalized))
        {
            if (_labels.TryGetValue(form, out var entries))
            {
                return entries;
            }
        }

        return [];
    }

    /// <summary>
    /// For a label token that ran together with header labels (text without separators), the start of
    /// the last piece: the text before it must be made only of known labels, ordinals and parentheticals.
    /// Returns the entries of the last piece and those of each piece before it, or false.
    /// </summary>
    public bool TryDecompose(string normalized, out IReadOnlyList<LabelEntry> last, out IReadOnlyList<IReadOnlyList<LabelEntry>> before)
    {
        last = [];
        before = [];
        if (normalized.Length > 800)
        {
            return false;
        }

        // reach[j]: normalized[..j] is made of known pieces; from[j]: where the piece ending at j starts.
        var reach = new bool[normalized.Length + 1];
        var from = new int[normalized.Length + 1];
        reach[0] = true;
        for (int j = 0; j < normalized.Length; j++)
        {
            if (!reach[j])
            {
                continue;
            }

            int ordinal = LabelText.OrdinalLength(normalized, j);
            if (ordinal > 0)
            {
                Mark(j, j + ordinal);
            }

            int paren = LabelText.SkipParenthetical(normalized, j);
            if (paren > 0)
            {
                Mark(j, paren);
            }

            var rest = normalized.AsSpan(j);
            for (int len = Math.Min(_longestPiece, rest.Length); len >= 1; len--)
            {
                if (_pieceLookup.Contains(rest[..len]))
                {
                    Mark(j, j + len);
                }
            }
        }

        for (int start = 1; start < normalized.Length; start++)
        {
            if (!reach[start])
            {
                continue;
            }

            var entries = Lookup(normalized[start..]);
            if (entries.Count == 0)
            {
                continue;
            }

            var pieces = new List<IReadOnlyList<LabelEntry>>();
            for (int end = start; end > 0; end = from[end])
            {
                pieces.Add(Lookup(normalized[from[end]..end]));
            }

            pieces.Reverse();
            last = entries;
            before = pieces;
            return true;
        }

        return false;

        void Mark(int start, int end)
        {
            if (!reach[end])
            {
                reach[end] = true;
                from[end] = start;
            }
        }
    }

    private void AddLabel(string label, LabelEntry entry)
    {
        string normalized = LabelText.Normalize(label);
        if (normalized.Length == 0)
        {
            return;
        }

        _pieces.Add(normalized);
        _pieces.Add(LabelText.Core(normalized));
        foreach (string form in LabelText.LookupForms(normalized))
        {
            if (!_labels.TryGetValue(form, out var list))
            {
                _labels[form] = list = [];
            }

            // The same table and row (objects unique in the catalogue) reached through another alias.
            if (!list.Exists(e => ReferenceEquals(e.Table, entry.Table) && ReferenceEquals(e.Row, entry.Row)))
            {
                list.Add(entry);
            }
        }
    }

    private static TemplateCatalog Load()
    {
        const string resource = "ReportParser.Tables.Templates.templates.json";
        using var stream = typeof(TemplateCatalog).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        // Read through JsonDocument rather than the serializer: the serializer's metadata for these
        // records is built from generic types compiled at run time, a large part of start-up.
        using var json = JsonDocument.Parse(stream);
        var file = TemplateFile.From(json.RootElement);
        var tables = new List<TableTemplate>();
        foreach (var (name, template) in file.Templates)
        {
            tables.Add(Table2From(name, template.Table2));
            tables.Add(Table3From(name, template.Table3));
            tables.Add(Table4From(name, template.Table4));
        }

        return new TemplateCatalog(tables);
    }

    private static TableTemplate Table2From(string template, Table2Json json)
    {
        var rows = new List<TemplateRow>();
        var headers = new List<string>(json.HeaderLabels);
        foreach (var block in json.Blocks)
        {
            headers.Add(block.Label);
            var columns = block.Columns.Select(ColumnFrom).ToArray();
            rows.AddRange(block.Rows.Select(r => new TemplateRow(
                $"{block.Key}.{r.Key}", r.Label, "data", block.Key, r.After, r.Aliases, columns)));
        }

        var union = rows.SelectMany(r => r.Columns).DistinctBy(c => c.Key).ToArray();
        return new TableTemplate(Table2, template, rows, union, headers, [json.GridColumns]);
    }

    private static TableTemplate Table3From(string template, Table3Json json)
    {
        var columns = json.Columns.Select(ColumnFrom).ToArray();
        var rows = json.Rows.Select(r => new TemplateRow(r.Key, r.Label, r.Kind, r.Parent, r.After, r.Aliases, columns)).ToArray();
        return new TableTemplate(Table3, template, rows, columns, json.HeaderLabels, [json.GridColumns]);
    }

    private static TableTemplate Table4From(string template, Table4Json json)
    {
        var columns = json.Columns.Select(ColumnFrom).ToArray();
        var rows = json.Blocks.Select(b => new TemplateRow(b.Key, b.Label, "data", null, null, b.Aliases, columns)).ToArray();
        return new TableTemplate(Table4, template, rows, columns, json.HeaderLabels, json.GridColumns);
    }

    private static TemplateColumn ColumnFrom(ColumnJson c) => new(c.Key, c.Label, c.ValueType ?? "count", c.Aliases);

    // The file's records; From(element) reads them as the serializer would with snake_case names
    // (a missing property is null, or the parameter's default).
    private sealed record TemplateFile(Dictionary<string, TemplateJson> Templates)
    {
        public static TemplateFile From(JsonElement e)
        {
            var templates = new Dictionary<string, TemplateJson>();
            foreach (var property in e.GetProperty("templates").EnumerateObject())
            {
                templates[property.Name] = TemplateJson.From(property.Value);
            }

            return new TemplateFile(templates);
        }
    }

    private sealed record TemplateJson(Table2Json Table2, Table3Json Table3, Table4Json Table4)
    {
        public static TemplateJson From(JsonElement e) =>
            new(Table2Json.From(e.GetProperty("table2")), Table3Json.From(e.GetProperty("table3")), Table4Json.From(e.GetProperty("table4")));
    }

    private sealed record Table2Json(int GridColumns, string[] HeaderLabels, BlockJson[] Blocks)
    {
        public static Table2Json From(JsonElement e) =>
            new(Int(e, "grid_columns"), Strings(e, "header_labels")!, Array(e, "blocks", BlockJson.From)!);
    }

    private sealed record BlockJson(string Key, string Label, ColumnJson[] Columns, RowJson[] Rows)
    {
        public static BlockJson From(JsonElement e) =>
            new(String(e, "key")!, String(e, "label")!, Array(e, "columns", ColumnJson.From)!, Array(e, "rows", RowJson.From)!);
    }

    private sealed record Table3Json(int GridColumns, string[] HeaderLabels, ColumnJson[] Columns, RowJson[] Rows)
    {
        public static Table3Json From(JsonElement e) =>
            new(Int(e, "grid_columns"), Strings(e, "header_labels")!, Array(e, "columns", ColumnJson.From)!, Array(e, "rows", RowJson.From)!);
    }

    private sealed record Table4Json(int[] GridColumns, string[] HeaderLabels, RowJson[] Blocks, ColumnJson[] Columns)
    {
        public static Table4Json From(JsonElement e) =>
            new(Array(e, "grid_columns", v => v.GetInt32())!, Strings(e, "header_labels")!, Array(e, "blocks", RowJson.From)!, Array(e, "columns", ColumnJson.From)!);
    }

    private sealed record ColumnJson(string Key, string Label, string[] Aliases, string? ValueType)
    {
        public static ColumnJson From(JsonElement e) =>
            new(String(e, "key")!, String(e, "label")!, Strings(e, "aliases")!, String(e, "value_type"));
    }

    private sealed record RowJson(string Key, string Label, string[] Aliases, string Kind = "data", string? Parent = null, string? After = null)
    {
        public static RowJson From(JsonElement e) =>
            new(String(e, "key")!, String(e, "label")!, Strings(e, "aliases")!, e.TryGetProperty("kind", out var kind) ? kind.GetString()! : "data", String(e, "parent"), String(e, "after"));
    }

    private static string? String(JsonElement e, string name) => e.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static int Int(JsonElement e, string name) => e.TryGetProperty(name, out var value) ? value.GetInt32() : 0;

    private static string[]? Strings(JsonElement e, string name) => Array(e, name, v => v.GetString()!);

    private static T[]? Array<T>(JsonElement e, string name, Func<JsonElement, T> read)
    {
        if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var items = new T[value.GetArrayLength()];
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            items[i++] = read(item);
        }

        return items;
    }
}
