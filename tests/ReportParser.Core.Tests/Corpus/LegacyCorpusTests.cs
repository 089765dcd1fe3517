using System.Text.Json.Nodes;
using ReportParser.Model;
using ReportParser.Templates;
using Xunit.Abstractions;

namespace ReportParser.Tests.Corpus;

/// <summary>
/// The legacy (2008–2018) statistics tables of the real corpus against hand-checked figures
/// (<c>Corpus/Expected/legacy</c>, read from the reports' own text). Every row of a hand-checked table
/// is in <c>legacy_stats</c> (never dropped); every value is right, or null with a digit-run or
/// row diagnostic — never a wrong number; a value the hand check could not settle must stay null.
/// A report without a table has no <c>legacy_stats</c>. HTML twins are held to the same figures.
/// </summary>
public class LegacyCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Reports()
    {
        var data = new TheoryData<string>();
        foreach (string file in ExpectedFiles())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static IEnumerable<string> ExpectedFiles()
    {
        string folder = Path.Combine(RealCorpus.ExpectedRoot, "legacy");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal) : [];
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void A_legacy_table_gives_its_hand_checked_figures_or_null_never_a_wrong_one(string expectedFile)
    {
        foreach (var result in Compare(expectedFile))
        {
            output.WriteLine(result.ToString());
            Assert.True(result.Wrong.Count == 0, $"{result.Report}: {result.Wrong.Count} wrong:\n" + string.Join("\n", result.Wrong));
        }
    }

    [Fact]
    public void Both_parts_are_reported_separately()
    {
        var parts = new Dictionary<bool, Result>();
        foreach (string file in ExpectedFiles())
        {
            foreach (var result in Compare(Path.GetFileName(file)))
            {
                bool heldOut = RealCorpus.IsHeldOut(Path.GetFileName(file));
                parts[heldOut] = parts.TryGetValue(heldOut, out var sum) ? sum.Plus(result) : result;
            }
        }

        output.WriteLine($"tuning part:   {(parts.TryGetValue(false, out var t) ? t : null)}");
        output.WriteLine($"held-out part: {(parts.TryGetValue(true, out var h) ? h : null)}");
        Assert.True(parts.Count == 2, "both parts have hand-checked legacy reports");
        Assert.Equal(0, parts.Values.Sum(p => p.Wrong.Count));
    }

    private static IEnumerable<Result> Compare(string expectedFile)
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(RealCorpus.ExpectedRoot, "legacy", expectedFile)))!;
        string txt = expected["file"]!.GetValue<string>();
        string folder = Path.Combine(RealCorpus.Root(), "pingtan");
        foreach (string report in new[] { txt, Path.ChangeExtension(txt, ".html") })
        {
            string path = Path.Combine(folder, report);
            if (File.Exists(path))
            {
                yield return Compare(report, new ReportPipeline().Parse(ReportSource.FromFile(path, report)).Document, expected);
            }
        }
    }

    private static Result Compare(string report, ReportDocument document, JsonNode expected)
    {
        var result = new Result(report);
        var stats = document.LegacyStats;
        if (!expected["has_table"]!.GetValue<bool>())
        {
            if (stats is not null)
            {
                result.Wrong.Add($"legacy_stats found ({stats.Rows.Count} rows) in a report without a statistics table");
            }

            return result;
        }

        if (stats is null)
        {
            result.Wrong.Add("the statistics table was not found");
            return result;
        }

        var used = new bool[stats.Rows.Count];
        foreach (var row in expected["rows"]!.AsArray())
        {
            string label = row!["label"]!.GetValue<string>();
            string normalized = LegacyCatalog.Normalize(label);
            int at = -1;
            for (int i = 0; i < stats.Rows.Count && at < 0; i++)
            {
                if (!used[i] && (stats.Rows[i].NormalizedLabel == normalized || stats.Rows[i].NormalizedLabel.EndsWith(normalized, StringComparison.Ordinal)))
                {
                    at = i;
                }
            }

            if (at < 0)
            {
                result.Wrong.Add($"row '{label}' is missing");
                continue;
            }

            used[at] = true;
            var values = row["values"]!.AsArray();
            string parsedLabel = stats.Rows[at].Label;
            bool explained = document.Diagnostics.Any(d => d.Code is "RP3007" or "RP3012" or "RP3021"
                && d.Message.Contains($"'{parsedLabel}'", StringComparison.Ordinal));
            for (int c = 0; c < values.Count; c++)
            {
                decimal? want = values[c]?.GetValue<decimal>();
                decimal? got = c < stats.Rows[at].Values.Count ? stats.Rows[at].Values[c] : null;
                if (got == want && want is not null)
                {
                    result.Right++;
                }
                else if (got is null && (want is null || explained))
                {
                    result.Null++;
                }
                else
                {
                    result.Wrong.Add($"row '{label}' column {c + 1}: expected {want?.ToString() ?? "null"}, got {got?.ToString() ?? "null"}");
                }
            }
        }

        return result;
    }

    private sealed class Result(string report)
    {
        public string Report { get; } = report;
        public int Right { get; set; }
        public int Null { get; set; }
        public List<string> Wrong { get; } = [];

        public Result Plus(Result other)
        {
            var sum = new Result("all") { Right = Right + other.Right, Null = Null + other.Null };
            sum.Wrong.AddRange(Wrong);
            sum.Wrong.AddRange(other.Wrong);
            return sum;
        }

        public override string ToString() => $"{Report}: {Right} right, {Null} null, {Wrong.Count} wrong";
    }
}
