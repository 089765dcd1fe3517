using System.Diagnostics;
using System.Text;
using ReportParser.Model;
using ReportParser.Reading;
using ReportParser.Tables;
using Xunit.Abstractions;
using ReportParser.Diagnostics;

namespace ReportParser.Tests.Limits;

/// <summary>
/// Inputs built to hit every limit: each one yields a result (never an exception or a hang) and
/// the diagnostic or error record that names the limit. Elapsed times go to the test output.
/// Where an input used to take time quadratic in its size, it is sized so that the old behaviour
/// would take minutes; the bound asserted is far above what the linear code needs on a loaded
/// machine (about a second), so it catches a regression without flaking.
/// </summary>
public sealed class PathologicalInputTests(ITestOutputHelper output)
{
    private static readonly ReportPipeline Pipeline = new();

    /// <summary>Far above the linear times (under 2 s here on a busy 2-core machine), far below the quadratic ones (minutes).</summary>
    private static readonly TimeSpan RegressionBound = TimeSpan.FromSeconds(30);

    /// <summary>A minimal gov2021 report whose section 三 is <paramref name="section3"/>.</summary>
    private static string Report(string section3) =>
        "某某局2023年政府信息公开工作年度报告\n一、总体情况\n本机关推进政府信息公开。\n二、主动公开政府信息情况\n略。\n"
        + "三、收到和处理政府信息公开申请情况\n" + section3
        + "\n四、政府信息公开行政复议、行政诉讼情况\n略。\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n";

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    private ReportDocument Parse(string name, byte[] bytes, ReportParserOptions? options = null)
    {
        var pipeline = options is null ? Pipeline : new ReportPipeline(options);
        var watch = Stopwatch.StartNew();
        var doc = pipeline.Parse(ReportSource.FromBytes(name, bytes)).Document;
        watch.Stop();
        output.WriteLine($"{name}: {bytes.Length:N0} bytes in {watch.Elapsed.TotalMilliseconds:N0} ms; {doc.Error?.Code ?? "parsed"}; "
            + string.Join(",", doc.Diagnostics.Select(d => d.Code).Distinct()));
        Assert.True(watch.Elapsed < RegressionBound, $"{name} took {watch.Elapsed}");
        return doc;
    }

    private ReportDocument Parse(string name, string text, ReportParserOptions? options = null) => Parse(name, Encoding.UTF8.GetBytes(text), options);

    private static void AssertDiagnostic(ReportDocument doc, DiagnosticDescriptor descriptor) =>
        Assert.Contains(doc.Diagnostics, d => d.Code == descriptor.Code);

    [Fact]
    public void An_input_over_max_bytes_is_an_error_record_RP1005()
    {
        var doc = Parse("big.txt", Report(Repeat("说明。", 1000)), new ReportParserOptions { MaxBytes = 1000 });
        Assert.Equal("RP1005", doc.Error?.Code);
        Assert.Contains("--max-bytes", doc.Error!.Message);
        Assert.Null(doc.Sections);
    }

    [Fact]
    public void A_file_over_the_default_64_MB_is_refused_before_it_is_read()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rp-huge-{Guid.NewGuid():N}.txt");
        try
        {
            using (var file = new FileStream(path, FileMode.CreateNew))
            {
                file.SetLength(ReportParserOptions.Default.MaxBytes + 1); // sparse: no 64 MB written
            }

            var watch = Stopwatch.StartNew();
            var doc = Pipeline.Parse(ReportSource.FromFile(path)).Document;
            output.WriteLine($"64 MB + 1 file refused in {watch.Elapsed.TotalMilliseconds:N0} ms");
            Assert.Equal("RP1005", doc.Error?.Code);
            Assert.Equal("", doc.Source.Sha256); // the size was enough; the bytes were never read
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_single_50_MB_line_is_broken_into_pieces_RP1010()
    {
        string line = "政府信息公开" + Repeat("本机关推进政务公开工作", 50_000_000 / 33);
        var doc = Parse("line50mb.txt", line);
        Assert.True(doc.Source.Bytes >= 50_000_000);
        AssertDiagnostic(doc, DiagnosticCodes.LineTooLong);
        Assert.Null(doc.Error);
    }

    [Fact]
    public void A_line_of_100000_pipes_is_left_out_as_padding()
    {
        var doc = Parse("pipes.txt", Report(new string('|', 100_000)));
        AssertDiagnostic(doc, DiagnosticCodes.ChromeRemoved);
        Assert.Equal(6, doc.Sections!.Count);
        Assert.DoesNotContain('|', doc.Sections[2].Text);
    }

    [Fact]
    public void A_row_of_100000_pipe_separated_cells_keeps_its_columns_and_reports_the_surplus()
    {
        var doc = Parse("pipe-cells.txt", Report("一、本年新收政府信息公开申请数量" + Repeat(" | 1", 100_000)));
        AssertDiagnostic(doc, DiagnosticCodes.LineTooLong);
        AssertDiagnostic(doc, DiagnosticCodes.LeftoverTokens);
        var row = doc.Tables!.Single(t => t.Key == "table3").Rows.Single(r => r.Key == "new_received");
        Assert.All(row.Values.Values, v => Assert.Equal(1m, v));
    }

    [Fact]
    public void A_million_characters_of_numerals_and_parentheses_without_a_newline_are_scanned_in_linear_time()
    {
        var doc = Parse("numerals.txt", "政府信息公开" + Repeat("一、（一）二、(三)", 100_000));
        AssertDiagnostic(doc, DiagnosticCodes.LineTooLong);

        // Blanks or pipes before a long run of numerals made the heading finder rescan the line start for
        // every numeral: about 5 s per 100,000-character line, so these 40 lines took minutes.
        Parse("blanks-then-numerals.txt", "政府信息公开\n" + Repeat(new string(' ', 50_000) + new string('一', 50_000) + "\n", 40));
        Parse("pipes-then-numerals.txt", "政府信息公开\n" + Repeat(new string('|', 50_000) + new string('一', 50_000) + "\n", 40));
    }

    [Fact]
    public void Long_blank_runs_do_not_stall_the_info_box_patterns()
    {
        // The info-box label patterns began with optional blanks, so a blank run was rescanned from every
        // position: about 3 s per 100,000-character line, so these 40 lines took minutes.
        var text = Parse("blanks.txt", "政府信息公开\n" + Repeat(new string(' ', 99_999) + "\n", 40) + "【" + new string(' ', 99_990) + "索引号");
        Assert.Null(text.Error);
        var html = Parse("blanks.html", "<html><body><p>一、总体情况 政府信息公开</p><p>【" + new string('\u3000', 400_000) + "x</p></body></html>");
        Assert.Null(html.Error);
    }

    [Fact]
    public void Two_hundred_thousand_nested_divs_are_cut_before_parsing_RP1011()
    {
        string html = "<html><body>" + Repeat("<div>", 200_000) + "<p>一、总体情况</p><p>政府信息公开</p>" + Repeat("</div>", 200_000) + "</body></html>";
        var doc = Parse("nested.html", html);
        AssertDiagnostic(doc, DiagnosticCodes.HtmlLimit);
        Assert.Contains(doc.Diagnostics, d => d.Code == "RP1011" && d.Message.Contains($"{NestingLimiter.MaxOpenElements} open elements", StringComparison.Ordinal));
        Assert.Equal("一、总体情况", doc.Sections!.Single().Heading);
    }

    [Theory]
    [InlineData("<b>")]
    [InlineData("<font size=3>")]
    [InlineData("<table><tr><td>")]
    [InlineData("<span><div>")]
    public void Deep_unclosed_tags_are_cut_and_their_text_kept(string open)
    {
        string html = "<html><body><p>一、总体情况</p>" + Repeat(open + "政府信息公开", 50_000) + "</body></html>";
        var doc = Parse("unclosed.html", html);
        AssertDiagnostic(doc, DiagnosticCodes.HtmlLimit);
        Assert.Contains("政府信息公开政府信息公开", doc.Sections!.Single().Text.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_within_the_caps_pass_through_the_limiter_unchanged()
    {
        foreach (string file in Directory.EnumerateFiles(TestPaths.Samples, "*.html", SearchOption.AllDirectories))
        {
            string html = File.ReadAllText(file);
            Assert.Same(html, NestingLimiter.Limit(html, out int dropped));
            Assert.Equal(0, dropped);
        }
    }

    [Theory]
    [InlineData("<td><div><font color=red>1</td>")] // the parser closes what a cell left open
    [InlineData("<td><span><b>1<td>2")]
    [InlineData("<a href=x>link")] // a new link closes the one left open
    [InlineData("<div>text</div>")]
    public void Sloppy_but_shallow_markup_passes_the_limiter_unchanged(string piece)
    {
        string html = "<html><body><table><tr>" + Repeat("<tr>" + piece, 5_000) + "</table>" + Repeat("<p>" + piece, 5_000) + "</body></html>";
        if (piece.StartsWith("<td>", StringComparison.Ordinal))
        {
            html = "<html><body><table>" + Repeat("<tr>" + piece, 5_000) + "</table></body></html>";
        }

        Assert.Same(html, NestingLimiter.Limit(html, out int dropped));
        Assert.Equal(0, dropped);
    }

    [Fact]
    public void A_text_table_of_10000_rows_is_read_with_row_diagnostics()
    {
        var lines = Parse("rows10k.txt", Report(Repeat("（一）予以公开 |\n1 |\n", 10_000)));
        AssertDiagnostic(lines, DiagnosticCodes.RowDuplicated);
        var inline = Parse("rows10k-inline.txt", Report(Repeat("（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n", 10_000)));
        AssertDiagnostic(inline, DiagnosticCodes.RowDuplicated);
        Assert.Equal(1m, inline.Tables!.Single(t => t.Key == "table3").Rows.Single(r => r.Key == "granted").Values["total"]);
    }

    [Fact]
    public void An_html_table_of_10000_rows_is_read_and_one_of_12000_is_cut_RP1011()
    {
        static string Page(int rows) => "<html><body>" + string.Concat(Report("@@").Split('\n').Select(l => l == "@@"
            ? "<table>" + Repeat("<tr><td>（一）予以公开</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>", rows) + "</table>"
            : "<p>" + l + "</p>")) + "</body></html>";

        var ten = Parse("rows10k.html", Page(10_000));
        AssertDiagnostic(ten, DiagnosticCodes.RowDuplicated);
        Assert.DoesNotContain(ten.Diagnostics, d => d.Code == "RP1011");
        Assert.Equal(1m, ten.Tables!.Single(t => t.Key == "table3").Rows.Single(r => r.Key == "granted").Values["natural_person"]);

        var twelve = Parse("rows12k.html", Page(12_000));
        Assert.Contains(twelve.Diagnostics, d => d.Code == "RP1011" && d.Message.Contains("12,000 rows (kept 10,000)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(DigitRunSplitter.MaxDigits + 1)]
    public void A_digit_run_too_long_to_split_leaves_the_row_null_RP3013(int digits)
    {
        var doc = Parse("digits.txt", Report("一、本年新收政府信息公开申请数量" + new string('7', digits) + "\n二、上年结转政府信息公开申请数量0000000"));
        Assert.Contains(doc.Diagnostics, d => d.Code == "RP3013" && d.Message.Contains($"search bound {DigitRunSplitter.MaxDigits} digits", StringComparison.Ordinal));
        var row = doc.Tables!.Single(t => t.Key == "table3").Rows.Single(r => r.Key == "new_received");
        Assert.All(row.Values.Values, v => Assert.Null(v));
    }

    [Fact]
    public void A_digit_run_within_the_bound_but_with_a_huge_search_is_capped()
    {
        // 119 digits into 7 cells: millions of structural splits; the step bound stops the search.
        var doc = Parse("digits-search.txt", Report("一、本年新收政府信息公开申请数量" + new string('1', DigitRunSplitter.MaxDigits - 1) + "\n二、上年结转政府信息公开申请数量0000000"));
        Assert.Contains(doc.Diagnostics, d => d.Code is "RP3013" or "RP3012" or "RP3007");
        Assert.All(doc.Tables!.Single(t => t.Key == "table3").Rows.Single(r => r.Key == "new_received").Values.Values, v => Assert.Null(v));
    }
}
