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
    private readonly bool[] _canStart = new bool[char.MaxValue + 1];

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
                _canStart[key[0]] = true;
            }

            if (!single)
            {
                dictionary.AddTo(_singles, _pairs);
            }
        }
    }

    public bool IsUnion { get; }

    public IReadOnlyList<ConversionDictionary> Dictionaries => _dictionaries;

    /// <summary>True when some key of some dictionary starts with <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CanStart(char c) => _canStart[c];

    /// <summary>Length of the match at the start of <paramref name="text"/> under the group's policy, or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int MatchPrefix(ReadOnlySpan<char> text, out string value)
    {
        value = string.Empty;
        if (text.IsEmpty || !_canStart[text[0]])
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
