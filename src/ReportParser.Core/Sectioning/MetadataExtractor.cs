using System.Globalization;
using System.Text.RegularExpressions;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Normalization;
using ReportParser.Reading;
using ReportParser.Text;

namespace ReportParser.Sectioning;

/// <summary>
/// Reads the report's metadata: title, agency, report year, 索引号, 文号, dates and template.
/// Sources in order of trust: the page's info box and meta tags, the text before the first section,
/// the signature block at the end, then content signals.
/// </summary>
internal sealed partial class MetadataExtractor
{
    /// <summary>Default number of lines before the first section searched for the title.</summary>
    public const int MaxTitleSearchLines = 40;

    /// <summary>Default shortest and longest line read as the title.</summary>
    public const int MinTitleLength = 6, MaxTitleLength = 80;

    /// <summary>Default longest agency name taken from a title (a longer "name" is a sentence).</summary>
    public const int MaxAgencyLength = 30;

    private readonly TemplateDetector _templates = new();

    /// <param name="crawler">The fields of a crawler's header block (<see cref="CrawlerHeader"/>), when the text has one.</param>
    public ReportMetadata Extract(SourceText source, IReadOnlyDictionary<string, string>? crawler, IReadOnlyList<Block> preamble,
        IReadOnlyList<SplitSection> sections, DiagnosticBag bag)
    {
        var page = source.Page?.Meta ?? new Dictionary<string, string>();
        crawler ??= new Dictionary<string, string>();
        var headerLines = preamble.OfType<TextLine>().Where(l => !ChromeFilter.IsChrome(l.Text)).ToList();
        var fields = ReadFields(headerLines);

        // A crawler's 标题 is the page's title field, written by the crawler, not a label in prose.
        string? title = Clean(crawler.GetValueOrDefault("title")) ?? TitleField(fields.GetValueOrDefault("title")) ?? FindTitle(headerLines)
            ?? CleanPageTitle(Get(page, "title")) ?? CleanPageTitle(source.Page?.Title);
        var signature = FindSignature(sections);
        // A crawler copies the CMS's 发布机构, often a desk ("办公室", "桌面") or a placeholder ("1"): the
        // agency the title names comes first, then a 发布机构 that reads as an agency's name.
        string? agency = crawler.Count > 0
            ? AgencyFromTitle(title) ?? AgencyName(crawler.GetValueOrDefault("agency"))
            : Clean(fields.GetValueOrDefault("agency")) ?? Clean(Get(page, "agency"));
        agency ??= signature.Agency ?? AgencyFromTitle(title) ?? Clean(fields.GetValueOrDefault("source")) ?? AgencyFromContact(headerLines);
        if (agency is null)
        {
            bag.Report(DiagnosticCodes.NoAgency, "no 发布机构 field, signature block or agency name in the title was found");
        }

        string? written = ParseDate(fields.GetValueOrDefault("written_date")) ?? ParseDate(Get(page, "written_date")) ?? signature.Date;
        string? published = ParseDate(crawler.GetValueOrDefault("published_date")) ?? ParseDate(fields.GetValueOrDefault("published_date")) ?? ParseDate(Get(page, "published_date"))
            ?? ParseDate(fields.GetValueOrDefault("open_date")) ?? ParseDate(fields.GetValueOrDefault("date"));
        int? year = FindYear(title, preamble, sections, written ?? published, bag);
        string template = _templates.Detect(source, sections, year, bag);

        return new ReportMetadata
        {
            Title = AsWritten(title, headerLines),
            Agency = AsWritten(agency, headerLines),
            ReportYear = year,
            IndexNumber = AsWritten(Clean(crawler.GetValueOrDefault("index_number")) ?? Clean(fields.GetValueOrDefault("index_number")) ?? Clean(Get(page, "index_number")), headerLines),
            DocumentNumber = AsWritten(crawler.Count > 0 ? Clean(crawler.GetValueOrDefault("document_number"))
                : Clean(fields.GetValueOrDefault("document_number")) ?? Clean(Get(page, "document_number")), headerLines),
            WrittenDate = written,
            PublishedDate = published,
            Template = template,
        };
    }

    /// <summary>An info-box 标题 is the title only when it names a report (the label also occurs in prose).</summary>
    /// <summary>
    /// A value read from the folded text, as the first header line holding it writes it (full widths
    /// kept); the value itself when no line holds it whole (a title joined from two lines, a page field).
    /// </summary>
    private static string? AsWritten(string? value, IReadOnlyList<TextLine> lines)
    {
        if (value is null)
        {
            return null;
        }

        foreach (var line in lines)
        {
            if (line.Shown is not null && line.Text.Contains(value, StringComparison.Ordinal))
            {
                return line.ShownOf(value);
            }
        }

        return value;
    }

    private static string? TitleField(string? value) =>
        Clean(value) is { Length: >= 6 } v && (v.Contains("报告", StringComparison.Ordinal) || v.Contains("年报", StringComparison.Ordinal)) ? v : null;

    private static string? Get(IReadOnlyDictionary<string, string> meta, string key) =>
        meta.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>Label/value pairs of the info box: "索引号: X", "[ 索 引 号 ] | X", "发布机构 区审批中心".</summary>
    private static Dictionary<string, string> ReadFields(IEnumerable<TextLine> lines)
    {
        var fields = new Dictionary<string, string>();
        foreach (var line in lines)
        {
            foreach (Match m in FieldPattern().Matches(line.Text))
            {
                string key = FieldKey(TextFold.ForMatching(m.Groups["label"].Value));
                string value = m.Groups["value"].Value.Trim();
                if (key.Length > 0 && !fields.ContainsKey(key) && value.Length > 0 && !IsLabel(value))
                {
                    fields[key] = value;
                }
            }
        }

        return fields;
    }

    /// <summary>
    /// The key a field label fills: the info-box labels' (InfoLabels), except that a 公开日期 is kept
    /// apart from a 发布日期 (the published date prefers the latter), a bare 来源 or 日期 is a weaker
    /// source of the agency or date, and a 信息来源 names the agency.
    /// </summary>
    private static string FieldKey(string label) => label switch
    {
        "公开日期" or "公开时间" => "open_date",
        "来源" => "source",
        "日期" => "date",
        "信息来源" => "agency",
        "成文时间" => "written_date",
        _ => InfoLabels.KeyOf(label),
    };

    // "来源： 时间：2020-01-08": an empty field followed by the next label is no value.
    private static bool IsLabel(string value) => FieldKey(TextFold.ForMatching(value)) != "" || value.StartsWith('[') || value.StartsWith('【')
        || (value.IndexOfAny([':', '：']) is > 0 and var colon && TextFold.ForMatching(value[..colon]) is var label
            && (FieldKey(label) != "" || label is "时间" or "作者" or "浏览次数" or "点击数"));

    /// <summary>A 发布机构 value that names an agency (平潭综合实验区市场监督管理局), not a desk or a placeholder.</summary>
    private static string? AgencyName(string? value) =>
        Clean(value) is { Length: >= 5 } v && AgencySuffixes.Any(s => v.EndsWith(s, StringComparison.Ordinal)) ? v : null;

    private static readonly string[] AgencySuffixes = ["局", "委员会", "委", "办公室", "政府", "中心", "厅", "院", "所", "处", "站", "队", "管理局", "片区"];

    [GeneratedRegex(@"(?:[\[【]\s*)?(?<label>索\s*引\s*号|标\s*题|发\s*布\s*机\s*构|发\s*文\s*机\s*关|发\s*布\s*单\s*位|信\s*息\s*来\s*源|文\s*号|发\s*文\s*字\s*号|成\s*文\s*日\s*期|成\s*文\s*时\s*间|生\s*成\s*日\s*期|发\s*布\s*日\s*期|发\s*布\s*时\s*间|公\s*开\s*日\s*期|公\s*开\s*时\s*间|来\s*源|日\s*期)\s*[\]】]?\s*[:|]?\s*(?<value>\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{4}年\d{1,2}月\d{1,2}日|[^\s|\[【]*)")]
    private static partial Regex FieldPattern();

    private static string? FindTitle(IReadOnlyList<TextLine> lines)
    {
        string? previous = null;
        foreach (var line in lines.Take(MaxTitleSearchLines))
        {
            // A Markdown heading mark from a PDF or Word conversion is not part of the title.
            string text = ChromeFilter.StripTrailingPipes(line.Text).Trim().TrimStart('#', '*').Trim();
            string? before = previous;
            previous = text;

            // A title wrapped before its last words: "某局2013年度信息公开工作" / "年度报告".
            if (before is not null && text.Length is > 0 and < 12 && IsTitleTail(text) && IsTitleStart(before))
            {
                return before + text;
            }

            if (text.Length is < MinTitleLength or > MaxTitleLength || text.StartsWith('本') || text.StartsWith("根据", StringComparison.Ordinal)
                || text.Contains('。') || FieldPattern().IsMatch(text) && text.Contains(':'))
            {
                continue;
            }

            string folded = TextFold.ForMatching(text);
            if ((folded.Contains("报告", StringComparison.Ordinal) || folded.EndsWith("年报", StringComparison.Ordinal))
                && (folded.Contains("公开", StringComparison.Ordinal) || folded.Contains("年度", StringComparison.Ordinal)))
            {
                // A title wrapped after its year: "某街道办事处2025年" / "政府信息公开工作年度报告".
                return before is { Length: > 0 and < 40 } && TitleHead().IsMatch(before) ? before + text : text;
            }
        }

        return null;
    }

    private static bool IsTitleTail(string text) =>
        (text.EndsWith("报告", StringComparison.Ordinal) || text.EndsWith("年报", StringComparison.Ordinal)) && YearPatterns.FirstYear(text) is null;

    private static bool IsTitleStart(string text) =>
        text.Length is >= 6 and < 40 && YearPatterns.FirstYear(text) is not null && !text.StartsWith('本')
        && text.IndexOfAny(['。', ',', ':', ';', '|']) < 0 && text.Contains("公开", StringComparison.Ordinal);

    /// <summary>Page titles carry the site name after a separator: "…年度报告_郯城县人民政府".</summary>
    private static string? CleanPageTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        string t = title.Trim();
        int cut = t.IndexOfAny(['_', '|', '－']);
        if (cut < 0)
        {
            cut = t.IndexOf(" - ", StringComparison.Ordinal);
        }

        return cut > 5 ? t[..cut].Trim() : t;
    }

    private static readonly string[] LetterWords = ["关于报送", "关于印发", "关于公布", "关于", "《"];

    private static string? AgencyFromTitle(string? title)
    {
        if (title is null)
        {
            return null;
        }

        if (!YearPatterns.FindYear(title, 0, out int at, out int afterYear))
        {
            return null;
        }

        if (at < 2)
        {
            // The year first: "2019年上海市人民政府办公厅政府信息公开工作年度报告".
            int from = afterYear < title.Length && title[afterYear] == '度' ? afterYear + 1 : afterYear;
            int to = title.IndexOf("政府信息公开", from, StringComparison.Ordinal);
            string between = to > from ? title[from..to].Trim() : "";
            return between.Length is >= 2 and <= MaxAgencyLength ? between : null;
        }

        // A covering letter's title: "关于报送《某局2016年…》的函", "某局关于报送2020年度…的函".
        string prefix = title[..at].Trim();
        foreach (string words in LetterWords)
        {
            if (prefix.StartsWith(words, StringComparison.Ordinal))
            {
                prefix = prefix[words.Length..];
            }

            if (prefix.EndsWith(words, StringComparison.Ordinal))
            {
                prefix = prefix[..^words.Length];
            }
        }

        prefix = prefix.Trim('《', '〈', '"', '“', ' ').Trim();
        return prefix.Length is >= 2 and <= MaxAgencyLength && !char.IsAsciiDigit(prefix[0]) ? prefix : null;
    }

    /// <summary>Last resort: the office the preamble names for questions ("如对本报告有疑问,请与X联系").</summary>
    private static string? AgencyFromContact(IEnumerable<TextLine> lines)
    {
        foreach (var line in lines)
        {
            if (ContactPattern().Match(line.Text) is { Success: true } m)
            {
                return m.Groups[1].Value.Trim();
            }
        }

        return null;
    }

    /// <summary>The signature block at the end: an organisation line followed by a date line.</summary>
    private static (string? Agency, string? Date) FindSignature(IReadOnlyList<SplitSection> sections)
    {
        if (sections.Count == 0)
        {
            return (null, null);
        }

        var tail = sections[^1].Blocks.OfType<TextLine>()
            .Select(l => ChromeFilter.StripTrailingPipes(l.Text).Trim())
            .Where(t => t.Length > 0 && !ChromeFilter.IsChrome(t))
            .TakeLast(6)
            .ToList();
        for (int i = tail.Count - 1; i >= 1; i--)
        {
            var date = SignatureDate().Match(tail[i]);
            if (!date.Success)
            {
                continue;
            }

            string org = tail[i - 1];
            bool looksLikeOrg = org.Length is >= 3 and <= 40 && !org.Contains('。') && !org.Contains(',') && !org.Contains(':')
                && OrgSuffix().IsMatch(org);
            return (looksLikeOrg ? org : null, FormatDate(date.Groups[1].Value, date.Groups[2].Value, date.Groups[3].Value));
        }

        return (null, null);
    }

    private static int? FindYear(string? title, IReadOnlyList<Block> preamble, IReadOnlyList<SplitSection> sections, string? date, DiagnosticBag bag)
    {
        int? fromTitle = null;
        if (title is not null && YearPatterns.FirstYear(title) is { } titleYear)
        {
            fromTitle = int.Parse(titleYear, CultureInfo.InvariantCulture);
        }

        var text = preamble.OfType<TextLine>().Concat(sections.Take(1).SelectMany(s => s.Blocks).OfType<TextLine>()).ToList();
        int? fromPeriod = StatisticsPeriodYear(text, bag);
        if (fromTitle is { } t && fromPeriod is { } p && t != p)
        {
            bag.Report(DiagnosticCodes.YearConflict, $"the title says {t} but the statistics period ends in {p}; used {t}");
        }

        if ((fromTitle ?? fromPeriod) is { } year)
        {
            return year;
        }

        // First "20xx年" in the report's opening (e.g. "2023年,县行政审批服务局…").
        foreach (var line in text)
        {
            if (YearPatterns.FirstYear(line.Text) is { } lineYear)
            {
                return int.Parse(lineYear, CultureInfo.InvariantCulture);
            }
        }

        // Reports are published in the first months of the following year.
        if (date is not null && DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Month <= 6)
        {
            return d.Year - 1;
        }

        bag.Report(DiagnosticCodes.NoReportYear, "no year in the title, no statistics period, and no dated metadata");
        return null;
    }

    /// <summary>"统计期限自2019年1月1日起至2019年12月31日止" gives 2019; a damaged "自201411日起至20141231日止" is read with a diagnostic.</summary>
    private static int? StatisticsPeriodYear(IReadOnlyList<TextLine> lines, DiagnosticBag bag)
    {
        foreach (var line in lines)
        {
            int at = line.Text.IndexOf("统计期", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            string sentence = line.Text[at..Math.Min(line.Text.Length, at + 60)];
            if (YearPatterns.LastYear(sentence) is { } lastYear)
            {
                return int.Parse(lastYear, CultureInfo.InvariantCulture);
            }

            if (YearPatterns.FindDamagedDate(sentence, out string damaged, out string damagedYear))
            {
                bag.Report(DiagnosticCodes.DamagedDate,
                    $"the statistics period \"{damaged}\" lost 年/月 in scraping; read its year as {damagedYear}", line.Line);
                return int.Parse(damagedYear, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    internal static string? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return YearPatterns.FindDate(text, out string year, out string month, out string day) ? FormatDate(year, month, day) : null;
    }

    private static string? FormatDate(string y, string mo, string d)
    {
        int year = int.Parse(y, CultureInfo.InvariantCulture);
        int month = int.Parse(mo, CultureInfo.InvariantCulture);
        int day = int.Parse(d, CultureInfo.InvariantCulture);
        if (year is < 1990 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return $"{year:D4}-{month:D2}-{day:D2}";
    }

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        string v = value.Trim().Trim('|', ':', ' ');
        return v.Length == 0 ? null : v;
    }

    [GeneratedRegex(@"(?:请与|可与|请联系)([^\s,，。:()（）]{2,30}?)联系")]
    private static partial Regex ContactPattern();

    [GeneratedRegex(@"^[^\s,。:]{2,}(?:19|20)\d{2}\s*年度?$")]
    private static partial Regex TitleHead();

    [GeneratedRegex(@"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")]
    private static partial Regex SignatureDate();

    [GeneratedRegex(@"(局|中心|办公室|政府|委员会|委|办|厅|院|处|所|站|队|街道|镇|乡|区|县|市|公司|会)$")]
    private static partial Regex OrgSuffix();
}
