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
    public IReadOnlyList<Diagnostic> ToSortedList() => StableOrder.By(_items, d => d.Line ?? 0);
}
