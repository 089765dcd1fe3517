using System.Security.Cryptography;
using ReportParser.Model;
using ReportParser.Output;
using ReportParser.Templates;
using NormalizationMode = ReportParser.NormalizationMode;

namespace ReportParser.Cli;

/// <summary>
/// Loads, on a thread-pool thread, what every parse needs but the first input reaches only later:
/// OpenSSL (for the SHA-256), the table templates, the prose-fact phrases and the JSON writer. A one-report run spends most of
/// its time loading code; this overlaps some of it with the argument parsing and the reading,
/// normalising and splitting on the main thread (a seed end to end: 77 → 64 ms wall, same CPU).
/// Nothing it does is observable: a failure here shows up again, and is reported, where the work is
/// really done.
/// </summary>
internal static class StartupWarmup
{
    public static void Start() => ThreadPool.UnsafeQueueUserWorkItem(static _ => Run(Warm), null);

    /// <summary>
    /// For a run of many inputs: builds the script converters on another pool thread, while the main
    /// thread lists the inputs, instead of on the first worker that meets Traditional text (the
    /// others wait for it). Costs a one-report run nothing: it is not called there.
    /// </summary>
    public static void StartConverters(NormalizationMode mode) =>
        ThreadPool.UnsafeQueueUserWorkItem(static m => Run(() => ReportParser.Normalization.ConversionProfiles.Preload((NormalizationMode)m!)), mode);

    private static void Run(Action warm)
    {
        try
        {
            warm();
        }
        catch (Exception)
        {
            // Left to the real work to report.
        }
    }

    internal static void Warm()
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData([], hash);
        _ = TemplateCatalog.Default;
        // The prose-fact phrases: their expressions are built, and the regex interpreter compiled, off the main thread.
        _ = ProseFactPatterns.All[0].Expression.IsMatch("收到申请1件");
        JsonReportWriter.SerializeLineToUtf8(new ReportDocument { Source = new SourceInfo("-", "text", "utf-8", 0, "") }, indented: true);
    }
}
