using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

public class ShardTests
{
    private static InputItem[] Generated(int count)
    {
        var items = new InputItem[count];
        for (int i = 0; i < count; i++)
        {
            string relative = $"{2014 + i % 11}/dept{i % 97:00}/report-{i:00000}.html";
            items[i] = new InputItem("corpus/" + relative, "/data/corpus/" + relative, relative);
        }

        return items;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void The_shards_of_10000_inputs_take_each_exactly_once_and_about_evenly(int count)
    {
        var items = Generated(10_000);
        var taken = new Dictionary<InputItem, int>(ReferenceEqualityComparer.Instance);
        for (int k = 1; k <= count; k++)
        {
            var shard = new Shard(k, count).Select(items);
            foreach (var item in shard)
            {
                Assert.True(taken.TryAdd(item, k), $"{item.RelativePath} is in shard {taken.GetValueOrDefault(item)} and {k}");
            }

            // A fair hash: each shard within 10 % of an even share.
            Assert.InRange(shard.Count, 10_000 / count * 0.9, 10_000 / count * 1.1);
        }

        Assert.Equal(items.Length, taken.Count);
    }

    [Fact]
    public void A_shard_depends_on_the_relative_path_alone_not_on_order_machine_or_root()
    {
        var items = Generated(500);
        var shuffled = items.OrderBy(i => i.DisplayName.GetHashCode(StringComparison.Ordinal)).Reverse().ToArray();
        var elsewhere = items.Select(i => new InputItem("/mnt/other/" + i.RelativePath, "/mnt/other/" + i.RelativePath, i.RelativePath)).ToArray();
        var shard = new Shard(2, 3);
        var a = shard.Select(items).Select(i => i.RelativePath).Order(StringComparer.Ordinal);
        var b = shard.Select(shuffled).Select(i => i.RelativePath).Order(StringComparer.Ordinal);
        var c = shard.Select(elsewhere).Select(i => i.RelativePath).Order(StringComparer.Ordinal);
        Assert.Equal(a, b);
        Assert.Equal(a, c);

        // Pinned: the hash is part of the contract (shards of one job may run different builds).
        Assert.Equal(7, Shard.Of("2023/report.html", 7)); // python3: int.from_bytes(sha256(b"2023/report.html").digest()[:8], "big") % 7 + 1
        Assert.Equal(3, Shard.Of("a.txt", 3));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("3")]
    [InlineData("a/b")]
    [InlineData("-1/3")]
    [InlineData("1/3/5")]
    public void A_bad_shard_is_a_usage_error(string shard)
    {
        var run = Cli.Run("parse", Seeds.Directory, "--shard", shard);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--shard must be K/N", run.Stderr);
    }

    [Theory]
    [InlineData("jsonl", null)]
    [InlineData("csv", "cells")]
    [InlineData("csv", "wide")]
    public void Shard_outputs_concatenated_and_sorted_equal_the_full_run_sorted(string format, string? layout)
    {
        using var dir = new TempDir();
        var seeds = Seeds.Files;
        for (int i = 0; i < 60; i++)
        {
            dir.Write($"in/y{i % 4}/r{i:000}.txt", File.ReadAllBytes(seeds[i % seeds.Length]));
        }

        dir.Write("in/broken/empty.txt", "");
        string[] extra = layout is null ? [] : ["--csv-layout", layout];
        string ext = format == "jsonl" ? ".jsonl" : ".csv";
        var full = Cli.Run(["parse", dir["in"], "-f", format, "-o", dir["full" + ext], "-q", .. extra]);
        Assert.Equal(ExitCodes.Failed, full.ExitCode); // the empty file
        var fullLines = DataLines(dir["full" + ext], format);
        foreach (int count in new[] { 1, 3, 7 })
        {
            var union = new List<string>();
            for (int k = 1; k <= count; k++)
            {
                string output = dir[$"shard{k}of{count}{ext}"];
                var run = Cli.Run(["parse", dir["in"], "-f", format, "-o", output, "--shard", $"{k}/{count}", "-q", .. extra]);
                Assert.True(run.ExitCode is ExitCodes.Success or ExitCodes.Failed, run.ToString());
                union.AddRange(DataLines(output, format));
            }

            union.Sort(StringComparer.Ordinal);
            Assert.Equal(fullLines, union);
        }
    }

    [Fact]
    public void A_shard_with_no_inputs_writes_an_empty_output_and_succeeds()
    {
        using var dir = new TempDir();
        dir.Write("in/a.txt", File.ReadAllBytes(Seeds.Files[0]));
        int empty = Shard.Of("a.txt", 2) == 1 ? 2 : 1;
        var run = Cli.Run("parse", dir["in"], "-f", "csv", "-o", dir["out.csv"], "--shard", $"{empty}/2");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"shard {empty}/2 takes none of the 1 input", run.Stderr);
        Assert.Single(File.ReadAllLines(dir["out.csv"])); // the header
    }

    [Fact]
    public void Shards_into_one_output_directory_never_share_a_name()
    {
        using var dir = new TempDir();
        // Two names equal but for case map to one output name; the one whose path sorts first keeps it,
        // decided over all inputs, also when the two fall in different shards.
        int i = 0;
        while (Shard.Of($"R{i}.txt", 2) == Shard.Of($"r{i}.txt", 2))
        {
            i++;
        }

        dir.Write($"a/R{i}.txt", File.ReadAllBytes(Seeds.Files[0]));
        dir.Write($"a/r{i}.txt", File.ReadAllBytes(Seeds.Files[1]));
        for (int k = 1; k <= 2; k++)
        {
            Assert.Equal(ExitCodes.Success, Cli.Run("parse", dir["a"], "-f", "json", "-o", dir["out"], "--shard", $"{k}/2", "-q").ExitCode);
        }

        var full = Cli.Run("parse", dir["a"], "-f", "json", "-o", dir["ref"], "-q");
        Assert.Equal(ExitCodes.Success, full.ExitCode);
        var names = Directory.GetFiles(dir["out"]).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        var reference = Directory.GetFiles(dir["ref"]).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, reference.Length);
        Assert.Equal(reference, names);
        foreach (string name in reference)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir["ref"], name)), File.ReadAllBytes(Path.Combine(dir["out"], name)));
        }
    }

    /// <summary>The data lines of an output, sorted ordinally (CSV without its header): the documented merge.</summary>
    private static List<string> DataLines(string path, string format)
    {
        var lines = File.ReadAllLines(path).Skip(format == "csv" ? 1 : 0).ToList();
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
