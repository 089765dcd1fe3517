using System.CommandLine;

namespace ReportParser.Cli;

/// <summary>
/// Base of the commands that run the pipeline over many inputs: shared options, error handling
/// (usage problems exit 2 with one line on stderr, no stack trace) and the batch loop with
/// progress and summary.
/// </summary>
internal abstract class BatchCommand : Command
{
    protected BatchCommand(string name, string description, CliConsole console)
        : base(name, description)
    {
        Console = console;
        Common.AddTo(this);
        // The asynchronous overload for its cancellation token (Ctrl+C, SIGTERM); the work itself is synchronous.
        SetAction((result, cancellationToken) => Task.FromResult(Invoke(result, cancellationToken)));
    }

    private int Invoke(System.CommandLine.ParseResult result, CancellationToken cancellationToken)
    {
        try
        {
            return Execute(result, cancellationToken);
        }
        catch (UsageException ex)
        {
            foreach (string line in ex.Message.Split(Environment.NewLine))
            {
                Console.Stderr.WriteLine($"reportparser: {line}");
            }

            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Stderr.WriteLine("reportparser: interrupted; finished outputs are complete, unfinished ones were not written");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Stderr.WriteLine($"reportparser: cannot write output: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex)
        {
            // A bug, not a content problem (those become error records): one line, the trace only on request.
            Console.Stderr.WriteLine($"reportparser: internal error: {ex.GetType().FullName}: {ex.Message}");
            if (Console.ShowStackTraces)
            {
                Console.Stderr.WriteLine(ex.ToString());
            }
            else
            {
                Console.Stderr.WriteLine("reportparser: set REPORTPARSER_DEBUG=1 to print the stack trace");
            }

            return ExitCodes.Failed;
        }
    }

    protected CliConsole Console { get; }

    /// <summary>Every name of this command's options (<c>--format</c>, <c>-f</c>…), for "did you mean".</summary>
    protected IReadOnlyList<string> OptionNames
    {
        get
        {
            var names = new List<string>();
            foreach (var option in Options)
            {
                names.Add(option.Name);
                names.AddRange(option.Aliases);
            }

            return names;
        }
    }

    public CommonOptions Common { get; } = new();

    protected abstract int Execute(System.CommandLine.ParseResult result, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the inputs through the pipeline; <paramref name="consume"/> sees the results in input order.
    /// <paramref name="render"/>, when given, formats each document on its worker thread (<see cref="BatchResult.Rendered"/>).
    /// </summary>
    protected RunSummary RunBatch(
        System.CommandLine.ParseResult result,
        IReadOnlyList<InputItem> items,
        ReportParserOptions options,
        Func<InputItem, CancellationToken, bool>? skip,
        Action<BatchResult, RunSummary> consume,
        CancellationToken cancellationToken,
        Func<ReportParser.Model.ReportDocument, byte[]?>? render = null)
    {
        var pipeline = new ReportPipeline(options);
        var summary = new RunSummary();
        var style = Common.ProgressOf(result, Console.StderrIsTerminal);
        var progress = style != ProgressStyle.None && items.Count > 1 ? new ProgressReporter(Console.Stderr, items.Count, style) : null;
        var stderrLock = new object();
        var runner = new BatchRunner((item, token) => pipeline.Parse(item.ToSource(), token).Document, Common.JobsOf(result), Common.TimeoutOf(result))
        {
            OnException = Console.ShowStackTraces
                ? (item, ex) => { lock (stderrLock) { Console.Stderr.WriteLine($"reportparser: {item.DisplayName}: {ex}"); } }
                : null,
            Render = render,
        };
        try
        {
            runner.Run(items, skip, r =>
            {
                summary.Add(r);
                consume(r, summary);
                if (progress is not null)
                {
                    lock (stderrLock)
                    {
                        progress.Update(summary.Files);
                    }
                }
            }, cancellationToken);
        }
        finally
        {
            progress?.Clear();
        }

        return summary;
    }

    /// <summary>Resolves the inputs, printing warnings (an empty directory among others) on stderr.</summary>
    protected IReadOnlyList<InputItem> ResolveInputs(System.CommandLine.ParseResult result, string? skipDirectory, string? skipFile = null)
    {
        var mode = Common.PipelineOptions(result, keepOriginal: false).Mode;
        if (mode != NormalizationMode.None && !InputResolver.IsSingleInput(result.GetValue(Common.Inputs) ?? []))
        {
            StartupWarmup.StartConverters(mode);
        }

        InputResolver.CheckExist(result.GetValue(Common.Inputs) ?? [], OptionNames);
        var resolver = new InputResolver(result.GetValue(Common.Include));
        return resolver.Resolve(result.GetValue(Common.Inputs) ?? [], Console, skipDirectory, w => Console.Stderr.WriteLine($"reportparser: {w}"), skipFile);
    }

    /// <summary>
    /// The inputs of this run's <c>--shard</c> (all of them without it). A shard that takes none of the
    /// inputs is named in a warning and runs empty: its output is a valid empty one, so a cluster job of
    /// more shards than inputs still succeeds.
    /// </summary>
    protected IReadOnlyList<InputItem> SelectShard(System.CommandLine.ParseResult result, IReadOnlyList<InputItem> items)
    {
        var shard = Common.ShardOf(result);
        var selected = shard.Select(items);
        if (selected.Count == 0 && !result.GetValue(Common.Quiet))
        {
            Console.Stderr.WriteLine($"reportparser: shard {shard} takes none of the {items.Count} input{(items.Count == 1 ? "" : "s")}");
        }

        return selected;
    }

    /// <summary>The failed inputs with their codes (the first <see cref="RunSummary.MaxListedFailures"/>, then a count), then the one-line summary; nothing with <c>-q</c>.</summary>
    protected void PrintSummary(System.CommandLine.ParseResult result, RunSummary summary, string verb)
    {
        if (!result.GetValue(Common.Quiet))
        {
            foreach (string line in summary.FailureLines())
            {
                Console.Stderr.WriteLine(line);
            }

            Console.Stderr.WriteLine(summary.Format(verb));
        }
    }
}
