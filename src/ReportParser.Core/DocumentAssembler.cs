using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Sectioning;

namespace ReportParser;

/// <summary>
/// Puts the stages' values together into the document: the one place where the final
/// <see cref="ReportDocument"/> is made. Section texts are rendered here, once the tables are known:
/// a section's flattened table cells leave its text only when its table was reconstructed, so an
/// unreadable table still leaves its numbers in the text.
/// </summary>
internal static class DocumentAssembler
{
    public static ReportDocument Assemble(SourceInfo source, NormalizationInfo normalization, SplitDocument split,
        IReadOnlyList<StatTable> tables, IReadOnlyList<CheckResult> checks, DiagnosticBag bag)
    {
        var sections = new Section[split.Sections.Count];
        for (int i = 0; i < sections.Length; i++)
        {
            var section = split.Sections[i];
            sections[i] = SectionText.Render(section, dropTableCells: HasTable(tables, section.Number));
        }

        return new ReportDocument
        {
            Source = split.SourceUrl is null ? source : source with { Url = split.SourceUrl },
            Normalization = normalization,
            Metadata = split.Metadata,
            Preamble = SectionText.TextOf(split.Preamble),
            Sections = sections,
            Tables = WrittenTables.Restore(tables, split),
            Checks = checks,
            Diagnostics = bag.ToSortedList(),
        };
    }

    private static bool HasTable(IReadOnlyList<StatTable> tables, int section)
    {
        foreach (var table in tables)
        {
            if (table.Section == section && table.Status != TableStatus.Absent)
            {
                return true;
            }
        }

        return false;
    }
}
