namespace ReportParser;

/// <summary>Script conversion mode of the normaliser.</summary>
public enum NormalizationMode
{
    /// <summary>Detect the script; convert Traditional text to Simplified with report-aware phrasing.</summary>
    Auto,
    /// <summary>OpenCC <c>t2s</c>.</summary>
    T2s,
    /// <summary>OpenCC <c>tw2s</c>.</summary>
    Tw2s,
    /// <summary>OpenCC <c>tw2sp</c>.</summary>
    Tw2sp,
    /// <summary>OpenCC <c>hk2s</c>.</summary>
    Hk2s,
    /// <summary>No script conversion.</summary>
    None,
}

/// <summary>Immutable settings for <see cref="ReportPipeline"/>; build once, reuse for every document.</summary>
public sealed record ReportParserOptions
{
    public static ReportParserOptions Default { get; } = new();

    public NormalizationMode Mode { get; init; } = NormalizationMode.Auto;

    /// <summary>Inputs larger than this are rejected with an error record (default 64 MB).</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Keep the unconverted text of each section beside the converted one.</summary>
    public bool KeepOriginal { get; init; }
}
