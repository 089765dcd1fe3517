using System.Text.Json.Serialization;

namespace ReportParser.Model;

/// <summary>A reconstructed statistics table (表二, 表三 or 表四).</summary>
public sealed record StatTable
{
    /// <summary><c>table2</c>, <c>table3</c> or <c>table4</c>.</summary>
    public required string Key { get; init; }
    /// <summary>Number of the section the table sits in (2, 3, 4).</summary>
    public int Section { get; init; }
    public required string Template { get; init; }
    /// <summary><c>complete</c>, <c>partial</c> or <c>absent</c>.</summary>
    public required string Status { get; init; }
    public int? Line { get; init; }
    public IReadOnlyList<TableColumn> Columns { get; init; } = [];
    public IReadOnlyList<TableRow> Rows { get; init; } = [];

    /// <summary>Rows found in the source that the template does not have (provincial extensions), kept verbatim.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TableRow>? ExtraRows { get; init; }
}

public static class TableStatus
{
    public const string Complete = "complete";
    public const string Partial = "partial";
    public const string Absent = "absent";
}

public sealed record TableColumn(string Key, string Label);

public sealed record TableRow
{
    public required string Key { get; init; }
    public required string Label { get; init; }
    public int? Line { get; init; }
    /// <summary>Cell values by column key; null for blank, placeholder or uncertain cells.</summary>
    public IReadOnlyDictionary<string, decimal?> Values { get; init; } = CellValues.Empty;
    /// <summary>Source text of every cell whose text is not exactly its number.</summary>
    public IReadOnlyDictionary<string, string> Raw { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
