namespace ReportParser.Model;

// The blocks a read document is made of. Reading makes them; Normalization, Sectioning and Tables
// read them, so they live with the model rather than in Reading.

/// <summary>A piece of the document in reading order.</summary>
internal abstract record Block(int Line);

/// <summary>
/// One line (text input) or one paragraph-like line (HTML input). <see cref="Original"/> is the
/// text before normalisation, kept only with --keep-original and only when it differs.
/// </summary>
internal sealed record TextLine(string Text, int Line, string? Original = null) : Block(Line);

/// <summary>A real table grid (HTML), spans expanded: every row has the same number of cells.</summary>
internal sealed record Grid(IReadOnlyList<IReadOnlyList<GridCell>> Rows, int Line) : Block(Line);

/// <summary>One grid cell. <see cref="IsSpanCopy"/> marks the copies made when a rowspan/colspan was expanded.</summary>
internal sealed record GridCell(string Text, int Line, bool IsSpanCopy = false);
