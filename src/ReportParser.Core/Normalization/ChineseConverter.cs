using System.Runtime.CompilerServices;

namespace ReportParser.Normalization;

/// <summary>
/// An OpenCC-compatible converter built from one config: an optional normalization step, an
/// optional segmentation, and a conversion chain. Immutable; one instance serves every thread.
/// </summary>
/// <remarks>
/// The order of work is OpenCC's (<c>Config::NewFromString</c>, <c>SingleStageConverter</c>):
/// <list type="number">
/// <item>Normalization (CJK_Compatibility_Ideographs) rewrites the whole text first, as a chain
/// of its own with no segmentation.</item>
/// <item>Segmentation (<c>mmseg</c>, <c>MaxMatchSegmentation</c>) cuts the normalized text into
/// segments: every longest match of the segmentation dictionary is a segment, and the text between
/// matches is one segment. Configs without segmentation (t2s) treat the text as one segment.</item>
/// <item>Each segment goes through the chain on its own: step 1 converts the segment, step 2
/// converts step 1's output, and so on. No step ever matches across a segment boundary.</item>
/// </list>
/// Every step scans forward: at each position the step's group gives the longest match
/// (<see cref="DictionaryGroup"/>); without a match one character is copied, or a whole
/// Ideographic Description Sequence (⿰氵韋) when one starts there (<c>UTF8Util::
/// NextIdeographicDescriptionSequenceLength</c>), so the components of an IDS are never converted.
/// </remarks>
internal sealed class ChineseConverter
{
    private readonly DictionaryGroup? _normalization;
    private readonly DictionaryGroup? _segmentation;
    private readonly DictionaryGroup[] _chain;

    public ChineseConverter(string name, DictionaryGroup? normalization, DictionaryGroup? segmentation, IReadOnlyList<DictionaryGroup> chain)
    {
        Name = name;
        _normalization = normalization;
        _segmentation = segmentation;
        _chain = [.. chain];
    }

    public string Name { get; }

    /// <summary>Converts <paramref name="text"/>; returns the same instance when nothing changes.</summary>
    public string Convert(string text)
    {
        if (text.Length == 0 || !MayChange(text))
        {
            return text;
        }

        using var scratch = new Scratch();
        using var output = new CharBuffer(text.Length + 16);
        Convert(text, output, scratch);
        return output.Span.SequenceEqual(text) ? text : output.Span.ToString();
    }

    /// <summary>Appends the conversion of <paramref name="text"/> to <paramref name="output"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Convert(ReadOnlySpan<char> text, CharBuffer output, Scratch scratch)
    {
        if (_normalization is not null && NeedsStep(_normalization, text))
        {
            scratch.Normalized.Clear();
            ApplyStep(_normalization, text, scratch.Normalized);
            text = scratch.Normalized.Span;
        }

        if (_segmentation is null)
        {
            ConvertSegment(text, output, scratch);
            return;
        }

        // mmseg: matched phrases are segments of their own; unmatched text accumulates.
        int runStart = 0;
        int i = 0;
        while (i < text.Length)
        {
            int matched;
            if (Settled(_segmentation, text, i, out string? single))
            {
                if (single is null)
                {
                    i++;
                    continue;
                }

                matched = 1;
            }
            else
            {
                matched = _segmentation.MatchPrefix(text[i..], out _);
                if (matched == 0)
                {
                    i += UnmatchedLength(text, i);
                    continue;
                }
            }

            ConvertSegment(text[runStart..i], output, scratch);
            ConvertSegment(text.Slice(i, matched), output, scratch);
            i += matched;
            runStart = i;
        }

        ConvertSegment(text[runStart..], output, scratch);
    }

    /// <summary>Working buffers of one caller; reuse them across calls on the same thread.</summary>
    internal sealed class Scratch : IDisposable
    {
        public CharBuffer Normalized { get; } = new(256);
        public CharBuffer First { get; } = new(64);
        public CharBuffer Second { get; } = new(64);

        public void Dispose()
        {
            Normalized.Dispose();
            First.Dispose();
            Second.Dispose();
        }
    }

    /// <summary>False when no step can match any character of <paramref name="text"/> (plain ASCII, most Simplified text).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MayChange(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (_normalization?.CanStart(c) ?? false)
            {
                return true;
            }

            foreach (var step in _chain)
            {
                if (step.CanStart(c))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ConvertSegment(ReadOnlySpan<char> segment, CharBuffer output, Scratch scratch)
    {
        if (segment.IsEmpty)
        {
            return;
        }

        // Ping-pong between two scratch buffers; the last step writes straight to the output.
        ReadOnlySpan<char> current = segment;
        for (int s = 0; s < _chain.Length; s++)
        {
            if (s == _chain.Length - 1)
            {
                ApplyStep(_chain[s], current, output);
                return;
            }

            var target = s % 2 == 0 ? scratch.First : scratch.Second;
            target.Clear();
            ApplyStep(_chain[s], current, target);
            current = target.Span;
        }

        output.Append(current);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool NeedsStep(DictionaryGroup step, ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (step.CanStart(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One conversion step (OpenCC <c>Conversion::AppendConverted</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ApplyStep(DictionaryGroup step, ReadOnlySpan<char> text, CharBuffer output)
    {
        int copyFrom = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (Settled(step, text, i, out string? single))
            {
                if (single is not null)
                {
                    output.Append(text[copyFrom..i]);
                    output.Append(single);
                    copyFrom = i + 1;
                }

                i++;
                continue;
            }

            int matched = step.MatchPrefix(text[i..], out string value);
            if (matched == 0)
            {
                i += UnmatchedLength(text, i);
                continue;
            }

            output.Append(text[copyFrom..i]);
            output.Append(value);
            i += matched;
            copyFrom = i;
        }

        output.Append(text[copyFrom..]);
    }

    /// <summary>
    /// Settles the common positions without a call: true when no key of two or more units can match at
    /// <paramref name="i"/> and the character is not the start of an IDS or a surrogate pair; then the
    /// match is the group's one-unit value (<paramref name="single"/>), or nothing when it is null.
    /// False leaves the position to <see cref="DictionaryGroup.MatchPrefix"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Settled(DictionaryGroup group, ReadOnlySpan<char> text, int i, out string? single)
    {
        char c = text[i];
        byte flags = group.Flags[c];
        single = null;
        if (flags == 0)
        {
            return true;
        }

        if ((flags & DictionaryGroup.Special) != 0
            || ((flags & DictionaryGroup.MayStartLongKey) != 0 && i + 1 < text.Length && ConversionDictionary.MayStartLongerKey(group.Pairs, c, text[i + 1])))
        {
            return false;
        }

        single = group.Singles[c];
        return true;
    }

    /// <summary>How far to advance over unmatched text: a whole IDS if one starts here, else one code point.</summary>
    internal static int UnmatchedLength(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        if (IsIdsOperator(c))
        {
            int ids = IdsLength(text[i..]);
            if (ids > 0)
            {
                return ids;
            }
        }

        return char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
    }

    private static bool IsIdsOperator(char c) => c is >= '\u2FF0' and <= '\u2FFF';

    // Operand counts of the Ideographic Description Characters (OpenCC
    // UTF8Util::IdeographicDescriptionOperatorArity).
    private static int IdsArity(int codePoint) => codePoint switch
    {
        0x2FF2 or 0x2FF3 => 3,
        0x2FFE or 0x2FFF => 1,
        >= 0x2FF0 and <= 0x2FFD => 2,
        _ => 0,
    };

    /// <summary>Length of the complete IDS at the start of <paramref name="text"/>, or 0 when it is incomplete or too deep.</summary>
    internal static int IdsLength(ReadOnlySpan<char> text)
    {
        int codePoints = 0;
        return ConsumeIds(text, depthLeft: 16, ref codePoints, out int consumed) ? consumed : 0;
    }

    private static bool ConsumeIds(ReadOnlySpan<char> text, int depthLeft, ref int codePoints, out int consumed)
    {
        consumed = 0;
        const int MaxCodePoints = 64;
        if (text.IsEmpty || depthLeft == 0 || codePoints >= MaxCodePoints)
        {
            return false;
        }

        int charLength = char.IsHighSurrogate(text[0]) && text.Length > 1 && char.IsLowSurrogate(text[1]) ? 2 : 1;
        int codePoint = charLength == 2 ? char.ConvertToUtf32(text[0], text[1]) : text[0];
        codePoints++;
        int arity = IdsArity(codePoint);
        int offset = charLength;
        for (int operand = 0; operand < arity; operand++)
        {
            if (offset >= text.Length || !ConsumeIds(text[offset..], depthLeft - 1, ref codePoints, out int length))
            {
                return false;
            }

            offset += length;
        }

        consumed = offset;
        return true;
    }
}
