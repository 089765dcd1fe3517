namespace ReportParser.Normalization;

/// <summary>
/// One OpenCC dictionary: keys mapped to their default value (the first value of an entry),
/// matched longest-prefix-first. Immutable after construction, so safe to share between threads.
/// </summary>
/// <remarks>
/// Lookups are hashed by prefix length: for the character at the current position a table gives
/// the length of the longest key starting with it, and the candidate prefixes are tried from that
/// length down with allocation-free span lookups. Characters that start no key cost one array read.
/// </remarks>
internal sealed class ConversionDictionary
{
    private readonly Dictionary<string, string> _entries;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Longest key (UTF-16 units, capped at 255) per first UTF-16 unit; 0 = no key starts with it.
    private readonly byte[] _longestByFirst = new byte[char.MaxValue + 1];

    private ConversionDictionary(string name, Dictionary<string, string> entries)
    {
        Name = name;
        _entries = entries;
        _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (string key in entries.Keys)
        {
            int length = Math.Min(key.Length, byte.MaxValue);
            if (_longestByFirst[key[0]] < length)
            {
                _longestByFirst[key[0]] = (byte)length;
            }

            MaxKeyLength = Math.Max(MaxKeyLength, key.Length);
        }
    }

    public string Name { get; }

    public int Count => _entries.Count;

    public int MaxKeyLength { get; }

    public IReadOnlyDictionary<string, string> Entries => _entries;

    /// <summary>True when some key starts with <paramref name="c"/>.</summary>
    public bool CanStart(char c) => _longestByFirst[c] != 0;

    /// <summary>Length of the longest key that is a prefix of <paramref name="text"/>, or 0.</summary>
    public int MatchPrefix(ReadOnlySpan<char> text, out string value)
    {
        if (text.IsEmpty)
        {
            value = string.Empty;
            return 0;
        }

        int length = Math.Min(_longestByFirst[text[0]], text.Length);
        for (; length > 0; length--)
        {
            // A key never ends inside a surrogate pair.
            if (length < text.Length && char.IsLowSurrogate(text[length]))
            {
                continue;
            }

            if (_lookup.TryGetValue(text[..length], out var found))
            {
                value = found;
                return length;
            }
        }

        value = string.Empty;
        return 0;
    }

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
