using ReportParser.Model;

namespace ReportParser.Reading;

/// <summary>A decoded input: an ordered list of blocks, each carrying its 1-based source line.</summary>
internal sealed record SourceText(
    string Name,
    string Format,
    string? EncodingName,
    long Bytes,
    string Sha256,
    IReadOnlyList<Block> Blocks,
    PageMetadata? Page = null)
{
    /// <summary>For a PDF: the first line number of each page (index 0 is page 1), so a line can be named by page; null otherwise.</summary>
    public int[]? PageFirstLines { get; init; }
}

/// <summary>What an HTML page says about itself (title element, meta tags, info boxes).</summary>
internal sealed record PageMetadata(string? Title, IReadOnlyDictionary<string, string> Meta);
