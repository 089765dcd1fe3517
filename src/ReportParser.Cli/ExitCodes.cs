namespace ReportParser.Cli;

/// <summary>Process exit codes; stable, documented in the CLI README.</summary>
internal static class ExitCodes
{
    /// <summary>Every input parsed (validate: no errors).</summary>
    public const int Success = 0;
    /// <summary>Some input failed to parse, or validate found errors (warnings too with --strict).</summary>
    public const int Failed = 1;
    /// <summary>Bad option, missing path, no input files, unwritable output: nothing was done.</summary>
    public const int Usage = 2;
    /// <summary>Interrupted (Ctrl+C or SIGTERM) before the run finished; finished outputs are complete, none is half-written.</summary>
    public const int Interrupted = 130;
}
