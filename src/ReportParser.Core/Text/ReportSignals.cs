namespace ReportParser.Text;

/// <summary>
/// Phrases that only the body of an information-disclosure report holds: the titles of the
/// statistics parts and the labels of 表三. A site's navigation and related-report lists name
/// reports ("…2022年政府信息公开工作年度报告"), never these.
/// </summary>
internal static class ReportSignals
{
    public static readonly string[] Phrases =
    [
        "收到和处理政府信息公开申请情况", "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "结转下年度继续办理",
        "政府信息公开行政复议", "主动公开政府信息情况", "存在的主要问题",
    ];

    /// <summary>How many times the phrases occur in <paramref name="text"/>, white space inside them ignored (wrapped cells).</summary>
    public static int CountIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        text = WithoutWhiteSpace(text);
        int count = 0;
        foreach (string phrase in Phrases)
        {
            count += Count(text, phrase);
        }

        return count;
    }

    private static int Count(string text, string phrase)
    {
        int count = 0;
        for (int at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The first phrase that occurs more often in <paramref name="all"/> than in <paramref name="kept"/>, for a message; empty when none does.</summary>
    public static string FirstLeftOut(string all, string kept)
    {
        foreach (string phrase in Phrases)
        {
            if (Count(WithoutWhiteSpace(all), phrase) > Count(WithoutWhiteSpace(kept), phrase))
            {
                return phrase;
            }
        }

        return "";
    }

    private static string WithoutWhiteSpace(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
