using System.CommandLine;
using ReportParser.Output;

namespace ReportParser.Cli;

/// <summary>
/// <c>reportparser parse</c>: reports to JSON, JSON Lines, CSV or Parquet.
/// One file (or <c>-</c>) and no <c>-o</c>: one indented JSON document on stdout. Otherwise JSON Lines
/// on stdout or in <c>-o FILE</c>; <c>-f json -o DIR</c> writes one file per input.
/// </summary>
internal sealed class ParseCommand : BatchCommand
{
    public ParseCommand(CliConsole console)
        : base("parse", "Parse reports into JSON, JSON Lines, CSV or Parquet.", console)
    {
        OptionValues.OneOf(Format, "json", "jsonl", "csv", "parquet");
        OptionValues.OneOf(CsvLayoutOption, "cells", "wide", "sections");
        Options.Add(Format);
        Options.Add(CsvLayoutOption);
        Options.Add(Output);
        Options.Add(KeepOriginal);
        Options.Add(FoldWidth);
        Options.Add(Excel);
        Options.Add(RawCsv);
        Options.Add(SkipExisting);
    }

    public Option<string?> Format { get; } = new("--format", "-f")
    {
        Description = "json (one document; with several inputs needs -o DIR), jsonl (one document per line), csv, or parquet (needs -o FILE). Default: json for one file, jsonl otherwise; csv or parquet for an -o FILE ending so.",
    };

    public Option<string?> CsvLayoutOption { get; } = new("--csv-layout", "--layout")
    {
        Description = "CSV or Parquet shape: cells (one row per table cell, default), wide (one row per report, a fixed column per cell) or sections (CSV only).",
    };

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "Output file (written to a temporary and renamed when complete), or with -f json a directory: one <input path>.json per input.",
        HelpName = "FILE|DIR",
    };

    public Option<bool> KeepOriginal { get; } = new("--keep-original")
    {
        Description = "Keep the text before script conversion beside the converted text.",
    };

    public Option<bool> FoldWidth { get; } = new("--fold-width")
    {
        Description = "Write text width-folded: full-width punctuation, letters and digits as ASCII (，→, （）→()), U+3000 as a space. By default the text keeps the report's own characters.",
    };

    public Option<bool> Excel { get; } = new("--excel")
    {
        Description = "CSV for Excel: UTF-8 byte order mark and CRLF line ends.",
    };

    public Option<bool> RawCsv { get; } = new("--raw-csv")
    {
        Description = "With --excel: write text cells as they are, without the ' that keeps a spreadsheet from running text starting with = + - @ as a formula.",
    };

    public Option<bool> SkipExisting { get; } = new("--skip-existing", "--resume")
    {
        Description = "Resume: with -f json -o DIR skip inputs whose output file is already their record; with -o FILE (JSON Lines, CSV, Parquet) keep the records an earlier run completed, from the first, and append the rest. A record is kept when it has the input's path, size and SHA-256 and is not a timeout or crash; kept inputs count as skipped.",
    };

    protected override int Execute(System.CommandLine.ParseResult result, CancellationToken cancellationToken)
    {
        var arguments = result.GetValue(Common.Inputs) ?? [];
        InputResolver.CheckExist(arguments, OptionNames);
        var plan = OutputPlan.Decide(
            result.GetValue(Format),
            result.GetValue(CsvLayoutOption),
            result.GetValue(Output),
            result.GetValue(Excel),
            result.GetValue(SkipExisting),
            InputResolver.IsSingleInput(arguments),
            result.GetValue(RawCsv));
        // Output names under -o DIR are decided over all inputs, so the shards of one run never hand out a name twice.
        var allItems = ResolveInputs(result, plan.Directory, plan.File);
        var items = SelectShard(result, allItems);
        var options = Common.PipelineOptions(result, result.GetValue(KeepOriginal)) with { FoldWidth = result.GetValue(FoldWidth) };

        using var outputLock = plan.LockOutput();
        int jobs = Common.JobsOf(result);
        var timeout = Common.TimeoutOf(result);
        using var sink = plan.CreateSink(allItems, Console.Stdout, options, records => ResumeCheck.CountCurrent(records, items, options.MaxBytes, jobs, timeout, cancellationToken), items);
        var summary = RunBatch(result, items, options, plan.SkipExisting ? sink.OutputIsCurrent : null, (r, s) =>
        {
            if (r.Document is null)
            {
                return;
            }

            if (sink is DirectorySink directory)
            {
                try
                {
                    sink.Write(r.Item, r.Document, r.Rendered);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Console.Stderr.WriteLine($"reportparser: {r.Item.DisplayName}: cannot write {directory.TargetOf(r.Item)}: {ex.Message}");
                    s.MarkWriteFailed(r);
                }
            }
            else
            {
                sink.Write(r.Item, r.Document, r.Rendered);
            }
        }, cancellationToken, sink.Render);
        sink.Complete();

        PrintSummary(result, summary, "parsed");
        return summary.Failed > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }
}

/// <summary>What <c>parse</c> writes where, decided from the options before any work starts.</summary>
/// <param name="RawCsv">Text cells of Excel CSV as they are (<c>--raw-csv</c>): no <c>'</c> before a leading = + - @.</param>
internal sealed record OutputPlan(OutputFormat Format, CsvLayout Layout, bool Excel, string? File, string? Directory, bool SkipExisting, bool RawCsv = false)
{
    public static OutputPlan Decide(string? format, string? csvLayout, string? output, bool excel, bool skipExisting, bool singleInput, bool rawCsv = false)
    {
        bool outputIsDirectory = output is not null
            && (System.IO.Directory.Exists(output) || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar));
        var chosen = format switch
        {
            "json" => OutputFormat.Json,
            "jsonl" => OutputFormat.JsonLines,
            "csv" => OutputFormat.Csv,
            "parquet" => OutputFormat.Parquet,
            _ when output is not null && output.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) => OutputFormat.Parquet,
            _ when csvLayout is not null || excel || rawCsv => OutputFormat.Csv,
            _ when outputIsDirectory || (singleInput && output is null) => OutputFormat.Json,
            _ when output is not null && output.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) => OutputFormat.Csv,
            _ when singleInput && output is not null && output.EndsWith(".json", StringComparison.OrdinalIgnoreCase) => OutputFormat.Json,
            _ => OutputFormat.JsonLines,
        };
        if (chosen == OutputFormat.Parquet)
        {
            if (excel || rawCsv)
            {
                throw new UsageException($"{(excel ? "--excel" : "--raw-csv")} applies to CSV output (-f csv)");
            }

            if (csvLayout == "sections")
            {
                throw new UsageException("-f parquet writes the cells or wide layout (--layout cells|wide); sections are CSV only");
            }

            if (output is null or "-" || outputIsDirectory || AtomicFile.IsDevice(Path.GetFullPath(output)))
            {
                throw new UsageException("-f parquet needs -o FILE (a regular file: Parquet is written with its index at the end)");
            }

        }
        else if (chosen != OutputFormat.Csv && (csvLayout is not null || excel || rawCsv))
        {
            throw new UsageException($"{(csvLayout is not null ? "--csv-layout" : excel ? "--excel" : "--raw-csv")} applies to CSV output (-f csv)");
        }

        var layout = csvLayout switch
        {
            "wide" => CsvLayout.Wide,
            "sections" => CsvLayout.Sections,
            _ => CsvLayout.Cells,
        };

        if (output == "-")
        {
            output = null; // -o - : stdout
        }

        string? file = null, directory = null;
        if (chosen == OutputFormat.Json)
        {
            if (output is null && !singleInput)
            {
                throw new UsageException("-f json writes one document per input: with several inputs give -o DIR, or use -f jsonl");
            }

            if (output is not null && (outputIsDirectory || !singleInput))
            {
                if (System.IO.File.Exists(output))
                {
                    throw new UsageException($"-o {output}: is a file; -f json with several inputs writes into a directory");
                }

                directory = output;
            }
            else
            {
                file = output;
            }
        }
        else if (output is not null)
        {
            if (outputIsDirectory)
            {
                throw new UsageException($"-o {output}: is a directory; -f {(chosen == OutputFormat.Csv ? "csv" : "jsonl")} writes one file (-f json -o DIR writes one file per input)");
            }

            file = output;
        }

        if (skipExisting && directory is null && (file is null || chosen == OutputFormat.Json))
        {
            throw new UsageException("--skip-existing needs -f json -o DIR (one output file per input) or -o FILE with -f jsonl, csv or parquet");
        }

        return new OutputPlan(chosen, layout, excel, file, directory, skipExisting, rawCsv);
    }

    /// <summary>
    /// Takes the advisory lock on <c>-o DIR</c> or <c>-o FILE</c> (none for stdout, a device or a pipe), before
    /// anything there is touched: a second run on the same output is a usage error naming the first one's PID.
    /// </summary>
    public OutputLock? LockOutput()
    {
        try
        {
            if (Directory is not null)
            {
                System.IO.Directory.CreateDirectory(Directory);
                return OutputLock.Acquire(Path.Combine(Directory, OutputLock.DirectoryLockName), Directory);
            }

            if (File is not null && !AtomicFile.IsDevice(Path.GetFullPath(File)))
            {
                string? parent = Path.GetDirectoryName(Path.GetFullPath(File));
                if (parent is not null)
                {
                    System.IO.Directory.CreateDirectory(parent);
                }

                return OutputLock.Acquire(OutputLock.PathForFile(File), File);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot write output {Directory ?? File}: {ex.Message}");
        }
    }

    /// <summary>
    /// Creates the output: stdout, the temporary of <c>-o FILE</c> (for JSON Lines and CSV in a regular file,
    /// a <see cref="ResumableFile"/>, resumed with <paramref name="keep"/> under <see cref="SkipExisting"/>), or the
    /// directory, whose names are decided over <paramref name="items"/>. Failures are usage errors.
    /// </summary>
    /// <param name="runItems">The inputs this run parses (its shard), in order: a resumed file keeps the records of the first ones.</param>
    public IReportSink CreateSink(IReadOnlyList<InputItem> items, TextWriter stdout, ReportParserOptions options,
        Func<IReadOnlyList<RecordIdentity>, int>? keep = null, IReadOnlyList<InputItem>? runItems = null)
    {
        long maxBytes = options.MaxBytes;
        try
        {
            if (Directory is not null)
            {
                System.IO.Directory.CreateDirectory(Directory);
                AtomicFile.DeleteLeftovers(Directory, recursive: true);
                ProbeWritable(Directory);
                return new DirectorySink(Directory, items, maxBytes);
            }

            if (File is not null)
            {
                string? parent = Path.GetDirectoryName(Path.GetFullPath(File));
                if (parent is not null)
                {
                    AtomicFile.DeleteLeftovers(parent, recursive: false, Path.GetFileName(File));
                }

                if (Format == OutputFormat.Parquet)
                {
                    var csv = ResumableFile.Open(ParquetSink.CsvOf(File), Signature(options), SkipExisting ? keep : null);
                    return new ParquetSink(File, Layout, csv, (runItems ?? items).Take(csv.Kept));
                }

                if (Format != OutputFormat.Json && !AtomicFile.IsDevice(Path.GetFullPath(File)))
                {
                    var resumable = ResumableFile.Open(File, Signature(options), SkipExisting ? keep : null);
                    return new StreamSink(resumable.Writer, resumable, Format, Layout, Excel, RawCsv, (runItems ?? items).Take(resumable.Kept));
                }

                var file = AtomicFile.Create(File);
                return new StreamSink(file.Writer, file, Format, Layout, Excel, RawCsv);
            }

            return new StreamSink(stdout, null, Format, Layout, Excel, RawCsv);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot write output {Directory ?? File}: {ex.Message}");
        }
    }

    /// <summary>Everything that shapes the records of a stream output: a resumed file keeps records only when it is the same.</summary>
    private string Signature(ReportParserOptions options) => string.Join(' ',
        typeof(ReportPipeline).Assembly.GetName().Version?.ToString() ?? "",
        Format == OutputFormat.Csv ? $"csv-{Layout}" : Format == OutputFormat.Parquet ? $"parquet-{Layout}" : "jsonl",
        Excel ? (RawCsv ? "excel-raw" : "excel") : "plain",
        $"mode={options.Mode}",
        $"keep-original={options.KeepOriginal}",
        $"fold-width={options.FoldWidth}",
        $"max-bytes={options.MaxBytes}").ToLowerInvariant();

    private static void ProbeWritable(string directory)
    {
        using var probe = AtomicFile.Create(Path.Combine(directory, "write-test"));
    }
}
