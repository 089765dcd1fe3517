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
        OptionValues.OneOf(Format, OutputFormats.Names);
        OptionValues.OneOf(CsvLayoutOption, "cells", "wide", "sections");
        Options.Add(Format);
        Options.Add(CsvLayoutOption);
        Options.Add(Output);
        Options.Add(KeepOriginal);
        Options.Add(FoldWidth);
        Options.Add(Excel);
        Options.Add(RawCsv);
        Options.Add(SkipExisting);
        Options.Add(Codebook);
        Options.Add(LabelRow);
    }

    public Option<string?> Format { get; } = new("--format", "-f")
    {
        Description = "json (one document; with several inputs needs -o DIR), jsonl (one document per line), csv, parquet (needs -o FILE), xlsx (an Excel workbook; needs -o FILE), text (a view for the terminal) or html (one page; with several inputs needs -o DIR). Default: the -o name's extension (.json .jsonl .csv .parquet .xlsx .html .txt), else json for one file, jsonl otherwise.",
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

    public Option<string?> Codebook { get; } = new("--codebook")
    {
        Description = "With --csv-layout wide: also write the codebook (one row per column: table, row and column keys, Chinese labels, templates, meaning) to FILE.",
        HelpName = "FILE",
    };

    public Option<bool> LabelRow { get; } = new("--label-row")
    {
        Description = "With --csv-layout wide: a second header row of Chinese labels, for spreadsheets.",
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
            result.GetValue(RawCsv),
            result.GetValue(Codebook),
            result.GetValue(LabelRow));
        // Output names under -o DIR are decided over all inputs, so the shards of one run never hand out a name twice.
        var allItems = ResolveInputs(result, plan.Directory, plan.File);
        var items = SelectShard(result, allItems);
        var options = Common.PipelineOptions(result, result.GetValue(KeepOriginal)) with { FoldWidth = result.GetValue(FoldWidth) };

        using var outputLock = plan.LockOutput();
        int jobs = Common.JobsOf(result);
        var timeout = Common.TimeoutOf(result);
        using var sink = plan.CreateSink(allItems, Console.Stdout, options,
            records => ResumeCheck.CountCurrent(records, items, options.MaxBytes, jobs, timeout, cancellationToken), items,
            color: Console.StdoutIsTerminal && !Console.NoColor);
        var summary = RunBatch(result, items, options, plan.SkipExisting ? sink.OutputIsCurrent : null, (r, s) =>
        {
            if (r.Document is null)
            {
                return;
            }

            string? target = sink is DirectorySink directory ? directory.TargetOf(r.Item) : sink is HtmlDirectorySink pages ? pages.TargetOf(r.Item) : null;
            if (target is not null)
            {
                try
                {
                    sink.Write(r.Item, r.Document, r.Rendered);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Console.Stderr.WriteLine($"reportparser: {r.Item.DisplayName}: cannot write {target}: {ex.Message}");
                    s.MarkWriteFailed(r);
                }
            }
            else
            {
                sink.Write(r.Item, r.Document, r.Rendered);
            }
        }, cancellationToken, sink.Render);
        sink.Complete();
        plan.WriteCodebook();

        PrintSummary(result, summary, "parsed");
        return summary.Failed > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }
}

/// <summary>What <c>parse</c> writes where, decided from the options before any work starts.</summary>
/// <param name="RawCsv">Text cells of Excel CSV as they are (<c>--raw-csv</c>): no <c>'</c> before a leading = + - @.</param>
/// <param name="Codebook">The file the wide layout's codebook goes to (<c>--codebook</c>), or null.</param>
/// <param name="LabelRow">A second header row of Chinese labels in the wide layout (<c>--label-row</c>).</param>
internal sealed record OutputPlan(OutputFormat Format, CsvLayout Layout, bool Excel, string? File, string? Directory, bool SkipExisting, bool RawCsv = false,
    string? Codebook = null, bool LabelRow = false)
{
    public static OutputPlan Decide(string? format, string? csvLayout, string? output, bool excel, bool skipExisting, bool singleInput, bool rawCsv = false,
        string? codebook = null, bool labelRow = false)
    {
        bool outputIsDirectory = output is not null
            && (System.IO.Directory.Exists(output) || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar));
        var named = output is null || output == "-" || outputIsDirectory ? null : OutputFormats.OfExtension(output);
        bool csvOptions = csvLayout is not null || excel || rawCsv || codebook is not null || labelRow;
        var chosen = format is not null ? OutputFormats.Parse(format)
            : named == OutputFormat.Parquet ? OutputFormat.Parquet
            : csvOptions ? OutputFormat.Csv
            : outputIsDirectory || (singleInput && output is null) ? OutputFormat.Json
            : named ?? OutputFormat.JsonLines;
        if (format is null && named == OutputFormat.Json && !singleInput && !csvOptions)
        {
            throw new UsageException($"-o {output}: several inputs make JSON Lines (name the file .jsonl) or one JSON file each (-f json -o DIR)");
        }

        if (named is { } implied && implied != chosen)
        {
            throw new UsageException($"-o {output}: the name says {OutputFormats.Name(implied)}, but the output is {OutputFormats.Name(chosen)}; "
                + $"name the file {OutputFormats.Extension(chosen)} or give -f {OutputFormats.Name(implied)}");
        }

        if (chosen == OutputFormat.Parquet)
        {
            if (excel || rawCsv || labelRow)
            {
                throw new UsageException($"{(excel ? "--excel" : rawCsv ? "--raw-csv" : "--label-row")} applies to CSV output (-f csv)");
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
        else if (chosen != OutputFormat.Csv && csvOptions)
        {
            string option = csvLayout is not null ? "--csv-layout" : excel ? "--excel" : rawCsv ? "--raw-csv" : codebook is not null ? "--codebook" : "--label-row";
            throw new UsageException($"{option} applies to CSV output (-f csv)");
        }

        var layout = csvLayout switch
        {
            "wide" => CsvLayout.Wide,
            "sections" => CsvLayout.Sections,
            _ => CsvLayout.Cells,
        };
        if ((codebook is not null || labelRow) && layout != CsvLayout.Wide)
        {
            throw new UsageException($"{(codebook is not null ? "--codebook" : "--label-row")} applies to the wide layout (--csv-layout wide)");
        }

        if (output == "-")
        {
            output = null; // -o - : stdout
        }

        string? file = null, directory = null;
        if (chosen is OutputFormat.Json or OutputFormat.Html)
        {
            string name = OutputFormats.Name(chosen);
            if (output is null && !singleInput)
            {
                throw new UsageException($"-f {name} writes one document per input: with several inputs give -o DIR{(chosen == OutputFormat.Json ? ", or use -f jsonl" : "")}");
            }

            if (output is not null && (outputIsDirectory || !singleInput))
            {
                if (System.IO.File.Exists(output))
                {
                    throw new UsageException($"-o {output}: is a file; -f {name} with several inputs writes into a directory");
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
                throw new UsageException($"-o {output}: is a directory; -f {OutputFormats.Name(chosen)} writes one file (-f json or -f html -o DIR write one file per input)");
            }

            file = output;
        }

        if (chosen == OutputFormat.Xlsx && file is null)
        {
            throw new UsageException("-f xlsx writes a workbook: give -o FILE.xlsx");
        }

        bool resumable = (directory is not null && chosen == OutputFormat.Json)
            || (file is not null && chosen is OutputFormat.JsonLines or OutputFormat.Csv or OutputFormat.Parquet);
        if (skipExisting && !resumable)
        {
            throw new UsageException("--skip-existing needs -f json -o DIR (one output file per input) or -o FILE with -f jsonl, csv or parquet");
        }

        return new OutputPlan(chosen, layout, excel, file, directory, skipExisting, rawCsv, codebook, labelRow);
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
    /// Creates the output: stdout, the temporary of <c>-o FILE</c> (for JSON Lines, CSV and Parquet in a regular file,
    /// a <see cref="ResumableFile"/>, resumed with <paramref name="keep"/> under <see cref="SkipExisting"/>), or the
    /// directory, whose names are decided over <paramref name="items"/>. Failures are usage errors.
    /// </summary>
    /// <param name="runItems">The inputs this run parses (its shard), in order: a resumed file keeps the records of the first ones.</param>
    /// <param name="color">The text view in colour, when it goes to stdout (a terminal without <c>NO_COLOR</c>).</param>
    public IReportSink CreateSink(IReadOnlyList<InputItem> items, TextWriter stdout, ReportParserOptions options,
        Func<IReadOnlyList<RecordIdentity>, int>? keep = null, IReadOnlyList<InputItem>? runItems = null, bool color = false)
    {
        long maxBytes = options.MaxBytes;
        try
        {
            if (Directory is not null)
            {
                System.IO.Directory.CreateDirectory(Directory);
                AtomicFile.DeleteLeftovers(Directory, recursive: true);
                ProbeWritable(Directory);
                return Format == OutputFormat.Html ? new HtmlDirectorySink(Directory, items) : new DirectorySink(Directory, items, maxBytes);
            }

            if (Format == OutputFormat.Xlsx)
            {
                string? parent = Path.GetDirectoryName(Path.GetFullPath(File!));
                if (parent is not null)
                {
                    AtomicFile.DeleteLeftovers(parent, recursive: false, Path.GetFileName(File));
                }

                return new XlsxSink(File!, items.Count == 1);
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

                if (Format is OutputFormat.JsonLines or OutputFormat.Csv && !AtomicFile.IsDevice(Path.GetFullPath(File)))
                {
                    var resumable = ResumableFile.Open(File, Signature(options), SkipExisting ? keep : null);
                    return new StreamSink(resumable.Writer, resumable, Format, Layout, Excel, RawCsv, LabelRow, kept: (runItems ?? items).Take(resumable.Kept));
                }

                var file = AtomicFile.Create(File);
                return new StreamSink(file.Writer, file, Format, Layout, Excel, RawCsv, LabelRow, color: false);
            }

            return new StreamSink(stdout, null, Format, Layout, Excel, RawCsv, LabelRow, color);
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
        $"label-row={LabelRow}",
        $"mode={options.Mode}",
        $"keep-original={options.KeepOriginal}",
        $"fold-width={options.FoldWidth}",
        $"max-bytes={options.MaxBytes}").ToLowerInvariant();

    /// <summary>Writes the wide layout's codebook to <see cref="Codebook"/> (through a temporary), when asked for.</summary>
    public void WriteCodebook()
    {
        if (Codebook is not null)
        {
            AtomicFile.Write(Codebook, writer => CsvReportWriter.WriteCodebook(writer, Excel));
        }
    }

    private static void ProbeWritable(string directory)
    {
        using var probe = AtomicFile.Create(Path.Combine(directory, "write-test"));
    }
}
