using ReportParser.Model;
using ReportParser.Diagnostics;

namespace ReportParser.Tests.Diagnostics;

public class DiagnosticCatalogTests
{
    [Fact]
    public void Codes_are_unique_and_grouped_by_stage()
    {
        var codes = DiagnosticCodes.All.Select(d => d.Code).ToArray();
        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^RP[123459][0-9]{3}$", c));
    }

    [Fact]
    public void The_readme_documents_every_code_with_its_severity()
    {
        string readme = File.ReadAllText(Path.Combine(TestPaths.Output, "README.md"));
        foreach (var d in DiagnosticCodes.All)
        {
            Assert.True(readme.Contains($"| {d.Code} | {d.Severity.ToString().ToLowerInvariant()} | {d.Title} |", StringComparison.Ordinal),
                $"README.md's diagnostics table lacks or misstates {d.Code} ({d.Severity}): {d.Title}");
        }
    }
}
