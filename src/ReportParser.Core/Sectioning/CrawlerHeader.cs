using System.Text.RegularExpressions;
using ReportParser.Normalization;
using ReportParser.Reading;
using ReportParser.Text;
using ReportParser.Model;

namespace ReportParser.Sectioning;

/// <summary>
/// The header block a crawler writes before a page's text: <c>key: value</c> lines (标题, 发布时间,
/// 文号, 发布机构, 栏目, 原文链接, …) and a separator line such as <c>===== 正文 =====</c>.
/// </summary>
/// <param name="Fields">Values by field key (<c>title</c>, <c>published_date</c>, <c>document_number</c>, <c>agency</c>, <c>column</c>, <c>url</c>).</param>
/// <param name="BodyStart">Index of the first block after the separator.</param>
/// <param name="Lines">The header's text lines, separator included, as they were.</param>
internal sealed partial record CrawlerHeader(IReadOnlyDictionary<string, string> Fields, int BodyStart, IReadOnlyList<string> Lines)
{
    /// <summary>Default number of lines from the top within which the separator must stand.</summary>
    public const int DefaultMaxHeaderLines = 30;

    /// <summary>Default number of <c>key: value</c> lines the block needs above its separator.</summary>
    public const int DefaultMinFieldLines = 2;

    /// <summary>The header at the top of <paramref name="blocks"/>, or null when the text has none.</summary>
    public static CrawlerHeader? Read(IReadOnlyList<Block> blocks)
    {
        int limit = Math.Min(blocks.Count, DefaultMaxHeaderLines);
        for (int i = 0; i < limit; i++)
        {
            if (blocks[i] is not TextLine line)
            {
                return null;
            }

            if (!Separator().IsMatch(line.Text))
            {
                continue;
            }

            var fields = new Dictionary<string, string>();
            var lines = new List<string>(i + 1);
            int fieldLines = 0;
            for (int k = 0; k < i; k++)
            {
                string text = ((TextLine)blocks[k]).Text;
                lines.Add(text);
                var m = Field().Match(text);
                if (!m.Success)
                {
                    continue;
                }

                fieldLines++;
                string key = KeyOf(TextFold.ForMatching(m.Groups["label"].Value));
                string value = m.Groups["value"].Value.Trim();
                if (key.Length > 0 && value.Length > 0)
                {
                    fields.TryAdd(key, value);
                }
            }

            lines.Add(line.Text);
            return fieldLines >= DefaultMinFieldLines ? new CrawlerHeader(fields, i + 1, lines) : null;
        }

        return null;
    }

    /// <summary>The info-box labels' keys (InfoLabels), and the fields only a crawler writes: the page's column, its address, a bare 时间/来源.</summary>
    private static string KeyOf(string label) => label switch
    {
        "时间" or "日期" => "published_date",
        "来源" => "agency",
        "题名" => "title",
        "栏目" or "分类" => "column",
        "原文链接" or "链接" or "网址" or "url" or "URL" or "source" => "url",
        _ => InfoLabels.KeyOf(label),
    };

    // "===== 正文 =====", "------ 正文 ------", "=== 正文内容 ===".
    [GeneratedRegex(@"^\s*[=\-—*#]{3,}\s*正\s*文(?:内容)?\s*[=\-—*#]{3,}\s*$")]
    private static partial Regex Separator();

    // "标题: …", "原文链接: https://…": a short label, a colon, the value.
    [GeneratedRegex(@"^\s*(?<label>[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,8})\s*[:：]\s?(?<value>.*)$")]
    private static partial Regex Field();
}
