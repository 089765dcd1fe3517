using ReportParser.Model;
using ReportParser.Output;
using ReportParser.Panel;
using ReportParser.Tests.Corpus;

namespace ReportParser.Tests.Panel;

public class ReportComparerTests
{
    private static ReportDocument Corpus(string report) =>
        new ReportPipeline().Parse(ReportSource.FromFile(Path.Combine(RealCorpus.Root(), report), report)).Document;

    private static ReportDocument WithSections(string path, params string[] texts) => new()
    {
        Source = new SourceInfo(path, "text", "utf-8", 0, ""),
        Sections = texts.Select((t, i) => new Section(i + 1, $"{i + 1}、", "标题", null, 1, t, [])).ToList(),
    };

    [Fact]
    public void Sentences_are_found_verbatim_with_numbers_changed_or_nearly_and_the_rest_are_new()
    {
        var older = WithSections("2020.txt", "我局高度重视政府信息公开工作，认真落实各项要求。全年主动公开政府信息393条，其中政策文件43条。进一步加强培训指导，努力形成人人参与的浓厚氛围。");
        var newer = WithSections("2021.txt", "我局高度重视政府信息公开工作，认真落实各项要求。全年主动公开政府信息394条，其中政策文件13条。进一步加强业务培训指导，努力形成人人参与的浓厚氛围。今年新建了政务公开专区。");
        var comparison = new ReportComparer().Compare(older, newer);
        var section = Assert.Single(comparison.Sections);
        Assert.Equal(4, section.Prose);
        Assert.Equal([ReuseKind.Verbatim, ReuseKind.NumbersChanged, ReuseKind.Near], section.Reused.Select(r => r.Kind));
        Assert.Equal(0.75, section.Share);
        var change = Assert.Single(comparison.ProseNumbers);
        Assert.Equal(["393", "43"], change.OldNumbers);
        Assert.Equal(["394", "13"], change.NewNumbers);
    }

    [Fact]
    public void A_sentence_that_is_table_text_is_counted_apart_from_the_prose()
    {
        var older = WithSections("a.txt", "收到申请。");
        var newer = WithSections("b.txt", "一、本年新收政府信息公开申请数量5000005二、上年结转政府信息公开申请数量0000000。今年共收到申请5件。");
        var section = Assert.Single(new ReportComparer().Compare(older, newer).Sections);
        Assert.Equal(1, section.TableText);
        Assert.Equal(1, section.Prose);
    }

    [Fact]
    public void On_two_consecutive_real_reports_every_listed_sentence_is_in_the_older_report_and_every_delta_is_the_two_tables_values()
    {
        var older = Corpus("pingtan/040_shichang-jianguan_2020.txt");
        var newer = Corpus("pingtan/047_shichang-jianguan_2021.txt");
        var comparison = new ReportComparer().Compare(older, newer);
        string oldText = string.Join("\n", older.Sections!.SelectMany(s => s.Subsections.Select(u => u.Heading + u.Text).Prepend(s.Text)));
        Assert.True(comparison.Reused >= 10, $"{comparison.Reused} reused sentences");
        foreach (var r in comparison.Sections.SelectMany(s => s.Reused))
        {
            Assert.Contains(r.OldText.TrimEnd('。'), oldText);
            if (r.Kind == ReuseKind.Verbatim)
            {
                Assert.Contains(r.Text.TrimEnd('。'), oldText);
            }
        }

        var oldValues = CsvReportWriter.WideCellsOf(older);
        var newValues = CsvReportWriter.WideCellsOf(newer);
        int changed = 0;
        foreach (var (key, value) in newValues)
        {
            if (oldValues.TryGetValue(key, out var old) && old != value)
            {
                changed++;
                var delta = comparison.CellDeltas.Single(d => d.Cell == key);
                Assert.Equal((old, value), (delta.Old, delta.New));
            }
        }

        Assert.Equal(changed, comparison.CellDeltas.Count);
        // 表三 （一）予以公开 of the applicants who are natural persons: 0 in 2020 ("（一）予以公开0000000"), 3 in 2021 ("3000003").
        Assert.Equal(3, comparison.CellDeltas.Single(d => d.Cell == "table3.granted.natural_person").Delta);
    }

    [Fact]
    public void The_JSON_lists_what_the_text_lists()
    {
        var comparison = new ReportComparer().Compare(
            WithSections("a.txt", "我局高度重视政府信息公开工作，认真落实各项要求。"),
            WithSections("b.txt", "我局高度重视政府信息公开工作，认真落实各项要求。"));
        var text = new StringWriter();
        var json = new StringWriter();
        ComparisonWriter.WriteText(comparison, text);
        ComparisonWriter.WriteJson(comparison, json);
        Assert.Contains("= 我局高度重视政府信息公开工作，认真落实各项要求。", text.ToString());
        var parsed = System.Text.Json.Nodes.JsonNode.Parse(json.ToString())!;
        Assert.Equal(1, (int)parsed["reused_sentences"]!);
        Assert.Equal("verbatim", (string)parsed["sections"]![0]!["reused_sentences"]![0]!["kind"]!);
    }
}
