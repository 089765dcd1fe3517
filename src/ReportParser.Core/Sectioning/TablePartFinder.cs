using ReportParser.Reading;
using ReportParser.Model;

namespace ReportParser.Sectioning;

/// <summary>
/// Statistics parts after a report's last section: an appendix (附件1：统计表) whose parts restart at
/// 一、 with the titles of the table sections ("一、主动公开政府信息情况", "二、收到和处理…"). Their blocks
/// stay in the last section's text; the table stage reads a table from its part when the table is
/// not in its own section (asked only then: most reports never need it).
/// </summary>
internal static class TablePartFinder
{
    private static readonly HeadingFinder Finder = new();

    /// <summary>The section keys whose parts hold a statistics table (表二, 表三, 表四).</summary>
    private static readonly string[] TableSectionKeys = ["active_disclosure", "applications", "review_litigation"];

    /// <summary>
    /// Headings that restart at 一、 inside the last section and carry the title of a table section:
    /// the parts of an appended statistics table. Other restarted numbering (an appended notice's
    /// 一、二、) is left alone.
    /// </summary>
    public static IReadOnlyList<TablePart> Find(IReadOnlyList<SplitSection> sections)
    {
        if (sections.Count == 0)
        {
            return [];
        }

        var body = sections[^1].Blocks;
        var lines = body.Select(b => b is TextLine t && !ChromeFilter.IsChrome(t.Text) ? t.Text : null).ToArray();
        var headings = Finder.FindSections(lines);
        if (headings.Count == 0)
        {
            return [];
        }

        var (_, bodies) = SectionSplitter.Partition(body, headings);
        var parts = new List<TablePart>();
        for (int h = 0; h < headings.Count; h++)
        {
            if (SectionCatalog.KeyFor(headings[h].Title) is { } key && TableSectionKeys.Contains(key))
            {
                parts.Add(new TablePart(key, headings[h].Heading, body[headings[h].LineIndex].Line, bodies[h]));
            }
        }

        return parts;
    }
}
