using System.Text.Json;

namespace ReportParser.Templates;

/// <summary>
/// Reads a templates document (the embedded <c>Templates/templates.json</c>, or one a caller gives)
/// into the editions and the table templates of each: 表二's blocks become rows <c>block.row</c>,
/// 表四's blocks its rows.
/// </summary>
internal sealed record TemplateFile(IReadOnlyList<TemplateEdition> Editions, IReadOnlyList<TableTemplate> Tables)
{
    /// <summary>The logical name of the embedded templates document.</summary>
    public const string ResourceName = "ReportParser.Templates.templates.json";

    /// <summary>The embedded templates document.</summary>
    public static TemplateFile ReadEmbedded()
    {
        using var stream = typeof(TemplateFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        return Read(stream);
    }

    /// <summary>A templates document in the format of <c>templates.json</c>.</summary>
    public static TemplateFile Read(Stream stream)
    {
        // Read through JsonDocument rather than the serializer: the serializer's metadata for these
        // records is built from generic types compiled at run time, a large part of start-up.
        using var json = JsonDocument.Parse(stream);
        var editions = new List<TemplateEdition>();
        var tables = new List<TableTemplate>();
        foreach (var property in json.RootElement.GetProperty("templates").EnumerateObject())
        {
            string name = property.Name;
            var template = TemplateJson.From(property.Value);
            editions.Add(new TemplateEdition(name, template.FirstYear, template.Signals));
            tables.Add(Table2From(name, template.Table2));
            tables.Add(Table3From(name, template.Table3));
            tables.Add(Table4From(name, template.Table4));
        }

        return new TemplateFile(editions, tables);
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
                $"{block.Key}.{r.Key}", r.Label, "data", block.Key, r.After, r.Aliases, columns, $"{block.Label} {r.ShortLabel ?? r.Label}")));
        }

        var union = rows.SelectMany(r => r.Columns).DistinctBy(c => c.Key).ToArray();
        return new TableTemplate(TableKeys.Table2, template, rows, union, headers, [json.GridColumns]);
    }

    private static TableTemplate Table3From(string template, Table3Json json)
    {
        var columns = json.Columns.Select(ColumnFrom).ToArray();
        var rows = json.Rows.Select(r => new TemplateRow(r.Key, r.Label, r.Kind, r.Parent, r.After, r.Aliases, columns, r.ShortLabel)).ToArray();
        return new TableTemplate(TableKeys.Table3, template, rows, columns, json.HeaderLabels, [json.GridColumns]) { ColumnsHeading = json.ColumnsHeading };
    }

    private static TableTemplate Table4From(string template, Table4Json json)
    {
        var columns = json.Columns.Select(ColumnFrom).ToArray();
        var rows = json.Blocks.Select(b => new TemplateRow(b.Key, b.Label, "data", null, null, b.Aliases, columns, b.ShortLabel)).ToArray();
        return new TableTemplate(TableKeys.Table4, template, rows, columns, json.HeaderLabels, json.GridColumns);
    }

    private static TemplateColumn ColumnFrom(ColumnJson c) => new(c.Key, c.Label, c.ValueType ?? "count", c.Aliases) { Group = c.Group };

    // The file's records; From(element) reads them as the serializer would with snake_case names
    // (a missing property is null, or the parameter's default).
    private sealed record TemplateJson(int FirstYear, string[] Signals, Table2Json Table2, Table3Json Table3, Table4Json Table4)
    {
        public static TemplateJson From(JsonElement e) =>
            new(Int(e, "first_year"), Strings(e, "signals") ?? [],
                Table2Json.From(e.GetProperty("table2")), Table3Json.From(e.GetProperty("table3")), Table4Json.From(e.GetProperty("table4")));
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

    private sealed record Table3Json(int GridColumns, string[] HeaderLabels, ColumnJson[] Columns, RowJson[] Rows, string? ColumnsHeading)
    {
        public static Table3Json From(JsonElement e) =>
            new(Int(e, "grid_columns"), Strings(e, "header_labels")!, Array(e, "columns", ColumnJson.From)!, Array(e, "rows", RowJson.From)!, String(e, "columns_heading"));
    }

    private sealed record Table4Json(int[] GridColumns, string[] HeaderLabels, RowJson[] Blocks, ColumnJson[] Columns)
    {
        public static Table4Json From(JsonElement e) =>
            new(Array(e, "grid_columns", v => v.GetInt32())!, Strings(e, "header_labels")!, Array(e, "blocks", RowJson.From)!, Array(e, "columns", ColumnJson.From)!);
    }

    private sealed record ColumnJson(string Key, string Label, string[] Aliases, string? ValueType, string? Group)
    {
        public static ColumnJson From(JsonElement e) =>
            new(String(e, "key")!, String(e, "label")!, Strings(e, "aliases")!, String(e, "value_type"), String(e, "group"));
    }

    private sealed record RowJson(string Key, string Label, string[] Aliases, string Kind = "data", string? Parent = null, string? After = null, string? ShortLabel = null)
    {
        public static RowJson From(JsonElement e) =>
            new(String(e, "key")!, String(e, "label")!, Strings(e, "aliases")!, e.TryGetProperty("kind", out var kind) ? kind.GetString()! : "data", String(e, "parent"), String(e, "after"), String(e, "short_label"));
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
