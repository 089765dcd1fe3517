using System.IO.Compression;
using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Model;

namespace ReportParser.Tests.Reading;

/// <summary>
/// Inputs that are not text or HTML are told by their signature and get an error record that names
/// the problem and what to do, not "binary data": a scanned PDF, a PDF whose fonts have no Unicode
/// map, Word 97 and WPS files, archives, images, a URL.
/// </summary>
public sealed class InputKindTests
{
    private static ReportDocument Parse(string name, byte[] bytes) => new ReportPipeline().Parse(ReportSource.FromBytes(name, bytes)).Document;

    [Fact]
    public void A_pdf_without_a_text_layer_is_a_scan_to_run_ocr_on()
    {
        var document = Parse("scan.pdf", MinimalPdf.Scanned(pages: 2));
        Assert.Equal(DiagnosticCodes.NoTextLayer.Code, document.Error!.Code);
        Assert.Equal("pdf", document.Source!.Format);
        Assert.Contains("2 of its 2 page(s) are images only", document.Error.Message);
        Assert.Contains("ocrmypdf", document.Error.Message);
        Assert.Empty(document.Sections ?? []);
    }

    [Fact]
    public void A_pdf_whose_cid_font_has_no_unicode_map_says_its_text_cannot_be_read()
    {
        var document = Parse("unmapped.pdf", MinimalPdf.UnmappedCidFont());
        Assert.Equal(DiagnosticCodes.TextNotReadable.Code, document.Error!.Code);
        Assert.StartsWith("the text cannot be read", document.Error.Message);
        Assert.Null(document.Preamble);
    }

    [Fact]
    public void A_damaged_pdf_is_named_damaged()
    {
        var document = Parse("cut.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog"));
        Assert.Contains(document.Error!.Code, new[] { DiagnosticCodes.DamagedDocument.Code, DiagnosticCodes.NoTextLayer.Code });
        Assert.Equal("pdf", document.Source!.Format);
    }

    [Theory]
    [InlineData("report.doc", "Word 97–2003", "save it as .docx or PDF")]
    [InlineData("report.wps", "WPS Writer", "save it as .docx or PDF")]
    public void An_ole2_file_is_a_word_97_or_wps_document_to_save_again(string name, string kind, string advice)
    {
        byte[] bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        var document = Parse(name, bytes);
        Assert.Equal(DiagnosticCodes.UnsupportedFormat.Code, document.Error!.Code);
        Assert.Contains(kind, document.Error.Message);
        Assert.Contains(advice, document.Error.Message);
    }

    [Fact]
    public void A_zip_archive_that_is_not_a_word_document_is_to_be_unpacked()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("report.txt").Open());
            writer.Write("一、总体情况");
        }

        var document = Parse("reports.zip", stream.ToArray());
        Assert.Equal(DiagnosticCodes.UnsupportedFormat.Code, document.Error!.Code);
        Assert.Contains("ZIP archive", document.Error.Message);
        Assert.Contains("unpack it first", document.Error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0 }, "gzip")]
    [InlineData(new byte[] { (byte)'R', (byte)'a', (byte)'r', (byte)'!', 0x1A, 0x07, 0, 0 }, "RAR archive")]
    [InlineData(new byte[] { (byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C, 0, 4 }, "7z archive")]
    [InlineData(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, "image (PNG)")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F' }, "image (JPEG)")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0 }, "image (GIF)")]
    [InlineData(new byte[] { (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0 }, "image (TIFF)")]
    public void Archives_and_images_are_named_by_their_signature(byte[] head, string kind)
    {
        byte[] bytes = new byte[2048];
        head.CopyTo(bytes, 0);
        var document = Parse("input.bin", bytes);
        Assert.Equal(DiagnosticCodes.UnsupportedFormat.Code, document.Error!.Code);
        Assert.Contains(kind, document.Error.Message);
    }

    [Fact]
    public void A_url_is_not_fetched_and_the_record_says_to_download_it()
    {
        string url = "https://www.example.gov.cn/zwgk/2024/report.html";
        var document = new ReportPipeline().Parse(ReportSource.FromFile(url)).Document;
        Assert.Equal(DiagnosticCodes.UrlInput.Code, document.Error!.Code);
        Assert.Contains("URLs are not fetched", document.Error.Message);
        Assert.Contains("download the page first", document.Error.Message);
    }

    [Fact]
    public void A_text_report_that_quotes_the_pdf_header_stays_text()
    {
        var document = Parse("report.txt", Encoding.UTF8.GetBytes("附件：%PDF-1.4 格式的年度报告\n一、总体情况\n正文。"));
        Assert.Equal("text", document.Source!.Format);
        Assert.Null(document.Error);
    }

    [Fact]
    public void A_pdf_after_a_servers_preamble_is_still_a_pdf()
    {
        byte[] pdf = MinimalPdf.Scanned();
        byte[] bytes = [.. Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n\r\n"), .. pdf];
        Assert.Equal(DiagnosticCodes.NoTextLayer.Code, Parse("download.pdf", bytes).Error!.Code);
    }
}
