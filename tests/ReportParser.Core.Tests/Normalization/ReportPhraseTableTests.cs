using ReportParser.Normalization;
using Xunit;

namespace ReportParser.Tests.Normalization;

/// <summary>
/// The report phrase table (Dictionaries/ReportPhrases.txt and ReportPhraseContexts.txt) is generated
/// from the decisions in Dictionaries/ReportPhrases.tsv by tests/scripts/report-phrases.py; these
/// tests hold the embedded table to its decisions and the Taiwan converter to the collocations.
/// </summary>
public class ReportPhraseTableTests
{
    private sealed record Decision(string Taiwan, string Mainland, string Value, string Kind, bool Marks);

    private static List<Decision> Decisions()
    {
        string? repo = TestPaths.RepositoryRoot();
        Assert.NotNull(repo);
        string path = Path.Combine(repo!, "src", "ReportParser.Core", "Normalization", "Dictionaries", "ReportPhrases.tsv");
        string[] lines = File.ReadAllLines(path);
        var decisions = new List<Decision>();
        string[]? header = null;
        foreach (string line in lines)
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (header is null)
            {
                header = fields;
                continue;
            }

            Assert.Equal(header.Length, fields.Length);
            string Field(string name) => fields[Array.IndexOf(header, name)];
            decisions.Add(new(Field("taiwan"), Field("mainland"), Field("value"), Field("decision"), Field("marks") == "yes"));
        }

        return decisions;
    }

    private static string ConvertTaiwan(string text) => ConversionProfiles.ForReport(ScriptDetector.Taiwan).Convert(text);

    [Fact]
    public void Every_decision_with_a_value_is_in_the_table_and_converts_to_it()
    {
        var decisions = Decisions();
        Assert.True(decisions.Count > 400, decisions.Count.ToString());
        var table = OpenCcDictionaries.ReportPhraseTable.Entries;
        var wrong = new List<string>();
        foreach (var d in decisions)
        {
            if (d.Value.Length == 0)
            {
                Assert.False(table.ContainsKey(d.Taiwan), $"{d.Taiwan} is kept, yet the table has a line for it");
                continue;
            }

            Assert.True(table.ContainsKey(d.Taiwan), $"{d.Taiwan}: no line in the table (regenerate with report-phrases.py generate)");
            if (ConvertTaiwan(d.Taiwan) != d.Value)
            {
                wrong.Add($"{d.Taiwan}→{ConvertTaiwan(d.Taiwan)} (decided {d.Value})");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(", ", wrong));
        Assert.Equal(decisions.Count(d => d.Value.Length > 0), table.Count);
    }

    [Fact]
    public void Only_marking_terms_are_counted_as_taiwan_phrasing()
    {
        var markers = OpenCcDictionaries.ReportPhrases.Entries;
        var expected = Decisions().Where(d => d.Marks).Select(d => d.Taiwan).Order(StringComparer.Ordinal);
        Assert.Equal(expected, markers.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(markers, e => e.Key == e.Value);
        Assert.False(markers.ContainsKey("檔案"));
        Assert.True(markers.ContainsKey("網路"));
    }

    [Theory]
    [InlineData("系統執行穩定", "系统运行稳定")]
    [InlineData("嚴格執行", "严格执行")]
    [InlineData("執行情況", "执行情况")]
    [InlineData("權力執行", "权力运行")]
    [InlineData("智慧城市", "智慧城市")]
    [InlineData("智慧問答", "智能问答")]
    [InlineData("服務物件", "服务对象")]
    [InlineData("方程式", "方程式")]
    [InlineData("原文連結", "原文链接")]
    [InlineData("功能模組", "功能模块")]
    [InlineData("其他型別", "其他类型")]
    [InlineData("微訊號", "微信号")]
    [InlineData("伺服器叢集", "服务器集群")]
    [InlineData("房產檔案", "房产文件")]
    [InlineData("電子檔案", "电子档案")]
    [InlineData("多型別", "多类型")]
    public void Taiwan_terms_are_decided_in_context(string taiwan, string mainland) =>
        Assert.Equal(mainland, ConvertTaiwan(taiwan));

    [Fact]
    public void A_term_that_is_also_a_mainland_word_does_not_make_text_taiwanese()
    {
        // s2hk of a mainland sentence with no regional variant form: 檔案 is 档案 here, not 文件.
        var normalizer = new Normalizer(ReportParserOptions.Default);
        string result = normalizer.NormalizeText("依法公開房產檔案使用費等收費項目。", out var info);
        Assert.Null(info.RegionalVariant);
        Assert.Equal("依法公开房产档案使用费等收费项目。", result);
    }
}
