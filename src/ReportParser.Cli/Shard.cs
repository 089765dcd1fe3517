using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReportParser.Cli;

/// <summary>
/// One of <see cref="Count"/> disjoint parts of a run's inputs (<c>--shard K/N</c>, K from 1 to N). An input
/// belongs to the shard numbered by a stable hash of its path relative to its input root
/// (<see cref="InputItem.RelativePath"/>): the first 8 bytes of the SHA-256 of its UTF-8, modulo N. The choice
/// depends on nothing but that path, so it is the same on every machine, in every listing order, and with
/// any other inputs beside it; the N shards together are every input exactly once.
/// </summary>
internal sealed record Shard(int Index, int Count)
{
    /// <summary>The whole run: shard 1 of 1.</summary>
    public static readonly Shard All = new(1, 1);

    /// <summary>Reads <c>K/N</c> (1 ≤ K ≤ N); null when the text is not that.</summary>
    public static Shard? Parse(string? text)
    {
        int slash = text?.IndexOf('/') ?? -1;
        if (slash <= 0
            || !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || count < 1 || index < 1 || index > count)
        {
            return null;
        }

        return new Shard(index, count);
    }

    /// <summary>The shard (1 to <paramref name="count"/>) a relative path belongs to.</summary>
    public static int Of(string relativePath, int count)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(relativePath), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count) + 1;
    }

    public bool Contains(InputItem item) => Count == 1 || Of(item.RelativePath, Count) == Index;

    /// <summary>The inputs of this shard, in their order.</summary>
    public IReadOnlyList<InputItem> Select(IReadOnlyList<InputItem> items)
    {
        if (Count == 1)
        {
            return items;
        }

        var selected = new List<InputItem>(items.Count / Count + 1);
        foreach (var item in items)
        {
            if (Contains(item))
            {
                selected.Add(item);
            }
        }

        return selected;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
