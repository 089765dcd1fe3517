using System.Text.Json;
using ReportParser.Model;
using ReportParser.Output;
using ReportParser.Tests.Golden;
using ReportParser.Diagnostics;

namespace ReportParser.Tests.Output;

/// <summary>
/// <see cref="JsonReportWriter"/> writes documents field by field; its output must stay byte for byte
/// what the serializer writes with <see cref="JsonReportWriter.CreateOptions"/>.
/// </summary>
public class JsonEmitterTests
{
    public static TheoryData<string> Inputs() => GoldenTests.Inputs();

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Golden_documents_are_written_as_the_serializer_writes_them(string relativePath)
    {
        var document = new ReportPipeline().Parse(ReportSource.FromFile(Path.Combine(TestPaths.Output, relativePath), relativePath)).Document;
        AssertSameAsSerializer(document);
    }

    [Fact]
    public void Every_optional_field_and_awkward_string_is_written_as_the_serializer_writes_it()
    {
        string awkward = "引号\"反斜杠\\ 控制\u0001\t\n <tag> & 'single' + emoji 😀 \u2028 é";
        var document = new ReportDocument
        {
            Source = new SourceInfo(awkward, "text", null, long.MaxValue, "abc", "https://example.gov.cn/a?b=1&c=\"d\""),
            Normalization = new NormalizationInfo("auto", "traditional", "tw", 12),
            Metadata = new ReportMetadata { Title = awkward, ReportYear = null, Template = TemplateNames.Gov2021 },
            Preamble = "",
            Sections =
            [
                new Section(1, "一、", awkward, null, 3, "", []),
                new Section(2, "二、", "t", "key", 9, "text", [new Subsection(1, "(一)", awkward, 10, awkward)]) { OriginalText = awkward },
            ],
            Tables =
            [
                new StatTable
                {
                    Key = "table3",
                    Section = 3,
                    Template = "gov2021",
                    Status = TableStatus.Partial,
                    Line = null,
                    Columns = [new TableColumn(awkward, awkward), new TableColumn("x", "x"), new TableColumn("total", "total")],
                    Rows =
                    [
                        new TableRow
                        {
                            Key = "a",
                            Label = awkward,
                            Line = 7,
                            Values = new Dictionary<string, decimal?> { [awkward] = 7m, ["x"] = 1.50m, ["y"] = null, ["z"] = -0.001m, ["max"] = 79228162514264337593543950335m, ["w"] = 1234m, ["v"] = -8m, ["u"] = 0m, ["t"] = -0m, ["s"] = 9223372036854775807m, ["r"] = -9223372036854775809m, ["q"] = 100.0m },
                            Raw = new Dictionary<string, string> { ["x"] = "1.50", [awkward] = awkward },
                        },
                    ],
                    ExtraRows = [new TableRow { Key = "extra_1", Label = "其他", Line = null }],
                },
                new StatTable { Key = "table4", Template = "unknown", Status = TableStatus.Absent },
            ],
            LegacyStats = new LegacyStats
            {
                Line = 12,
                Columns = [awkward, "历年累计"],
                Rows =
                [
                    new LegacyRow { Key = "proactive.total", Label = awkward, NormalizedLabel = awkward, Unit = "条", Values = [43m, 1.50m], Raw = awkward, Line = 12 },
                    new LegacyRow { Key = null, Label = "其他", NormalizedLabel = "其他", Parent = 0, Values = [null, -0m], Raw = "", Line = null },
                ],
            },
            Checks =
            [
                new CheckResult
                {
                    Rule = "R", Table = "table3", Row = "a", Column = "b", Status = CheckStatus.Fail, Message = awkward, Line = 4,
                    Operands = [new CheckOperand("left", "a", "b", 5m), new CheckOperand("right", "c", "b", null), new CheckOperand("right", "d", "b", -1.50m)],
                    Difference = 0.5m,
                },
                new CheckResult { Rule = "R", Table = "table3", Status = CheckStatus.Pass, Message = "" },
            ],
            Facts =
            [
                new ProseFact(awkward, 5, 70m, "件", "table3.new_received.total"),
                new ProseFact("", null, 99.5m, "%", "table3.completion_rate"),
            ],
            Diagnostics =
            [
                new Diagnostic(DiagnosticSeverity.Info, "RP1", awkward, null),
                new Diagnostic(DiagnosticSeverity.Warning, "RP2", "w", 3),
                new Diagnostic(DiagnosticSeverity.Error, "RP3", "e", 0),
            ],
            Error = new ParseError("RP9", awkward),
        };
        AssertSameAsSerializer(document);
        AssertSameAsSerializer(new ReportDocument { Source = new SourceInfo("p", "unknown", null, 0, "") });
        AssertEveryModelPropertyIsWritten(JsonSerializer.Serialize(document, JsonReportWriter.CreateOptions(false)));
    }

    /// <summary>
    /// The synthetic document above must set every property of the model, or a property added to the
    /// model (and forgotten in the field-by-field writer) would go unnoticed by the comparison.
    /// </summary>
    private static void AssertEveryModelPropertyIsWritten(string json)
    {
        var names = new HashSet<string>();
        Collect(JsonDocument.Parse(json).RootElement, names);
        var modelTypes = typeof(ReportDocument).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.Namespace == "ReportParser.Model" && t.IsClass && t.IsSealed
                && t.GetMethod("<Clone>$") is not null && t != typeof(DiagnosticDescriptor));
        foreach (var type in modelTypes)
        {
            foreach (var property in type.GetProperties().Where(p => p.GetMethod?.IsPublic == true && p.GetIndexParameters().Length == 0))
            {
                string name = JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
                Assert.True(names.Contains(name), $"{type.Name}.{property.Name} ({name}) is not set in the synthetic document");
            }
        }
    }

    private static void Collect(JsonElement element, HashSet<string> names)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                names.Add(property.Name);
                Collect(property.Value, names);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, names);
            }
        }
    }

    private static void AssertSameAsSerializer(ReportDocument document)
    {
        foreach (bool indented in new[] { true, false })
        {
            string expected = JsonSerializer.Serialize(document, JsonReportWriter.CreateOptions(indented));
            Assert.Equal(expected, JsonReportWriter.Serialize(document, indented));
        }
    }
}
