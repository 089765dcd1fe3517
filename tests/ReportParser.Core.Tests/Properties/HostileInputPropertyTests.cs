using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using ReportParser.Model;
using Xunit.Abstractions;

namespace ReportParser.Tests.Properties;

/// <summary>
/// The pipeline returns a result and invents no number for inputs in the wrong encoding (GBK, Big5,
/// UTF-16, with or without a byte order mark, declared or misdeclared in an HTML meta) and for HTML
/// the way broken pages come: tag soup around the report text, tables with random spans, rows
/// duplicated or cut, nesting past the reader's caps, truncation.
/// </summary>
public partial class HostileInputPropertyTests(ITestOutputHelper output)
{
    private static readonly ReportPipeline Pipeline = new();

    /// <summary>Seed texts and the HTML samples as text (decoded with the encoding each declares).</summary>
    private static readonly string[] TextSeeds = Directory.EnumerateFiles(TestPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    private static readonly string[] HtmlSeeds = Directory.EnumerateFiles(TestPaths.Samples, "*.html", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(ReadHtml)
        .Concat(TextSeeds.Select(AsHtml))
        .ToArray();

    private static readonly int[] CodePages = [65001, 54936, 936, 950, 1200, 1201];

    private static readonly string?[] Declarations = [null, "utf-8", "gbk", "gb2312", "gb18030", "big5", "utf-16", "x-unknown"];

    private static readonly string[] Soup =
    [
        "<div>", "</div>", "<p>", "</p>", "<span>", "</span>", "<b>", "</b>", "<font color=red size=3>", "</font>", "<br>", "<br/>",
        "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=3>", "<td rowspan=2>", "<td rowspan=0 colspan=0>",
        "<tbody>", "<a href=\"http://example.invalid/x\">", "</a>", "<ul><li>", "</li>", "<h1>", "</h1>", "<o:p>", "</o:p>",
        "<pre>", "</pre>", "<center>", "<blockquote>", "<dl><dt>", "<dd>", "<select><option>", "<svg><text>", "</svg>", "<math><mi>",
        "<xmp>", "</xmp>", "<noscript>", "</noscript>", "<template>", "</template>", "<frameset>", "<hr>", "<img src=\"x.png\">",
        "<!-- 12345 -->", "<!--", "-->", "<![if !supportLists]>", "<![endif]>", "<?xml version=\"1.0\"?>", "<!DOCTYPE html>",
        "<script>var t = '<td>99</td>';</script>", "<style>td { width: 100px }</style>", "<iframe src=\"http://example.invalid/f\"></iframe>",
        "<div style=\"display:none\">777</div>", "<span hidden>888</span>", "<input type=hidden value=999>", "&nbsp;", "&#12345;",
        "&amp;", "<", ">", "</", "<td>1<b>2</b></td>", "<table><tr><td>3</td><td>4", "<caption>", "<textarea>", "</textarea>",
    ];

    private static readonly string[] SpanValues = ["0", "1", "2", "3", "7", "100", "1000", "65535", "99999999999", "-1", "abc", "", " 2 "];


    [Fact]
    public void Seeds_in_any_encoding_and_any_declared_charset_never_throw_and_never_invent_numbers()
    {
        var gen =
            from seed in Gen.Elements(TextSeeds.Concat(HtmlSeeds).ToArray())
            from mutation in Gen.Choose(-1, 7)
            from a in Gen.Choose(0, 10_000)
            from b in Gen.Choose(0, 10_000)
            from codePage in Gen.Elements(CodePages)
            from declared in Gen.Elements(Declarations)
            from bom in Gen.Elements(true, false)
            from html in Gen.Elements(true, false)
            select (seed, mutation, a, b, codePage, declared, bom, html);
        var checkedCases = new CaseCounter();
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            string text = t.mutation < 0 ? t.seed : PipelinePropertyTests.Mutate(t.seed, t.mutation, t.a, t.b);
            if (t.html || IsHtml(text))
            {
                text = Declare(IsHtml(text) ? text : AsHtml(text), t.declared);
            }

            var encoding = Encoding.GetEncoding(t.codePage);
            byte[] bytes = [.. t.bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(text)];
            var doc = Pipeline.Parse(ReportSource.FromBytes("e.html", bytes)).Document;
            checkedCases.Count(doc);
            return doc.Source is not null && (doc.Error is null) == (doc.Sections is not null) && SourceNumbers.Hold(doc, text, bytes);
        }).Check(PropertyConfig.Create(1000));
        checkedCases.Report(output, atLeast: 0.2);
    }

    [Fact]
    public void Tag_soup_around_report_text_never_throws_and_never_invents_numbers()
    {
        var ops = Gen.Choose(0, 9).SelectMany(op => Gen.Choose(0, 1_000_000).SelectMany(a => Gen.Choose(0, 1_000_000).Select(b => (op, a, b))));
        var gen =
            from seed in Gen.Elements(HtmlSeeds)
            from count in Gen.Choose(1, 8)
            from list in Gen.ArrayOf(ops, count)
            select (seed, list);
        var checkedCases = new CaseCounter();
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            string html = t.list.Aggregate(t.seed, (h, o) => Apply(h, o.op, o.a, o.b));
            var doc = Pipeline.Parse(ReportSource.FromText("soup.html", html)).Document;
            checkedCases.Count(doc);
            return doc.Source is not null && SourceNumbers.Hold(doc, html);
        }).Check(PropertyConfig.Create(1000));
        checkedCases.Report(output, atLeast: 0.2);
    }

    [Fact]
    public void Tables_with_random_spans_never_throw_and_never_invent_numbers()
    {
        string[] tables = HtmlSeeds.Where(h => h.Contains("<td", StringComparison.Ordinal)).ToArray();
        var spans = Gen.Choose(0, 1_000_000).SelectMany(a => Gen.Elements(SpanValues).SelectMany(r => Gen.Elements(SpanValues).Select(c => (a, r, c))));
        var gen =
            from seed in Gen.Elements(tables)
            from count in Gen.Choose(1, 12)
            from list in Gen.ArrayOf(spans, count)
            from rows in Gen.Choose(0, 3)
            from a in Gen.Choose(0, 1_000_000)
            select (seed, list, rows, a);
        var checkedCases = new CaseCounter();
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            string html = t.list.Aggregate(t.seed, (h, s) => SetSpans(h, s.a, s.r, s.c));
            for (int i = 0; i < t.rows; i++)
            {
                html = Apply(html, 3 + (t.a + i) % 2, t.a * (i + 1), t.a + i);
            }

            var doc = Pipeline.Parse(ReportSource.FromText("spans.html", html)).Document;
            checkedCases.Count(doc);
            return doc.Source is not null && SourceNumbers.Hold(doc, html);
        }).Check(PropertyConfig.Create(1000));
        checkedCases.Report(output, atLeast: 0.3);
    }

    /// <summary>Counts the cases, and those whose tables had numbers for the oracle to check, so a generator that stops producing tables fails.</summary>
    private sealed class CaseCounter
    {
        private int _cases;
        private int _withNumbers;
        private long _numbers;

        public void Count(ReportDocument doc)
        {
            int numbers = doc.Tables?.Sum(t => t.Rows.Concat(t.ExtraRows ?? []).Sum(r => r.Values.Values.Count(v => v is not null))) ?? 0;
            Interlocked.Increment(ref _cases);
            Interlocked.Add(ref _numbers, numbers);
            if (numbers > 0)
            {
                Interlocked.Increment(ref _withNumbers);
            }
        }

        public void Report(ITestOutputHelper output, double atLeast)
        {
            output.WriteLine($"{_cases} cases, {_withNumbers} with table numbers, {_numbers} numbers checked");
            Assert.True(_withNumbers >= atLeast * _cases, $"only {_withNumbers} of {_cases} cases had table numbers to check");
        }
    }

    /// <summary>One tag-soup operation at a position chosen by <paramref name="a"/> (and <paramref name="b"/>).</summary>
    internal static string Apply(string html, int op, int a, int b)
    {
        switch (op)
        {
            case 0: // insert a tag from the soup between two tags or inside text
            {
                int at = OutsideTag(html, a % (html.Length + 1));
                return html.Insert(at, Soup[b % Soup.Length]);
            }

            case 1: // remove a tag
            {
                var tags = TagPattern().Matches(html);
                if (tags.Count == 0)
                {
                    return html;
                }

                var m = tags[a % tags.Count];
                return html.Remove(m.Index, m.Length);
            }

            case 2: // spans on a cell
                return SetSpans(html, a, SpanValues[b % SpanValues.Length], SpanValues[(b / 7) % SpanValues.Length]);
            case 3: // duplicate a row
            {
                var rows = RowPattern().Matches(html);
                if (rows.Count == 0)
                {
                    return html;
                }

                var m = rows[a % rows.Count];
                return html.Insert(m.Index + m.Length, m.Value);
            }

            case 4: // drop a row or cell boundary
            {
                var ends = BoundaryPattern().Matches(html);
                if (ends.Count == 0)
                {
                    return html;
                }

                var m = ends[a % ends.Count];
                return html.Remove(m.Index, m.Length);
            }

            case 5: // nest the body deep, past the reader's caps at times
            {
                int depth = new[] { 3, 40, 300, 700, 3000 }[a % 5];
                string tag = new[] { "div", "span", "b", "table><tr><td", "font" }[b % 5];
                string close = tag.StartsWith("table", StringComparison.Ordinal) ? "</td></tr></table>" : $"</{tag}>";
                int start = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
                start = start < 0 ? 0 : html.IndexOf('>', start) + 1;
                var sb = new StringBuilder(html.Length + depth * 20);
                sb.Append(html, 0, start);
                for (int i = 0; i < depth; i++)
                {
                    sb.Append('<').Append(tag).Append('>');
                }

                sb.Append(html, start, html.Length - start);
                if (b % 3 != 0)
                {
                    for (int i = 0; i < depth; i++)
                    {
                        sb.Append(close);
                    }
                }

                return sb.ToString();
            }

            case 6: // truncated at a tenth
                return html[..(int)((long)html.Length * (a % 10) / 10)];
            case 7: // digits injected into text
            {
                int at = OutsideTag(html, a % (html.Length + 1));
                return html.Insert(at, new[] { "1234", "<b>5</b>6", " 7 | 8 ", "０９", "1,234", "3.5", "-" }[b % 7]);
            }

            case 8: // a row's cells run together into one cell
            {
                var cells = BoundaryPattern().Matches(html);
                var inner = cells.Where(m => m.Value.StartsWith("</td", StringComparison.OrdinalIgnoreCase)).ToArray();
                if (inner.Length == 0)
                {
                    return html;
                }

                var m = inner[a % inner.Length];
                int next = html.IndexOf("<td", m.Index, StringComparison.OrdinalIgnoreCase);
                if (next < 0)
                {
                    return html;
                }

                int close = html.IndexOf('>', next);
                return close < 0 ? html : html.Remove(m.Index, close + 1 - m.Index);
            }

            default: // a stray closing or opening tag of the table family
                return html.Insert(OutsideTag(html, a % (html.Length + 1)), new[] { "</table>", "<table>", "</tr>", "<tr>", "</td>", "<td>", "</tbody>" }[b % 7]);
        }
    }

    private static string SetSpans(string html, int a, string rowSpan, string colSpan)
    {
        var cells = CellPattern().Matches(html);
        if (cells.Count == 0)
        {
            return html;
        }

        var m = cells[a % cells.Count];
        string attributes = (rowSpan.Length > 0 ? $" rowspan=\"{rowSpan}\"" : "") + (colSpan.Length > 0 ? $" colspan={colSpan}" : "");
        return html.Insert(m.Index + m.Length, attributes);
    }

    /// <summary>The position at or after <paramref name="at"/> that is not inside a tag.</summary>
    private static int OutsideTag(string html, int at)
    {
        int open = html.LastIndexOf('<', Math.Max(0, Math.Min(at, html.Length) - 1));
        int close = open < 0 ? -1 : html.IndexOf('>', open);
        return open >= 0 && close >= at ? close + 1 : at;
    }

    private static bool IsHtml(string text) => text.TrimStart().StartsWith('<');

    /// <summary>A plain text report as a page: one paragraph per line, pipe lines as a table.</summary>
    internal static string AsHtml(string text)
    {
        var sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>报告</title></head><body>\n");
        foreach (string line in text.Split('\n'))
        {
            if (line.Contains('|'))
            {
                sb.Append("<table><tr>");
                foreach (string cell in line.Split('|'))
                {
                    sb.Append("<td>").Append(WebUtility.HtmlEncode(cell.Trim())).Append("</td>");
                }

                sb.Append("</tr></table>\n");
            }
            else
            {
                sb.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>\n");
            }
        }

        return sb.Append("</body></html>\n").ToString();
    }

    /// <summary>The page with its charset declaration replaced (null: removed).</summary>
    private static string Declare(string html, string? charset)
    {
        string stripped = CharsetPattern().Replace(html, "");
        if (charset is null)
        {
            return stripped;
        }

        int head = stripped.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
        string meta = $"<meta charset=\"{charset}\">";
        return head < 0 ? meta + stripped : stripped.Insert(head + "<head>".Length, meta);
    }

    private static string ReadHtml(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        string ascii = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 2048)).ToLowerInvariant();
        var encoding = ascii.Contains("big5", StringComparison.Ordinal) ? Encoding.GetEncoding(950)
            : ascii.Contains("gb", StringComparison.Ordinal) ? Encoding.GetEncoding(54936)
            : Encoding.UTF8;
        return encoding.GetString(bytes);
    }

    [GeneratedRegex(@"<[^<>]{1,200}>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"<tr\b[^>]*>.*?</tr>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"</t[dr]>|<tr\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"<t[dh]\b", RegexOptions.IgnoreCase)]
    private static partial Regex CellPattern();

    [GeneratedRegex(@"<meta[^>]*charset[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();
}
