using ReportParser.Model;
using ReportParser.Templates;

namespace ReportParser.Output;

/// <summary>
/// The Chinese labels of one reconstructed table for outputs a person reads (CSV label columns, spreadsheets,
/// the text and HTML views), asked of the templates: the official printed labels (a row the template lacks keeps
/// the report's).
/// </summary>
internal sealed class TableLabels
{
    private readonly StatTable _table;
    private readonly TableTemplate? _template;

    private TableLabels(StatTable table, TableTemplate? template)
    {
        _table = table;
        _template = template;
    }

    /// <summary>The template of the table, or null for a report whose template the catalogue lacks.</summary>
    public TableTemplate? Template => _template;

    /// <summary>The labels of <paramref name="table"/> from <see cref="TemplateCatalog.Default"/>.</summary>
    public static TableLabels Of(StatTable table) => Of(table, TemplateCatalog.Default);

    public static TableLabels Of(StatTable table, TemplateCatalog catalog) =>
        new(table, catalog.Has(table.Template) ? catalog.Get(table.Key, table.Template) : null);

    /// <summary>The row's label as the official template prints it; the report's own label for a row the template lacks.</summary>
    public string RowLabel(TableRow row) => _template?.Row(row.Key)?.Label ?? row.Label;

    /// <summary>The column's label: the table's (the template's), or the key for a column neither has.</summary>
    public string ColumnLabel(string key)
    {
        foreach (var column in _table.Columns)
        {
            if (column.Key == key)
            {
                return column.Label;
            }
        }

        return _template?.ColumnName(key) ?? key;
    }
}
