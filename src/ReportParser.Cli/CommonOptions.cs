using System.CommandLine;
using System.Globalization;

namespace ReportParser.Cli;

/// <summary>Options that <c>parse</c> and <c>validate</c> share; each command gets its own instances.</summary>
internal sealed class CommonOptions
{
    public static readonly string[] Modes = NormalizationModeNames.All;

    public Argument<string[]> Inputs { get; } = new("input")
    {
        Arity = ArgumentArity.OneOrMore,
        Description = "Files, directories (searched recursively for .txt .htm .html .shtml) or - for standard input.",
    };

    // The numeric options are read as text and parsed here: a value that is not a number is then a
    // usage error like any other (System.CommandLine's own conversion threw from the validators), and
    // the parser's generic code for int, long and double options is not compiled at every start.
    public Option<string> Jobs { get; } = new("--jobs", "-j")
    {
        Description = "How many files to parse at once. Default: the number of processors.",
        HelpName = "N",
    };

    public Option<string?> Mode { get; } = new("--mode")
    {
        Description = "Script conversion: auto (detect; convert Traditional text), t2s, tw2s, tw2sp, hk2s (OpenCC) or none.",
        DefaultValueFactory = _ => "auto",
    };

    public Option<string> MaxBytes { get; } = new("--max-bytes")
    {
        Description = "Inputs larger than this many bytes become error records.",
        DefaultValueFactory = _ => ReportParserOptions.Default.MaxBytes.ToString(CultureInfo.InvariantCulture),
        HelpName = "N",
    };

    public Option<string[]> Include { get; } = new("--include")
    {
        Description = "Glob of the files to take from directories, instead of the default extensions (repeatable; * ? **; case-insensitive). A glob with / matches the path inside the directory, one without the file name.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
        HelpName = "GLOB",
    };

    public Option<string> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds one file may take before it becomes an error record and the run moves on; 0 for no limit.",
        DefaultValueFactory = _ => "60",
        HelpName = "SECONDS",
    };

    public Option<string?> ShardOption { get; } = new("--shard")
    {
        Description = "Take only shard K of N (K from 1 to N) of the inputs, chosen by a stable hash of each input's path relative to its directory argument: N runs with K = 1..N take every input exactly once.",
        HelpName = "K/N",
    };

    public Option<string?> Progress { get; } = new("--progress")
    {
        Description = "Progress on stderr: bar (redrawn in place), plain (a line every 10 seconds, for logs) or none. Default: bar on a terminal, plain otherwise; none with -q.",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "No progress, failed list or summary line on stderr.",
    };

    public CommonOptions()
    {
        OptionValues.OneOf(Mode, Modes);
        OptionValues.OneOf(Progress, "none", "plain", "bar");
        Jobs.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && ParseJobs(r.GetValueOrDefault<string>()) is null)
            {
                r.AddError("--jobs must be a whole number, at least 1.");
            }
        });
        MaxBytes.Validators.Add(r =>
        {
            if (ParseMaxBytes(r.GetValueOrDefault<string>()) is null)
            {
                r.AddError("--max-bytes must be a whole number, at least 1.");
            }
        });
        ShardOption.Validators.Add(r =>
        {
            if (Shard.Parse(r.GetValueOrDefault<string?>()) is null)
            {
                r.AddError("--shard must be K/N with whole numbers 1 <= K <= N (for example 2/8).");
            }
        });
        Timeout.Validators.Add(r =>
        {
            if (ParseTimeout(r.GetValueOrDefault<string>()) is null)
            {
                r.AddError("--timeout must be 0 (no limit) or a positive number of seconds.");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(Inputs);
        command.Options.Add(Jobs);
        command.Options.Add(Mode);
        command.Options.Add(MaxBytes);
        command.Options.Add(Include);
        command.Options.Add(Timeout);
        command.Options.Add(ShardOption);
        command.Options.Add(Progress);
        command.Options.Add(Quiet);
    }

    public ReportParserOptions PipelineOptions(System.CommandLine.ParseResult result, bool keepOriginal) => new()
    {
        Mode = NormalizationModeNames.Parse(result.GetValue(Mode) ?? "auto"),
        MaxBytes = ParseMaxBytes(result.GetValue(MaxBytes)) ?? ReportParserOptions.Default.MaxBytes,
        KeepOriginal = keepOriginal,
    };

    public Shard ShardOf(System.CommandLine.ParseResult result) => Shard.Parse(result.GetValue(ShardOption)) ?? Shard.All;

    /// <summary>The progress style: as asked, else none with <c>-q</c>, a bar on a terminal, plain lines otherwise.</summary>
    public ProgressStyle ProgressOf(System.CommandLine.ParseResult result, bool stderrIsTerminal) => result.GetValue(Progress) switch
    {
        "none" => ProgressStyle.None,
        "plain" => ProgressStyle.Plain,
        "bar" => ProgressStyle.Bar,
        _ when result.GetValue(Quiet) => ProgressStyle.None,
        _ => stderrIsTerminal ? ProgressStyle.Bar : ProgressStyle.Plain,
    };

    public int JobsOf(System.CommandLine.ParseResult result) => ParseJobs(result.GetValue(Jobs)) ?? Environment.ProcessorCount;

    public TimeSpan TimeoutOf(System.CommandLine.ParseResult result) =>
        ParseTimeout(result.GetValue(Timeout)) is { } seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : System.Threading.Timeout.InfiniteTimeSpan;

    // The validators have refused what these do not read, so the fallbacks above are never taken.
    private static int? ParseJobs(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int jobs) && jobs >= 1 ? jobs : null;

    private static long? ParseMaxBytes(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long bytes) && bytes >= 1 ? bytes : null;

    private static double? ParseTimeout(string? text) =>
        double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out double seconds)
            && seconds >= 0 && seconds <= int.MaxValue / 1000 ? seconds : null;
}
