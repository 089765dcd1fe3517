using ReportParser.Diagnostics;

namespace ReportParser.Tests;

/// <summary>
/// The library's public surface, pinned: making a type public (or internal) is a deliberate change
/// that updates this list. Everything else is internal and reached by the tests through InternalsVisibleTo.
/// </summary>
public class PublicApiTests
{
    private static readonly string[] Expected =
    [
        "ReportParser.Diagnostics.Diagnostic",
        "ReportParser.Diagnostics.DiagnosticCodes",
        "ReportParser.Diagnostics.DiagnosticDescriptor",
        "ReportParser.Diagnostics.DiagnosticSeverity",
        "ReportParser.Model.CheckOperand",
        "ReportParser.Model.CheckResult",
        "ReportParser.Model.CheckStatus",
        "ReportParser.Model.LegacyRow",
        "ReportParser.Model.LegacyStats",
        "ReportParser.Model.NormalizationInfo",
        "ReportParser.Model.ParseError",
        "ReportParser.Model.ProseFact",
        "ReportParser.Model.ReportDocument",
        "ReportParser.Model.ReportMetadata",
        "ReportParser.Model.Section",
        "ReportParser.Model.SourceInfo",
        "ReportParser.Model.StatTable",
        "ReportParser.Model.Subsection",
        "ReportParser.Model.TableColumn",
        "ReportParser.Model.TableRow",
        "ReportParser.Model.TableStatus",
        "ReportParser.Model.TemplateNames",
        "ReportParser.NormalizationMode",
        "ReportParser.Output.CsvLayout",
        "ReportParser.Output.CsvReportWriter",
        "ReportParser.Output.JsonReportWriter",
        "ReportParser.ParseResult",
        "ReportParser.ReportParserOptions",
        "ReportParser.ReportPipeline",
        "ReportParser.ReportSource",
    ];

    [Fact]
    public void The_public_types_are_exactly_the_documented_surface()
    {
        var actual = typeof(ReportPipeline).Assembly.GetExportedTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Expected, actual);
    }
}
