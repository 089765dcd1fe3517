namespace ReportParser.Sectioning;

/// <summary>
/// A set of UTF-16 characters as a 64 Kbit table, for scanning text for a few CJK characters. Used
/// instead of SearchValues: building the first SearchValues of non-ASCII characters compiles its
/// vectorised code at run time, about 4 ms of a one-report run, more than the scans it would speed up.
/// </summary>
internal sealed class CharSet
{
    private readonly ulong[] _bits = new ulong[(char.MaxValue + 1) / 64];

    public CharSet(IEnumerable<char> chars)
    {
        foreach (char c in chars)
        {
            _bits[c >> 6] |= 1UL << c;
        }
    }

    public bool Contains(char c) => (_bits[c >> 6] & (1UL << c)) != 0;

    /// <summary>The index of the first character of <paramref name="text"/> in the set, or -1.</summary>
    public int IndexOfAny(ReadOnlySpan<char> text)
    {
        // The test written out rather than a call of Contains: precompiled code does not inline it here.
        ulong[] bits = _bits;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if ((bits[c >> 6] & (1UL << c)) != 0)
            {
                return i;
            }
        }

        return -1;
    }
}
