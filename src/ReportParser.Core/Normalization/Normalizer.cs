using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Reading;

namespace ReportParser.Normalization;

/// <summary>Normalises the text blocks of a source: script conversion, width and whitespace folding. Line numbers survive.</summary>
internal sealed class Normalizer(ReportParserOptions options)
{
    public SourceText Normalize(SourceText source, DiagnosticBag bag, out NormalizationInfo info)
    {
        _ = bag;
        var blocks = new List<Block>(source.Blocks.Count);
        foreach (var block in source.Blocks)
        {
            blocks.Add(block switch
            {
                TextLine line => line with { Text = TextFold.FoldWidth(line.Text) },
                Grid grid => grid with
                {
                    Rows = grid.Rows.Select(r => (IReadOnlyList<GridCell>)r.Select(c => c with { Text = TextFold.FoldWidth(c.Text) }).ToArray()).ToArray(),
                },
                _ => block,
            });
        }

        info = new NormalizationInfo(options.Mode.ToString().ToLowerInvariant(), "unknown", null, 0);
        return source with { Blocks = blocks };
    }
}
