namespace ReportParser.Text;

/// <summary>
/// The words of site chrome in scraped text: what a breadcrumb starts with, the toolbar words a
/// CMS prints around an article, and the footer words after it. Matched on text folded by
/// <c>TextFold.ForMatching</c> (Simplified, half-width).
/// </summary>
internal static class ChromeVocabulary
{
    /// <summary>Labels a breadcrumb starts with ("当前位置：首页 > 政务公开 > …").</summary>
    public static readonly string[] BreadcrumbLabels = ["您现在的位置", "您当前的位置", "您当前位置", "您的位置", "当前位置", "所在位置"];

    /// <summary>Characters that join the steps of a breadcrumb path.</summary>
    public const string BreadcrumbSeparators = ">»›→/\\|-—·";

    /// <summary>
    /// Toolbar and footer words: share buttons, print/close, font size, version switches, download
    /// links. A run of several of them, separated by white space, is chrome wherever it stands.
    /// </summary>
    public static readonly HashSet<string> ToolbarWords =
    [
        "微信", "微博", "QQ空间", "QQ", "腾讯微博", "新浪微博", "人人网", "豆瓣", "分享到", "分享", "收藏", "打印", "关闭",
        "打印本页", "关闭窗口", "打印此页", "关闭本页", "字号", "字体", "大", "中", "小", "全真版", "文字版", "无障碍",
        "文件下载", "附件下载", "附件", "相关链接", "相关文章", "扫一扫", "返回顶部", "回到顶部", "上一篇", "下一篇",
        "浏览次数", "访问量", "纠错", "我要纠错", "-->", "<!--",
    ];

    /// <summary>Toolbar words that never occur alone in prose: one of them alone at the end of a line is chrome too.</summary>
    public static readonly HashSet<string> FooterWords =
    [
        "附件下载", "打印本页", "关闭窗口", "打印此页", "关闭本页", "返回顶部", "回到顶部", "-->", "<!--", "全真版", "文字版",
    ];

    /// <summary>Words of one character (大 中 小) count only inside a run that has a longer toolbar word.</summary>
    public static bool IsWeakToolbarWord(string word) => word.Length == 1;
}
