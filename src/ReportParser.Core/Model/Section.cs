namespace ReportParser.Model;

/// <summary>A top-level section (一、二、…) of the report.</summary>
public sealed record Section(
    int Number,
    string Heading,
    string Title,
    string? Key,
    int Line,
    string Text,
    IReadOnlyList<Subsection> Subsections);

/// <summary>A (一)(二)… subsection inside a section.</summary>
public sealed record Subsection(int Number, string Heading, string Title, int Line, string Text);
