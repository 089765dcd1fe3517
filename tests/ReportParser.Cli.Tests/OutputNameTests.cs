using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

/// <summary>An output's name and its format agree: the extension chooses the format when -f is not given, and a disagreement is a usage error.</summary>
public sealed class OutputNameTests
{
    [Theory]
    [InlineData("json", "out.xlsx")]
    [InlineData("jsonl", "out.csv")]
    [InlineData("csv", "out.json")]
    [InlineData("xlsx", "out.json")]
    [InlineData("html", "out.XLSX")]
    [InlineData("text", "out.html")]
    public void A_name_whose_extension_disagrees_with_f_is_a_usage_error_and_nothing_is_written(string format, string name)
    {
        using var dir = new TempDir();
        var run = Cli.Run("parse", Seeds.Files[2], "-f", format, "-o", dir[name], "-q");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"the name says", run.Stderr);
        Assert.False(File.Exists(dir[name]));
    }

    [Theory]
    [InlineData("out.json", "{")]
    [InlineData("out.jsonl", "{\"schema_version\"")]
    [InlineData("out.csv", "file,report_year")]
    [InlineData("out.txt", "")]
    [InlineData("out.html", "<!DOCTYPE html>")]
    [InlineData("out.xlsx", "PK")]
    public void Without_f_the_extension_chooses_the_format(string name, string start)
    {
        using var dir = new TempDir();
        var run = Cli.Run("parse", Seeds.Files[2], "-o", dir[name], "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        string written = File.ReadAllText(dir[name]);
        Assert.StartsWith(start, written);
        if (name.EndsWith(".txt", StringComparison.Ordinal))
        {
            Assert.Contains("表三", written);
            Assert.DoesNotContain("{", written);
        }
    }

    [Fact]
    public void Several_inputs_into_a_json_name_is_a_usage_error_not_json_lines_in_a_json_file()
    {
        using var dir = new TempDir();
        var run = Cli.Run("parse", Seeds.Directory, "-o", dir["all.json"], "-q");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(".jsonl", run.Stderr);
        Assert.False(Path.Exists(dir["all.json"]));
    }

    [Fact]
    public void Xlsx_needs_an_output_file()
    {
        var run = Cli.Run("parse", Seeds.Files[2], "-f", "xlsx", "-q");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("-o FILE.xlsx", run.Stderr);
    }
}

/// <summary>The text view is coloured only on a terminal, and never with NO_COLOR.</summary>
public sealed class TextViewColourTests
{
    [Theory]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    public void Colour_only_on_a_terminal_without_NO_COLOR(bool terminal, bool noColor, bool coloured)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(TextReader.Null, stdout, new StringWriter()) { StdoutIsTerminal = terminal, NoColor = noColor };
        int exit = CliApp.Run(["parse", Path.Combine(AppContext.BaseDirectory, "samples/unbalanced-gov2019/report.txt"), "-f", "text", "-q"], console);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(coloured, stdout.ToString().Contains('\u001b'));
        Assert.Contains("表三", stdout.ToString());
    }
}
