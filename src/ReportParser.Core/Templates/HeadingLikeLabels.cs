namespace ReportParser.Templates;

/// <summary>
/// The 表三 row labels that read like headings and must never be taken for one: its top-level rows
/// (一、本年新收…, 三、本年度办理结果, 四、结转下年度继续办理) look like section headings, the rows under them
/// ((一)予以公开 … (七)总计) like subsections. Each row is given as the shortest of its forms (label
/// and aliases, folded for matching, ordinal dropped), so that a heading starting with any form of
/// the row starts with it.
/// </summary>
internal sealed class HeadingLikeLabels
{
    public HeadingLikeLabels(IReadOnlyList<TableTemplate> tables)
    {
        var rowStarts = new List<string>();
        var subStarts = new List<string>();
        foreach (var table in tables)
        {
            if (table.Table != TableKeys.Table3)
            {
                continue;
            }

            foreach (var row in table.Rows)
            {
                var parent = row.Parent is null ? null : table.Row(row.Parent);
                var list = row.Parent is null ? rowStarts : parent is { Parent: null } ? subStarts : null;
                string shortest = Shortest(row);
                if (list is not null && shortest.Length > 0 && !list.Contains(shortest))
                {
                    list.Add(shortest);
                }
            }
        }

        SectionStarts = rowStarts;
        SubsectionStarts = subStarts;
    }

    /// <summary>Starts of the 表三 rows that look like section headings (本年新收, 上年结转, 本年度办理结果, 结转下年).</summary>
    public IReadOnlyList<string> SectionStarts { get; }

    /// <summary>Starts of the 表三 rows that look like subsection headings (予以公开 … 其他处理, 总计).</summary>
    public IReadOnlyList<string> SubsectionStarts { get; }

    private static string Shortest(TemplateRow row)
    {
        string shortest = LabelText.MatchingCore(row.Label);
        foreach (string alias in row.Aliases)
        {
            string form = LabelText.MatchingCore(alias);
            if (form.Length > 0 && form.Length < shortest.Length)
            {
                shortest = form;
            }
        }

        return shortest;
    }
}
