using System.Text;

namespace ReportParser.Tests.Tables;

/// <summary>
/// 表三 as real reports print it, with the row values given per row key; rendered in the shapes
/// scraped text takes. Labels are written out here as printed (not taken from the library).
/// </summary>
internal static class Table3Samples
{
    public const string Header =
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他";

    /// <summary>Row key, printed label, and the group label printed before it (rowspan cells appear once).</summary>
    public static readonly (string Key, string Label, string? Group)[] Rows2021 =
    [
        ("new_received", "一、本年新收政府信息公开申请数量", null),
        ("carried_over", "二、上年结转政府信息公开申请数量", null),
        ("granted", "(一)予以公开", "三、本年度办理结果"),
        ("partially_granted", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", null),
        ("denied.state_secret", "1.属于国家秘密", "(三)不予公开"),
        ("denied.law_prohibited", "2.其他法律行政法规禁止公开", null),
        ("denied.security_stability", "3.危及“三安全一稳定”", null),
        ("denied.third_party_rights", "4.保护第三方合法权益", null),
        ("denied.internal_affairs", "5.属于三类内部事务信息", null),
        ("denied.process_info", "6.属于四类过程性信息", null),
        ("denied.enforcement_case_file", "7.属于行政执法案卷", null),
        ("denied.administrative_query", "8.属于行政查询事项", null),
        ("unable.not_held", "1.本机关不掌握相关政府信息", "(四)无法提供"),
        ("unable.needs_creation", "2.没有现成信息需要另行制作", null),
        ("unable.still_unclear", "3.补正后申请内容仍不明确", null),
        ("not_processed.petition_complaint", "1.信访举报投诉类申请", "(五)不予处理"),
        ("not_processed.duplicate", "2.重复申请", null),
        ("not_processed.publication", "3.要求提供公开出版物", null),
        ("not_processed.excessive", "4.无正当理由大量反复申请", null),
        ("not_processed.confirm_or_reissue", "5.要求行政机关确认或重新出具已获取信息", null),
        ("other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "(六)其他处理"),
        ("other.fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", null),
        ("other.other", "3.其他", null),
        ("results_total", "(七)总计", null),
        ("carried_forward", "四、结转下年度继续办理", null),
    ];

    public static readonly (string Key, string Label, string? Group)[] Rows2019 =
    [
        .. Rows2021.Where(r => !r.Key.StartsWith("other.", StringComparison.Ordinal) && r.Key != "results_total" && r.Key != "carried_forward"),
        ("other", "(六)其他处理", null),
        ("results_total", "(七)总计", null),
        ("carried_forward", "四、结转下年度继续办理", null),
    ];

    /// <summary>
    /// A consistent gov2021 table (every rule holds): 64/0/0/2/0/4 new, 3 carried over, outcomes spread
    /// over several rows, 15/0/0/0/0/1 carried forward.
    /// </summary>
    public static Dictionary<string, int[]> Busy2021() => new()
    {
        ["new_received"] = [64, 0, 0, 2, 0, 4, 70],
        ["carried_over"] = [3, 0, 0, 0, 0, 0, 3],
        ["granted"] = [30, 0, 0, 1, 0, 0, 31],
        ["partially_granted"] = [5, 0, 0, 0, 0, 0, 5],
        ["denied.third_party_rights"] = [2, 0, 0, 0, 0, 1, 3],
        ["unable.not_held"] = [10, 0, 0, 0, 0, 2, 12],
        ["not_processed.duplicate"] = [1, 0, 0, 0, 0, 0, 1],
        ["other.other"] = [4, 0, 0, 1, 0, 0, 5],
        ["results_total"] = [52, 0, 0, 2, 0, 3, 57],
        ["carried_forward"] = [15, 0, 0, 0, 0, 1, 16],
    };

    public static int[] ValuesOf(Dictionary<string, int[]> values, string key) => values.TryGetValue(key, out var v) ? v : new int[7];

    /// <summary>One row per line, labels and digits run together with no separator at all.</summary>
    public static string NoSeparators(Dictionary<string, int[]> values, bool gov2021 = true)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var (key, label, group) in gov2021 ? Rows2021 : Rows2019)
        {
            sb.Append(group).Append(label).Append(string.Concat(ValuesOf(values, key))).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Rows written inline with pipes: <c>label | v | v | …</c>.</summary>
    public static string Pipes(Dictionary<string, int[]> values, bool gov2021 = true)
    {
        var sb = new StringBuilder(Header).Append(" |\n");
        foreach (var (key, label, group) in gov2021 ? Rows2021 : Rows2019)
        {
            if (group is not null)
            {
                sb.Append(group).Append(" | ");
            }

            sb.Append(label).Append(" | ").Append(string.Join(" | ", ValuesOf(values, key))).Append('\n');
        }

        return sb.ToString();
    }
}
