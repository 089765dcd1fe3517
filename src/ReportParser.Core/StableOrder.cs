namespace ReportParser;

/// <summary>
/// A stable sort by an integer key, for what LINQ's OrderBy would do. Array.Sort over a small class:
/// its code is shared by every reference type and precompiled, where OrderBy's sorter for an int key
/// is compiled at run time on every start.
/// </summary>
internal static class StableOrder
{
    public static T[] By<T>(IEnumerable<T> items, Func<T, int> key)
        where T : class
    {
        var entries = new List<Entry<T>>();
        foreach (var item in items)
        {
            entries.Add(new Entry<T>(item, key(item), entries.Count));
        }

        entries.Sort(static (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Index.CompareTo(b.Index));
        var sorted = new T[entries.Count];
        for (int i = 0; i < sorted.Length; i++)
        {
            sorted[i] = entries[i].Item;
        }

        return sorted;
    }

    private sealed record Entry<T>(T Item, int Key, int Index);
}
