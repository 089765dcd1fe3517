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
/// A section with the blocks it covers. For a heading found inside a line, the blocks hold the
/// line's fragment after the heading (same line number), so later stages see only this section's text.
/// <see cref="Section"/> carries the heading only (number, title, key, line): its text and subsections
/// are rendered from the blocks by <see cref="SectionSplitter.Render"/> once the tables are known.
/// </summary>
internal sealed record SplitSection(Section Section, IReadOnlyList<Block> Blocks);
