using System.Text.Json.Serialization;

namespace ReportParser.Model;

/// <summary>
/// The statistics table of a report written under the 2008 regulations (2008–2018): indicator rows
/// with a unit and one value per declared column (本年, 历年累计…). There was no national form, so
/// rows keep the report's own label beside the canonical key the catalogue gives (null when none).
/// </summary>
public sealed record LegacyStats
{
    /// <summary>Source line where the table starts (its header, or its first row).</summary>
    public int? Line { get; init; }

    /// <summary>The value columns as the table's header names them (<c>2013年度</c>, <c>历年累计</c>); <c>本年</c> when it names none.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    public IReadOnlyList<LegacyRow> Rows { get; init; } = [];
}

/// <summary>One indicator row of a <see cref="LegacyStats"/> table.</summary>
public sealed record LegacyRow
{
    /// <summary>The canonical indicator key (<c>proactive.total</c>, <c>requests.received</c>…), or null when the label matches none.</summary>
    public string? Key { get; init; }

    /// <summary>The label as the report writes it, without its item number.</summary>
    public required string Label { get; init; }

    /// <summary>The label as it was matched (white space, 其中, ordinals and punctuation removed).</summary>
    public required string NormalizedLabel { get; init; }

    /// <summary>The unit (计量单位) printed with the row, or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Unit { get; init; }

    /// <summary>Index in <see cref="LegacyStats.Rows"/> of the row this one is a 其中 part of; null for a top-level row.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Parent { get; init; }

    /// <summary>One value per column; null where the cell is blank or its digits could not be told apart.</summary>
    public IReadOnlyList<decimal?> Values { get; init; } = [];

    /// <summary>The row's value text as the source has it.</summary>
    public required string Raw { get; init; }

    public int? Line { get; init; }
}
