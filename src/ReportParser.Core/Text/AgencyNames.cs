namespace ReportParser.Text;

/// <summary>
/// How agency names are compared across reports (panel grouping): the matching fold, brackets and
/// what they hold dropped, and the long forms of a body's kind written short. Two names are the same
/// agency by name only when they are equal after this; nothing is dropped that could tell two bodies
/// apart (管委会办公室 stays apart from 管委会, 平潭县公安局 from 平潭综合实验区公安局).
/// </summary>
internal static class AgencyNames
{
    /// <summary>Long and short forms of the same kind of body: the long form is written short.</summary>
    private static readonly (string Long, string Short)[] Abbreviations =
    [
        ("人民政府办公室", "政府办"),
        ("人民政府办公厅", "政府办公厅"),
        ("管理委员会", "管委会"),
        ("人民政府", "政府"),
    ];

    /// <summary>
    /// Sub-units a crawler's 发布机构 sometimes names instead of the body (经济发展局综合处): dropped only
    /// when what remains still ends in a body's kind (局, 委, 厅, 院, 府; not 会, so 管委会办公室 stays itself).
    /// </summary>
    private static readonly string[] SubUnits = ["综合处", "综合科", "办公室"];

    private const string BodyKinds = "局委厅院府";

    /// <summary>The name as it is compared, or null for an empty name.</summary>
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        string folded = TextFold.ForMatching(name);
        var sb = new System.Text.StringBuilder(folded.Length);
        int depth = 0;
        foreach (char c in folded)
        {
            if (c is '(' or '（' or '[' or '【')
            {
                depth++;
            }
            else if (c is ')' or '）' or ']' or '】')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                sb.Append(c);
            }
        }

        string result = sb.ToString();
        foreach (var (longForm, shortForm) in Abbreviations)
        {
            result = result.Replace(longForm, shortForm, StringComparison.Ordinal);
        }

        foreach (string unit in SubUnits)
        {
            if (result.Length > unit.Length + 1 && result.EndsWith(unit, StringComparison.Ordinal)
                && BodyKinds.Contains(result[^(unit.Length + 1)], StringComparison.Ordinal))
            {
                result = result[..^unit.Length];
                break;
            }
        }

        return result.Length == 0 ? null : result;
    }
}
