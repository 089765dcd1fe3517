using System.Collections;

namespace ReportParser.Model;

/// <summary>
/// A row's cell values by column key (<see cref="TableRow.Values"/>): a few keys in column order,
/// looked up by an ordinal scan. Used instead of <c>Dictionary&lt;string, decimal?&gt;</c>, whose code
/// for a value type of another assembly is compiled at run time: every run compiled some fifteen of
/// its methods and ran them unoptimised until they were hot. Enumerates in the order keys were set,
/// as a dictionary without removals does; read-only once the builder has filled it.
/// </summary>
internal sealed class CellValues : IReadOnlyDictionary<string, decimal?>
{
    /// <summary>No values: the default of a row made without any.</summary>
    public static CellValues Empty { get; } = new(0);

    private readonly string[] _keys;
    private readonly decimal?[] _values;
    private int _count;

    public CellValues(int capacity)
    {
        _keys = new string[capacity];
        _values = new decimal?[capacity];
    }

    /// <summary>Sets the value of <paramref name="key"/>, adding the key when it is new (as a dictionary's indexer does).</summary>
    internal void Set(string key, decimal? value)
    {
        int at = IndexOf(key);
        if (at < 0)
        {
            at = _count++;
            _keys[at] = key;
        }

        _values[at] = value;
    }

    public int Count => _count;

    public decimal? this[string key] => IndexOf(key) is var at and >= 0 ? _values[at] : throw new KeyNotFoundException($"no column '{key}'");

    public IEnumerable<string> Keys => new ArraySegment<string>(_keys, 0, _count);

    public IEnumerable<decimal?> Values
    {
        get
        {
            for (int i = 0; i < _count; i++)
            {
                yield return _values[i];
            }
        }
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out decimal? value)
    {
        int at = IndexOf(key);
        value = at >= 0 ? _values[at] : null;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, decimal?>> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<string, decimal?>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (int i = 0; i < _count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
