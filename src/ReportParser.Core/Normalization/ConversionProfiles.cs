using D = ReportParser.Normalization.OpenCcDictionaries;

namespace ReportParser.Normalization;

/// <summary>
/// The converters, each built on first use from the dictionaries it needs. The OpenCC profiles
/// follow OpenCC 1.4.2's data/config/*.json; the report profiles are what <c>auto</c> uses.
/// </summary>
internal static class ConversionProfiles
{
    private static readonly Lazy<DictionaryGroup> s_normalization = new(() => new([D.CompatibilityIdeographs]));
    private static readonly Lazy<DictionaryGroup> s_segmentation = new(() => new([D.TSPhrases]));

    // OpenCC's library (ConfigLoadOptions) includes dictionaries marked may_output_tofu by
    // default, and OpenCC's test cases expect it (樠→𣗊); the opencc command line leaves them out
    // unless --include-tofu-risk-dictionaries is given.
    private static readonly Lazy<DictionaryGroup> s_toSimplified = new(() => new([D.TSPhrases, D.TSCharactersExt, D.TSCharacters]));

    // The report profiles leave TSCharactersExt out: its targets are characters that common fonts
    // cannot show, and a report reader would rather see the Traditional character.
    private static readonly Lazy<DictionaryGroup> s_toSimplifiedNoTofu = new(() => new([D.TSPhrases, D.TSCharacters]));

    private static readonly Lazy<ChineseConverter> s_t2s = new(() =>
        new("t2s", s_normalization.Value, null, [s_toSimplified.Value]));

    private static readonly Lazy<ChineseConverter> s_tw2s = new(() =>
        new("tw2s", s_normalization.Value, s_segmentation.Value,
            [new([D.TWVariantsRevPhrases, D.TWVariantsRev]), s_toSimplified.Value]));

    private static readonly Lazy<ChineseConverter> s_tw2sp = new(() =>
        new("tw2sp", s_normalization.Value, s_segmentation.Value,
            [new([D.TWPhrasesRev, D.TWVariantsRevPhrases, D.TWVariantsRev]), s_toSimplified.Value]));

    private static readonly Lazy<ChineseConverter> s_hk2s = new(() =>
        new("hk2s", s_normalization.Value, s_segmentation.Value,
            [new([D.HKVariantsRevPhrases, D.HKVariantsRev]), s_toSimplified.Value]));

    // Generic (OpenCC-standard) Traditional: t2s without the tofu-risk table.
    private static readonly Lazy<ChineseConverter> s_reportGeneric = new(() =>
        new("report", s_normalization.Value, null, [s_toSimplifiedNoTofu.Value]));

    // Taiwan: tw2sp with the report phrase table (both of its files) in place of TWPhrasesRev. Segmentation also
    // knows the report phrases (a union, longest match), so a TSPhrases segment cannot cut
    // through one of them.
    private static readonly Lazy<ChineseConverter> s_reportTaiwan = new(() =>
        new("report-tw", s_normalization.Value, new([D.TSPhrases, D.ReportPhraseTable], union: true),
            [new([D.ReportPhraseTable, D.TWVariantsRevPhrases, D.TWVariantsRev]), s_toSimplifiedNoTofu.Value]));

    // Hong Kong: hk2s without the tofu-risk table.
    private static readonly Lazy<ChineseConverter> s_reportHongKong = new(() =>
        new("report-hk", s_normalization.Value, s_segmentation.Value,
            [new([D.HKVariantsRevPhrases, D.HKVariantsRev]), s_toSimplifiedNoTofu.Value]));

    /// <summary>The OpenCC converter of a fixed mode; null for <see cref="NormalizationMode.None"/> and <see cref="NormalizationMode.Auto"/>.</summary>
    public static ChineseConverter? ForMode(NormalizationMode mode) => mode switch
    {
        NormalizationMode.T2s => s_t2s.Value,
        NormalizationMode.Tw2s => s_tw2s.Value,
        NormalizationMode.Tw2sp => s_tw2sp.Value,
        NormalizationMode.Hk2s => s_hk2s.Value,
        _ => null,
    };

    /// <summary>
    /// Builds, ahead of use, the converters a run in <paramref name="mode"/> may need (in auto mode the
    /// three report profiles and the phrase table that tells the regions apart, Taiwan's first).
    /// A batch calls this on a spare thread while it lists its inputs.
    /// </summary>
    public static void Preload(NormalizationMode mode)
    {
        if (mode == NormalizationMode.Auto)
        {
            _ = D.ReportPhrases;
            _ = ForReport(ScriptDetector.Taiwan);
            _ = ForReport(null);
            _ = ForReport(ScriptDetector.HongKong);
        }
        else
        {
            _ = ForMode(mode);
        }
    }

    /// <summary>The converter <c>auto</c> uses for Traditional text of a region (null = generic).</summary>
    public static ChineseConverter ForReport(string? region) => region switch
    {
        ScriptDetector.Taiwan => s_reportTaiwan.Value,
        ScriptDetector.HongKong => s_reportHongKong.Value,
        _ => s_reportGeneric.Value,
    };
}
