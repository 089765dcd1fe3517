using System.Runtime.CompilerServices;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Reading;
using ReportParser.Text;

namespace ReportParser.Normalization;

/// <summary>The normalisation stage's value: the converted source and what the conversion did.</summary>
internal sealed record NormalizedText(SourceText Text, NormalizationInfo Info);

/// <summary>
/// Normalises the text blocks of a source: script conversion (never inside numbers, URLs or e-mail
/// addresses), then width folding for matching. Line numbers survive. Built once per pipeline and
/// shared by every thread: it holds no per-document state.
/// </summary>
/// <remarks>
/// In <see cref="NormalizationMode.Auto"/> the script is detected over the whole document
/// (<see cref="ScriptDetector"/>). Simplified text passes through unchanged. Traditional text goes
/// through the report profile of its region (<see cref="ConversionProfiles.ForReport"/>). In a
/// mixed document only the lines that read as Traditional are converted. The fixed modes run the
/// OpenCC config of that name on every text, on the text as written (OpenCC's own output).
/// <para>
/// Each block comes out twice, with the same length: <see cref="TextLine.Text"/>, folded
/// (<see cref="TextFold.FoldWidth"/>) for the stages to match against, and <see cref="TextLine.Shown"/>,
/// the converted text with the report's own widths (<c>，：（）；？</c>, U+3000, full-width digits), which
/// the output writes. Zero-width characters (U+200B, U+FEFF, soft hyphens…) are invisible and are
/// left out of both, so that the two stay aligned character for character.
/// </para>
/// </remarks>
internal sealed class Normalizer(ReportParserOptions options)
{
    private readonly NormalizationMode _mode = options.Mode;

    /// <summary>The source with every text converted and folded, and what was done (mode, script, region, characters converted).</summary>
    public NormalizedText Normalize(SourceText source)
    {
        var texts = new List<string>(source.Blocks.Count);
        foreach (var block in source.Blocks)
        {
            switch (block)
            {
                case TextLine line:
                    texts.Add(TextFold.WithoutZeroWidth(line.Text));
                    break;
                case Grid grid:
                    foreach (var row in grid.Rows)
                    {
                        foreach (var cell in row)
                        {
                            texts.Add(TextFold.WithoutZeroWidth(cell.Text));
                        }
                    }

                    break;
            }
        }

        string[] results = NormalizeAll(texts, out var info);
        int next = 0;
        var blocks = new List<Block>(source.Blocks.Count);
        foreach (var block in source.Blocks)
        {
            blocks.Add(block switch
            {
                TextLine line => Converted(line, results[next++]),
                Grid grid => grid with
                {
                    Rows = grid.Rows.Select(row => (IReadOnlyList<GridCell>)row.Select(cell => Converted(cell, results[next++])).ToArray()).ToArray(),
                },
                _ => block,
            });
        }

        return new NormalizedText(source with { Blocks = blocks }, info);
    }

    /// <summary>The converted line, folded for matching and as written; with <see cref="ReportParserOptions.KeepOriginal"/>, the source text rides along when it changed.</summary>
    private TextLine Converted(TextLine line, string shown)
    {
        string text = TextFold.FoldWidth(shown);
        string? original = options.KeepOriginal && !string.Equals(shown, line.Text, StringComparison.Ordinal) ? line.Text : null;
        return ReferenceEquals(text, line.Text) && original == line.Original
            ? line
            : line with { Text = text, Original = original, Shown = ShownOrNull(text, shown) };
    }

    private GridCell Converted(GridCell cell, string shown)
    {
        string text = TextFold.FoldWidth(shown);
        return ReferenceEquals(text, cell.Text) ? cell : cell with { Text = text, Shown = ShownOrNull(text, shown) };
    }

    // The written text is kept only where it differs from the folded one, and never with --fold-width.
    private string? ShownOrNull(string text, string shown) =>
        options.FoldWidth || ReferenceEquals(text, shown) ? null : shown;

    /// <summary>
    /// Normalises one text (any number of lines) as one document and returns it as written: the
    /// script conversion only (for the OpenCC modes, OpenCC's own output), folded as well with
    /// <see cref="ReportParserOptions.FoldWidth"/>.
    /// </summary>
    public string NormalizeText(string text, out NormalizationInfo info)
    {
        string result = NormalizeAll([text], out info)[0];
        return options.FoldWidth ? TextFold.FoldWidth(result) : result;
    }

    private string[] NormalizeAll(IReadOnlyList<string> texts, out NormalizationInfo info)
    {
        var converted = new string[texts.Count];
        var counts = new ScriptDetector.Counts();
        for (int i = 0; i < texts.Count; i++)
        {
            converted[i] = texts[i];
            counts.Add(texts[i]);
        }

        string script = counts.Script;
        string? region = script is ScriptDetector.Traditional or ScriptDetector.Mixed
            ? counts.Region(() => CountTaiwanPhrases(texts))
            : null;

        ChineseConverter? converter = _mode switch
        {
            NormalizationMode.Auto when script is ScriptDetector.Traditional or ScriptDetector.Mixed => ConversionProfiles.ForReport(region),
            NormalizationMode.Auto or NormalizationMode.None => null,
            _ => ConversionProfiles.ForMode(_mode),
        };

        int changed = 0;
        if (converter is not null)
        {
            bool onlyTraditionalLines = _mode == NormalizationMode.Auto && script == ScriptDetector.Mixed;
            using var scratch = new ChineseConverter.Scratch();
            using var output = new CharBuffer(256);
            for (int i = 0; i < converted.Length; i++)
            {
                converted[i] = Convert(converter, converted[i], onlyTraditionalLines, output, scratch, ref changed);
            }
        }

        info = new NormalizationInfo(NormalizationModeNames.Of(_mode), script, region, changed);
        return converted;
    }

    // output and scratch are the caller's buffers, reused from text to text.
    private static string Convert(ChineseConverter converter, string text, bool onlyTraditionalLines, CharBuffer output, ChineseConverter.Scratch scratch, ref int converted)
    {
        if (!converter.MayChange(text))
        {
            return text;
        }

        output.Clear();
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int newline = text.AsSpan(lineStart).IndexOf('\n');
            int lineEnd = newline < 0 ? text.Length : lineStart + newline + 1;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            if (onlyTraditionalLines && !ScriptDetector.LooksTraditional(line))
            {
                output.Append(line);
            }
            else
            {
                ConvertLine(converter, line, output, scratch, ref converted);
            }

            lineStart = lineEnd;
        }

        return output.Span.SequenceEqual(text) ? text : output.Span.ToString();
    }

    // Converts the text between protected spans (URLs, e-mail addresses). Numbers need no span of
    // their own: no dictionary key contains an ASCII digit (a unit test checks), so no match can
    // start, end or lie inside a number.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ConvertLine(ChineseConverter converter, ReadOnlySpan<char> line, CharBuffer output, ChineseConverter.Scratch scratch, ref int converted)
    {
        int position = 0;
        while (position < line.Length)
        {
            ProtectedSpans.FindNext(line, position, out int start, out int length);
            var free = line[position..start];
            if (!free.IsEmpty)
            {
                int before = output.Length;
                converter.Convert(free, output, scratch);
                converted += CountChanged(free, output.Span[before..]);
            }

            output.Append(line.Slice(start, length));
            position = start + length;
        }
    }

    /// <summary>Characters changed between input and output: positions that differ, or the differing middle when lengths differ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int CountChanged(ReadOnlySpan<char> input, ReadOnlySpan<char> output)
    {
        if (input.Length == output.Length)
        {
            int changed = 0;
            for (int i = 0; i < input.Length; i++)
            {
                if (input[i] != output[i] && !char.IsLowSurrogate(input[i]))
                {
                    changed++;
                }
            }

            return changed;
        }

        int prefix = input.CommonPrefixLength(output);
        int suffix = 0;
        while (suffix < input.Length - prefix && suffix < output.Length - prefix && input[^(suffix + 1)] == output[^(suffix + 1)])
        {
            suffix++;
        }

        return Math.Max(input.Length - prefix - suffix, output.Length - prefix - suffix);
    }

    private static int CountTaiwanPhrases(IReadOnlyList<string> texts)
    {
        var phrases = OpenCcDictionaries.ReportPhrases;
        int hits = 0;
        foreach (string text in texts)
        {
            var span = text.AsSpan();
            for (int i = 0; i < span.Length; i++)
            {
                if (!phrases.CanStart(span[i]))
                {
                    continue;
                }

                int length = phrases.MatchPrefix(span[i..], out string value);
                if (length > 0 && !span.Slice(i, length).SequenceEqual(value))
                {
                    hits++;
                    i += length - 1;
                }
            }
        }

        return hits;
    }
}
