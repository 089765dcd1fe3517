using System.Text.Json.Serialization;

namespace ReportParser.Model;

/// <summary>The outcome of one 勾稽 rule on one row, column or block.</summary>
public sealed record CheckResult
{
    public required string Rule { get; init; }
    public required string Table { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Row { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Column { get; init; }

    /// <summary><c>pass</c>, <c>fail</c> or <c>not_assessable</c>.</summary>
    public required string Status { get; init; }
    public required string Message { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Line { get; init; }

    /// <summary>
    /// Of a failed equation, the cells it read, left side first; of one that could not be assessed, its
    /// blank or missing cells. So a program need not parse <see cref="Message"/>. Null for a pass and for the cell rules.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CheckOperand>? Operands { get; init; }

    /// <summary>Of a failed equation: the left side's sum minus the right side's.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Difference { get; init; }
}

/// <summary>One cell an equation read: its side (<c>left</c> or <c>right</c> of the =), row and column keys, and value (null when blank or missing).</summary>
public sealed record CheckOperand(string Side, string Row, string Column, decimal? Value);

public static class CheckStatus
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string NotAssessable = "not_assessable";
}
