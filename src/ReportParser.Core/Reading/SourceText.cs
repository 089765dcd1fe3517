namespace ReportParser.Reading;

/// <summary>A decoded input: an ordered list of blocks, each carrying its 1-based source line.</summary>
internal sealed record SourceText(
    string Name,
    string Format,
    string? EncodingName,
    long Bytes,
    string Sha256,
    IReadOnlyList<Block> Blocks,
    PageMetadata? Page = null);

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

/// <summary>What an HTML page says about itself (title element, meta tags, info boxes).</summary>
internal sealed record PageMetadata(string? Title, IReadOnlyDictionary<string, string> Meta);
