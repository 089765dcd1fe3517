using System.Text;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

/// <summary>
/// <c>-o FILE</c> with JSON Lines or CSV resumes with <c>--skip-existing</c>: complete records are kept, a torn
/// tail is cut, the rest is appended, and the file equals a clean run's byte for byte. A kill is simulated by
/// leaving what a killed run leaves: the unfinished data (cut anywhere) and its journal.
/// </summary>
public class ResumeFileTests
{
    public static TheoryData<string, string[]> Outputs => new()
    {
        { "out.jsonl", ["-f", "jsonl"] },
        { "out.csv", ["-f", "csv"] },
        { "out.csv", ["-f", "csv", "--csv-layout", "wide"] },
        { "out.csv", ["-f", "csv", "--csv-layout", "sections", "--excel"] },
    };

    private static string[] Corpus(TempDir dir)
    {
        var seeds = Seeds.CopyTo(dir);
        dir.Write("in/zz-empty.txt", ""); // an error record: no CSV rows, one journal line
        return seeds;
    }

    /// <summary>Leaves the output as a run killed after <paramref name="dataBytes"/> bytes of data leaves it.</summary>
    private static void Kill(string output, int dataBytes)
    {
        string partial = ResumableFile.PartialOf(Path.GetFullPath(output));
        File.WriteAllBytes(partial, File.ReadAllBytes(output)[..dataBytes]);
        File.Delete(output);
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void A_run_cut_at_any_byte_resumes_to_the_clean_output(string name, string[] format)
    {
        using var dir = new TempDir();
        Corpus(dir);
        string output = dir[name];
        var clean = Cli.Run(["parse", dir["in"], "-o", output, "-q", .. format]);
        Assert.Equal(ExitCodes.Failed, clean.ExitCode);
        byte[] expected = File.ReadAllBytes(output);
        string journal = File.ReadAllText(ResumableFile.JournalOf(Path.GetFullPath(output)));

        // Cut points: nothing, inside the header, at a record's end, inside a record, and the torn journal line too.
        foreach (int cut in new[] { 0, 3, expected.Length / 3, expected.Length / 2 + 1, expected.Length - 1 })
        {
            File.WriteAllBytes(output, expected);
            File.WriteAllText(ResumableFile.JournalOf(Path.GetFullPath(output)), journal[..^7]);
            Kill(output, cut);
            var resumed = Cli.Run(["parse", dir["in"], "-o", output, "--skip-existing", .. format]);
            Assert.Equal(ExitCodes.Failed, resumed.ExitCode);
            Assert.Equal(expected, File.ReadAllBytes(output));
            Assert.False(File.Exists(ResumableFile.PartialOf(Path.GetFullPath(output))));
        }
    }

    [Fact]
    public void Records_before_the_cut_are_kept_and_counted_as_skipped()
    {
        using var dir = new TempDir();
        var seeds = Corpus(dir);
        string output = dir["out.jsonl"];
        Cli.Run("parse", dir["in"], "-o", output, "-q");
        var lines = File.ReadAllLines(output);
        int keep = 3;
        int bytes = lines.Take(keep).Sum(l => Encoding.UTF8.GetByteCount(l) + 1) + 10; // three records and a torn fourth
        byte[] expected = File.ReadAllBytes(output);
        Kill(output, bytes);
        var resumed = Cli.Run("parse", dir["in"], "-o", output, "--resume");
        Assert.Contains($"{seeds.Length + 1} files, {seeds.Length - keep} parsed", resumed.Stderr); // and the empty file failed
        Assert.Contains($"{keep} skipped", resumed.Stderr);
        Assert.Equal(expected, File.ReadAllBytes(output));
    }

    [Fact]
    public void A_changed_input_is_parsed_again_with_every_input_after_it()
    {
        using var dir = new TempDir();
        var seeds = Corpus(dir);
        string output = dir["out.csv"];
        Cli.Run("parse", dir["in"], "-o", output, "-q");
        File.AppendAllText(seeds[2], "\n");
        var resumed = Cli.Run("parse", dir["in"], "-o", output, "--skip-existing");
        Assert.Contains("2 skipped", resumed.Stderr);
        Cli.Run("parse", dir["in"], "-o", dir["clean.csv"], "-q");
        Assert.Equal(File.ReadAllBytes(dir["clean.csv"]), File.ReadAllBytes(output));
    }

    [Fact]
    public void A_completed_output_gets_inputs_added_at_the_end_appended()
    {
        using var dir = new TempDir();
        var seeds = Corpus(dir);
        string output = dir["out.jsonl"];
        Cli.Run("parse", dir["in"], "-o", output, "-q");
        dir.Write("in/zzz-late.txt", File.ReadAllBytes(seeds[0]));
        var resumed = Cli.Run("parse", dir["in"], "-o", output, "--skip-existing");
        Assert.Contains($"{seeds.Length + 2} files, 1 parsed", resumed.Stderr);
        Cli.Run("parse", dir["in"], "-o", dir["clean.jsonl"], "-q");
        Assert.Equal(File.ReadAllBytes(dir["clean.jsonl"]), File.ReadAllBytes(output));
    }

    [Fact]
    public void Other_options_or_a_hand_edited_output_start_over()
    {
        using var dir = new TempDir();
        var seeds = Corpus(dir);
        string output = dir["out.jsonl"];
        Cli.Run("parse", dir["in"], "-o", output, "-q");
        var other = Cli.Run("parse", dir["in"], "-o", output, "--skip-existing", "--mode", "none");
        Assert.Contains("0 skipped", other.Stderr);

        File.AppendAllText(output, "edited\n");
        var edited = Cli.Run("parse", dir["in"], "-o", output, "--skip-existing", "--mode", "none");
        Assert.Contains("0 skipped", edited.Stderr);
        Assert.DoesNotContain("edited", File.ReadAllText(output));
    }

    [Fact]
    public void Without_skip_existing_a_run_starts_over_and_the_old_file_stays_until_it_is_done()
    {
        using var dir = new TempDir();
        Corpus(dir);
        string output = dir["out.jsonl"];
        Cli.Run("parse", dir["in"], "-o", output, "-q");
        byte[] first = File.ReadAllBytes(output);
        var again = Cli.Run("parse", dir["in"], "-o", output);
        Assert.Contains("0 skipped", again.Stderr);
        Assert.Equal(first, File.ReadAllBytes(output));
    }

    [Fact]
    public void Resuming_standard_output_is_a_usage_error()
    {
        var run = Cli.Run("parse", Seeds.Directory, "-f", "csv", "--skip-existing");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("-o FILE with -f jsonl, csv or parquet", run.Stderr);
    }
}
