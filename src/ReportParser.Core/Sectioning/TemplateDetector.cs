using System.Buffers;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Normalization;
using ReportParser.Reading;

namespace ReportParser.Sectioning;

/// <summary>
/// Decides the report template from content signals (spec §8), with the report year as a prior only.
/// </summary>
internal sealed class TemplateDetector
{
    private static readonly string[] Gov2021Signals =
        ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "逾期不补正", "逾期未按收费通知"];

    private static readonly string[] Gov2019Signals =
        ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "第二十条第(九)项", "采购总金额"];

    private static readonly string[] TableThreeSignals =
        ["本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "本年度办理结果", "结转下年度继续办理"];

    /// <summary>
    /// The first characters of the signals. Each is a CJK character, which folding keeps as it is and
    /// never makes out of another character: a line without any of them holds no signal once folded.
    /// </summary>
    internal static readonly SearchValues<char> SignalStarts =
        SearchValues.Create([.. Gov2021Signals.Concat(Gov2019Signals).Concat(TableThreeSignals).Select(s => s[0]).Distinct()]);

    internal static IEnumerable<string> Signals => Gov2021Signals.Concat(Gov2019Signals).Concat(TableThreeSignals);

    public string Detect(SourceText source, IReadOnlyList<SplitSection> sections, int? year, DiagnosticBag bag)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(FoldedLength(source));
        int new21, old19;
        bool tableThree;
        try
        {
            var text = buffer.AsSpan(0, FoldAll(source, buffer));
            new21 = CountIn(text, Gov2021Signals);
            old19 = CountIn(text, Gov2019Signals);
            tableThree = CountIn(text, TableThreeSignals) > 0;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        string? prior = year switch
        {
            null => null,
            <= 2018 => TemplateNames.Legacy,
            <= 2020 => TemplateNames.Gov2019,
            _ => TemplateNames.Gov2021,
        };

        string? byContent = null;
        if (new21 > 0 || old19 > 0)
        {
            byContent = new21 >= old19 ? TemplateNames.Gov2021 : TemplateNames.Gov2019;
        }
        else if (tableThree || HasGovSections(sections))
        {
            // The 2019 and 2021 templates share their sections and most of 表三: the year decides.
            byContent = year is >= 2021 ? TemplateNames.Gov2021 : year is >= 2019 ? TemplateNames.Gov2019 : null;
        }
        else if (sections.Count > 0)
        {
            byContent = TemplateNames.Legacy;
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
        bool applications = sections.Any(s => s.Section.Number == 3 && s.Section.Title.Contains("收到和处理", StringComparison.Ordinal));
        bool overview = sections.Any(s => s.Section.Number == 1 && s.Section.Title.Contains("总体情况", StringComparison.Ordinal));
        bool review = sections.Any(s => s.Section.Number == 4 && s.Section.Key == "review_litigation");
        return applications || (overview && review);
    }

    private static int CountIn(ReadOnlySpan<char> text, string[] signals)
    {
        int count = 0;
        foreach (string signal in signals)
        {
            count += text.IndexOf(signal, StringComparison.Ordinal) >= 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>An upper bound of the length of <see cref="FoldAll"/>'s text: folding never lengthens a line.</summary>
    private static int FoldedLength(SourceText source)
    {
        int length = 0;
        foreach (var block in source.Blocks)
        {
            switch (block)
            {
                case TextLine line:
                    length += line.Text.Length + 1;
                    break;
                case Grid grid:
                    foreach (var row in grid.Rows)
                    {
                        foreach (var cell in row)
                        {
                            length += cell.Text.Length + 1;
                        }
                    }

                    break;
            }
        }

        return length;
    }

    /// <summary>
    /// Every line and grid cell that may hold a signal folded for matching (<see cref="TextFold.ForMatching"/>),
    /// each followed by '\n', written into <paramref name="buffer"/> (no string of the whole document); returns the length.
    /// </summary>
    private static int FoldAll(SourceText source, char[] buffer)
    {
        int length = 0;
        foreach (var block in source.Blocks)
        {
            switch (block)
            {
                case TextLine line:
                    length = Append(line.Text, buffer, length);
                    break;
                case Grid grid:
                    foreach (var row in grid.Rows)
                    {
                        foreach (var cell in row)
                        {
                            length = Append(cell.Text, buffer, length);
                        }
                    }

                    break;
            }
        }

        return length;

        static int Append(string text, char[] buffer, int length)
        {
            if (text.AsSpan().IndexOfAny(SignalStarts) < 0)
            {
                return length; // no signal can be in this line
            }

            foreach (char c in text)
            {
                char f = TextFold.FoldForMatching(c);
                if (f != '\0')
                {
                    buffer[length++] = f;
                }
            }

            buffer[length++] = '\n';
            return length;
        }
    }
}
