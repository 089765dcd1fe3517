using System.Text.RegularExpressions;

namespace ReportParser.Templates;

/// <summary>
/// A phrase of report prose that states one table quantity: the cell it names (<c>table.row.column</c>;
/// a group row such as <c>table3.denied.total</c> stands for the sum of its rows, <c>table4.litigation</c> for both
/// litigation blocks, <c>table3.completion_rate</c> for （七）总计 ÷ (一 + 二) in percent), the check rule, and
/// the expression, written for text after the matching fold (no white space, ASCII digits), with the
/// number in group <c>n</c> and its unit in group <c>u</c>.
/// </summary>
internal sealed record ProseFactPattern(string Rule, string Cell, Regex Expression);

/// <summary>
/// The statements in prose that name a table quantity (spec: "prose against tables"), defined once. A
/// phrase names a quantity only with its unit (件 or 起 for applications and cases; 条 is what reports count
/// documents in, so 依申请公开信息数161条 — documents made public on request — names no cell, and only a
/// "申请…N条" phrase is read as applications). A rate phrase must be a completion rate (办结率, 办复率), not a
/// timeliness rate (按时办结率). 受理办结N件 states two quantities at once (received and completed) and names
/// neither cell alone, so 办结 right after 受理 is not read.
/// </summary>
internal static class ProseFactPatterns
{
    public const string CompletionRate = "table3.completion_rate";
    public const string Litigation = "table4.litigation.total";

    private const string Quote = "[\"“”'‘’「」]?";
    private const string Count = "(?<n>\\d+)(?<u>件)";
    private const string Cases = "(?<n>\\d+)(?<u>件|起)";

    public static IReadOnlyList<ProseFactPattern> All { get; } =
    [
        P("P_T3_NEW_TOTAL", "table3.new_received.total", "(收到|受理|接收|接到|新收)了?[^，。；,;:：]{0,24}?(政府信息公开|信息公开|依申请公开)?(政府信息)?的?(申请|要求)(?<n>\\d+)(?<u>件|条)"),
        P("P_T3_NEW_TOTAL", "table3.new_received.total", "受理依申请公开(政府信息)?(申请)?" + Count),
        P("P_T3_NEW_TOTAL", "table3.new_received.total", "受理(?<n>\\d+)(?<u>件)依申请公开"),
        P("P_T3_NATURAL_PERSON", "table3.new_received.natural_person", "自然人(提出)?的?(申请)?" + Count),
        P("P_T3_CARRIED_OVER", "table3.carried_over.total", "上年(度)?结转的?(政府信息公开)?(申请)?" + Count),
        P("P_T3_CARRIED_FORWARD", "table3.carried_forward.total", "结转(至)?下(一)?年度?(继续)?(办理)?的?" + Count),
        P("P_T3_GRANTED", "table3.granted.total", "(?<!不)(予以公开|同意公开)" + Quote + "(答复|信息数|的)?" + Count),
        P("P_T3_PARTIAL", "table3.partially_granted.total", "(部分公开|区分处理后(予以)?公开)" + Quote + "(答复|的)?" + Count),
        P("P_T3_DENIED", "table3.denied.total", "不予公开" + Quote + "(答复|的)?" + Count),
        P("P_T3_UNABLE", "table3.unable.total", "无法提供" + Quote + "(相关信息)?(答复|的)?" + Count),
        P("P_T3_NOT_PROCESSED", "table3.not_processed.total", "不予处理" + Quote + "(答复|的)?" + Count),
        P("P_T3_OTHER", "table3.other.total", "其他处理" + Quote + "的?" + Count),
        P("P_T3_RESULTS_TOTAL", "table3.results_total.total", "(?<!受理)(办结|办理完结)了?(政府信息公开|信息公开)?(申请)?" + Count),
        P("P_T3_RESULTS_TOTAL", "table3.results_total.total", "(规范|依法|及时)答复" + Count),
        P("P_T4_REVIEW_TOTAL", "table4.admin_review.total", "行政复议(案件|申请)?" + Cases),
        P("P_T4_LITIGATION_TOTAL", Litigation, "行政诉讼(案件)?" + Cases),
        P("P_T3_COMPLETION_RATE", CompletionRate, "(?<!按时|按期|及时)(办结率|办复率)(均为|为|达到|达)?(?<n>\\d+(\\.\\d+)?)(?<u>%)"),
    ];

    /// <summary>Words a completion-rate sentence must hold to be about applications (办结率 is also said of hotlines and services).</summary>
    public static readonly string[] ApplicationWords = ["申请", "依申请"];

    /// <summary>The cell a 2008–2018 report's fees phrase names (收取费用0元, in its 收费及减免 part).</summary>
    public const string LegacyFees = "legacy.fees.amount.year";

    /// <summary>
    /// The phrases read in a 2008–2018 report, which states the same quantities of its own table (<c>legacy_stats</c>):
    /// the phrases above whose quantity its indicators share, renamed to the legacy cell (<c>legacy.key.year</c>, as the
    /// wide layout names it) and rule, and the fees its 收费及减免 part states. The others name cells of the national
    /// tables a legacy report does not have, and are not read there.
    /// </summary>
    public static IReadOnlyList<ProseFactPattern> Legacy { get; } = LegacyPatterns();

    private static ProseFactPattern[] LegacyPatterns()
    {
        var renamed = new Dictionary<string, (string Rule, string Cell)>
        {
            ["table3.new_received.total"] = ("P_L_REQUESTS", "legacy.requests.received.year"),
            ["table3.granted.total"] = ("P_L_GRANTED", "legacy.replies.granted.year"),
            ["table3.partially_granted.total"] = ("P_L_PARTIAL", "legacy.replies.partial.year"),
            ["table3.denied.total"] = ("P_L_DENIED", "legacy.replies.denied.year"),
            ["table4.admin_review.total"] = ("P_L_REVIEW", "legacy.review.count.year"),
            [Litigation] = ("P_L_LITIGATION", "legacy.litigation.count.year"),
        };
        var patterns = new List<ProseFactPattern>();
        foreach (var pattern in All)
        {
            if (renamed.TryGetValue(pattern.Cell, out var legacy))
            {
                patterns.Add(pattern with { Rule = legacy.Rule, Cell = legacy.Cell });
            }
        }

        patterns.Add(P("P_L_FEES", LegacyFees,
            "(收取|收缴)了?(政府信息公开|信息公开|依申请公开)?的?(相关)?(费用|检索费|复制费|邮寄费|工本费)(共|合计|总计)?(?<n>\\d+(\\.\\d+)?)(?<u>万元|元)"));
        return [.. patterns];
    }

    private static ProseFactPattern P(string rule, string cell, string expression) =>
        new(rule, cell, new Regex(expression, RegexOptions.CultureInvariant));
}
