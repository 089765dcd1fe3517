namespace ReportParser.Templates;

/// <summary>The keys of the three template tables, and of a 2008–2018 report's own statistics table, and the names the reports give them.</summary>
internal static class TableKeys
{
    public const string Table2 = "table2";
    public const string Table3 = "table3";
    public const string Table4 = "table4";

    /// <summary>A 2008–2018 report's own statistics table (<c>legacy_stats</c>), which follows no template.</summary>
    public const string LegacyStats = "legacy_stats";

    /// <summary>The three tables in report order.</summary>
    public static IReadOnlyList<string> All { get; } = [Table2, Table3, Table4];

    /// <summary>The table's name as the reports print it (表二), for messages.</summary>
    public static string Name(string table) => table switch
    {
        Table2 => "表二",
        Table3 => "表三",
        Table4 => "表四",
        LegacyStats => "旧版统计表",
        _ => table,
    };
}
