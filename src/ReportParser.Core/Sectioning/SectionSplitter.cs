using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Normalization;
using ReportParser.Reading;
using ReportParser.Templates;
using ReportParser.Text;

namespace ReportParser.Sectioning;

/// <summary>Splits a normalised source into metadata, preamble and numbered sections with their subsections.</summary>
internal sealed class SectionSplitter
{
    private readonly HeadingFinder _finder = new();
    private readonly MetadataExtractor _metadata = new();

    /// <summary>Returns null when the text is not an information-disclosure report at all.</summary>
    public SplitDocument? Split(SourceText source, DiagnosticBag bag)
    {
        // A crawler's header block is read as metadata and stays, as it was, at the head of the
        // preamble (it is the file's own text); headings and chrome are looked for after it.
        var header = CrawlerHeader.Read(source.Blocks);
        int bodyStart = header?.BodyStart ?? 0;
        int firstLine = source.Blocks.Count > 0 ? source.Blocks[0].Line : 1;
        var cut = ChromeCutter.Cut(header is null ? source.Blocks : source.Blocks.Skip(bodyStart).ToList());
        source = source with { Blocks = header is null ? cut.Blocks : [.. source.Blocks.Take(bodyStart), .. cut.Blocks] };
        var blocks = source.Blocks;
        int chrome = 0;
        var lines = new string?[blocks.Count];
        for (int i = bodyStart; i < blocks.Count; i++)
        {
            if (blocks[i] is TextLine line)
            {
                if (ChromeFilter.IsChrome(line.Text))
                {
                    chrome++;
                }
                else
                {
                    lines[i] = line.Text;
                }
            }
        }

        var headings = _finder.FindSections(lines);
        if (headings.Count == 0 && !MentionsDisclosure(lines))
        {
            return null;
        }

        if (chrome > 0)
        {
            bag.Report(DiagnosticCodes.ChromeRemoved, $"{chrome} line(s) of site chrome or table padding left out of the section text");
        }

        ReportChromeCut(cut, bag);
        if (header is not null)
        {
            bag.Report(DiagnosticCodes.CrawlerHeaderRead,
                $"a crawler's header block of {header.Lines.Count} line(s) was read as metadata ({string.Join(", ", header.Fields.Keys)}); it heads the preamble as written, and the report's text starts after its separator",
                firstLine);
        }

        int inline = headings.Count(h => h.Inline);
        if (inline > 0)
        {
            bag.Report(DiagnosticCodes.InlineHeading,
                $"{inline} section heading(s) found inside a line: {string.Join(", ", headings.Where(h => h.Inline).Select(h => h.Heading))}",
                blocks[headings.First(h => h.Inline).LineIndex].Line);
        }

        var (preamble, bodies) = Partition(blocks, headings);
        var sections = new List<SplitSection>(headings.Count);
        for (int h = 0; h < headings.Count; h++)
        {
            var heading = headings[h];
            var block = blocks[heading.LineIndex];
            var line = block as TextLine;
            sections.Add(new SplitSection(heading.Number, heading.Heading, heading.Title, SectionCatalog.KeyFor(heading.Title), block.Line, bodies[h])
            {
                ShownHeading = line?.ShownOf(heading.Heading) ?? heading.Heading,
                ShownTitle = line?.ShownOf(heading.Title) ?? heading.Title,
            });
        }

        if (headings.Count == 0)
        {
            bag.Report(DiagnosticCodes.NoSections, "no numbered section headings (一、二、…) were found; the whole text is in the preamble");
        }

        ReportSequence(headings, blocks, bag);
        var metadata = _metadata.Extract(source, header?.Fields, preamble, sections, bag);
        ReportMissingSections(metadata.Template, sections, bag);
        return new SplitDocument(metadata, sections, preamble, header?.Fields.GetValueOrDefault("url"));
    }

    /// <summary>The blocks before the first heading, and the body after each heading up to the next.</summary>
    internal static (List<Block> Before, List<List<Block>> Bodies) Partition(IReadOnlyList<Block> blocks, IReadOnlyList<HeadingMatch> headings)
    {
        var before = headings.Count > 0 ? Slice(blocks, 0, 0, headings[0].LineIndex, headings[0].Start) : blocks.ToList();
        var bodies = new List<List<Block>>(headings.Count);
        for (int h = 0; h < headings.Count; h++)
        {
            bool last = h + 1 == headings.Count;
            bodies.Add(Slice(blocks, headings[h].LineIndex, headings[h].End,
                last ? blocks.Count : headings[h + 1].LineIndex, last ? 0 : headings[h + 1].Start));
        }

        return (before, bodies);
    }

    /// <summary>
    /// The blocks from (line <paramref name="fromLine"/>, char <paramref name="fromChar"/>) up to, not
    /// including, (line <paramref name="toLine"/>, char <paramref name="toChar"/>). Partial lines become
    /// fragments with the same line number. Chrome lines are kept as blocks: table padding lives there
    /// and the table stage needs it; the section text leaves them out.
    /// </summary>
    private static List<Block> Slice(IReadOnlyList<Block> blocks, int fromLine, int fromChar, int toLine, int toChar)
    {
        var result = new List<Block>(Math.Max(0, Math.Min(toLine, blocks.Count - 1) - fromLine + 1));
        for (int i = fromLine; i <= toLine && i < blocks.Count; i++)
        {
            int start = i == fromLine ? fromChar : 0;
            if (i == toLine && toChar <= start)
            {
                break;
            }

            if (blocks[i] is not TextLine line)
            {
                if (i < toLine)
                {
                    result.Add(blocks[i]);
                }

                continue;
            }

            int end = i == toLine ? toChar : line.Text.Length;
            if (start == 0 && end == line.Text.Length)
            {
                result.Add(line);
            }
            else if (end > start)
            {
                result.Add(line.Slice(start, end));
            }
        }

        return result;
    }

    /// <summary>
    /// Default largest number of characters that chrome spans may take out of a document's lines
    /// with only an info: past it, a warning says how much went and what it began with.
    /// </summary>
    public const int DefaultMaxSilentChromeCut = 120;

    private static void ReportChromeCut(ChromeCut cut, DiagnosticBag bag)
    {
        if (cut.Characters == 0)
        {
            return;
        }

        string message = $"{cut.Characters} character(s) of site chrome cut from inside lines in {cut.Spans.Count} span(s): "
            + string.Join(" | ", cut.Spans.Take(4)) + (cut.Spans.Count > 4 ? " | …" : "");
        bag.Report(cut.Characters > DefaultMaxSilentChromeCut ? DiagnosticCodes.ChromeCutLarge : DiagnosticCodes.ChromeRemoved, message);
    }

    private static bool MentionsDisclosure(IReadOnlyList<string?> lines)
    {
        foreach (string? line in lines)
        {
            if (line is null)
            {
                continue;
            }

            string folded = TextFold.ForMatching(line);
            if (folded.Contains("信息公开", StringComparison.Ordinal) || folded.Contains("政务公开", StringComparison.Ordinal)
                || folded.Contains("信息公開", StringComparison.Ordinal) || folded.Contains("政務公開", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void ReportSequence(IReadOnlyList<HeadingMatch> headings, IReadOnlyList<Block> blocks, DiagnosticBag bag)
    {
        for (int i = 0; i < headings.Count; i++)
        {
            int expected = i == 0 ? 1 : headings[i - 1].Number + 1;
            if (headings[i].Number != expected)
            {
                bag.Report(DiagnosticCodes.SectionOrder,
                    $"expected section {ChineseNumeral.Format(expected)}、 but found {headings[i].Heading}",
                    blocks[headings[i].LineIndex].Line);
            }
        }
    }

    private static void ReportMissingSections(string template, IReadOnlyList<SplitSection> sections, DiagnosticBag bag)
    {
        if (!TemplateCatalog.Default.Has(template) || sections.Count == 0)
        {
            return;
        }

        var keys = sections.Select(s => s.Key).ToHashSet();
        foreach (string key in SectionCatalog.GovKeys)
        {
            if (!keys.Contains(key))
            {
                int number = SectionCatalog.GovKeys.ToList().IndexOf(key) + 1;
                bag.Report(DiagnosticCodes.MissingSection,
                    $"the {template} template requires section {ChineseNumeral.Format(number)}、({key}) but no such heading was found");
            }
        }
    }
}
