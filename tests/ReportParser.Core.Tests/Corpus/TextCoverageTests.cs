using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Normalization;
using ReportParser.Reading;
using ReportParser.Sectioning;

namespace ReportParser.Tests.Corpus;

/// <summary>
/// No text is lost silently. Every Han character of a report's body — the normalised text after a
/// crawler's header block, less the chrome that the splitter cuts as spans and counts — must reach
/// the JSON: the preamble, a section's or subsection's heading or text, or a table's row labels. The
/// measure is <c>shared/tools/coverage.py</c>'s (the official tables' header words taken out of both
/// sides, a character kept when a 4-character window around it occurs in the output), over every
/// seed, sample and real report; the chrome cut itself must be warned about past its bound.
/// </summary>
public class TextCoverageTests
{
    /// <summary>Share of the body's Han characters that must reach the output.</summary>
    private const double MinKeptPercent = 98.0;

    /// <summary>Longest run of lost Han characters tolerated (a lost sentence is longer).</summary>
    private const int MaxLostRun = 30;

    private const int Window = 4;

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (string root in new[] { "seeds", "samples" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(TestPaths.Output, root), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (Path.GetExtension(file) is ".txt" or ".html" or ".htm")
                {
                    data.Add(Path.GetRelativePath(TestPaths.Output, file).Replace('\\', '/'));
                }
            }
        }

        foreach (string report in RealCorpus.Reports())
        {
            data.Add("corpus/" + report);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_character_of_the_body_reaches_the_output_or_a_counted_chrome_cut(string input)
    {
        string path = input.StartsWith("corpus/", StringComparison.Ordinal)
            ? Path.Combine(RealCorpus.Root(), input["corpus/".Length..])
            : Path.Combine(TestPaths.Output, input);
        var options = ReportParserOptions.Default;
        var bag = new DiagnosticBag();
        var text = new SourceReader(options).Read(ReportSource.FromFile(path, input), bag).Text;
        Assert.NotNull(text);
        var blocks = new Normalizer(options).Normalize(text!).Text.Blocks;
        var header = CrawlerHeader.Read(blocks);
        var cut = ChromeCutter.Cut(header is null ? blocks : blocks.Skip(header.BodyStart).ToList());
        var body = new StringBuilder();
        foreach (var block in cut.Blocks)
        {
            if (block is TextLine line && !ChromeFilter.IsChrome(line.Text))
            {
                body.Append(line.Text).Append('\n');
            }
        }

        var document = new ReportPipeline(options).Parse(ReportSource.FromFile(path, input)).Document;
        var (kept, total, longest) = Measure(body.ToString(), OutputText(document));
        double percent = 100.0 * kept / Math.Max(1, total);
        Assert.True(percent >= MinKeptPercent && longest.Length <= MaxLostRun,
            $"{input}: {kept}/{total} Han characters of the body reach the output ({percent:F1}%, at least {MinKeptPercent}% wanted); longest lost run {longest.Length}: {longest}");
        if (cut.Characters > SectionSplitter.DefaultMaxSilentChromeCut)
        {
            Assert.Contains(document.Diagnostics ?? [], d => d.Code == DiagnosticCodes.ChromeCutLarge.Code);
        }
    }

    [Fact]
    public void A_lost_paragraph_fails_the_measure()
    {
        string kept1 = "我局高度重视政府信息公开工作，建立健全工作机制。";
        string lost = "全年围绕优化营商环境、乡村振兴、生态保护修复和海岛旅游发展等重点领域，通过门户网站专栏及新闻发布会向社会发布权威解读材料。";
        var (kept, total, longest) = Measure(kept1 + lost, kept1);
        Assert.True(100.0 * kept / total < MinKeptPercent);
        Assert.True(longest.Length > MaxLostRun);
    }

    private static string OutputText(ReportDocument document)
    {
        var parts = new List<string> { document.Preamble ?? "" };
        foreach (var section in document.Sections ?? [])
        {
            parts.Add(section.Heading);
            parts.Add(section.Text);
            foreach (var sub in section.Subsections)
            {
                parts.Add(sub.Heading);
                parts.Add(sub.Text);
            }
        }

        foreach (var table in document.Tables ?? [])
        {
            parts.AddRange(table.Rows.Select(r => r.Label));
            parts.AddRange((table.ExtraRows ?? []).Select(r => r.Label));
        }

        return string.Join('\n', parts);
    }

    /// <summary>Kept and total Han characters of <paramref name="body"/> (header words out), and its longest lost run.</summary>
    internal static (int Kept, int Total, string Longest) Measure(string body, string output)
    {
        string source = StripHeaderWords(Han(body));
        string got = StripHeaderWords(Han(output));
        var windows = new HashSet<string>();
        for (int i = 0; i + Window <= got.Length; i++)
        {
            windows.Add(got.Substring(i, Window));
        }

        var keep = new bool[source.Length];
        for (int i = 0; i + Window <= source.Length; i++)
        {
            if (windows.Contains(source.Substring(i, Window)))
            {
                Array.Fill(keep, true, i, Window);
            }
        }

        int kept = 0;
        string longest = "";
        var run = new StringBuilder();
        for (int i = 0; i <= source.Length; i++)
        {
            if (i < source.Length && !keep[i])
            {
                run.Append(source[i]);
                continue;
            }

            kept += i < source.Length ? 1 : 0;
            if (run.Length > longest.Length)
            {
                longest = run.ToString();
            }

            run.Clear();
        }

        return (kept, source.Length, longest);
    }

    private static string Han(string text) => string.Concat(text.Where(c => c is >= '\u4e00' and <= '\u9fff'));

    // The official tables' header words: a reconstructed table keeps them as structure (column keys,
    // group rows), not as text, so they are taken out of both sides (coverage.py's list).
    private static readonly string[] HeaderWords = """
        本列数据的勾稽关系为 第一项加第二项之和 等于第三项加第四项之和 申请人情况 自然人 法人或其他组织
        总计 合计 商业企业 科研机构 社会公益组织 法律服务机构 其他 信息内容 本年制发件数 本年废止件数 现行有效件数 规章
        行政规范性文件 规范性文件 本年处理决定数量 处理决定数量 行政许可 其他对外管理服务事项 行政处罚 行政强制 本年收费金额
        单位 万元 行政事业性收费 采购项目数量 采购总金额 政府集中采购 本年新制作数量 本年新公开数量 对外公开总数量 历史累计
        上一年项目数量 本年增 减 行政复议 行政诉讼 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结
        本年度办理结果 不予公开 无法提供 不予处理 其他处理 数据 类别
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Distinct().OrderByDescending(w => w.Length).ToArray();

    private static string StripHeaderWords(string han)
    {
        han = System.Text.RegularExpressions.Regex.Replace(han, "第二十条第[一二三四五六七八九十]+项", "");
        foreach (string word in HeaderWords)
        {
            han = han.Replace(word, "", StringComparison.Ordinal);
        }

        return han;
    }
}

/// <summary>The safety net under the HTML reader's choice of the report's part of a page.</summary>
public class LeftOutReportTextTests
{
    [Fact]
    public void A_table_label_in_the_page_footer_is_warned_about_and_a_real_page_is_not()
    {
        string path = Path.Combine(RealCorpus.Root(), "pingtan", "055_jinjing-pianqu_2023.html");
        string page = File.ReadAllText(path);
        Assert.DoesNotContain(Parse(page).Diagnostics ?? [], d => d.Code == DiagnosticCodes.ReportTextOutside.Code);

        int end = page.LastIndexOf("</body>", StringComparison.Ordinal);
        string withFooter = page[..end] + "<div class=\"copyright\"><p>四、结转下年度继续办理 0 0 0 0 0 0 0</p></div>" + page[end..];
        var warning = Assert.Single(Parse(withFooter).Diagnostics ?? [], d => d.Code == DiagnosticCodes.ReportTextOutside.Code);
        Assert.Contains("结转下年度继续办理", warning.Message, StringComparison.Ordinal);
    }

    private static ReportDocument Parse(string html) =>
        new ReportPipeline().Parse(ReportSource.FromBytes("page.html", Encoding.UTF8.GetBytes(html))).Document;
}
