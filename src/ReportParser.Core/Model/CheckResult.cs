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
}

public static class CheckStatus
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string NotAssessable = "not_assessable";
}
