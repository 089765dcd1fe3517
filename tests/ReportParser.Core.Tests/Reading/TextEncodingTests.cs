using System.Text;
using ReportParser.Model;

namespace ReportParser.Tests.Reading;

/// <summary>Undeclared text (no BOM, no charset) that is UTF-8 but for a few broken sequences.</summary>
public sealed class TextEncodingTests
{
    private static readonly byte[] Seed = File.ReadAllBytes(Path.Combine(TestPaths.Seeds, "002_ed5f9074cb8b6cc8.txt"));

    [Fact]
    public void A_file_cut_inside_a_character_is_still_read_as_utf8()
    {
        int cut = 3000;
        while ((Seed[cut] & 0xC0) != 0x80)
        {
            cut++; // inside a multi-byte character
        }

        var document = new ReportPipeline().Parse(ReportSource.FromBytes("cut.txt", Seed[..cut])).Document;
        Assert.Equal("utf-8", document.Source.Encoding);
        Assert.Equal("simplified", document.Normalization!.InputScript);
        Assert.Equal(0, document.Normalization.ConvertedChars);
        Assert.Contains(document.Diagnostics, d => d.Code == "RP1004");
    }

    [Fact]
    public void A_stray_byte_leaves_the_rest_of_the_text_intact()
    {
        byte[] bytes = [.. Seed[..2000], 0xFF, .. Seed[2000..]];
        var broken = new ReportPipeline().Parse(ReportSource.FromBytes("stray.txt", bytes)).Document;
        var clean = new ReportPipeline().Parse(ReportSource.FromBytes("clean.txt", Seed)).Document;
        Assert.Equal("utf-8", broken.Source.Encoding);
        Assert.Equal(clean.Sections!.Select(s => s.Heading), broken.Sections!.Select(s => s.Heading));
        Assert.Equal(clean.Tables!.SelectMany(t => t.Rows).Select(r => r.Values.Count), broken.Tables!.SelectMany(t => t.Rows).Select(r => r.Values.Count));
    }

    [Fact]
    public void Gbk_text_is_still_gbk() =>
        Assert.Equal("gb18030", new ReportPipeline().Parse(ReportSource.FromBytes("gbk.txt", EncodingDetectorGbk(Encoding.UTF8.GetString(Seed)))).Document.Source.Encoding);

    private static byte[] EncodingDetectorGbk(string text) => ReportParser.Reading.EncodingDetector.Gb18030.GetBytes(text);
}
