using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Output;
using Xunit;

namespace ReportParser.Tests.Output;

public sealed class CsvReportWriterTests
{
    private static string Write(CsvLayout layout, bool excel, params ReportDocument[] documents)
    {
        var text = new StringWriter();
        using (var csv = new CsvReportWriter(text, layout, excel))
        {
            foreach (var document in documents)
            {
                csv.Write(document);
            }
        }

        return text.ToString();
    }

    [Fact]
    public void Cells_layout_has_one_tidy_row_per_cell_with_invariant_numbers()
    {
        string csv = Write(CsvLayout.Cells, false, Fixtures.Report(), Fixtures.ErrorRecord());
        string expected = """
            file,report_year,agency,template,table,row,column,row_label,column_label,value,raw,line
            corpus/a.txt,2023,郯城县行政审批服务局,gov2021,table2,art20_1.regulations,issued,规章,本年制发件数,0,,44
            corpus/a.txt,2023,郯城县行政审批服务局,gov2021,table2,art20_1.regulations,repealed,规章,本年废止件数,0,,44
            corpus/a.txt,2023,郯城县行政审批服务局,gov2021,table2,art20_1.regulations,in_force,规章,现行有效件数,3,,44
            corpus/a.txt,2023,郯城县行政审批服务局,gov2021,table2,art20_8.administrative_fee,fee_amount,行政事业性收费,本年收费金额（单位：万元）,42.39,,52
            corpus/a.txt,2023,郯城县行政审批服务局,gov2021,table3,new_received,natural_person,一、本年新收政府信息公开申请数量,自然人,16,,66
            corpus/a.txt,2023,郯城县行政审批服务局,gov2021,table3,new_received,commercial_enterprise,一、本年新收政府信息公开申请数量,商业企业,-8,,66
            corpus/a.txt,2023,郯城县行政审批服务局,gov2021,table3,new_received,total,一、本年新收政府信息公开申请数量,总计,,-,66

            """.Replace("\r\n", "\n");
        Assert.Equal(expected, csv);
    }

    [Fact]
    public void Negative_values_and_dash_texts_are_not_rewritten_as_formulas()
    {
        string csv = Write(CsvLayout.Cells, false, Fixtures.Report());
        Assert.Contains(",-8,", csv);
        Assert.Contains(",-,", csv);
        Assert.DoesNotContain("'-", csv);
    }

    [Fact]
    public void Values_format_invariantly_whatever_the_current_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NegativeSign = "\u2212";
            System.Globalization.CultureInfo.CurrentCulture = comma;
            Assert.Equal("-8", CsvReportWriter.FormatValue(-8m));
            Assert.Equal("42.39", CsvReportWriter.FormatValue(42.39m));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal("16", CsvReportWriter.FormatValue(16.00m));
        Assert.Equal("-8", CsvReportWriter.FormatValue(-8m));
        Assert.Equal("0.5", CsvReportWriter.FormatValue(0.50m));
        Assert.Equal("3292078", CsvReportWriter.FormatValue(3292078m));
        Assert.Equal("", CsvReportWriter.FormatValue(null));
    }

    [Fact]
    public void Sections_layout_lists_sections_and_numbered_subsections_with_quoting()
    {
        string csv = Write(CsvLayout.Sections, false, Fixtures.Report());
        string expected = """
            file,number,key,title,line,text
            corpus/a.txt,1,overview,总体情况,3,"2023年，本局……
            “公开”, 含逗号"
            corpus/a.txt,1.1,overview,主动公开,5,主动公开信息16条。
            corpus/a.txt,1.2,overview,依申请公开,8,收到申请16件。
            corpus/a.txt,3,applications,收到和处理政府信息公开申请情况,60,

            """.Replace("\r\n", "\n");
        Assert.Equal(expected, csv);
    }

    [Fact]
    public void Wide_layout_has_one_row_per_report_and_the_same_header_for_every_report()
    {
        string csv = Write(CsvLayout.Wide, false, Fixtures.Report(), Fixtures.ErrorRecord());
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        var header = lines[0].Split(',');
        Assert.Equal(["file", "report_year", "agency", "template", "error"], header[..5]);
        Assert.Equal(header.Length, lines[1].Split(',').Length);
        Assert.Equal(header.Length, lines[2].Split(',').Length);
        string Cell(int line, string key) => lines[line].Split(',')[Array.IndexOf(header, key)];
        Assert.Equal("16", Cell(1, "table3.new_received.natural_person"));
        Assert.Equal("-8", Cell(1, "table3.new_received.commercial_enterprise"));
        Assert.Equal("", Cell(1, "table3.new_received.total"));
        Assert.Equal("42.39", Cell(1, "table2.art20_8.administrative_fee.fee_amount"));
        Assert.Equal("3", Cell(1, "table2.art20_1.regulations.in_force"));
        Assert.Equal("", Cell(1, "error"));
        Assert.StartsWith("RP1001: ", Cell(2, "error"));
        Assert.Equal(string.Join(",", CsvReportWriter.Header(CsvLayout.Wide)), lines[0]);
    }

    [Fact]
    public void Wide_layout_carries_metadata_for_filtering()
    {
        var report = Fixtures.Report() with { Source = Fixtures.Report().Source with { Url = "http://www.example.gov.cn/a.html" } };
        var failed = Fixtures.ErrorRecord();
        string csv = Write(CsvLayout.Wide, false, report, failed);
        var lines = csv.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        Assert.Equal(["file", "report_year", "agency", "template", "error", "title", "published_date", "source_url", "sha256",
            "table2_status", "table3_status", "table4_status", "errors", "warnings", "script"], header[..15]);
        string Cell(int line, string key) => lines[line].Split(',')[Array.IndexOf(header, key)];
        Assert.Equal(report.Metadata!.Title ?? "", Cell(1, "title"));
        Assert.Equal(report.Metadata.PublishedDate ?? "", Cell(1, "published_date"));
        Assert.Equal("http://www.example.gov.cn/a.html", Cell(1, "source_url"));
        Assert.Equal(report.Source.Sha256, Cell(1, "sha256"));
        Assert.Equal(report.Tables!.Single(t => t.Key == "table3").Status, Cell(1, "table3_status"));
        Assert.Equal(report.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error).ToString(), Cell(1, "errors"));
        Assert.Equal(report.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning).ToString(), Cell(1, "warnings"));
        Assert.Equal(report.Normalization?.InputScript ?? "", Cell(1, "script"));
        Assert.Equal("", Cell(2, "table3_status"));
        Assert.Equal("1", Cell(2, "errors"));
    }

    [Fact]
    public void The_codebook_describes_every_wide_column_in_header_order()
    {
        var text = new StringWriter();
        CsvReportWriter.WriteCodebook(text);
        var rows = CsvRecords.Parse(text.ToString());

        Assert.Equal(["column", "table", "row_key", "column_key", "row_label", "column_label", "templates", "meaning"], rows[0]);
        Assert.Equal(CsvReportWriter.Header(CsvLayout.Wide), rows.Skip(1).Select(r => r[0]));
        Assert.All(rows.Skip(1), r => Assert.False(string.IsNullOrWhiteSpace(r[7]), $"{r[0]} has no meaning"));
        Assert.All(rows.Skip(1), r => Assert.False(string.IsNullOrWhiteSpace(r[5]), $"{r[0]} has no label"));

        var balance = rows.Single(r => r[0] == "table3.new_received.natural_person");
        Assert.Equal(["table3", "new_received", "natural_person", "一、本年新收政府信息公开申请数量", "自然人", "gov2021;gov2019"], balance[1..7]);
        var gov2019Only = rows.Single(r => r[0] == "table2.art20_1.regulations.newly_made");
        Assert.Equal(("art20_1.regulations", "规章", "本年新制作数量", "gov2019"), (gov2019Only[2], gov2019Only[4], gov2019Only[5], gov2019Only[6]));
        var gov2021Only = rows.Single(r => r[0] == "table3.other.no_correction.total");
        Assert.Equal("gov2021", gov2021Only[6]);
    }

    [Fact]
    public void The_label_row_of_the_wide_layout_names_each_column_in_Chinese()
    {
        var text = new StringWriter();
        using (var csv = new CsvReportWriter(text, CsvLayout.Wide, labelRow: true))
        {
            csv.Write(Fixtures.Report());
        }

        var lines = text.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        var header = lines[0].Split(',');
        var labels = lines[1].Split(',');
        Assert.Equal(header.Length, labels.Length);
        Assert.Equal(["文件", "报告年度", "机关", "模板", "错误"], labels[..5]);
        Assert.Equal("表三 本年新收 自然人", labels[Array.IndexOf(header, "table3.new_received.natural_person")]);
        Assert.Equal("表二 第二十条第（一）项 规章 本年制发件数", labels[Array.IndexOf(header, "table2.art20_1.regulations.issued")]);
        Assert.Equal("16", lines[2].Split(',')[Array.IndexOf(header, "table3.new_received.natural_person")]);
    }

    [Fact]
    public void Wide_header_covers_both_templates_once()
    {
        var keys = WideCsvColumns.CellKeys;
        // 226 cells of the two national templates, then two per legacy indicator (year, cumulative).
        Assert.Equal(226 + 2 * ReportParser.Templates.LegacyCatalog.Default.Keys.Count, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Contains("table2.art20_1.regulations.issued", keys);                      // gov2021
        Assert.Contains("table2.art20_1.regulations.newly_made", keys);                  // gov2019
        Assert.Contains("table2.art20_9.centralized_procurement.procurement_amount", keys); // gov2019 only block
        Assert.Contains("table3.other.total", keys);                                     // gov2019 one-row 其他处理
        Assert.Contains("table3.other.fee_unpaid.total", keys);                          // gov2021 sub-rows
        Assert.Contains("table4.litigation_after_review.pending", keys);
        Assert.DoesNotContain("table3.results.total", keys);                             // group rows carry no numbers
    }

    [Fact]
    public void Wide_header_order_is_stable()
    {
        // gov2021 rows and columns first, those only gov2019 has after their neighbour there.
        var keys = WideCsvColumns.CellKeys;
        Assert.Equal(
            ["table2.art20_1.regulations.issued", "table2.art20_1.regulations.repealed", "table2.art20_1.regulations.in_force",
             "table2.art20_1.regulations.newly_made", "table2.art20_1.regulations.newly_published", "table2.art20_1.regulations.total_published"],
            keys.Take(6));
        Assert.Equal("table2.art20_9.centralized_procurement.procurement_items", keys[keys.ToList().FindIndex(k => k.StartsWith("table2.art20_9", StringComparison.Ordinal))]);
        int other = keys.ToList().IndexOf("table3.other.natural_person");
        Assert.Equal("table3.not_processed.confirm_or_reissue.total", keys[other - 1]);
        Assert.Equal("table3.other.no_correction.natural_person", keys[other + 7]);
        int legacy = keys.ToList().FindIndex(k => k.StartsWith("legacy.", StringComparison.Ordinal));
        Assert.Equal("table4.litigation_after_review.total", keys[legacy - 1]);
        Assert.Equal(["legacy.proactive.total.year", "legacy.proactive.total.cumulative"], keys.Skip(legacy).Take(2));
    }

    [Fact]
    public void A_run_with_no_documents_still_writes_the_header()
    {
        Assert.Equal("file,number,key,title,line,text\n", Write(CsvLayout.Sections, false));
    }

    [Fact]
    public void Excel_output_starts_with_a_bom_and_ends_lines_with_crlf()
    {
        string csv = Write(CsvLayout.Cells, true, Fixtures.Report());
        Assert.Equal('\uFEFF', csv[0]);
        Assert.DoesNotContain("\n", csv.Replace("\r\n", ""));
        Assert.EndsWith("\r\n", csv);
    }
}
