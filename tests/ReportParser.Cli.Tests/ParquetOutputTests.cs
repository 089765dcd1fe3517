using System.Globalization;
using Parquet;
using Parquet.Schema;
using ReportParser.Cli;
using ReportParser.Output;

namespace ReportParser.Tests.Cli;

/// <summary>
/// <c>-f parquet</c> writes the cells and wide layouts typed (integers, nullable decimals, null for empty
/// text); read back with Parquet.Net, every value equals the CSV's of the same run.
/// </summary>
public class ParquetOutputTests
{
    /// <summary>The file read back with Parquet.Net, each value as the CSV writes it (decimals invariant without trailing zeros, null as empty).</summary>
    private static (string[] Header, List<string[]> Rows, DataField[] Fields) ReadParquet(string path)
    {
        using var stream = File.OpenRead(path);
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        var fields = reader.Schema.DataFields;
        var rows = new List<string[]>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int count = checked((int)group.RowCount);
            var columns = new string[fields.Length][];
            for (int f = 0; f < fields.Length; f++)
            {
                columns[f] = new string[count];
                if (fields[f] is DecimalDataField)
                {
                    var values = new decimal?[count];
                    group.ReadAsync<decimal>(fields[f], values.AsMemory()).GetAwaiter().GetResult();
                    for (int r = 0; r < count; r++)
                    {
                        columns[f][r] = CsvReportWriter.FormatValue(values[r]);
                    }
                }
                else if (fields[f].ClrType == typeof(int))
                {
                    var values = new int?[count];
                    group.ReadAsync<int>(fields[f], values.AsMemory()).GetAwaiter().GetResult();
                    for (int r = 0; r < count; r++)
                    {
                        columns[f][r] = values[r]?.ToString(CultureInfo.InvariantCulture) ?? "";
                    }
                }
                else
                {
                    var values = new string?[count];
                    group.ReadAsync(fields[f], values.AsMemory()).GetAwaiter().GetResult();
                    for (int r = 0; r < count; r++)
                    {
                        columns[f][r] = values[r] ?? "";
                    }
                }
            }

            for (int r = 0; r < count; r++)
            {
                rows.Add(columns.Select(c => c[r]).ToArray());
            }
        }

        reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return (fields.Select(f => f.Name).ToArray(), rows, fields);
    }

    private static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        var rows = CsvRows.Read(reader).ToList();
        return (rows[0], rows.Skip(1).ToList());
    }

    [Theory]
    [InlineData("cells")]
    [InlineData("wide")]
    public void Parquet_read_back_equals_the_csv_of_the_same_run(string layout)
    {
        using var dir = new TempDir();
        Seeds.CopyTo(dir);
        dir.Write("in/zz-empty.txt", "");
        var parquet = Cli.Run("parse", dir["in"], "-f", "parquet", "--layout", layout, "-o", dir["out.parquet"], "-q");
        Assert.Equal(ExitCodes.Failed, parquet.ExitCode); // the empty file
        Cli.Run("parse", dir["in"], "-f", "csv", "--csv-layout", layout, "-o", dir["out.csv"], "-q");

        var (header, rows, fields) = ReadParquet(dir["out.parquet"]);
        var (csvHeader, csvRows) = ReadCsv(dir["out.csv"]);
        Assert.Equal(csvHeader, header);
        Assert.Equal(csvRows.Count, rows.Count);
        Assert.True(rows.Count > (layout == "cells" ? 100 : 5));
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(csvRows[i], rows[i]);
        }

        // Typed: numbers are numbers.
        Assert.Equal(typeof(int), fields[Array.IndexOf(header, "report_year")].ClrType);
        Assert.True(fields[Array.IndexOf(header, "report_year")].IsNullable);
        var value = fields[Array.IndexOf(header, layout == "cells" ? "value" : "table3.new_received.total")];
        Assert.IsType<DecimalDataField>(value);
        Assert.True(value.IsNullable);
    }

    [Theory]
    [InlineData("cells")]
    [InlineData("wide")]
    public void Parquet_of_the_real_corpus_equals_its_csv_legacy_tables_included(string layout)
    {
        string corpus = Path.GetFullPath(Path.Combine(ToolInstallTests.RepositoryRoot(), "..", "shared", "corpus", "pingtan"));
        Assert.True(Directory.Exists(corpus), $"the real-report corpus was not found at {corpus}: the tests read it from the shared folder beside the repository clone");
        using var dir = new TempDir();
        Cli.Run("parse", corpus, "-f", "parquet", "--layout", layout, "-o", dir["out.parquet"], "-q");
        Cli.Run("parse", corpus, "-f", "csv", "--layout", layout, "-o", dir["out.csv"], "-q");
        var (header, rows, _) = ReadParquet(dir["out.parquet"]);
        var (csvHeader, csvRows) = ReadCsv(dir["out.csv"]);
        Assert.Equal(csvHeader, header);
        Assert.Equal(csvRows, rows);
        if (layout == "cells")
        {
            Assert.Contains(rows, r => r[Array.IndexOf(header, "table")] == "legacy_stats");
        }
    }

    [Theory]
    [InlineData("-f", "parquet")]
    [InlineData("-f", "parquet", "-o", "-")]
    [InlineData("-f", "parquet", "--layout", "sections", "-o", "x.parquet")]
    [InlineData("-f", "parquet", "--excel", "-o", "x.parquet")]
    public void Parquet_needs_a_file_and_a_layout_it_has(params string[] options)
    {
        var run = Cli.Run(["parse", Seeds.Directory, .. options]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.False(File.Exists("x.parquet"));
    }

    [Fact]
    public void A_killed_parquet_run_resumes_to_the_clean_file_and_leaves_nothing_beside_it()
    {
        using var dir = new TempDir();
        Seeds.CopyTo(dir);
        string output = dir["out.parquet"];
        Cli.Run("parse", dir["in"], "-o", output, "-q");
        byte[] clean = File.ReadAllBytes(output);
        Assert.Equal([output], Directory.GetFiles(dir.Path));

        // What a run killed after three records leaves: the CSV so far and its journal.
        Cli.Run("parse", dir["in"], "-f", "csv", "-o", dir["full.csv"], "-q");
        string csv = ParquetSink.CsvOf(output);
        string journal = ResumableFile.JournalOf(dir["full.csv"]);
        var lines = File.ReadAllLines(journal);
        long end = System.Text.Json.JsonDocument.Parse(lines[3]).RootElement.GetProperty("end").GetInt64();
        File.WriteAllBytes(ResumableFile.PartialOf(csv), File.ReadAllBytes(dir["full.csv"])[..(int)(end + 5)]);
        string options = System.Text.Json.JsonDocument.Parse(lines[0]).RootElement.GetProperty("options").GetString()!;
        lines[0] = lines[0].Replace(options, options.Replace("csv-cells", "parquet-cells"));
        File.WriteAllLines(ResumableFile.JournalOf(csv), lines);
        File.Delete(output);

        var resumed = Cli.Run("parse", dir["in"], "-o", output, "--resume");
        Assert.Contains("3 skipped", resumed.Stderr);
        Assert.Equal(clean, File.ReadAllBytes(output));
        Assert.Equal([dir["full.csv"], output], Directory.GetFiles(dir.Path).Where(f => !Path.GetFileName(f).StartsWith('.') || f.EndsWith("rp-csv")).Order());
    }

    [Fact]
    public void A_parquet_name_implies_the_format_and_shards_write_one_file_each()
    {
        using var dir = new TempDir();
        Seeds.CopyTo(dir);
        int total = 0;
        for (int k = 1; k <= 2; k++)
        {
            Assert.Equal(ExitCodes.Success, Cli.Run("parse", dir["in"], "--shard", $"{k}/2", "-o", dir[$"part{k}.parquet"], "-q").ExitCode);
            total += ReadParquet(dir[$"part{k}.parquet"]).Rows.Count;
        }

        Cli.Run("parse", dir["in"], "-o", dir["all.parquet"], "-q");
        Assert.Equal(ReadParquet(dir["all.parquet"]).Rows.Count, total);
    }
}
