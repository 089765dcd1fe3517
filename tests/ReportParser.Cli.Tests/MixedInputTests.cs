using System.IO.Compression;
using System.Text.Json;
using Xunit;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

/// <summary>
/// A directory of mixed files: reports in every format read (text, HTML, PDF, .docx) give one record
/// each; Word 97 files, archives and images are passed over and counted by kind in the summary; a URL
/// argument gets a record that says URLs are not fetched.
/// </summary>
public sealed class MixedInputTests
{
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

    [Fact]
    public void A_mixed_directory_keeps_one_record_per_report_and_counts_what_it_passed_over()
    {
        using var dir = new TempDir();
        dir.Write("in/a.txt", File.ReadAllBytes(Seeds.Files[0]));
        dir.Write("in/b.pdf", "%PDF-1.4\n%%EOF\n");
        dir.Write("in/old.doc", Ole2);
        dir.Write("in/old2.doc", Ole2);
        dir.Write("in/draft.wps", Ole2);
        dir.Write("in/scan.png", [0x89, (byte)'P', (byte)'N', (byte)'G']);
        var zip = new MemoryStream();
        using (new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
        }

        dir.Write("in/all.zip", zip.ToArray());
        string url = "https://www.example.gov.cn/2024/report.html";

        var run = Cli.Run("parse", dir["in"], url, "-f", "jsonl");
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var records = run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(3, records.Length);
        Assert.Equal("text", records[0].GetProperty("source").GetProperty("format").GetString());
        Assert.Equal("pdf", records[1].GetProperty("source").GetProperty("format").GetString());
        Assert.Equal("RP1016", records[1].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(url, records[2].GetProperty("source").GetProperty("path").GetString());
        Assert.Equal("RP1017", records[2].GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("URLs are not fetched", records[2].GetProperty("error").GetProperty("message").GetString());
        Assert.Contains("3 files, 1 parsed", run.Stderr);
        Assert.Contains("; not read: 2 .doc (Word 97: save as .docx or PDF), 1 .wps (save as .docx or PDF), 1 archive (unpack first), 1 image (OCR first)", run.Stderr);
    }

    [Fact]
    public void A_directory_of_pdf_and_docx_files_has_input_files()
    {
        using var dir = new TempDir();
        dir.Write("in/a.pdf", "%PDF-1.4\n%%EOF\n");
        dir.Write("in/b.docx", "not really a docx");
        var run = Cli.Run("parse", dir["in"], "-f", "jsonl", "-q");
        Assert.Equal(2, run.StdoutLines.Length);
    }
}
