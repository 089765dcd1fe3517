using ReportParser.Model;

namespace ReportParser.Tests.Sectioning;

/// <summary>Sections and metadata of the five seed reports, checked by eye against the sources.</summary>
public class SeedSectionTests
{
    private static ReportDocument Parse(string seed) =>
        new ReportPipeline().Parse(ReportSource.FromFile(Path.Combine(TestPaths.Seeds, seed), "seeds/" + seed)).Document;

    [Theory]
    [InlineData("000_ad18fba017e67855.txt", 8)]
    [InlineData("001_4b30d49f840f22ab.txt", 7)]
    [InlineData("002_ed5f9074cb8b6cc8.txt", 6)]
    [InlineData("003_cfe21c01c8bc6a87.txt", 6)]
    [InlineData("004_ea2c160e833d0aa1.txt", 6)]
    public void Finds_every_section_heading_in_order(string seed, int count)
    {
        var doc = Parse(seed);
        Assert.Null(doc.Error);
        Assert.Equal(Enumerable.Range(1, count), doc.Sections!.Select(s => s.Number));
        Assert.DoesNotContain(doc.Sections!, s => s.Title.Contains("本年新收") || s.Title.Contains("本年度办理结果") || s.Title.Contains("结转下年度"));
    }

    [Fact]
    public void Seed_000_legacy_sections_have_keys_and_subsections()
    {
        var doc = Parse("000_ad18fba017e67855.txt");
        Assert.Equal(
            ["overview", "active_disclosure", "public_concerns", "applications", "fees", "review_litigation", "problems", "other_matters"],
            doc.Sections!.Select(s => s.Key));
        Assert.Equal("八、其他需要报告的事项", doc.Sections![7].Heading);
        Assert.Equal(4, doc.Sections[0].Subsections.Count);
        Assert.Equal("加强组织领导,保障工作基础", doc.Sections[0].Subsections[0].Title);
        Assert.Equal("无", doc.Sections[7].Subsections[0].Text);
        Assert.StartsWith("2014年,莲都区政府行政审批中心认真贯彻落实", doc.Sections[0].Text);
    }

    [Fact]
    public void Seed_001_heading_that_runs_into_prose_keeps_the_prose_in_the_text()
    {
        var doc = Parse("001_4b30d49f840f22ab.txt");
        var last = doc.Sections![6];
        Assert.Equal(7, last.Number);
        Assert.EndsWith("改进情况", last.Title.Replace('進', '进').Replace('況', '况').Replace('情', '情'));
        Assert.StartsWith("目前", last.Text);
        Assert.DoesNotContain("相關詞條", last.Text);
        Assert.DoesNotContain("相关词条", last.Text);
        Assert.DoesNotContain("聯絡我們", last.Text);
        Assert.DoesNotContain("联络我们", last.Text);
    }

    [Fact]
    public void Seed_004_inline_headings_split_the_single_paragraph()
    {
        var doc = Parse("004_ea2c160e833d0aa1.txt");
        Assert.Equal("莲都区2020年政府信息公开工作年度报告", doc.Metadata!.Title);
        Assert.Equal("", doc.Sections![1].Text);
        Assert.Equal("无其他需要报告的事项", doc.Sections[5].Title);
        Assert.Equal(4, doc.Sections[0].Subsections.Count);
        Assert.DoesNotContain("打印", doc.Sections[5].Text);
        Assert.DoesNotContain(doc.Sections, s => s.Text.Contains('|'));
        Assert.Contains(doc.Diagnostics, d => d.Code == "RP2007");
        Assert.Contains(doc.Diagnostics, d => d.Code == "RP2003");
    }

    [Theory]
    [InlineData("000_ad18fba017e67855.txt", 2014, "legacy")]
    [InlineData("001_4b30d49f840f22ab.txt", 2012, "legacy")]
    [InlineData("002_ed5f9074cb8b6cc8.txt", 2023, "gov2021")]
    [InlineData("003_cfe21c01c8bc6a87.txt", 2019, "gov2019")]
    [InlineData("004_ea2c160e833d0aa1.txt", 2020, "gov2019")]
    public void Report_year_and_template(string seed, int year, string template)
    {
        var metadata = Parse(seed).Metadata!;
        Assert.Equal(year, metadata.ReportYear);
        Assert.Equal(template, metadata.Template);
    }

    [Fact]
    public void Seed_002_info_box()
    {
        var metadata = Parse("002_ed5f9074cb8b6cc8.txt").Metadata!;
        Assert.Equal("郯城县行政审批服务局", metadata.Agency);
        Assert.Equal("tanchengzwfwbgs/2023-0000332", metadata.IndexNumber);
        Assert.Null(metadata.DocumentNumber);
        Assert.Equal("2024-01-09", metadata.WrittenDate);
        Assert.Equal("2024-01-09", metadata.PublishedDate);
    }

    [Fact]
    public void Seed_000_info_box_and_damaged_period()
    {
        var doc = Parse("000_ad18fba017e67855.txt");
        var metadata = doc.Metadata!;
        Assert.Equal("区审批中心2014年度政府信息公开工作报告", metadata.Title);
        Assert.Equal("区审批中心", metadata.Agency);
        Assert.Equal("/2015-12390", metadata.IndexNumber);
        Assert.Equal("2015-02-12", metadata.WrittenDate);
        Assert.Equal("2015-02-12", metadata.PublishedDate);
        Assert.Contains(doc.Diagnostics, d => d.Code == "RP2009");
        Assert.DoesNotContain(">政务公开", doc.Preamble);
    }
}
