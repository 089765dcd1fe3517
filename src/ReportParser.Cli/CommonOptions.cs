using System.CommandLine;

namespace ReportParser.Cli;

/// <summary>Options that <c>parse</c> and <c>validate</c> share; each command gets its own instances.</summary>
internal sealed class CommonOptions
{
    public static readonly string[] Modes = ["auto", "t2s", "tw2s", "tw2sp", "hk2s", "none"];

    public Argument<string[]> Inputs { get; } = new("input")
    {
        Arity = ArgumentArity.OneOrMore,
        Description = "Files, directories (searched recursively for .txt .htm .html .shtml) or - for standard input.",
    };

    public Option<int> Jobs { get; } = new("--jobs", "-j")
    {
        Description = "How many files to parse at once. Default: the number of processors.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        HelpName = "N",
    };

    public Option<string> Mode { get; } = new("--mode")
    {
        Description = "Script conversion: auto (detect; convert Traditional text), t2s, tw2s, tw2sp, hk2s (OpenCC) or none.",
        DefaultValueFactory = _ => "auto",
    };

    public Option<long> MaxBytes { get; } = new("--max-bytes")
    {
        Description = "Inputs larger than this many bytes become error records.",
        DefaultValueFactory = _ => ReportParserOptions.Default.MaxBytes,
        HelpName = "N",
    };

    public Option<string[]> Include { get; } = new("--include")
    {
        Description = "Glob of the files to take from directories, instead of the default extensions (repeatable; * ? **; case-insensitive). A glob with / matches the path inside the directory, one without the file name.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
        HelpName = "GLOB",
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds one file may take before it becomes an error record and the run moves on; 0 for no limit.",
        DefaultValueFactory = _ => 60,
        HelpName = "SECONDS",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "No progress and no summary line on stderr.",
    };

    public CommonOptions()
    {
        Mode.AcceptOnlyFromAmong(Modes);
        Jobs.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--jobs must be at least 1.");
            }
        });
        MaxBytes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long>() < 1)
            {
                r.AddError("--max-bytes must be at least 1.");
            }
        });
        Timeout.Validators.Add(r =>
        {
            double t = r.GetValueOrDefault<double>();
            if (t < 0 || double.IsNaN(t) || t > int.MaxValue / 1000)
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
        command.Options.Add(Quiet);
    }

    public ReportParserOptions PipelineOptions(System.CommandLine.ParseResult result, bool keepOriginal) => new()
    {
        Mode = NormalizationModeNames.Parse(result.GetValue(Mode) ?? "auto"),
        MaxBytes = result.GetValue(MaxBytes),
        KeepOriginal = keepOriginal,
    };

    public TimeSpan TimeoutOf(System.CommandLine.ParseResult result) =>
        result.GetValue(Timeout) is var seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : System.Threading.Timeout.InfiniteTimeSpan;
}
