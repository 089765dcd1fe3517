using ReportParser.Normalization;

namespace ReportParser.Tests.Normalization;

/// <summary>
/// Script detection reads its character marks from the embedded <c>Normalization/ScriptMarks.bin</c>,
/// not from the dictionaries, so that Simplified input parses no dictionary text. The file must be
/// what the dictionaries give. After changing the dictionaries or the rules:
/// <c>REPORTPARSER_UPDATE_SCRIPT_MARKS=1 dotnet test --filter ScriptMarks</c>, then review and commit.
/// </summary>
public class ScriptMarksTests
{
    [Fact]
    public void The_embedded_marks_table_is_the_one_the_dictionaries_give()
    {
        byte[] derived = ScriptDetector.EncodeMarks(derive: true);
        if (Environment.GetEnvironmentVariable("REPORTPARSER_UPDATE_SCRIPT_MARKS") is "1" && TestPaths.RepositoryRoot() is { } repo)
        {
            File.WriteAllBytes(Path.Combine(repo, "src", "ReportParser.Core", "Normalization", "ScriptMarks.bin"), derived);
            return;
        }

        Assert.True(derived.Length > 3000, "the derivation marks thousands of characters");
        Assert.True(derived.AsSpan().SequenceEqual(ScriptDetector.EncodeMarks(derive: false)),
            "Normalization/ScriptMarks.bin is out of date: run REPORTPARSER_UPDATE_SCRIPT_MARKS=1 dotnet test --filter ScriptMarks");
    }
}
