using ReportParser.Normalization;
using Xunit;
using ReportParser.Text;

namespace ReportParser.Tests.Normalization;

/// <summary>
/// The four Simplified seeds were turned into Traditional with opencc s2twp, s2t and s2hk
/// (tests/scripts/roundtrip.sh --fixtures); auto mode must bring them back, without being told
/// which converter made them.
/// </summary>
public class RoundTripTests
{
    private static readonly string s_fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "normalization");
    private static readonly string[] s_seeds = ["000", "002", "003", "004"];

    [Theory]
    [InlineData("s2t", NormalizationMode.Auto, 0.0)]
    [InlineData("s2hk", NormalizationMode.Auto, 0.0)]
    [InlineData("s2twp", NormalizationMode.Auto, 0.0005)]
    [InlineData("s2t", NormalizationMode.T2s, 0.0)]
    public void Error_rate_is_within_target(string set, NormalizationMode mode, double maxRate)
    {
        var normalizer = new Normalizer(new ReportParserOptions { Mode = mode });
        long chars = 0, errors = 0;
        foreach (string id in s_seeds)
        {
            string expected = File.ReadAllText(Path.Combine(s_fixtures, $"{id}.simplified.txt"));
            string actual = normalizer.NormalizeText(File.ReadAllText(Path.Combine(s_fixtures, $"{id}.{set}.txt")), out var info);
            Assert.Equal("traditional", info.InputScript);
            string[] expectedLines = expected.Split('\n');
            string[] actualLines = actual.Split('\n');
            Assert.Equal(expectedLines.Length, actualLines.Length);
            for (int i = 0; i < expectedLines.Length; i++)
            {
                chars += expectedLines[i].Length;
                errors += Distance(actualLines[i], expectedLines[i]);
            }
        }

        double rate = (double)errors / chars;
        Assert.True(rate <= maxRate, $"{set} via {mode}: {errors} errors in {chars} characters ({rate:P3})");
    }

    [Theory]
    [InlineData("s2twp", "tw")]
    [InlineData("s2t", null)]
    [InlineData("s2hk", "hk")]
    public void Regional_variant_is_detected(string set, string? region)
    {
        var normalizer = new Normalizer(ReportParserOptions.Default);
        foreach (string id in s_seeds)
        {
            normalizer.NormalizeText(File.ReadAllText(Path.Combine(s_fixtures, $"{id}.{set}.txt")), out var info);
            Assert.Equal(region, info.RegionalVariant);
        }
    }

    [Fact]
    public void Simplified_seeds_pass_through()
    {
        var normalizer = new Normalizer(ReportParserOptions.Default);
        foreach (string id in s_seeds)
        {
            string text = File.ReadAllText(Path.Combine(s_fixtures, $"{id}.simplified.txt"));
            Assert.Equal(text, normalizer.NormalizeText(text, out var info));
            Assert.Equal(("simplified", 0), (info.InputScript, info.ConvertedChars));
        }
    }

    private static int Distance(string a, string b)
    {
        if (a == b)
        {
            return 0;
        }

        int[] previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int[] current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
