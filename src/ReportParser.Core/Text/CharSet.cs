using System.Runtime.CompilerServices;

namespace ReportParser.Text;

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

    // Inlined into the scan below (precompiled code does not inline it there without being told).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(char c) => (_bits[c >> 6] & (1UL << c)) != 0;

    /// <summary>The index of the first character of <paramref name="text"/> in the set, or -1.</summary>
    public int IndexOfAny(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (Contains(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
