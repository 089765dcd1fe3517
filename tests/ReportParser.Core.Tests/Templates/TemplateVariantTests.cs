using System.Text;
using System.Text.Json.Nodes;
using ReportParser.Checks;
using ReportParser.Tests.Tables;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Tables;
using ReportParser.Templates;

namespace ReportParser.Tests.Templates;

/// <summary>
/// A made-up template variant added from data alone: a templates document whose new edition is gov2021
/// with one more 表三 row (（六）其他处理 4.已转送有权机关处理). Given to the catalogue, the row is read,
/// the table rebuilt, and the 勾稽 rules follow the variant (its outcome rows, its 其他处理 group)
/// without any code knowing of it.
/// </summary>
public sealed class TemplateVariantTests
{
    private const string Variant = "variant2099";
    private const string ExtraKey = "other.transferred";
    private const string ExtraLine = "4.已转送有权机关处理 | 2 | 0 | 0 | 0 | 0 | 0 | 2";

    [Fact]
    public void AVariantWithOneMoreTable3RowParsesReconstructsAndChecks()
    {
        var catalog = TemplateCatalog.FromJson(VariantDocument());
        Assert.Contains(Variant, catalog.Templates);
        Assert.Equal(Variant, catalog.Years.Prior(2099));
        Assert.Equal(TemplateNames.Gov2021, catalog.Years.Prior(2098));

        var bag = new DiagnosticBag();
        var tables = new TableReconstructor(catalog).Reconstruct(TableTestDocuments.FromSections(Variant, (3, VariantText())), bag);
        var table = tables.Table("table3");
        Assert.Equal(Variant, table.Template);
        Assert.Equal(TableStatus.Complete, table.Status);
        Assert.Null(table.ExtraRows);
        var extra = table.Rows.Single(r => r.Key == ExtraKey);
        Assert.Equal([2m, 0m, 0m, 0m, 0m, 0m, 2m], extra.Values.Select(v => v.Value));

        var checks = new TableChecker(catalog).Check(tables, bag);
        Assert.All(checks, c => Assert.Equal(CheckStatus.Pass, c.Status));
        var resultsSum = checks.Where(c => c.Rule == TableRules.T3ResultsSum).ToList();
        Assert.Equal(7, resultsSum.Count);
        Assert.EndsWith(" of 22 outcome rows are 0)", resultsSum[0].Message);
        Assert.DoesNotContain(bag.Items, d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void TheSameTextAgainstTheShippedTemplatesHasAnExtraRowAndUnbalancedColumns()
    {
        var bag = new DiagnosticBag();
        var tables = new TableReconstructor().Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2021, (3, VariantText())), bag);
        var table = tables.Table("table3");
        Assert.Equal(TemplateNames.Gov2021, table.Template);
        Assert.NotNull(table.ExtraRows);

        var checks = new TableChecker().Check(tables, bag);
        Assert.Contains(checks, c => c.Rule == TableRules.T3ResultsSum && c.Status == CheckStatus.Fail);
    }

    /// <summary>The shipped templates document plus the variant edition: gov2021 with the extra row after 3.其他.</summary>
    private static MemoryStream VariantDocument()
    {
        using var shipped = typeof(TemplateCatalog).Assembly.GetManifestResourceStream(TemplateFile.ResourceName)!;
        var document = JsonNode.Parse(shipped)!;
        var templates = document["templates"]!.AsObject();
        var variant = templates["gov2021"]!.DeepClone().AsObject();
        variant["first_year"] = 2099;
        variant["signals"] = new JsonArray();
        var rows = variant["table3"]!["rows"]!.AsArray();
        int after = rows.Select((r, i) => (Key: (string)r!["key"]!, Index: i)).Single(r => r.Key == "other.other").Index;
        rows.Insert(after + 1, new JsonObject
        {
            ["key"] = ExtraKey,
            ["label"] = "4.已转送有权机关处理",
            ["parent"] = "other",
            ["aliases"] = new JsonArray("已转送有权机关处理"),
        });
        templates[Variant] = variant;
        return new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString()));
    }

    /// <summary>A consistent variant 表三: the busy gov2021 sample with the extra row, its 2 counted in (七)总计 and 四 lowered to balance.</summary>
    private static string VariantText()
    {
        var values = Table3Samples.Busy2021();
        values["results_total"] = [54, 0, 0, 2, 0, 3, 59];
        values["carried_forward"] = [13, 0, 0, 0, 0, 1, 14];
        var lines = Table3Samples.Pipes(values).Split('\n').ToList();
        int other = lines.FindIndex(l => l.StartsWith("3.其他 |", StringComparison.Ordinal));
        lines.Insert(other + 1, ExtraLine);
        return string.Join('\n', lines);
    }
}
