using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ReportParser.Model;

namespace ReportParser.Tests.Properties;

/// <summary>
/// The pipeline never throws and never invents numbers, whatever it is given: arbitrary strings,
/// arbitrary bytes, and seed reports mutated the ways scrapers break them.
/// </summary>
public class PipelinePropertyTests
{
    private static readonly ReportPipeline Pipeline = new();
    private static readonly string[] SeedTexts = Directory.EnumerateFiles(TestPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();


    [Fact]
    public void Arbitrary_strings_never_throw()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var doc = Pipeline.Parse(ReportSource.FromText("p.txt", text ?? "")).Document;
            return doc.Source is not null && NumbersComeFromSource(doc, text ?? "");
        }).Check(PropertyConfig.Create(3000));
    }

    [Fact]
    public void Arbitrary_bytes_never_throw()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var doc = Pipeline.Parse(ReportSource.FromBytes("p.bin", bytes ?? [])).Document;
            return doc.Source is not null && SourceNumbers.Hold(doc, null, bytes ?? []);
        }).Check(PropertyConfig.Create(3000));
    }

    [Fact]
    public void Mutated_seeds_never_throw_and_never_invent_numbers()
    {
        var gen =
            from seed in Gen.Elements(SeedTexts)
            from kind in Gen.Choose(0, 7)
            from a in Gen.Choose(0, 10_000)
            from b in Gen.Choose(0, 10_000)
            select (seed, kind, a, b);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            string text = Mutate(t.seed, t.kind, t.a, t.b);
            var doc = Pipeline.Parse(ReportSource.FromText("m.txt", text)).Document;
            return doc.Error is null == (doc.Sections is not null) && NumbersComeFromSource(doc, text);
        }).Check(PropertyConfig.Create(3000));
    }

    [Theory]
    [InlineData(54936)]
    [InlineData(950)]
    [InlineData(1200)]
    [InlineData(1201)]
    public void Seeds_in_other_encodings_give_the_same_sections(int codePage)
    {
        var encoding = Encoding.GetEncoding(codePage);
        foreach (string seed in SeedTexts.Where(s => codePage != 950 || IsBig5Representable(s)))
        {
            var utf8 = Pipeline.Parse(ReportSource.FromText("s.txt", seed)).Document;
            var other = Pipeline.Parse(ReportSource.FromBytes("s.txt", encoding.GetBytes(seed))).Document;
            Assert.Equal(utf8.Sections!.Select(s => s.Heading), other.Sections!.Select(s => s.Heading));
        }
    }

    /// <summary>The ways scrapers break text: lines deleted, duplicated, shuffled, truncated; pipes and digits injected.</summary>
    internal static string Mutate(string seed, int kind, int a, int b)
    {
        var lines = seed.Split('\n').ToList();
        int i = a % Math.Max(1, lines.Count);
        int j = b % Math.Max(1, lines.Count);
        switch (kind)
        {
            case 0:
                lines.RemoveAt(i);
                break;
            case 1:
                lines.Insert(i, lines[j]);
                break;
            case 2:
                (lines[i], lines[j]) = (lines[j], lines[i]);
                break;
            case 3:
                return seed[..(seed.Length * (a % 10) / 10)];
            case 4:
                lines.Insert(i, new string('|', 1 + b % 50));
                break;
            case 5:
                lines[i] += (b % 7 == 0 ? "" : " |") + (b * 7919L).ToString(CultureInfo.InvariantCulture);
                break;
            case 6:
                lines[i] = lines[i].Replace(" |", "", StringComparison.Ordinal);
                break;
            default:
                lines = lines.Where((_, k) => (k + a) % 3 != 0).ToList();
                break;
        }

        return string.Join('\n', lines);
    }

    /// <summary>Every number a table reports is read from one digit run of the source (see <see cref="SourceNumbers"/>).</summary>
    internal static bool NumbersComeFromSource(ReportDocument doc, string source) => SourceNumbers.Hold(doc, source);

    private static bool IsBig5Representable(string text)
    {
        var big5 = Encoding.GetEncoding(950, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            big5.GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
