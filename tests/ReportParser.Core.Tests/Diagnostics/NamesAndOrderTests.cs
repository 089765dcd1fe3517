using System.Text.Json;
using ReportParser.Diagnostics;
using ReportParser.Model;

namespace ReportParser.Tests.Diagnostics;

public class NamesAndOrderTests
{
    [Fact]
    public void Every_normalisation_mode_has_a_name_that_parses_back_in_any_case()
    {
        foreach (var mode in Enum.GetValues<NormalizationMode>())
        {
            string name = NormalizationModeNames.Of(mode);
            Assert.Equal(mode.ToString().ToLowerInvariant(), name);
            Assert.Equal(mode, NormalizationModeNames.Parse(name));
            Assert.Equal(mode, NormalizationModeNames.Parse(name.ToUpperInvariant()));
        }

        Assert.Throws<ArgumentException>(() => NormalizationModeNames.Parse("s2t"));
    }

    [Fact]
    public void Severity_names_are_the_json_names()
    {
        foreach (var severity in Enum.GetValues<DiagnosticSeverity>())
        {
            Assert.Equal(JsonSerializer.Serialize(severity), $"\"{Diagnostic.SeverityName(severity)}\"");
        }
    }

    [Fact]
    public void Diagnostics_are_sorted_by_line_file_level_first_and_stable_within_a_line()
    {
        var bag = new DiagnosticBag();
        bag.Report(DiagnosticCodes.DecodeErrors, "a", 5);
        bag.Report(DiagnosticCodes.EncodingGuessed, "b");
        bag.Report(DiagnosticCodes.DecodeErrors, "c", 2);
        bag.Report(DiagnosticCodes.DecodeErrors, "d", 5);
        bag.Report(DiagnosticCodes.DecodeErrors, "e", 2);
        bag.Report(DiagnosticCodes.EncodingGuessed, "f");
        Assert.Equal(["b", "f", "c", "e", "a", "d"], bag.ToSortedList().Select(d => d.Message));

        // Enough of them for the sort to partition (a small array is insertion-sorted, stable anyway).
        var many = new DiagnosticBag();
        var lines = Enumerable.Range(0, 200).Select(i => i % 7 == 0 ? (int?)null : (i * 37) % 5 + 1).ToArray();
        for (int i = 0; i < lines.Length; i++)
        {
            many.Report(DiagnosticCodes.DecodeErrors, i.ToString(), lines[i]);
        }

        var expected = Enumerable.Range(0, lines.Length).OrderBy(i => lines[i] ?? 0).Select(i => i.ToString());
        Assert.Equal(expected, many.ToSortedList().Select(d => d.Message));
    }
}
