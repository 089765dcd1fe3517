using ReportParser.Model;

namespace ReportParser.Diagnostics;

/// <summary>Collects diagnostics for one document. Not thread-safe: one bag per document.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public void Report(DiagnosticDescriptor descriptor, string message, int? line = null) =>
        _items.Add(new Diagnostic(descriptor.Severity, descriptor.Code, message, line));

    /// <summary>Diagnostics in a stable order: by line (file-level first), then by insertion.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        // Array.Sort over a small class rather than LINQ's OrderBy/ThenBy over value tuples, whose generic
        // code is compiled at run time on every start (a few milliseconds of a one-report run).
        var entries = new Entry[_items.Count];
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = new Entry(_items[i], _items[i].Line ?? 0, i);
        }

        Array.Sort(entries, static (a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Index.CompareTo(b.Index));
        var sorted = new Diagnostic[entries.Length];
        for (int i = 0; i < sorted.Length; i++)
        {
            sorted[i] = entries[i].Diagnostic;
        }

        return sorted;
    }

    private sealed record Entry(Diagnostic Diagnostic, int Line, int Index);
}
