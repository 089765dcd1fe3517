using System.Runtime.CompilerServices;

namespace ReportParser.Normalization;

/// <summary>
/// An OpenCC dictionary group: the dictionaries of one conversion step, in config order.
/// </summary>
/// <remarks>
/// OpenCC's <c>short_circuit</c> policy (the one every <c>*2s</c> config uses) asks the
/// dictionaries in order and takes the longest match of the <em>first dictionary that matches at
/// all</em>, even when a later dictionary has a longer key (OpenCC <c>DictGroup::MatchPrefix</c>).
/// That is why TWPhrasesRev, listed first in tw2sp, beats a longer TWVariantsRevPhrases key.
/// The <c>union</c> policy takes the longest match over all dictionaries instead; the report
/// profile uses it for segmentation.
/// </remarks>
internal sealed class DictionaryGroup
{
    private readonly ConversionDictionary[] _dictionaries;

    // Per UTF-16 unit, what may happen at a position starting with it (see Flags).
    private readonly byte[] _flags = new byte[char.MaxValue + 1];

    // Where no dictionary of the group can match two or more units (the union of their two-character
    // filters is clear), the answer under either policy is the one-unit key of the first dictionary
    // that has one: most positions in running text are answered from these two tables alone.
    // A group of one dictionary uses that dictionary's tables as they are.
    private readonly string?[] _singles;
    private readonly ulong[] _pairs;

    public DictionaryGroup(IReadOnlyList<ConversionDictionary> dictionaries, bool union = false)
    {
        _dictionaries = [.. dictionaries];
        IsUnion = union;
        bool single = _dictionaries.Length == 1;
        _singles = single ? _dictionaries[0].Singles : new string?[char.MaxValue + 1];
        _pairs = single ? _dictionaries[0].Pairs : new ulong[ConversionDictionary.PairWords];
        foreach (var dictionary in _dictionaries)
        {
            foreach (string key in dictionary.Entries.Keys)
            {
                _flags[key[0]] |= key.Length == 1 ? CanStartKey : (byte)(CanStartKey | MayStartLongKey);
            }

            if (!single)
            {
                dictionary.AddTo(_singles, _pairs);
            }
        }

        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsHighSurrogate((char)c) || c is >= 0x2FF0 and <= 0x2FFF)
            {
                _flags[c] |= Special;
            }
        }
    }

    /// <summary>Flag: some key starts with the character.</summary>
    public const byte CanStartKey = 1;

    /// <summary>Flag: some key of two or more units starts with the character.</summary>
    public const byte MayStartLongKey = 2;

    /// <summary>Flag: a high surrogate or an Ideographic Description Character, which unmatched text skips as a whole.</summary>
    public const byte Special = 4;

    /// <summary>
    /// Per UTF-16 unit, the flags above: zero means the character is copied as it is. A converter tests
    /// them, the two-character filter and the one-unit values inline and calls <see cref="MatchPrefix"/>
    /// only where a longer key may match.
    /// </summary>
    internal byte[] Flags => _flags;

    /// <summary>The group's one-unit values by character (not to be changed).</summary>
    internal string?[] Singles => _singles;

    /// <summary>The union of the group's two-character filters (not to be changed).</summary>
    internal ulong[] Pairs => _pairs;

    public bool IsUnion { get; }

    public IReadOnlyList<ConversionDictionary> Dictionaries => _dictionaries;

    /// <summary>True when some key of some dictionary starts with <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CanStart(char c) => (_flags[c] & CanStartKey) != 0;

    /// <summary>Length of the match at the start of <paramref name="text"/> under the group's policy, or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int MatchPrefix(ReadOnlySpan<char> text, out string value)
    {
        value = string.Empty;
        if (text.IsEmpty || (_flags[text[0]] & CanStartKey) == 0)
        {
            return 0;
        }

        if (text.Length < 2 || !ConversionDictionary.MayStartLongerKey(_pairs, text[0], text[1]))
        {
            if (_singles[text[0]] is { } single)
            {
                value = single;
                return 1;
            }

            return 0;
        }

        int best = 0;
        foreach (var dictionary in _dictionaries)
        {
            int length = dictionary.MatchPrefix(text, out var found);
            if (length == 0)
            {
                continue;
            }

            if (!IsUnion)
            {
                value = found;
                return length;
            }

            if (length > best)
            {
                best = length;
                value = found;
            }
        }

        return best;
    }
}
