using System.Text.Json.Serialization;
using ReportParser.Diagnostics;

namespace ReportParser.Model;

/// <summary>One parsed report, or an error record for an input that could not be read.</summary>
public sealed record ReportDocument
{
    public int SchemaVersion { get; init; } = 1;
    public required SourceInfo Source { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public NormalizationInfo? Normalization { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReportMetadata? Metadata { get; init; }

    /// <summary>Text before the first section heading (introduction, contact details), chrome left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Preamble { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Section>? Sections { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<StatTable>? Tables { get; init; }

    /// <summary>The statistics table of a 2008–2018 report (<see cref="Model.LegacyStats"/>); null when the report has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LegacyStats? LegacyStats { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CheckResult>? Checks { get; init; }

    /// <summary>The prose's numeric statements that name a table quantity; left out when the prose states none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ProseFact>? Facts { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Set only when the input could not be read or is not a report at all.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ParseError? Error { get; init; }
}

/// <param name="Url">Where the page was fetched from, when the input says so (a crawler header's 原文链接); left out of the JSON when unknown.</param>
public sealed record SourceInfo(string Path, string Format, string? Encoding, long Bytes, string Sha256,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Url = null);

public sealed record NormalizationInfo(string Mode, string InputScript, string? RegionalVariant, int ConvertedChars);

public sealed record ReportMetadata
{
    public string? Title { get; init; }
    public string? Agency { get; init; }
    public int? ReportYear { get; init; }
    public string? IndexNumber { get; init; }
    public string? DocumentNumber { get; init; }
    public string? WrittenDate { get; init; }
    public string? PublishedDate { get; init; }
    public string Template { get; init; } = TemplateNames.Unknown;
}

public static class TemplateNames
{
    public const string Gov2021 = "gov2021";
    public const string Gov2019 = "gov2019";
    public const string Legacy = "legacy";
    public const string Unknown = "unknown";
}

public sealed record ParseError(string Code, string Message);
