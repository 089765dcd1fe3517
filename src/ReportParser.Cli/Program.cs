using System.Text;
using ReportParser.Cli;

if (args.Length > 0 && args[0] is "parse" or "validate")
{
    StartupWarmup.Start();
}

// Buffered UTF-8 stdout: JSON Lines and CSV are written record by record. A write that fails (a closed
// pipe, a full disk) is an error, not ignored.
var stdout = new StreamWriter(StandardOutput.Open(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
var console = new CliConsole(Console.In, stdout, Console.Error)
{
    OpenStdinBytes = Console.OpenStandardInput,
    StderrIsTerminal = !Console.IsErrorRedirected,
    StdoutIsTerminal = !Console.IsOutputRedirected,
    NoColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
    ShowStackTraces = Environment.GetEnvironmentVariable("REPORTPARSER_DEBUG") is "1" or "true",
};
int exitCode = CliApp.Run(args, console);
try
{
    stdout.Flush();
}
catch (IOException ex)
{
    // What is left in the buffer could not be written: one line, as for every other error.
    Console.Error.WriteLine($"reportparser: cannot write output: {ex.Message}");
    return exitCode == ExitCodes.Success ? ExitCodes.Usage : exitCode;
}

return exitCode;
