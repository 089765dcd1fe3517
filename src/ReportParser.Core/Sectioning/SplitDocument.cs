using ReportParser.Model;
using ReportParser.Reading;

namespace ReportParser.Sectioning;

/// <summary>The sectioning stage's output: metadata, preamble and sections, each section with its source blocks.</summary>
internal sealed record SplitDocument(
    ReportMetadata Metadata,
    IReadOnlyList<SplitSection> Sections,
    IReadOnlyList<Block> Preamble,
    string? SourceUrl = null);

/// <summary>One statistics part (see <see cref="TablePartFinder"/>): the section key its title maps to, its heading and line, its blocks.</summary>
internal sealed record TablePart(string Key, string Heading, int Line, IReadOnlyList<Block> Blocks);

/// <summary>
/// A section's heading (number, heading as written, title, key, line) and the blocks it covers. For
/// a heading found inside a line, the blocks hold the line's fragment after the heading (same line
/// number), so later stages see only this section's text. Its text and subsections are rendered
/// once, when the document is assembled (<see cref="SectionText.Render"/>), since a section's table
/// cells leave its text only once its table has been reconstructed.
/// </summary>
/// <see cref="Heading"/> and <see cref="Title"/> are folded, as the stages match them; <see cref="ShownHeading"/> and
/// <see cref="ShownTitle"/> are the same as the report writes them (full widths kept), for the output.
internal sealed record SplitSection(int Number, string Heading, string Title, string? Key, int Line, IReadOnlyList<Block> Blocks)
{
    public string ShownHeading { get; init; } = Heading;

    public string ShownTitle { get; init; } = Title;
}
