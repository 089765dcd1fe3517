namespace ReportParser.Text;

/// <summary>
/// The words of site chrome in scraped text: what a breadcrumb starts with, the toolbar words a
/// CMS prints around an article, and the footer words after it. Matched on text folded by
/// <c>TextFold.ForMatching</c> (Simplified, half-width).
/// </summary>
internal static class ChromeVocabulary
{
    /// <summary>Labels a breadcrumb starts with ("当前位置：首页 > 政务公开 > …"), longest first; Traditional forms for pages read before conversion.</summary>
    public static readonly string[] BreadcrumbLabels =
    [
        "您现在的位置", "您当前的位置", "你现在的位置", "您現在的位置", "您当前位置", "当前的位置", "您的位置", "你的位置", "当前位置", "當前位置",
        "所在位置", "现在位置",
    ];

    /// <summary>Whole lines that are page furniture ("打印本页关闭窗口", "扫一扫在手机上查看当前页面"), folded for matching.</summary>
    public static readonly HashSet<string> WholeLines =
    [
        "首页", "打印", "关闭", "打印关闭", "打印本页", "关闭窗口", "打印本页关闭窗口", "打印此页", "关闭本页",
        "相关词条", "热门词条", "联络我们", "联系我们", "基本介绍", "返回顶部", "回到顶部", "分享到", "收藏",
        "相关链接", "相关文章", "相关信息", "扫一扫在手机打开当前页", "扫一扫在手机上查看当前页面",
        "字号大中小", "字体大中小", "字号:大中小", "字体:大中小", "【字号大中小】", "【字体:大中小】", "上一篇", "下一篇",
    ];

    /// <summary>The heading of a related-links box ("相关链接", "【相关文章】"), Traditional forms included.</summary>
    public static readonly HashSet<string> RelatedHeadings =
    [
        "相关链接", "相关文章", "相关阅读", "相关新闻", "相关信息", "相关稿件", "相关推荐", "相关词条", "热门词条", "相關連結", "相關文章",
        "相關詞條", "熱門詞條",
    ];

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
        "浏览次数", "访问量", "纠错", "我要纠错", "-->", "<!--", "返回首页", "返回", "收藏本页", "默认", "保存本页", "在手机上查看",
        "打印本頁", "關閉視窗", "關閉",
    ];

    /// <summary><see cref="ToolbarWords"/>, longest first: a line of tools is read by taking words off its start.</summary>
    public static readonly string[] ToolbarWordsLongestFirst = LongestFirst(ToolbarWords);

    // Array.Sort with a comparison over strings rather than LINQ's OrderBy by an int key, whose code
    // would be compiled at run time on every start.
    private static string[] LongestFirst(HashSet<string> words)
    {
        var sorted = new string[words.Count];
        words.CopyTo(sorted);
        Array.Sort(sorted, (a, b) => a.Length != b.Length ? b.Length - a.Length : string.CompareOrdinal(a, b));
        return sorted;
    }

    /// <summary>Toolbar words that never occur alone in prose: one of them alone at the end of a line is chrome too.</summary>
    public static readonly HashSet<string> FooterWords =
    [
        "附件下载", "打印本页", "关闭窗口", "打印此页", "关闭本页", "返回顶部", "回到顶部", "-->", "<!--", "全真版", "文字版",
    ];

    /// <summary>Words of one character (大 中 小) count only inside a run that has a longer toolbar word.</summary>
    public static bool IsWeakToolbarWord(string word) => word.Length == 1;
}
