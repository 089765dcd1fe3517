using ReportParser.Templates;

namespace ReportParser.Output;

/// <summary>
/// The fixed cell columns of the <c>wide</c> CSV layout: every data cell of every template of the
/// catalogue (gov2021 and gov2019), as <c>table.row.column</c> keys, so that every report of a corpus
/// shares one header whatever its template. Per grid (表二's blocks, 表三, 表四) the newest edition's rows
/// and columns, with those only an older edition has merged in after their neighbour there.
/// Group rows (labels without numbers) have no cells. Then the legacy indicators of 2008–2018
/// tables (<see cref="LegacyCatalog"/>) as <c>legacy.key.year</c> and <c>legacy.key.cumulative</c>, so a
/// series from 2008 to now is one table.
/// </summary>
internal static class WideCsvColumns
{
    /// <summary>The cell keys in column order.</summary>
    public static IReadOnlyList<string> CellKeys { get; } = [.. Build(TemplateCatalog.Default), .. Legacy(LegacyCatalog.Default)];

    /// <summary>The column of a legacy cell: indicator key and column kind.</summary>
    public static string LegacyKey(string key, string column) => $"legacy.{key}.{LegacyCatalog.ColumnKind(column)}";

    private static IEnumerable<string> Legacy(LegacyCatalog catalog)
    {
        foreach (string key in catalog.Keys)
        {
            yield return LegacyKey(key, "本年");
            yield return LegacyKey(key, "历年累计");
        }
    }

    private static string[] Build(TemplateCatalog catalog)
    {
        // Newest edition first: its rows and columns lead, older editions' are merged in.
        var templateOrder = catalog.Years.NewestFirst();
        var grids = new List<(string Prefix, List<string> Rows, List<string> Columns)>();
        foreach (string table in TableKeys.All)
        {
            foreach (string template in templateOrder)
            {
                // 表二's rows are "<block>.<row>" and each block has its own columns; the other tables are one grid.
                bool blocks = table == TableKeys.Table2;
                foreach (var group in catalog.Get(table, template).DataRows.GroupBy(r => blocks ? r.Parent! : ""))
                {
                    string prefix = blocks ? $"{table}.{group.Key}" : table;
                    int index = grids.FindIndex(g => g.Prefix == prefix);
                    if (index < 0)
                    {
                        grids.Add((prefix, [], []));
                        index = grids.Count - 1;
                    }

                    Merge(grids[index].Rows, group.Select(r => blocks ? r.Key[(group.Key.Length + 1)..] : r.Key).ToList());
                    Merge(grids[index].Columns, group.First().Columns.Select(c => c.Key).ToList());
                }
            }
        }

        return grids.SelectMany(g => g.Rows.SelectMany(r => g.Columns.Select(c => $"{g.Prefix}.{r}.{c}"))).ToArray();
    }

    /// <summary>Adds the items of <paramref name="next"/> that <paramref name="merged"/> lacks, each after its predecessor in <paramref name="next"/> (a first item at the end).</summary>
    private static void Merge(List<string> merged, List<string> next)
    {
        for (int i = 0; i < next.Count; i++)
        {
            if (!merged.Contains(next[i]))
            {
                merged.Insert(i == 0 ? merged.Count : merged.IndexOf(next[i - 1]) + 1, next[i]);
            }
        }
    }
}
