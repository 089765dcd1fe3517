using ReportParser.Model;
using ReportParser.Panel;
using static ReportParser.Tests.Panel.PanelDocuments;

namespace ReportParser.Tests.Panel;

public class AgencyGrouperTests
{
    private static IReadOnlyList<AgencyAssignment> Group(List<PanelDiagnostic> diagnostics, AgencyMapping? mapping, params ReportDocument[] documents) =>
        new AgencyGrouper(mapping).Group(documents, diagnostics);

    [Theory]
    [InlineData("tanchengzwfwbgs/2023-0000332", "tanchengzwfwbgs")]
    [InlineData("ｔａｎｃｈｅｎｇ/2023-01", "tancheng")]
    [InlineData("2023/0012", null)]
    [InlineData("002", null)]
    [InlineData(null, null)]
    public void The_index_prefix_is_the_part_before_the_slash_unless_it_is_a_year(string? index, string? prefix) =>
        Assert.Equal(prefix, AgencyGrouper.IndexPrefix(index));

    [Theory]
    [InlineData("https://www.pingtan.gov.cn/zwgk/ptzhsyqjtj/zfxxgknb/202001/t20200108_80563.htm", "www.pingtan.gov.cn/zwgk/ptzhsyqjtj/zfxxgknb")]
    [InlineData("http://WWW.X.GOV.CN/a/b/", "www.x.gov.cn/a/b")]
    [InlineData("http://www.x.gov.cn/2024-01/12/c_1.html", "www.x.gov.cn")]
    [InlineData("not a url", null)]
    public void The_url_folder_drops_the_file_and_date_folders(string url, string? folder) =>
        Assert.Equal(folder, AgencyGrouper.UrlFolder(url));

    [Fact]
    public void Reports_with_one_index_prefix_and_one_name_are_one_agency_by_index_number()
    {
        var diagnostics = new List<PanelDiagnostic>();
        var result = Group(diagnostics, null,
            Report("a.txt", "郯城县行政审批服务局", 2022, index: "tanchengzwfwbgs/2022-0000101"),
            Report("b.txt", "郯城县行政审批服务局", 2023, index: "tanchengzwfwbgs/2023-0000332"));
        Assert.Equal(result[0].AgencyId, result[1].AgencyId);
        Assert.Equal(AgencyEvidence.IndexNumber, result[0].Evidence);
        Assert.Equal("tanchengzwfwbgs", result[0].EvidenceKey);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void One_url_folder_under_two_names_is_two_agencies_and_a_conflict()
    {
        var diagnostics = new List<PanelDiagnostic>();
        const string folder = "https://www.pingtan.gov.cn/zwgk/ptzhsyqjtj/zfxxgknb/";
        var result = Group(diagnostics, null,
            Report("county.txt", "平潭县交通局", 2009, url: folder + "201005/t1.htm"),
            Report("zone.txt", "平潭综合实验区交通与建设局", 2012, url: folder + "201303/t2.htm"));
        Assert.NotEqual(result[0].AgencyId, result[1].AgencyId);
        var conflict = Assert.Single(diagnostics);
        Assert.Equal("RP5001", conflict.Code);
        Assert.Contains("平潭县交通局 (county.txt)", conflict.Message);
        Assert.Equal(["county.txt", "zone.txt"], conflict.Files);
    }

    [Fact]
    public void Two_bodies_are_never_merged_on_names_that_differ_only_in_their_place()
    {
        var diagnostics = new List<PanelDiagnostic>();
        var result = Group(diagnostics, null,
            Report("a.txt", "平潭县公安局", 2010),
            Report("b.txt", "平潭综合实验区公安局", 2014),
            Report("c.txt", "平潭综合实验区管委会办公室", 2018),
            Report("d.txt", "平潭综合实验区管理委员会", 2018));
        Assert.Equal(4, result.Select(r => r.AgencyId).Distinct().Count());
        Assert.All(result, r => Assert.Equal(AgencyEvidence.Name, r.Evidence));
    }

    [Fact]
    public void Names_are_compared_after_the_fold_and_the_long_forms_of_a_body()
    {
        var diagnostics = new List<PanelDiagnostic>();
        var result = Group(diagnostics, null,
            Report("a.txt", "某县人民政府", 2021),
            Report("b.txt", "某县 政府", 2022),
            Report("c.txt", "某市经济发展局综合处", 2021),
            Report("d.txt", "某市经济发展局（原某市发改委）", 2022));
        Assert.Equal(result[0].AgencyId, result[1].AgencyId);
        Assert.Equal(result[2].AgencyId, result[3].AgencyId);
        Assert.NotEqual(result[0].AgencyId, result[2].AgencyId);
    }

    [Fact]
    public void A_report_known_by_name_alone_joins_the_one_folder_of_that_name()
    {
        var diagnostics = new List<PanelDiagnostic>();
        var result = Group(diagnostics, null,
            Report("033.html", "平潭综合实验区自然资源与生态环境局", 2019),
            Report("033.txt", "平潭综合实验区自然资源与生态环境局", 2019, url: "https://x.gov.cn/zrz/nb/t1.htm"));
        Assert.Equal(result[1].AgencyId, result[0].AgencyId);
        Assert.Equal(AgencyEvidence.Name, result[0].Evidence);
        Assert.Contains("joins x.gov.cn/zrz/nb", result[0].EvidenceKey);
    }

    [Fact]
    public void A_mapping_line_overrides_every_other_evidence()
    {
        var errors = new List<string>();
        var mapping = AgencyMapping.Read(new StringReader("match,agency\n# renamed in 2021\n平潭综合实验区国有资产管理局,ptgz\n**/060_*.txt,ptgz\n"), errors);
        Assert.Empty(errors);
        var diagnostics = new List<PanelDiagnostic>();
        var result = Group(diagnostics, mapping,
            Report("corpus/035_guozi_2020.txt", "平潭综合实验区国有资产管理局", 2020, url: "https://x.gov.cn/gyz/nb/t1.htm"),
            Report("corpus/060_touzi-cujin_2024.txt", "平潭综合实验区投资促进局", 2024, url: "https://x.gov.cn/gyz/nb/t2.htm"));
        Assert.All(result, r => Assert.Equal("ptgz", r.AgencyId));
        Assert.All(result, r => Assert.Equal(AgencyEvidence.Mapping, r.Evidence));
        Assert.Equal(["line 3: 平潭综合实验区国有资产管理局", "line 4: **/060_*.txt"], result.Select(r => r.EvidenceKey));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_mapping_line_that_is_not_two_fields_is_an_error_naming_its_line()
    {
        var errors = new List<string>();
        AgencyMapping.Read(new StringReader("a.txt,x\nonly-one-field\n\"quoted, name\",y\n"), errors);
        Assert.Equal(["line 2: expected two fields, a path pattern or agency name and an agency id; found \"only-one-field\""], errors);
    }

    [Fact]
    public void A_report_with_no_identity_at_all_stands_alone_with_a_diagnostic()
    {
        var diagnostics = new List<PanelDiagnostic>();
        var result = Group(diagnostics, null, Report("x.txt", null, 2020), Report("y.txt", null, 2021));
        Assert.NotEqual(result[0].AgencyId, result[1].AgencyId);
        Assert.Equal(AgencyEvidence.None, result[0].Evidence);
        Assert.Equal(2, diagnostics.Count(d => d.Code == "RP5003"));
    }
}
