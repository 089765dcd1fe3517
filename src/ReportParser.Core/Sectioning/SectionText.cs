using System.Text;
using ReportParser.Model;
using ReportParser.Reading;
using ReportParser.Text;

namespace ReportParser.Sectioning;

/// <summary>Renders the text of a section (and of the preamble) from its blocks, as the JSON shows it.</summary>
internal static class SectionText
{
    private static readonly HeadingFinder Finder = new();

    /// <summary>
    /// The text of blocks as the section text shows it: chrome and padding left out, trailing pipes
    /// removed. With <paramref name="dropTableCells"/>, flattened table cells ("16 |") are left out
    /// too: the pipeline asks for that once the section's table has been reconstructed, so the
    /// numbers live in <c>tables</c> and are not lost when a table cannot be read.
    /// </summary>
    public static string TextOf(IEnumerable<Block> blocks, bool dropTableCells = false)
    {
        // One builder per thread, reused: every section and subsection text is built here.
        var sb = t_text ?? new StringBuilder(4096);
        t_text = null;
        sb.Clear();
        foreach (var block in blocks)
        {
            if (block is not TextLine line || ChromeFilter.IsChrome(line.Text) || (dropTableCells && FlattenedCell.Is(line.Text)))
            {
                continue;
            }

            // The range is found on the folded text and taken from the text as written: the two align.
            var (start, end) = Kept(line.Text);
            if (end == start)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(line.Display, start, end - start);
        }

        string result = sb.ToString();
        if (sb.Capacity <= MaxKeptBuilder)
        {
            t_text = sb;
        }

        return result;
    }

    /// <summary>The range of a line the text shows: without trailing pipes and surrounding white space.</summary>
    private static (int Start, int End) Kept(string text)
    {
        int end = ChromeFilter.WithoutTrailingPipes(text).Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        int start = 0;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return (start, end);
    }

    private const int MaxKeptBuilder = 1 << 16;

    [ThreadStatic]
    private static StringBuilder? t_text;

    /// <summary>The section with its text and subsections, rendered from its blocks.</summary>
    public static Section Render(SplitSection section, bool dropTableCells)
    {
        var body = section.Blocks;
        var bodyLines = body.Select(b => b is TextLine t && !ChromeFilter.IsChrome(t.Text) ? t.Text : null).ToArray();
        var subs = Finder.FindSubsections(bodyLines);
        var (intro, subBodies) = SectionSplitter.Partition(body, subs);
        var subsections = subs.Select((sub, s) =>
        {
            var block = body[sub.LineIndex];
            return new Subsection(sub.Number, ShownOf(block, sub.Heading), ShownOf(block, sub.Title), block.Line, TextOf(subBodies[s], dropTableCells));
        }).ToArray();
        return new Section(section.Number, section.ShownHeading, section.ShownTitle, section.Key, section.Line, TextOf(intro, dropTableCells), subsections)
        {
            OriginalText = OriginalOf(body),
        };
    }

    /// <summary>A heading or title found in a line's folded text, as the line writes it.</summary>
    private static string ShownOf(Block block, string part) => block is TextLine line ? line.ShownOf(part) : part;

    /// <summary>The unconverted source lines of a body, when the normaliser kept any (--keep-original); else null.</summary>
    private static string? OriginalOf(IReadOnlyList<Block> body)
    {
        if (!body.Any(b => b is TextLine { Original: not null }))
        {
            return null;
        }

        var lines = new List<string>();
        int lastLine = -1;
        foreach (var line in body.OfType<TextLine>())
        {
            // A fragment of a line split at an inline heading carries the whole original line once.
            if (line.Line == lastLine && line.Original is not null)
            {
                continue;
            }

            lastLine = line.Line;
            string text = line.Original ?? line.Text;
            if (!ChromeFilter.IsChrome(text) && text.Trim().Length > 0)
            {
                lines.Add(ChromeFilter.StripTrailingPipes(text).Trim());
            }
        }

        return string.Join('\n', lines);
    }
}
