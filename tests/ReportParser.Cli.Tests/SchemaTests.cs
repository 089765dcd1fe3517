using System.Text.Json.Nodes;
using ReportParser.Output;
using Xunit;
using ReportParser.Tests.Output;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

public sealed class SchemaTests
{
    private static readonly JsonSchemaValidator Validator =
        new(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "report.schema.json")));

    private static void AssertValid(string json)
    {
        var errors = Validator.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + json);
    }

    [Fact]
    public void A_full_report_built_in_memory_matches_the_schema() =>
        AssertValid(JsonReportWriter.Serialize(Fixtures.Report()));

    [Fact]
    public void An_error_record_matches_the_schema() =>
        AssertValid(JsonReportWriter.Serialize(Fixtures.ErrorRecord()));

    [Fact]
    public void Records_of_the_batch_runner_match_the_schema()
    {
        var item = new InputItem("x.txt", null, "x.txt", () => new MemoryStream([1, 2, 3]));
        AssertValid(JsonReportWriter.Serialize(ErrorRecords.Timeout(item, TimeSpan.FromSeconds(60))));
        AssertValid(JsonReportWriter.Serialize(ErrorRecords.InternalError(item, new InvalidOperationException("boom"))));
    }

    [Fact]
    public void Every_line_of_a_parse_run_over_seeds_and_broken_files_matches_the_schema()
    {
        using var dir = new TempDir();
        Seeds.CopyTo(dir);
        dir.Write("in/empty.txt", "");
        dir.Write("in/binary.txt", [0, 1, 2, 3, 0, 0, 0xFF, 0x10, 0, 7]);
        dir.Write("in/prose.txt", "今天天气很好，我们去公园散步。");
        var run = Cli.Run("parse", dir["in"], "-q");
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal(Seeds.Files.Length + 3, run.StdoutLines.Length);
        foreach (string line in run.StdoutLines)
        {
            AssertValid(line);
        }
    }

    public static TheoryData<string> GoldenFiles()
    {
        var data = new TheoryData<string>();
        foreach (string root in new[] { "seeds", "samples" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, root), "*.expected.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(AppContext.BaseDirectory, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Every_golden_file_matches_the_schema(string relativePath) =>
        AssertValid(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath)));

    [Fact]
    public void The_indented_document_of_a_single_input_matches_the_schema()
    {
        var run = Cli.Run("parse", Seeds.Files[0]);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        AssertValid(run.Stdout);
    }

    public static TheoryData<string, string> BrokenDocuments => new()
    {
        { "missing required source", """{"schema_version":1,"diagnostics":[],"error":{"code":"RP1001","message":"x"}}""" },
        { "unknown property", Mutate(Fixtures.Report(), o => o["extra"] = 1) },
        { "wrong schema_version", Mutate(Fixtures.Report(), o => o["schema_version"] = 2) },
        { "year as string", Mutate(Fixtures.Report(), o => o["metadata"]!["report_year"] = "2023") },
        { "bad template", Mutate(Fixtures.Report(), o => o["metadata"]!["template"] = "gov2020") },
        { "bad diagnostic code", Mutate(Fixtures.Report(), o => o["diagnostics"]![0]!["code"] = "E1001") },
        { "line zero", Mutate(Fixtures.Report(), o => o["sections"]![0]!["line"] = 0) },
        { "cell value as text", Mutate(Fixtures.Report(), o => o["tables"]![0]!["rows"]![0]!["values"]!["issued"] = "0") },
        { "report with an error", Mutate(Fixtures.Report(), o => o["error"] = new JsonObject { ["code"] = "RP1001", ["message"] = "x" }) },
        { "error record with sections", Mutate(Fixtures.ErrorRecord(), o => o["sections"] = new JsonArray()) },
        { "sha256 not hex", Mutate(Fixtures.Report(), o => o["source"]!["sha256"] = "xyz") },
        { "bad date", Mutate(Fixtures.Report(), o => o["metadata"]!["written_date"] = "2024年1月9日") },
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void The_validator_rejects_broken_documents(string what, string json)
    {
        Assert.True(Validator.Validate(json).Count > 0, $"accepted a document with {what}");
    }

    [Fact]
    public void The_validator_refuses_keywords_it_does_not_implement()
    {
        var validator = new JsonSchemaValidator("""{"type":"object","minProperties":1}""");
        Assert.Throws<NotSupportedException>(() => validator.Validate("{}"));
    }

    private static string Mutate(Model.ReportDocument document, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(JsonReportWriter.Serialize(document))!.AsObject();
        change(node);
        return node.ToJsonString();
    }
}
