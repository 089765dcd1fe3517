using System.Text;
using System.Text.RegularExpressions;

namespace ReportParser.Text;

/// <summary>
/// The labels of the info box that government CMSes put above a document (索引号, 发布机构, 成文日期 …),
/// with the normalised metadata key each one fills (null: recognised but not kept as a key).
/// </summary>
internal static partial class InfoLabels
{
    private static readonly (string Label, string? Key)[] Labels =
    [
        ("索引号", "index_number"), ("索取号", "index_number"), ("統一編號", "index_number"),
        ("发布机构", "agency"), ("发文机关", "agency"), ("发文单位", "agency"), ("发布单位", "agency"), ("发布机关", "agency"),
        ("發布機構", "agency"), ("發文機關", "agency"),
        ("文号", "document_number"), ("发文字号", "document_number"), ("文號", "document_number"), ("發文字號", "document_number"),
        ("成文日期", "written_date"), ("生成日期", "written_date"), ("发文日期", "written_date"), ("成文時間", "written_date"),
        ("发布日期", "published_date"), ("公开日期", "published_date"), ("发布时间", "published_date"), ("公开时间", "published_date"),
        ("發布日期", "published_date"), ("公開日期", "published_date"),
        ("标题", "title"), ("名称", "title"), ("標題", "title"),
        ("主题分类", null), ("公开方式", null), ("公开范围", null), ("有效性", null), ("信息分类", null), ("体裁分类", null),
        ("组配分类", null), ("信息来源", null), ("所属主题", null), ("公开形式", null), ("时效", null), ("主题词", null),
        ("废止日期", null), ("生效日期", null), ("公開方式", null), ("主題分類", null),
    ];

    /// <summary>Whitespace (including U+00A0, U+3000), brackets and colons around or inside a label cell: [ 索 引  号 ]：.</summary>
    private static string Strip(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c) && c is not ('[' or ']' or '【' or '】' or '［' or '］' or ':' or '：' or '〔' or '〕'))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The metadata key a label fills ("发布时间" → published_date); "" for a label kept as no key or for no label.</summary>
    public static string KeyOf(string label) => Array.Find(Labels, l => l.Label == label).Key ?? "";

    /// <summary>True when the whole text is one label (a label cell of an info-box table).</summary>
    public static bool IsLabel(string text)
    {
        string s = Strip(text);
        return s.Length is > 0 and <= 6 && Array.Exists(Labels, l => l.Label == s);
    }

    /// <summary>True when the text is or starts with a label (a label cell, or a cell holding "索引号：…").</summary>
    public static bool StartsWithLabel(string text)
    {
        string s = Strip(text.Length > 40 ? text[..40] : text);
        return Array.Exists(Labels, l => s.StartsWith(l.Label, StringComparison.Ordinal));
    }

    /// <summary>How many distinct labels occur in the text.</summary>
    public static int CountIn(string text)
    {
        string s = Strip(text);
        int n = 0;
        foreach (var (label, _) in Labels)
        {
            if (label.Length >= 3 && s.Contains(label, StringComparison.Ordinal))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The label–value pairs found in one line (“索引号: A 发布机构: B”); values as given, trimmed.</summary>
    public static IEnumerable<(string Key, string Value)> Pairs(string line)
    {
        var matches = LabelPattern().Matches(line);
        for (int i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            int end = i + 1 < matches.Count ? matches[i + 1].Index : line.Length;
            string value = line[(m.Index + m.Length)..end].Trim(' ', '\t', '\u00A0', '\u3000', '|', '[', '【', ':', '：');
            string label = Strip(m.Value);
            string? key = Array.Find(Labels, l => l.Label == label).Key;
            if (key is not null)
            {
                yield return (key, value);
            }
        }
    }

    [GeneratedRegex(@"(?:[\[【［][\s\u00A0\u3000]*)?(?:索[\s\u00A0\u3000]*引[\s\u00A0\u3000]*号|索取号|統一編號|发[\s\u00A0\u3000]*布[\s\u00A0\u3000]*机[\s\u00A0\u3000]*构|发文机关|发文单位|发布单位|发布机关|發布機構|發文機關|发文字号|發文字號|文[\s\u00A0\u3000]*号|文號|成[\s\u00A0\u3000]*文[\s\u00A0\u3000]*日[\s\u00A0\u3000]*期|生成日期|发文日期|成文時間|发[\s\u00A0\u3000]*布[\s\u00A0\u3000]*日[\s\u00A0\u3000]*期|公[\s\u00A0\u3000]*开[\s\u00A0\u3000]*日[\s\u00A0\u3000]*期|发布时间|公开时间|發布日期|公開日期|主题分类|主題分類|公开方式|公開方式|公开范围|有[\s\u00A0\u3000]*效[\s\u00A0\u3000]*性|信息分类|体裁分类|组配分类|信息来源|所属主题|公开形式|主题词|废止日期|生效日期)[\s\u00A0\u3000]*[\]】］]?[\s\u00A0\u3000]*[:：]?")]
    private static partial Regex LabelPattern();
}
