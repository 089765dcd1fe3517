using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Normalization;
using ReportParser.Reading;
using Xunit;

namespace ReportParser.Tests.Normalization;

public class NormalizerTests
{
    private static string Normalize(NormalizationMode mode, string text) =>
        new Normalizer(new ReportParserOptions { Mode = mode }).NormalizeText(text, out _);

    private static NormalizationInfo Info(string text, NormalizationMode mode = NormalizationMode.Auto)
    {
        new Normalizer(new ReportParserOptions { Mode = mode }).NormalizeText(text, out var info);
        return info;
    }

    [Theory]
    [InlineData(NormalizationMode.T2s, "步步高陞", "步步高升")]
    [InlineData(NormalizationMode.T2s, "賽後復盤 覆盤難照", "赛后复盘 覆盘难照")]
    [InlineData(NormalizationMode.T2s, "樠谿", "𣗊溪")]
    [InlineData(NormalizationMode.Tw2s, "著裝著作汙染虛偽發洩稜柱群眾裡面", "着装著作污染虚伪发泄棱柱群众里面")]
    [InlineData(NormalizationMode.Tw2s, "演算法", "演算法")]
    [InlineData(NormalizationMode.Tw2sp, "用滑鼠點選正規表示式", "用鼠标点击正则表达式")]
    [InlineData(NormalizationMode.Tw2sp, "為什麼你在床裡面睡著?", "为什么你在床里面睡着?")]
    [InlineData(NormalizationMode.Tw2sp, "建立資料庫並執行查詢", "创建数据库并运行查找")]
    [InlineData(NormalizationMode.Hk2s, "虛偽歎息", "虚伪叹息")]
    [InlineData(NormalizationMode.Hk2s, "讚歎沙河涌洶湧的波浪", "赞叹沙河涌汹涌的波浪")]
    [InlineData(NormalizationMode.None, "資訊公開", "資訊公開")]
    public void Fixed_modes_give_opencc_output(NormalizationMode mode, string input, string expected) =>
        Assert.Equal(expected, Normalize(mode, input));

    [Fact]
    public void Compatibility_ideographs_are_normalized_first() =>
        Assert.Equal("一目了然", Normalize(NormalizationMode.T2s, "一目瞭然"));

    [Fact]
    public void Simplified_text_passes_through_auto_unchanged()
    {
        // 著 and 乾 would change under t2s; a few Traditional characters must not trigger conversion.
        const string text = "本机关显著提高了政府信息公开质量，乾坤朗朗。参见臺灣地区来函，共3件。";
        Assert.Equal(text, Normalize(NormalizationMode.Auto, text));
        Assert.Equal(ScriptDetector.Simplified, Info(text).InputScript);
        Assert.Equal(0, Info(text).ConvertedChars);
    }

    [Theory]
    [InlineData("政府信息公开工作年度报告", "simplified", null)]
    [InlineData("政府資訊公開工作年度報告,透過網路發佈", "traditional", "tw")]
    [InlineData("政府信息公開工作年度報告,爲群衆服務,裏面", "traditional", null)]
    [InlineData("政府信息公開工作年度報告,説明户籍與温度,税收", "traditional", "hk")]
    [InlineData("Annual report 2023", "unknown", null)]
    public void Script_and_region_are_detected(string text, string script, string? region)
    {
        var info = Info(text);
        Assert.Equal(script, info.InputScript);
        Assert.Equal(region, info.RegionalVariant);
    }

    [Fact]
    public void Mixed_documents_convert_only_their_traditional_lines()
    {
        string text = "这是简体的第一行说明情况\n這是繁體的第二行說明情況";
        var info = Info(text);
        Assert.Equal(ScriptDetector.Mixed, info.InputScript);
        Assert.Equal("这是简体的第一行说明情况\n这是繁体的第二行说明情况", Normalize(NormalizationMode.Auto, text));
    }

    [Theory]
    [InlineData("網路", "网络")]
    [InlineData("視窗", "窗口")]
    [InlineData("入口網站", "门户网站")]
    [InlineData("最佳化", "优化")]
    [InlineData("資訊", "信息")]
    [InlineData("透過", "通过")]
    [InlineData("專案", "项目")]
    [InlineData("釋出", "发布")]
    [InlineData("程式", "程序")]
    [InlineData("建立", "建立")]
    [InlineData("執行", "执行")]
    [InlineData("查詢", "查询")]
    [InlineData("效能", "效能")]
    [InlineData("簡報", "简报")]
    [InlineData("檔案", "文件")]
    [InlineData("檔案館", "档案馆")]
    [InlineData("規範性檔案管理", "规范性文件管理")]
    [InlineData("宣傳資料", "宣传资料")]
    [InlineData("統計資料", "统计数据")]
    [InlineData("權力執行", "权力运行")]
    public void Report_phrases_map_taiwan_wording_back(string taiwan, string mainland)
    {
        // A Taiwan-phrased sentence around the phrase, so auto picks the Taiwan profile.
        string text = $"本機關透過網路公開政府資訊,{taiwan}。";
        string result = Normalize(NormalizationMode.Auto, text);
        Assert.Equal($"本机关通过网络公开政府信息,{mainland}。", result);
    }

    [Fact]
    public void Seed_001_comes_out_in_mainland_wording()
    {
        string text = File.ReadAllText(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "001_*.txt").Single());
        string result = new Normalizer(ReportParserOptions.Default).NormalizeText(text, out var info);
        Assert.Equal("traditional", info.InputScript);
        Assert.Equal("tw", info.RegionalVariant);
        Assert.True(info.ConvertedChars > 500, info.ConvertedChars.ToString());
        Assert.Contains("电子政务网络信息管理科", result);
        Assert.Contains("窗口工作人员效能告诫办法", result);
        Assert.Contains("门户网站", result);
        Assert.Contains("优化", result);
        Assert.Contains("建立健全政府信息公开工作制度", result);
        Assert.Contains("严格执行与政府信息公开相关的工作制度", result);
        Assert.DoesNotContain("網路", result);
        Assert.DoesNotContain("最佳化", result);
        Assert.DoesNotContain("创建", result);
    }

    [Fact]
    public void Urls_are_not_converted()
    {
        // Without protection, TWPhrasesRev's "A肝" would match the URL's last letter.
        Assert.Equal("见http://x.gov.cn/A肝", Normalize(NormalizationMode.Tw2sp, "見http://x.gov.cn/A肝"));
        Assert.Equal("甲肝", Normalize(NormalizationMode.Tw2sp, "A肝"));
    }

    [Fact]
    public void Email_addresses_are_kept() =>
        Assert.Equal("来信请寄Zheng.Wu-01@mail.gov.cn。", Normalize(NormalizationMode.T2s, "來信請寄Zheng.Wu-01@mail.gov.cn。"));

    [Fact]
    public void Numbers_are_kept()
    {
        string text = "共受理申請1,234件,佔比12.5%,2023年1月9日,電話0539-1234567";
        Assert.Equal("共受理申请1,234件,占比12.5%,2023年1月9日,电话0539-1234567", Normalize(NormalizationMode.T2s, text));
    }

    [Fact]
    public void Widths_are_kept_in_the_text_and_folded_only_on_request()
    {
        const string text = "（一）工作\u3000情况\u200B：ＡＢＣ\u00A0１２３，；？";
        Assert.Equal(text, Normalize(NormalizationMode.Auto, text));
        Assert.Equal(text, Normalize(NormalizationMode.T2s, text));
        var fold = new Normalizer(new ReportParserOptions { FoldWidth = true });
        Assert.Equal("(一)工作 情况:ABC 123,;?", fold.NormalizeText(text, out _));
    }

    [Fact]
    public void Blocks_are_folded_for_matching_and_kept_as_written_for_output()
    {
        var source = new SourceText("x.txt", "text", "utf-8", 0, "", [
            new TextLine("（一）工作\u3000情況\u200B：ＡＢＣ\u00A0１２３，", 1),
            new Grid([[new GridCell("（二）項目：", 2)]], 2),
            new TextLine("plain line", 3),
        ]);
        var blocks = new Normalizer(ReportParserOptions.Default).Normalize(source).Text.Blocks;
        var line = Assert.IsType<TextLine>(blocks[0]);
        Assert.Equal("(一)工作 情况:ABC 123,", line.Text);
        Assert.Equal("（一）工作\u3000情况：ＡＢＣ\u00A0１２３，", line.Shown);
        Assert.Equal(line.Text.Length, line.Shown!.Length);
        Assert.Equal("（一）工作", line.Slice(0, 5).Display);
        Assert.Equal("：ＡＢＣ", line.ShownOf(":ABC"));
        var cell = Assert.IsType<Grid>(blocks[1]).Rows[0][0];
        Assert.Equal(("(二)项目:", "（二）项目："), (cell.Text, cell.Shown));
        Assert.Null(Assert.IsType<TextLine>(blocks[2]).Shown);

        var folded = new Normalizer(new ReportParserOptions { FoldWidth = true }).Normalize(source).Text.Blocks;
        Assert.Null(Assert.IsType<TextLine>(folded[0]).Shown);
    }

    [Fact]
    public void Converted_chars_counts_changed_characters()
    {
        Assert.Equal(3, Info("政府資訊公開", NormalizationMode.T2s).ConvertedChars); // 資訊公開 -> 资讯公开: 公 stays
        Assert.Equal(0, Info("政府", NormalizationMode.T2s).ConvertedChars);
    }

    [Fact]
    public void Normalize_converts_lines_and_grid_cells_and_keeps_line_numbers()
    {
        var source = new SourceText("x.txt", "text", "utf-8", 0, "", [
            new TextLine("一、總體情況", 3),
            new Grid([[new GridCell("項目", 7), new GridCell("本年新收政府資訊公開申請數量", 7)]], 7),
            new TextLine("（二）主動公開", 9),
        ]);
        var (result, info) = new Normalizer(ReportParserOptions.Default).Normalize(source);
        Assert.Equal("traditional", info.InputScript);
        Assert.Equal("auto", info.Mode);
        var first = Assert.IsType<TextLine>(result.Blocks[0]);
        Assert.Equal(("一、总体情况", 3), (first.Text, first.Line));
        var grid = Assert.IsType<Grid>(result.Blocks[1]);
        Assert.Equal("本年新收政府信息公开申请数量", grid.Rows[0][1].Text);
        Assert.Equal(7, grid.Rows[0][1].Line);
        Assert.Equal("(二)主动公开", Assert.IsType<TextLine>(result.Blocks[2]).Text);
    }

    [Fact]
    public void Parallel_conversions_equal_sequential_ones()
    {
        string[] texts = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "normalization"), "*.txt")
            .Select(File.ReadAllText).ToArray();
        NormalizationMode[] modes = [NormalizationMode.Auto, NormalizationMode.T2s, NormalizationMode.Tw2sp, NormalizationMode.Hk2s];
        var work = modes.SelectMany(m => texts.Select(t => (Mode: m, Text: t))).ToArray();
        var normalizers = modes.ToDictionary(m => m, m => new Normalizer(new ReportParserOptions { Mode = m }));
        string[] sequential = work.Select(w => normalizers[w.Mode].NormalizeText(w.Text, out _)).ToArray();
        for (int round = 0; round < 3; round++)
        {
            string[] parallel = new string[work.Length];
            Parallel.For(0, work.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
                parallel[i % work.Length] = normalizers[work[i % work.Length].Mode].NormalizeText(work[i % work.Length].Text, out _));
            Assert.Equal(sequential, parallel);
        }
    }
}
