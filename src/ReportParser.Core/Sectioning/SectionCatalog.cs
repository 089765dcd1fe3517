using ReportParser.Templates;
using ReportParser.Text;

namespace ReportParser.Sectioning;

/// <summary>
/// Known section titles and their canonical keys (spec §2). The six keys of the 2019/2021 templates
/// come with the aliases seen in real reports; legacy reports (2008–2018) are mapped by keywords,
/// with two keys of their own (<c>public_concerns</c>, <c>fees</c>). Unknown titles get no key.
/// </summary>
internal static class SectionCatalog
{
    /// <summary>Titles whose exact text we know, longest first so the longest prefix wins.</summary>
    public static IReadOnlyList<string> KnownTitles { get; } = new[]
    {
        // gov2019 / gov2021 (spec §2.1)
        "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况", "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
        "政府信息公开行政复议和行政诉讼情况", "政府信息公开行政复议及行政诉讼情况",
        "存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况",
        "政府信息公开工作存在的主要问题及改进措施", "存在的主要问题和改进措施", "存在问题及改进情况",
        "其他需要报告的事项", "需要说明的其他事项与附表", "无其他需要报告的事项",
        // legacy (spec §2.2)
        "概述", "主要工作概述", "开展政府信息公开工作基本情况", "政府信息公开工作基本情况",
        "主动公开政府信息的情况", "主动回应社会关切的情况", "主动回应社会关切情况",
        "依申请公开政府信息情况", "依申请公开政府信息的情况", "依申请公开信息的情况", "依申请公开政府信息和不予公开政府信息情况",
        "政府信息公开的收费及减免情况", "政府信息公开的收费情况及减免情况", "政府信息公开收费及减免情况",
        "因政府信息公开申请行政复议、提起行政诉讼的情况", "因政府信息公开申请行政复议、提起行政诉讼情况",
        "因政府信息公开申请行政复议和提起行政诉讼的情况",
        "政府信息公开工作存在的主要问题和改进措施", "需要说明的事项与附表", "其他需要说明的事项",
    }.OrderByDescending(t => t.Length).ToArray();

    /// <summary>Row labels of 表三 that look like section headings (一、本年新收…) and must never be taken for one (from the templates).</summary>
    public static IReadOnlyList<string> TableRowLabelStarts => TemplateCatalog.Default.HeadingLikeLabels.SectionStarts;

    /// <summary>Subsection-like labels of 表三 ((一)予以公开 …) that are table rows, not subsections (from the templates).</summary>
    public static IReadOnlyList<string> TableSubLabelStarts => TemplateCatalog.Default.HeadingLikeLabels.SubsectionStarts;

    /// <summary>Words a section title ends with; used to cut a title that runs straight into its prose.</summary>
    public static IReadOnlyList<string> TitleEndings { get; } =
        ["情况", "事项", "附表", "措施", "概述", "概况", "问题"];

    /// <summary>The canonical key for a section title, or null when the title is not recognised.</summary>
    public static string? KeyFor(string title)
    {
        string t = TextFold.ForMatching(title);
        if (t.Length == 0)
        {
            return null;
        }

        if (t.Contains("收费", StringComparison.Ordinal))
        {
            return "fees";
        }

        if (t.Contains("回应", StringComparison.Ordinal) && t.Contains("关切", StringComparison.Ordinal))
        {
            return "public_concerns";
        }

        if (t.Contains("复议", StringComparison.Ordinal) || t.Contains("诉讼", StringComparison.Ordinal))
        {
            return "review_litigation";
        }

        if (t.Contains("收到和处理", StringComparison.Ordinal) || t.Contains("依申请", StringComparison.Ordinal)
            || (t.Contains("申请", StringComparison.Ordinal) && t.Contains("公开", StringComparison.Ordinal) && !t.Contains("主动", StringComparison.Ordinal)))
        {
            return "applications";
        }

        if (t.Contains("主动公开", StringComparison.Ordinal))
        {
            return "active_disclosure";
        }

        if (t.Contains("问题", StringComparison.Ordinal) || t.Contains("改进", StringComparison.Ordinal))
        {
            return "problems";
        }

        if (t.Contains("其他", StringComparison.Ordinal) || t.Contains("需要说明", StringComparison.Ordinal) || t.Contains("需要报告", StringComparison.Ordinal))
        {
            return "other_matters";
        }

        if (t.Contains("概述", StringComparison.Ordinal) || t.Contains("总体情况", StringComparison.Ordinal)
            || t.Contains("基本情况", StringComparison.Ordinal) || t.Contains("概况", StringComparison.Ordinal))
        {
            return "overview";
        }

        return null;
    }

    /// <summary>The six keys the 2019 and 2021 templates require, in order.</summary>
    public static IReadOnlyList<string> GovKeys { get; } =
        ["overview", "active_disclosure", "applications", "review_litigation", "problems", "other_matters"];
}
