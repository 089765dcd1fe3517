using System.Text.Json;
using Xunit;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

public sealed class OutputDirectoryTests
{
    [Fact]
    public void Json_into_a_directory_mirrors_the_input_tree()
    {
        using var dir = new TempDir();
        string seed = File.ReadAllText(Seeds.Files[0]);
        dir.Write("in/a.txt", seed);
        dir.Write("in/2023/b.html", seed);
        dir.Write("in/2023/deep/c.shtml", "");
        var run = Cli.Run("parse", dir["in"], "-f", "json", "-o", dir["out"], "-q");
        Assert.Equal(ExitCodes.Failed, run.ExitCode); // c.shtml is empty
        Assert.Equal("", run.Stdout);
        var files = Directory.GetFiles(dir["out"], "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir["out"], f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(["2023/b.html.json", "2023/deep/c.shtml.json", "a.txt.json"], files);
        var doc = JsonDocument.Parse(File.ReadAllText(dir["out/2023/b.html.json"])).RootElement;
        Assert.Equal(Path.Join(dir["in"], "2023/b.html"), doc.GetProperty("source").GetProperty("path").GetString());
        Assert.True(JsonDocument.Parse(File.ReadAllText(dir["out/2023/deep/c.shtml.json"])).RootElement.TryGetProperty("error", out _));
    }

    [Fact]
    public void A_trailing_slash_makes_o_a_directory_for_one_input_and_stdin_becomes_stdin_json()
    {
        using var dir = new TempDir();
        var run = Cli.RunWithStdin("一、总体情况\n", "parse", "-", "-o", dir["out"] + "/", "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True(File.Exists(dir["out/stdin.json"]));
    }

    [Theory]
    [InlineData("../../escape.txt", "escape.txt.json")]
    [InlineData("/etc/passwd", "etc/passwd.json")]
    [InlineData("C:/Windows/x.txt", "Windows/x.txt.json")]
    [InlineData("a/./b/../c.txt", "a/b/c.txt.json")]
    [InlineData("..", "input.json")]
    [InlineData("a:b|c.txt", "a_b_c.txt.json")]
    public void Output_paths_never_leave_the_directory(string relative, string expected)
    {
        using var dir = new TempDir();
        var paths = new OutputPaths(dir["out"]);
        string mapped = paths.Map(relative);
        Assert.StartsWith(dir["out"] + Path.DirectorySeparatorChar, mapped);
        Assert.Equal(expected, Path.GetRelativePath(dir["out"], mapped).Replace('\\', '/'));
    }

    [Fact]
    public void Inputs_that_map_to_the_same_file_get_distinct_outputs_whatever_their_order()
    {
        var paths = new OutputPaths(Path.GetTempPath());
        (string, string)[] inputs = [("../x/a.txt", "../x/a.txt"), ("x/a.txt", "x/a.txt"), ("x/A.txt", "x/A.txt")];
        string[] mapped = paths.MapAll(inputs);
        Assert.Equal(3, mapped.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.EndsWith(Path.Combine("x", "a.txt.json"), mapped[0]); // "../x/a.txt" sorts first: it keeps the name
        Assert.Matches(@"a\.txt~[0-9a-f]{8}\.json$", mapped[1]);
        string[] reversed = paths.MapAll(inputs.Reverse().ToArray());
        Assert.Equal(mapped, reversed.Reverse());
    }

    [Fact]
    public void File_arguments_with_dot_dot_are_written_inside_the_directory()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["work"]);
        string seed = dir.Write("outside.txt", File.ReadAllText(Seeds.Files[0]));
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, seed);
        var run = Cli.Run("parse", relative, Seeds.Files[1], "-f", "json", "-o", dir["work/out"], "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var written = Directory.GetFiles(dir["work/out"], "*.json", SearchOption.AllDirectories);
        Assert.Equal(2, written.Length);
        Assert.All(written, f => Assert.StartsWith(dir["work/out"], f));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.json"));
    }

    [Fact]
    public void Writing_through_a_symbolic_link_inside_the_directory_is_refused()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["elsewhere"]);
        Directory.CreateDirectory(dir["out"]);
        Directory.CreateSymbolicLink(dir["out/sub"], dir["elsewhere"]);
        dir.Write("in/sub/a.txt", File.ReadAllText(Seeds.Files[0]));
        dir.Write("in/b.txt", File.ReadAllText(Seeds.Files[0]));
        var run = Cli.Run("parse", dir["in"], "-f", "json", "-o", dir["out"], "-q");
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("symbolic link", run.Stderr);
        Assert.Empty(Directory.GetFiles(dir["elsewhere"]));
        Assert.True(File.Exists(dir["out/b.txt.json"]));
    }

    [Fact]
    public void Outputs_are_written_through_hidden_temporaries_and_leftovers_are_cleaned()
    {
        using var dir = new TempDir();
        Seeds.CopyTo(dir);
        Directory.CreateDirectory(dir["out/sub"]);
        string leftover = dir.Write("out/sub/.x.txt.json.1a2b3c4d" + AtomicFile.TempSuffix, "{\"half\":");
        string unrelated = dir.Write("out/notes.txt", "keep me");
        var run = Cli.Run("parse", dir["in"], "-f", "json", "-o", dir["out"], "-q");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(unrelated));
        Assert.Empty(Directory.GetFiles(dir["out"], "*" + AtomicFile.TempSuffix, SearchOption.AllDirectories));
        Assert.Equal(Seeds.Files.Length, Directory.GetFiles(dir["out"], "*.json").Length);
    }

    [Fact]
    public void An_atomic_file_is_invisible_until_committed_and_gone_when_abandoned()
    {
        using var dir = new TempDir();
        string target = dir["out/a.json"];
        using (var file = AtomicFile.Create(target))
        {
            file.Writer.Write("{}");
            file.Writer.Flush();
            Assert.False(File.Exists(target));
            Assert.True(File.Exists(file.TempPath));
            Assert.True(AtomicFile.IsTemporary(Path.GetFileName(file.TempPath)));
        }

        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(dir["out"]));

        File.WriteAllText(target, "old");
        AtomicFile.Write(target, w => w.Write("new"));
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(dir["out"]));
    }

    [Fact]
    public void Temporaries_and_outputs_inside_an_input_directory_are_not_taken_as_inputs()
    {
        using var dir = new TempDir();
        Seeds.CopyTo(dir, "corpus");
        dir.Write("corpus/.a.txt.json.12345678" + AtomicFile.TempSuffix, "x");
        var first = Cli.Run("parse", dir["corpus"], "-f", "json", "-o", dir["corpus/out"], "--include", "*", "-q");
        Assert.Equal(ExitCodes.Success, first.ExitCode);
        var second = Cli.Run("parse", dir["corpus"], "-f", "jsonl", "--include", "*", "-q");
        Assert.Equal(Seeds.Files.Length + Seeds.Files.Length, second.StdoutLines.Length); // out/*.json are inputs now, the temporary is not
        var third = Cli.Run("parse", dir["corpus"], "-f", "json", "-o", dir["corpus/out"], "--include", "*", "-q");
        Assert.Equal(Seeds.Files.Length, Directory.GetFiles(dir["corpus/out"], "*.json").Length);
        Assert.Equal(ExitCodes.Success, third.ExitCode);
    }

    [Fact]
    public void Skip_existing_skips_inputs_whose_output_is_their_record_and_counts_them()
    {
        using var dir = new TempDir();
        var seeds = Seeds.CopyTo(dir);
        Directory.CreateDirectory(dir["out"]);
        string done = Path.Combine(dir["out"], Path.GetFileName(seeds[0]) + ".json");
        File.WriteAllText(done, "previous run"); // not a record: parsed again (issue 21: it used to be kept)
        var run = Cli.Run("parse", dir["in"], "-f", "json", "-o", dir["out"], "--skip-existing");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("{", File.ReadAllText(done));
        Assert.Equal(seeds.Length, Directory.GetFiles(dir["out"], "*.json").Length);
        Assert.Contains($"reportparser: {seeds.Length} files, {seeds.Length} parsed", run.Stderr);
        Assert.Contains("0 skipped", run.Stderr);

        var again = Cli.Run("parse", dir["in"], "-f", "json", "-o", dir["out"], "--skip-existing");
        Assert.Contains($"0 parsed", again.Stderr);
        Assert.Contains($"{seeds.Length} skipped", again.Stderr);

        File.AppendAllText(seeds[1], "\n"); // a changed input is parsed again
        var changed = Cli.Run("parse", dir["in"], "-f", "json", "-o", dir["out"], "--skip-existing");
        Assert.Contains($"{seeds.Length} files, 1 parsed", changed.Stderr);
    }

    [Fact]
    public void An_unwritable_output_is_a_usage_error_before_any_work()
    {
        using var dir = new TempDir();
        string blocker = dir.Write("file", "x");
        var run = Cli.Run("parse", Seeds.Directory, "-o", Path.Combine(blocker, "out.jsonl"), "-q");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("cannot write output", run.Stderr);

        var json = Cli.Run("parse", Seeds.Directory, "-f", "json", "-o", blocker, "-q");
        Assert.Equal(ExitCodes.Usage, json.ExitCode);
        Assert.Contains("is a file", json.Stderr);
    }
}
