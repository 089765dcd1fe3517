using System.Text.Json.Nodes;
using ReportParser.Output;

namespace ReportParser.Tests.Golden;

/// <summary>
/// Every input in seeds/ and samples/ has an expected JSON beside it (<c>name.expected.json</c>),
/// reviewed by eye. A mismatch writes <c>name.actual.json</c> next to the copy in the test output
/// folder. To regenerate deliberately: <c>REPORTPARSER_UPDATE_GOLDEN=1 dotnet test</c>, then review
/// the diff with git before committing.
/// </summary>
public class GoldenTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (string root in new[] { "seeds", "samples" })
        {
            string dir = Path.Combine(TestPaths.Output, root);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                string ext = Path.GetExtension(file);
                if (ext is ".txt" or ".html" or ".htm" && (Updating || File.Exists(ExpectedPath(file))))
                {
                    data.Add(Path.GetRelativePath(TestPaths.Output, file).Replace('\\', '/'));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Output_matches_the_reviewed_golden_file(string relativePath)
    {
        string input = Path.Combine(TestPaths.Output, relativePath);
        var document = new ReportPipeline().Parse(ReportSource.FromFile(input, relativePath)).Document;
        string actual = JsonReportWriter.Serialize(document) + "\n";
        string expectedPath = ExpectedPath(input);

        if (Updating && TestPaths.RepositoryRoot() is { } repo)
        {
            File.WriteAllText(ExpectedPath(Path.Combine(repo, relativePath)), actual);
            return;
        }

        string expected = File.ReadAllText(expectedPath);
        if (!JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)))
        {
            string actualPath = Path.ChangeExtension(expectedPath, null);
            actualPath = actualPath[..^".expected".Length] + ".actual.json";
            File.WriteAllText(actualPath, actual);
            Assert.Fail($"{relativePath}: output differs from {Path.GetFileName(expectedPath)}; see {actualPath}");
        }
    }

    [Fact]
    public void Every_seed_has_a_golden_file()
    {
        foreach (string seed in Directory.EnumerateFiles(TestPaths.Seeds, "*.txt"))
        {
            Assert.True(File.Exists(ExpectedPath(seed)), $"{seed} has no expected JSON");
        }
    }

    private static bool Updating => Environment.GetEnvironmentVariable("REPORTPARSER_UPDATE_GOLDEN") == "1";

    private static string ExpectedPath(string input) =>
        Path.Combine(Path.GetDirectoryName(input)!, Path.GetFileNameWithoutExtension(input) + ".expected.json");
}
