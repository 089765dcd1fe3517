namespace ReportParser.Templates;

/// <summary>
/// The report templates the parser knows (gov2019 and gov2021, read from the embedded
/// <c>Templates/templates.json</c>, or from a document a caller gives): their editions, the table
/// templates of each, and what is derived from them once (the label index, the year prior, the
/// detector's signals, the grid widths, the 表三 labels that look like headings).
/// </summary>
internal sealed class TemplateCatalog
{
    private readonly Dictionary<(string Table, string Template), TableTemplate> _tables = [];
    private readonly Dictionary<string, HashSet<int>> _gridWidths = [];

    public static TemplateCatalog Default { get; } = new(TemplateFile.ReadEmbedded());

    /// <summary>A catalogue of the templates in <paramref name="json"/> (a document in the format of <c>templates.json</c>).</summary>
    public static TemplateCatalog FromJson(Stream json) => new(TemplateFile.Read(json));

    // Plain loops rather than LINQ: the catalogue is built once per process, and on a one-report run
    // the generic LINQ and frozen-set code it would need (compiled at run time) costs more than the parse.
    private TemplateCatalog(TemplateFile file)
    {
        var templates = new List<string>();
        foreach (var table in file.Tables)
        {
            if (!_gridWidths.TryGetValue(table.Table, out var widths))
            {
                _gridWidths[table.Table] = widths = [];
            }

            widths.UnionWith(table.GridWidths);
            if (!templates.Contains(table.Template))
            {
                templates.Add(table.Template);
            }

            _tables[(table.Table, table.Template)] = table;
        }

        Templates = [.. templates];
        Labels = new LabelIndex(file.Tables);
        Years = new YearPrior(file.Editions);
        Signals = new TemplateSignals(file.Editions, file.Tables);
        HeadingLikeLabels = new HeadingLikeLabels(file.Tables);
    }

    /// <summary>The template names, in the order of the document.</summary>
    public IReadOnlyList<string> Templates { get; }

    /// <summary>Every label of every table, normalised, and what it means.</summary>
    public LabelIndex Labels { get; }

    /// <summary>The template a report year suggests.</summary>
    public YearPrior Years { get; }

    /// <summary>The labels that tell the templates apart in a report's text.</summary>
    public TemplateSignals Signals { get; }

    /// <summary>The 表三 row labels that read like section and subsection headings.</summary>
    public HeadingLikeLabels HeadingLikeLabels { get; }

    /// <summary>
    /// The widths a table's grid has in any template (spec §9, grid_columns): in the flattened
    /// <c>cell |</c> format a padding line completes a row to one of these.
    /// </summary>
    public IReadOnlySet<int> GridWidths(string table) => _gridWidths[table];

    public TableTemplate Get(string table, string template) => _tables[(table, template)];

    /// <summary>
    /// Whether the catalogue has tables for <paramref name="template"/>: true for the gov templates
    /// (those with 表二/表三/表四 and the six required sections), false for legacy and unknown reports.
    /// </summary>
    public bool Has(string template) => Templates.Contains(template);
}
