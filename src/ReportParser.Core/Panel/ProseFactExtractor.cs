using System.Globalization;
using System.Text.RegularExpressions;
using ReportParser.Model;
using ReportParser.Templates;
using ReportParser.Text;

namespace ReportParser.Panel;

/// <summary>
/// Finds the numeric statements of a report's prose that name a table quantity
/// (<see cref="ProseFactPatterns"/>), each with its sentence and line. A number that two phrases claim is
/// given to the longer (more specific) phrase; when two phrases of equal length name different cells the
/// number is left out, and so is every number of a sentence that speaks of another year than the
/// report's (2020年收到申请5件 in a 2021 report) — a wrong mapping is worse than none.
/// </summary>
internal sealed partial class ProseFactExtractor
{
    /// <summary>The first characters of the units the phrases of <see cref="ProseFactPatterns"/> end in (件 起 %, 条 for applications, 元 and 万元 for legacy fees), in both widths.</summary>
    private const string Units = "件起条%％元万";

    public IReadOnlyList<ProseFact> Extract(ReportDocument document)
    {
        var facts = new List<ProseFact>();
        int? year = document.Metadata?.ReportYear;
        // A 2008–2018 report states the quantities of its own table (legacy_stats), not the national tables'.
        var patterns = document.Metadata?.Template == TemplateNames.Legacy ? ProseFactPatterns.Legacy : ProseFactPatterns.All;
        if (document.Preamble is { } preamble)
        {
            Read(preamble, null, year, patterns, facts);
        }

        foreach (var section in document.Sections ?? [])
        {
            Read(section.Text, section.Line, year, patterns, facts);
            foreach (var sub in section.Subsections)
            {
                Read(sub.Heading + sub.Text, sub.Line, year, patterns, facts);
            }
        }

        return facts;
    }

    private static void Read(string text, int? line, int? year, IReadOnlyList<ProseFactPattern> patterns, List<ProseFact> facts)
    {
        foreach (var range in Sentences.Ranges(text))
        {
            // Cheapest first, before the sentence is made a string: every phrase ends in a number and its unit.
            if (!HasNumberWithUnit(text.AsSpan()[range]))
            {
                continue;
            }

            string sentence = text[range];
            string folded = TextFold.ForMatching(sentence);
            if (OtherYear(folded, year))
            {
                continue;
            }

            // The number's position → the best phrase claiming it (longest match), or a tie between cells.
            var claims = new Dictionary<int, (ProseFactPattern Pattern, Match Match, bool Tied)>();
            foreach (var pattern in patterns)
            {
                if (pattern.Cell == ProseFactPatterns.CompletionRate && !MentionsApplications(folded))
                {
                    continue;
                }

                foreach (Match m in pattern.Expression.Matches(folded))
                {
                    int at = m.Groups["n"].Index;
                    if (!claims.TryGetValue(at, out var best) || m.Length > best.Match.Length)
                    {
                        claims[at] = (pattern, m, false);
                    }
                    else if (m.Length == best.Match.Length && pattern.Cell != best.Pattern.Cell)
                    {
                        claims[at] = best with { Tied = true };
                    }
                }
            }

            var positions = new List<int>(claims.Keys);
            positions.Sort();
            foreach (int at in positions)
            {
                var (pattern, match, tied) = claims[at];
                if (!tied && decimal.TryParse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
                {
                    facts.Add(new ProseFact(sentence, line, value, match.Groups["u"].Value, pattern.Cell) { Rule = pattern.Rule });
                }
            }
        }
    }

    /// <summary>Whether a digit (either width) is followed, past white space, by one of the units the phrases end in.</summary>
    private static bool HasNumberWithUnit(ReadOnlySpan<char> sentence)
    {
        for (int i = 0; i < sentence.Length; i++)
        {
            if (char.IsAsciiDigit(sentence[i]) || sentence[i] is >= '０' and <= '９')
            {
                int next = i + 1;
                while (next < sentence.Length && char.IsWhiteSpace(sentence[next]))
                {
                    next++;
                }

                if (next < sentence.Length && Units.Contains(sentence[next]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool MentionsApplications(string folded)
    {
        foreach (string word in ProseFactPatterns.ApplicationWords)
        {
            if (folded.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the sentence names a year (<c>2020年</c>) other than the report's.</summary>
    private static bool OtherYear(string folded, int? year)
    {
        foreach (Match m in YearExpression().Matches(folded))
        {
            if (year is null || int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) != year)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("(?<![0-9])((?:19|20)[0-9]{2})年")]
    private static partial Regex YearExpression();
}
