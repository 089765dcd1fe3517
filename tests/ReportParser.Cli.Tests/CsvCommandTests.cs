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
        Assert.StartsWith("file,report_year,agency,template,table,row,column,value,raw,line\n", File.ReadAllText(dir["cells.csv"]));
    }
}
