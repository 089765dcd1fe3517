using ReportParser.Model;

namespace ReportParser.Diagnostics;

/// <summary>Collects diagnostics for one document. Not thread-safe: one bag per document.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// For a PDF: the first line number of each page (index 0 is page 1). A diagnostic with a line then
    /// names its page at the end of its message (<c>(page 4)</c>), since a PDF's line numbers count its
    /// reading-order lines, which no viewer shows.
    /// </summary>
    public int[]? PageFirstLines { get; set; }

    public void Report(DiagnosticDescriptor descriptor, string message, int? line = null) =>
        _items.Add(new Diagnostic(descriptor.Severity, descriptor.Code, line is { } at && PageFirstLines is { } pages ? $"{message} (page {PageOf(pages, at)})" : message, line));

    private static int PageOf(int[] pageFirstLines, int line)
    {
        int page = 1;
        for (int i = 1; i < pageFirstLines.Length && pageFirstLines[i] <= line; i++)
        {
            page = i + 1;
        }

        return page;
    }

    /// <summary>Diagnostics in a stable order: by line (file-level first), then by insertion.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() => StableOrder.By(_items, d => d.Line ?? 0);
}
