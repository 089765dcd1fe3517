namespace ReportParser.Text;

/// <summary>
/// The units a statistics cell or a count in prose ends with (条, 件, 个, 次, 项, 人, 份, 家, 元, 万元):
/// a heading glued to a table follows one ("…元三、"), and a count in a sentence stands before one
/// ("共收到申请3条。").
/// </summary>
internal static class CellUnits
{
    private const string Characters = "条件个次项人份家元";

    /// <summary>A unit of one character.</summary>
    public static bool Is(char c) => Characters.Contains(c);

    /// <summary>A whole unit word: one unit character, or 万元.</summary>
    public static bool IsWord(ReadOnlySpan<char> text) =>
        WhiteSpace.Trim(text) is var unit && ((unit.Length == 1 && Is(unit[0])) || unit.SequenceEqual("万元"));
}
