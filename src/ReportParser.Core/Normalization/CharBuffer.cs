using System.Buffers;
using System.Runtime.CompilerServices;

namespace ReportParser.Normalization;

/// <summary>A growable char buffer over pooled arrays; one per conversion call, never shared.</summary>
internal sealed class CharBuffer : IDisposable
{
    private char[] _chars;

    public CharBuffer(int capacity) => _chars = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));

    public int Length { get; private set; }

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    public void Clear() => Length = 0;

    // Inlined into the converter's loops, where most appends are a character or a short run.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(char c)
    {
        if (Length == _chars.Length)
        {
            Grow(Length + 1);
        }

        _chars[Length++] = c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(string text)
    {
        if (text.Length == 1)
        {
            Append(text[0]);
        }
        else
        {
            Append(text.AsSpan());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(ReadOnlySpan<char> text)
    {
        if (Length + text.Length > _chars.Length)
        {
            Grow(Length + text.Length);
        }

        text.CopyTo(_chars.AsSpan(Length));
        Length += text.Length;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
        Length = 0;
    }

    private void Grow(int needed)
    {
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(needed, _chars.Length * 2));
        _chars.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = bigger;
    }
}
