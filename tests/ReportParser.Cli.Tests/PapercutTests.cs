using System.CommandLine;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

/// <summary>Rough edges a new user meets first, each held to its fix.</summary>
public class PapercutTests
{
    [Fact]
    public void A_directory_given_twice_is_read_once_without_a_no_files_warning()
    {
        var run = Cli.Run("parse", Seeds.Directory, Seeds.Directory);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(Seeds.Files.Length, run.StdoutLines.Length);
        Assert.DoesNotContain("has no", run.Stderr);
    }

    [Fact]
    public void Normalize_refuses_binary_input_as_parse_does_with_the_same_message_and_prefix()
    {
        using var dir = new TempDir();
        string binary = dir.Write("b.txt", Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray());
        var parse = Cli.Run("parse", binary);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var root = new RootCommand { NormalizeCommand.Create(TextReader.Null, stdout, stderr) };
        int exit = root.Parse(["normalize", binary]).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal("", stdout.ToString());
        string message = System.Text.Json.JsonDocument.Parse(parse.Stdout).RootElement.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Equal($"reportparser: {binary}: RP1002 {message}", stderr.ToString().TrimEnd());
    }

    [Fact]
    public void Normalize_passes_blank_text_through()
    {
        using var dir = new TempDir();
        string blank = dir.Write("blank.txt", "  \n");
        var run = Cli.Run("normalize", blank);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("  \n", run.Stdout);
    }

    [Fact]
    public void Help_names_each_default_once_and_normalize_shows_no_default_dash()
    {
        var parse = Cli.Run("parse", "--help");
        string jobs = parse.Stdout.Split('\n').Single(l => l.Contains("--jobs"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(jobs, "[Dd]efault"));
        var top = Cli.Run("--help");
        Assert.DoesNotContain("[default: -]", top.Stdout);
        Assert.Contains("normalize", top.Stdout);
    }

    [Theory]
    [InlineData("-f", "CSV")]
    [InlineData("--csv-layout", "Wide")]
    [InlineData("--mode", "NONE")]
    [InlineData("--progress", "Plain")]
    public void Option_values_are_read_regardless_of_case(string option, string value)
    {
        var run = Cli.Run("parse", Seeds.Directory, option, value, "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public void Validate_formats_are_read_regardless_of_case_and_a_wrong_one_names_the_choices()
    {
        Assert.StartsWith("[", Cli.Run("validate", Seeds.Files[0], "-f", "JSON", "-q").Stdout);
        var wrong = Cli.Run("validate", Seeds.Files[0], "-f", "xml");
        Assert.Equal(ExitCodes.Usage, wrong.ExitCode);
        Assert.Contains("--format must be one of text, json, github (not 'xml')", wrong.Stderr);
    }

    [Theory]
    [InlineData("parse", "--formt", "--format")]
    [InlineData("parse", "--skip-exisitng", "--skip-existing")]
    [InlineData("validate", "--min-severty", "--min-severity")]
    [InlineData("validate", "--Strict", "--strict")]
    public void A_misspelled_option_gets_a_did_you_mean(string command, string typo, string meant)
    {
        var run = Cli.Run(command, Seeds.Directory, typo);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"reportparser: unrecognised option: {typo} (did you mean {meant}?)", run.Stderr);
    }
}
