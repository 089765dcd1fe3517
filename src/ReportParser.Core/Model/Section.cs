namespace ReportParser.Model;

/// <summary>A top-level section (一、二、…) of the report.</summary>
public sealed record Section(
    int Number,
    string Heading,
    string Title,
    string? Key,
    int Line,
    string Text,
    IReadOnlyList<Subsection> Subsections)
{
    /// <summary>
    /// With --keep-original, when normalisation changed the section: the source lines the section
    /// covers, before conversion (whole lines, so a line holding two inline headings appears in both).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? OriginalText { get; init; }
}

/// <summary>A (一)(二)… subsection inside a section.</summary>
public sealed record Subsection(int Number, string Heading, string Title, int Line, string Text);
