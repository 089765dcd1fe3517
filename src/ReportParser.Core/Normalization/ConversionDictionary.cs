using System.Runtime.CompilerServices;

namespace ReportParser.Normalization;

/// <summary>
/// One OpenCC dictionary: keys mapped to their default value (the first value of an entry),
/// matched longest-prefix-first. Immutable after construction, so safe to share between threads.
/// </summary>
/// <remarks>
/// Lookups are hashed by prefix length: for the character at the current position a table gives
/// the set of key lengths that start with it (a bit mask), and only those prefixes are looked up,
/// longest first, with allocation-free span lookups. Characters that start no key cost one array read.
/// </remarks>
internal sealed class ConversionDictionary
{
    private readonly Dictionary<string, string> _entries;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Per first UTF-16 unit, an index into _lengthMasks (0 = no key starts with it). Bit n-1 of a
    // mask means "some key of n UTF-16 units starts with this character"; bit 63 stands for 64 or more.
    private readonly ushort[] _maskIndex = new ushort[char.MaxValue + 1];
    private readonly ulong[] _lengthMasks;

    // Values of the one-character keys, indexed by the character: most lookups are of this kind.
    private readonly string?[] _singles = new string?[char.MaxValue + 1];

    // A filter over the first two UTF-16 units of the longer keys: bit PairBit(a, b) is set when some key
    // of two or more units starts with a, b. Clear means no longer key can match here, so the lookups
    // of every longer length are skipped; set can be a collision and only costs those lookups. In
    // running text most positions start no phrase, and these lookups were most of the conversion time.
    private const int PairBits = 1 << 19;
    internal const int PairWords = PairBits / 64;
    private readonly ulong[] _pairs = new ulong[PairWords];

    private ConversionDictionary(string name, Dictionary<string, string> entries)
    {
        Name = name;
        _entries = entries;
        _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        var masks = new Dictionary<char, ulong>();
        foreach (string key in entries.Keys)
        {
            masks[key[0]] = masks.GetValueOrDefault(key[0]) | (1UL << (Math.Min(key.Length, 64) - 1));
            if (key.Length == 1)
            {
                _singles[key[0]] = entries[key];
            }
            else
            {
                int bit = PairBit(key[0], key[1]);
                _pairs[bit >> 6] |= 1UL << bit;
            }
            MaxKeyLength = Math.Max(MaxKeyLength, key.Length);
        }

        var distinct = new Dictionary<ulong, ushort>();
        var list = new List<ulong> { 0 };
        foreach (var (first, mask) in masks)
        {
            if (!distinct.TryGetValue(mask, out ushort index))
            {
                index = checked((ushort)list.Count);
                distinct[mask] = index;
                list.Add(mask);
            }

            _maskIndex[first] = index;
        }

        _lengthMasks = [.. list];
    }

    public string Name { get; }

    public int Count => _entries.Count;

    public int MaxKeyLength { get; }

    public IReadOnlyDictionary<string, string> Entries => _entries;

    /// <summary>True when some key starts with <paramref name="c"/>.</summary>
    public bool CanStart(char c) => _maskIndex[c] != 0;

    /// <summary>Length of the longest key that is a prefix of <paramref name="text"/>, or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int MatchPrefix(ReadOnlySpan<char> text, out string value)
    {
        value = string.Empty;
        if (text.IsEmpty)
        {
            return 0;
        }

        ulong lengths = _lengthMasks[_maskIndex[text[0]]];
        if (lengths == 0)
        {
            return 0;
        }

        if (lengths > 1 && (text.Length < 2 || !MayStartLongerKey(text[0], text[1])))
        {
            lengths &= 1;
        }

        if ((lengths & (1UL << 63)) != 0)
        {
            // Keys of 64 units or more: rare enough to try every length.
            for (int length = Math.Min(MaxKeyLength, text.Length); length >= 64; length--)
            {
                if (_lookup.TryGetValue(text[..length], out var found))
                {
                    value = found;
                    return length;
                }
            }

            lengths &= ~(1UL << 63);
        }

        if (text.Length < 64)
        {
            lengths &= (1UL << text.Length) - 1;
        }

        while (lengths > 1)
        {
            int length = 64 - System.Numerics.BitOperations.LeadingZeroCount(lengths);
            lengths &= ~(1UL << (length - 1));
            if (_lookup.TryGetValue(text[..length], out var found))
            {
                value = found;
                return length;
            }
        }

        if (lengths == 1 && _singles[text[0]] is { } single)
        {
            value = single;
            return 1;
        }

        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayStartLongerKey(char first, char second) => MayStartLongerKey(_pairs, first, second);

    /// <summary>The test of a two-character filter (this dictionary's, or a union of several).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool MayStartLongerKey(ulong[] pairs, char first, char second)
    {
        int bit = PairBit(first, second);
        return (pairs[bit >> 6] & (1UL << bit)) != 0;
    }

    /// <summary>The one-unit values, by character (shared with a group of this dictionary alone; not to be changed).</summary>
    internal string?[] Singles => _singles;

    /// <summary>The two-character filter (shared with a group of this dictionary alone; not to be changed).</summary>
    internal ulong[] Pairs => _pairs;

    /// <summary>
    /// Adds this dictionary to a group's tables: its one-unit values where the group has none yet
    /// (earlier dictionaries win), and its two-character filter.
    /// </summary>
    internal void AddTo(string?[] singles, ulong[] pairs)
    {
        for (int c = 0; c < singles.Length; c++)
        {
            singles[c] ??= _singles[c];
        }

        for (int i = 0; i < pairs.Length; i++)
        {
            pairs[i] |= _pairs[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PairBit(char first, char second) => (int)((((uint)first * 0x9E3779B1u) ^ second) & (PairBits - 1));

    /// <summary>Builds a dictionary from (key, default value) pairs; the first pair of a key wins.</summary>
    public static ConversionDictionary FromPairs(string name, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            if (key.Length > 0)
            {
                entries.TryAdd(key, value);
            }
        }

        return new ConversionDictionary(name, entries);
    }
}
