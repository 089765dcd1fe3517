using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Normalization;
using ReportParser.Reading;
using ReportParser.Templates;
using ReportParser.Text;

namespace ReportParser.Sectioning;

/// <summary>
/// Decides the report template from content signals (spec §8), with the report year as a prior only.
/// The signals and the year prior are the catalogue's (<see cref="TemplateSignals"/>, <see cref="YearPrior"/>);
/// this stage finds the signals in the text.
/// </summary>
internal sealed class TemplateDetector
{
    private static readonly TemplateCatalog Catalog = TemplateCatalog.Default;

    // The catalogue's signals: each edition's own, then the 表三 titles they share. An array: FindIn
    // reads it at every place a signal could start.
    private static readonly string[] AllSignals = [.. Catalog.Signals.All];

    /// <summary>
    /// The first characters of the signals. Each is a CJK character, which folding keeps as it is and
    /// never makes out of another character: a signal in a folded line starts where the line has its
    /// first character (see <see cref="FindSignals"/>).
    /// </summary>
    internal static readonly CharSet SignalStarts = new(ChromeFilter.FirstCharacters(AllSignals, ""));

    internal static IReadOnlyList<string> Signals => AllSignals;

    public string Detect(SourceText source, IReadOnlyList<SplitSection> sections, int? year, DiagnosticBag bag)
    {
        var found = FindSignals(source);
        string? prior = Catalog.Years.Prior(year);
        string? byContent = Catalog.Signals.Decide(found);
        if (byContent is null)
        {
            if (Catalog.Signals.SharedFound(found) || HasGovSections(sections))
            {
                // The editions share their sections and most of 表三: the year decides.
                byContent = Catalog.Years.Edition(year);
            }
            else if (sections.Count > 0)
            {
                byContent = TemplateNames.Legacy;
            }
        }

        if (byContent is not null && prior is not null && byContent != prior)
        {
            bag.Report(DiagnosticCodes.TemplateYearMismatch, $"report year {year} suggests {prior}, but the content follows {byContent}");
        }

        string result = byContent ?? prior ?? TemplateNames.Unknown;
        if (result == TemplateNames.Unknown)
        {
            bag.Report(DiagnosticCodes.UnknownTemplate, "no template signals (表二/表三 labels, section titles) and no report year");
        }

        return result;
    }

    /// <summary>The gov templates' distinctive section titles: 收到和处理政府信息公开申请情况 and 行政复议、行政诉讼 as section 四.</summary>
    private static bool HasGovSections(IReadOnlyList<SplitSection> sections)
    {
        bool applications = sections.Any(s => s.Number == 3 && s.Title.Contains("收到和处理", StringComparison.Ordinal));
        bool overview = sections.Any(s => s.Number == 1 && s.Title.Contains("总体情况", StringComparison.Ordinal));
        bool review = sections.Any(s => s.Number == 4 && s.Key == "review_litigation");
        return applications || (overview && review);
    }

    /// <summary>
    /// Which signals (by index in <see cref="AllSignals"/>) occur in a line or grid cell folded for matching
    /// (<see cref="TextFold.ForMatching"/>). A signal never spans two lines (it has no white space), and
    /// folding maps each character to one or none, so the signals are matched in the source text while
    /// folding it on the way, from each place that holds a signal's first character: no folded copy is made.
    /// </summary>
    private static bool[] FindSignals(SourceText source)
    {
        var found = new bool[AllSignals.Length];
        foreach (var block in source.Blocks)
        {
            switch (block)
            {
                case TextLine line:
                    FindIn(line.Text, found);
                    break;
                case Grid grid:
                    foreach (var row in grid.Rows)
                    {
                        foreach (var cell in row)
                        {
                            FindIn(cell.Text, found);
                        }
                    }

                    break;
            }
        }

        return found;
    }

    private static void FindIn(string text, bool[] found)
    {
        var rest = text.AsSpan();
        int at;
        while ((at = SignalStarts.IndexOfAny(rest)) >= 0)
        {
            rest = rest[at..];
            for (int i = 0; i < AllSignals.Length; i++)
            {
                if (!found[i] && AllSignals[i][0] == rest[0] && StartsFolded(rest, AllSignals[i]))
                {
                    found[i] = true;
                }
            }

            rest = rest[1..];
        }
    }

    /// <summary>Whether <paramref name="text"/>, folded for matching, starts with <paramref name="signal"/>.</summary>
    private static bool StartsFolded(ReadOnlySpan<char> text, string signal)
    {
        int matched = 0;
        for (int i = 0; i < text.Length && matched < signal.Length; i++)
        {
            char f = TextFold.FoldForMatching(text[i]);
            if (f == '\0')
            {
                continue;
            }

            if (f != signal[matched])
            {
                return false;
            }

            matched++;
        }

        return matched == signal.Length;
    }
}
