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

    /// <summary>
    /// Write text width-folded (full-width punctuation, letters and digits as ASCII, U+3000 as a
    /// space), as the stages match it. Off by default: the output keeps the report's own characters.
    /// </summary>
    public bool FoldWidth { get; init; }
}

/// <summary>
/// The modes' names as the CLI and the output spell them. A switch rather than <c>Enum.Parse</c> or
/// <c>ToString</c>: the first use of those builds the runtime's reflection caches, a few milliseconds
/// of a one-report run.
/// </summary>
internal static class NormalizationModeNames
{
    /// <summary>Every mode's name, in the order of <see cref="NormalizationMode"/>: the one list the command line offers.</summary>
    public static readonly string[] All = ["auto", "t2s", "tw2s", "tw2sp", "hk2s", "none"];

    public static string Of(NormalizationMode mode) =>
        (uint)mode < (uint)All.Length ? All[(int)mode] : throw new ArgumentOutOfRangeException(nameof(mode), mode, null);

    /// <summary>The mode named <paramref name="name"/> (any case); throws for an unknown name.</summary>
    public static NormalizationMode Parse(string name)
    {
        int at = Array.IndexOf(All, name.ToLowerInvariant());
        return at >= 0 ? (NormalizationMode)at : throw new ArgumentException($"unknown normalisation mode '{name}'", nameof(name));
    }
}
