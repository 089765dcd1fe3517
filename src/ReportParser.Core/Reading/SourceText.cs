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
    PageMetadata? Page = null);

/// <summary>What an HTML page says about itself (title element, meta tags, info boxes).</summary>
internal sealed record PageMetadata(string? Title, IReadOnlyDictionary<string, string> Meta);
