using ReportParser.Model;
using ReportParser.Diagnostics;

namespace ReportParser.Tests.Output;

/// <summary>Report documents built in memory, with the shapes the table and check stages produce.</summary>
internal static class Fixtures
{
    public static ReportDocument Report(string path = "corpus/a.txt") => new()
    {
        Source = new SourceInfo(path, "text", "utf-8", 1234, new string('a', 64)),
        Normalization = new NormalizationInfo("auto", "simplified", null, 0),
        Metadata = new ReportMetadata
        {
            Title = "郯城县行政审批服务局2023年政府信息公开工作年度报告",
            Agency = "郯城县行政审批服务局",
            ReportYear = 2023,
            WrittenDate = "2024-01-09",
            PublishedDate = "2024-01-09",
            Template = TemplateNames.Gov2021,
        },
        Sections =
        [
            new Section(1, "一、总体情况", "总体情况", "overview", 3, "2023年，本局……\n“公开”, 含逗号", [
                new Subsection(1, "（一）主动公开", "主动公开", 5, "主动公开信息16条。"),
                new Subsection(2, "（二）依申请公开", "依申请公开", 8, "收到申请16件。"),
            ]),
            new Section(3, "三、收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况", "applications", 60, "", []),
        ],
        Tables =
        [
            new StatTable
            {
                Key = "table2",
                Section = 2,
                Template = TemplateNames.Gov2021,
                Status = TableStatus.Complete,
                Line = 40,
                Columns = [new("issued", "本年制发件数"), new("repealed", "本年废止件数"), new("in_force", "现行有效件数"), new("fee_amount", "本年收费金额（单位：万元）")],
                Rows =
                [
                    new TableRow { Key = "art20_1.regulations", Label = "规章", Line = 44, Values = new Dictionary<string, decimal?> { ["issued"] = 0, ["repealed"] = 0, ["in_force"] = 3 } },
                    new TableRow { Key = "art20_8.administrative_fee", Label = "行政事业性收费", Line = 52, Values = new Dictionary<string, decimal?> { ["fee_amount"] = 42.39m } },
                ],
            },
            new StatTable
            {
                Key = "table3",
                Section = 3,
                Template = TemplateNames.Gov2021,
                Status = TableStatus.Partial,
                Line = 60,
                Columns = [new("natural_person", "自然人"), new("commercial_enterprise", "商业企业"), new("total", "总计")],
                Rows =
                [
                    new TableRow
                    {
                        Key = "new_received",
                        Label = "一、本年新收政府信息公开申请数量",
                        Line = 66,
                        Values = new Dictionary<string, decimal?> { ["natural_person"] = 16.0m, ["commercial_enterprise"] = -8, ["total"] = null },
                        Raw = new Dictionary<string, string> { ["total"] = "-" },
                    },
                ],
            },
        ],
        Checks =
        [
            new CheckResult { Rule = "T3_BALANCE", Table = "table3", Column = "total", Status = CheckStatus.Pass, Message = "16 + 0 = 16 + 0", Line = 60 },
            new CheckResult { Rule = "T3_ROW_TOTAL", Table = "table3", Row = "new_received", Status = CheckStatus.Fail, Message = "16 + -8 ≠ 9, 100%: off by 1", Line = 66 },
        ],
        Diagnostics =
        [
            new Diagnostic(DiagnosticSeverity.Info, "RP1003", "encoding detected as utf-8", null),
            new Diagnostic(DiagnosticSeverity.Warning, "RP3011", "cell total of new_received is \"-\", not a number", 66),
        ],
    };

    public static ReportDocument ErrorRecord(string path = "corpus/empty.txt") => new()
    {
        Source = new SourceInfo(path, "unknown", null, 0, ""),
        Error = new ParseError("RP1001", "the input is empty (0 bytes)"),
        Diagnostics = [new Diagnostic(DiagnosticSeverity.Error, "RP1001", "the input is empty (0 bytes)", null)],
    };
}
