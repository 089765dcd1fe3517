using System.Text;
using ReportParser.Cli;
using ReportParser.Output;

namespace ReportParser.Tests.Cli;

/// <summary>CSV from the command line: files, headers, the layout an extension implies.</summary>
public sealed class CsvCommandTests
{
    [Fact]
    public void Csv_from_the_command_line_to_a_file_has_bom_bytes_with_excel()
    {
        using var dir = new TempDir();
        var run = Cli.Run("parse", Seeds.Directory, "-f", "csv", "--csv-layout", "wide", "--excel", "-o", dir["wide.csv"], "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var bytes = File.ReadAllBytes(dir["wide.csv"]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + Seeds.Files.Length, lines.Length);
        Assert.Equal(string.Join(",", CsvReportWriter.Header(CsvLayout.Wide)), lines[0]);
    }

    [Fact]
    public void Wide_csv_of_separate_runs_share_one_header()
    {
        var first = Cli.Run("parse", Seeds.Files[0], "-f", "csv", "--csv-layout", "wide", "-q");
        var second = Cli.Run("parse", Seeds.Files[3], "-f", "csv", "--csv-layout", "wide", "-q");
        Assert.Equal(first.StdoutLines[0], second.StdoutLines[0]);
        Assert.Equal(2, first.StdoutLines.Length);
    }

    [Fact]
    public void Output_file_extension_csv_implies_csv()
    {
        using var dir = new TempDir();
        var run = Cli.Run("parse", Seeds.Directory, "-o", dir["cells.csv"], "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("file,report_year,agency,template,table,row,column,row_label,column_label,value,raw,line\n", File.ReadAllText(dir["cells.csv"]));
    }

    [Fact]
    public void Cells_csv_carries_the_templates_Chinese_labels()
    {
        var run = Cli.Run("parse", Seeds.Files[2], "-f", "csv", "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(run.StdoutLines, l => l.Contains(",table3,new_received,natural_person,一、本年新收政府信息公开申请数量,自然人,16,", StringComparison.Ordinal));
    }

    [Fact]
    public void Codebook_and_label_row_describe_the_wide_csv()
    {
        using var dir = new TempDir();
        var run = Cli.Run("parse", Seeds.Directory, "-f", "csv", "--csv-layout", "wide", "--label-row", "--codebook", dir["codebook.csv"], "-o", dir["wide.csv"], "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var wide = File.ReadAllLines(dir["wide.csv"]);
        Assert.Equal(2 + Seeds.Files.Length, wide.Length);
        Assert.StartsWith("文件,报告年度,机关,模板,错误,", wide[1]);
        var codebook = File.ReadAllLines(dir["codebook.csv"]);
        Assert.Equal("column,table,row_key,column_key,row_label,column_label,templates,meaning", codebook[0]);
        Assert.Equal(wide[0].Split(','), codebook.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Theory]
    [InlineData("--codebook", "x.csv")]
    [InlineData("--label-row", null)]
    public void Codebook_and_label_row_need_the_wide_layout(string option, string? value)
    {
        var run = Cli.Run(["parse", Seeds.Files[2], "-f", "csv", option, .. value is null ? Array.Empty<string>() : [value]]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--csv-layout wide", run.Stderr);
    }
}
