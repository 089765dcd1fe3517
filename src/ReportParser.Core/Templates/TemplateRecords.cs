namespace ReportParser.Templates;

/// <summary>A column of a template table. <see cref="ValueType"/>: count, signed_count, money, money_unspecified_unit.</summary>
internal sealed record TemplateColumn(string Key, string Label, string ValueType, IReadOnlyList<string> Aliases)
{
    /// <summary>The header the official form prints over a run of columns this one belongs to (表三's 法人或其他组织), or null.</summary>
    public string? Group { get; init; }
}

/// <summary>
/// A row of a template table. For 表二 the key is <c>block.row</c> and <see cref="Columns"/> are the block's;
/// for 表四 the rows are its three blocks. <see cref="After"/> names a group the row must follow (for labels
/// as short as 其他, which would otherwise match the column header). <see cref="ShortLabel"/> names the row
/// where a person reads it (check messages, spreadsheets) when the printed label is long; 表二's rows carry
/// their block's label in it (第二十条第（一）项 规章).
/// </summary>
internal sealed record TemplateRow(
    string Key,
    string Label,
    string Kind,
    string? Parent,
    string? After,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<TemplateColumn> Columns,
    string? ShortLabel = null)
{
    public bool IsData => Kind == "data";

    /// <summary>The row's name in text a person reads: <see cref="ShortLabel"/>, or the printed label.</summary>
    public string Name => ShortLabel ?? Label;
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
    /// <summary>The header the official form prints over all value columns (表三's 申请人情况), or null.</summary>
    public string? ColumnsHeading { get; init; }

    // Computed once per template (every document's checks and builders ask for them). A key names
    // one row; should two rows share one, the first is the one found, as a search in order would.
    private readonly Dictionary<string, TemplateRow> _rowsByKey = IndexByKey(Rows);

    public IReadOnlyList<TemplateRow> DataRows { get; } = [.. Rows.Where(r => r.IsData)];

    /// <summary>The outcome rows that （七）总计 totals: the data rows under 三、本年度办理结果 (表三 only).</summary>
    public IReadOnlyList<TemplateRow> ResultLeaves { get; } = ComputeResultLeaves(Rows);

    // Built on first use (every checked table and every split asks); a race builds equal rules twice.
    private TableRules? _rules;

    public TemplateRow? Row(string key) => _rowsByKey.GetValueOrDefault(key);

    /// <summary>A row's name in text a person reads (<see cref="TemplateRow.Name"/>); the key itself for a row the template lacks.</summary>
    public string RowName(string key) => Row(key)?.Name ?? key;

    /// <summary>A column's printed label; the key itself for a column the template lacks.</summary>
    public string ColumnName(string key)
    {
        foreach (var column in Columns)
        {
            if (column.Key == key)
            {
                return column.Label;
            }
        }

        return key;
    }

    /// <summary>The 勾稽 rules of this table (<see cref="TableRules"/>).</summary>
    public TableRules Rules => _rules ??= TableRules.For(this);

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

/// <summary>
/// One edition of the report format (gov2019, gov2021): its name, the first report year it applies
/// to, and the labels only it prints (its signals for content-based detection, spec §8).
/// </summary>
internal sealed record TemplateEdition(string Name, int FirstYear, IReadOnlyList<string> Signals);

/// <summary>The 表三 row keys the 勾稽 rules name (spec §7).</summary>
internal static class Table3Keys
{
    public const string NewReceived = "new_received";
    public const string CarriedOver = "carried_over";
    public const string Results = "results";
    public const string ResultsTotal = "results_total";
    public const string CarriedForward = "carried_forward";

    /// <summary>Groups whose subtotal rows some reports add (T3_SUBTOTAL_IF_PRESENT).</summary>
    public static readonly string[] SubtotalGroups = ["denied", "unable", "not_processed", "other"];
}
