using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Reading;

namespace ReportParser.Sectioning;

/// <summary>Splits a normalised source into metadata, preamble and numbered sections.</summary>
internal sealed class SectionSplitter
{
    /// <summary>Returns null when the text is not an information-disclosure report at all.</summary>
    public SplitDocument? Split(SourceText source, DiagnosticBag bag)
    {
        _ = bag;
        return new SplitDocument(new ReportMetadata(), [], source.Blocks);
    }
}
