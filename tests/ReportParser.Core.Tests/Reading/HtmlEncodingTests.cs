using Xunit;
using System.Text;
using ReportParser.Reading;
using static ReportParser.Tests.Reading.HtmlTestSupport;

namespace ReportParser.Tests.Reading;

public sealed class HtmlEncodingTests
{
    private const string Body = "<p>一、总体情况</p><p>2022年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息186条，依申请公开办理13件。</p>";
    private const string TraditionalBody = "<p>一、總體情況</p><p>2021年，本辦公室持續推動政府資訊公開，透過入口網站主動公開各類資訊320條，辦理依申請公開2件。</p>";

    private static string PageWith(string head, string body) => $"<html><head>{head}<title>年度报告</title></head><body>{body}</body></html>";

    [Theory]
    [InlineData("<meta charset=\"gb2312\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">")]
    [InlineData("")]
    public void Gbk_page_decodes_with_or_without_declaration(string head)
    {
        var (text, bag) = Read(Gbk.GetBytes(PageWith(head, Body)));
        Assert.Equal("gb18030", text.EncodingName);
        Assert.Contains("一、总体情况", Lines(text));
        Assert.DoesNotContain(bag.Items, d => d.Code is "RP1007" or "RP1004");
    }

    [Theory]
    [InlineData("<meta charset=big5>")]
    [InlineData("")]
    public void Big5_page_decodes_with_or_without_declaration(string head)
    {
        var (text, bag) = Read(Big5.GetBytes(PageWith(head, TraditionalBody)));
        Assert.Equal("big5", text.EncodingName);
        Assert.Contains("一、總體情況", Lines(text));
        Assert.DoesNotContain(bag.Items, d => d.Code is "RP1007" or "RP1004");
    }

    [Fact]
    public void Short_gbk_and_big5_pages_are_told_apart()
    {
        var (gb, _) = Read(Gbk.GetBytes(PageWith("", "<p>政府信息公开工作年度报告</p>")));
        var (big5, _) = Read(Big5.GetBytes(PageWith("", "<p>政府信息公開工作年度報告</p>")));
        Assert.Equal(["政府信息公开工作年度报告"], Lines(gb));
        Assert.Equal(["政府信息公開工作年度報告"], Lines(big5));
    }

    [Fact]
    public void Declared_utf8_but_gbk_bytes_is_reported_and_read_as_gbk()
    {
        var (text, bag) = Read(Gbk.GetBytes(PageWith("<meta charset=\"utf-8\">", Body)));
        Assert.Equal("gb18030", text.EncodingName);
        Assert.Contains("一、总体情况", Lines(text));
        Assert.Contains(bag.Items, d => d.Code == "RP1007");
    }

    [Fact]
    public void Declared_gb2312_but_utf8_bytes_is_reported_and_read_as_utf8()
    {
        var (text, bag) = Read(Encoding.UTF8.GetBytes(PageWith("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", Body)));
        Assert.Equal("utf-8", text.EncodingName);
        Assert.Contains("一、总体情况", Lines(text));
        Assert.Contains(bag.Items, d => d.Code == "RP1007");
    }

    [Fact]
    public void Declared_big5_but_gbk_bytes_is_reported()
    {
        var (text, bag) = Read(Gbk.GetBytes(PageWith("<meta charset=big5>", Body)));
        Assert.Equal("gb18030", text.EncodingName);
        Assert.Contains("一、总体情况", Lines(text));
        Assert.Contains(bag.Items, d => d.Code == "RP1007");
    }

    [Fact]
    public void Utf8_page_with_a_broken_byte_stays_utf8()
    {
        byte[] good = Encoding.UTF8.GetBytes(PageWith("<meta charset=utf-8>", Body));
        byte[] bytes = [.. good[..^40], 0xE4, .. good[^40..]];
        var (text, bag) = Read(bytes);
        Assert.Equal("utf-8", text.EncodingName);
        Assert.Contains("一、总体情况", Lines(text));
        Assert.Contains(bag.Items, d => d.Code == "RP1004");
        Assert.DoesNotContain(bag.Items, d => d.Code == "RP1007");
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public void Utf16_with_and_without_bom(bool littleEndian, bool bom)
    {
        var encoding = new UnicodeEncoding(!littleEndian, bom);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(PageWith("", Body))];
        var (text, _, info) = ReadSource(bytes);
        Assert.Equal("html", info.Format);
        Assert.Contains("一、总体情况", Lines(text!));
    }

    [Theory]
    [InlineData("<meta charset=\"gb2312\">", "gb2312")]
    [InlineData("<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=big5'>", "big5")]
    [InlineData("<meta content=\"text/html; charset=gbk\" http-equiv=\"Content-Type\" />", "gbk")]
    [InlineData("<!-- <meta charset=big5> --><meta charset=utf-8>", "utf-8")]
    [InlineData("<meta content=\"text/html; charset=gbk\">", null)]
    [InlineData("<script>var s = 'charset=big5';</script>", null)]
    [InlineData("<meta name=\"description\" content=\"charset=gbk\">", null)]
    public void Prescan_finds_real_declarations_only(string head, string? expected) =>
        Assert.Equal(expected, CharsetSniffer.Sniff(Encoding.ASCII.GetBytes("<html><head>" + head + "</head>")));

    [Fact]
    public void Prescan_stops_at_1024_bytes()
    {
        string head = "<html><head><!--" + new string('x', 1100) + "--><meta charset=big5>";
        Assert.Null(CharsetSniffer.Sniff(Encoding.ASCII.GetBytes(head)));
    }
}
