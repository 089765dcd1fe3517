using System.Text;
using ReportParser.Cli;

if (args.Length > 0 && args[0] is "parse" or "validate")
{
    StartupWarmup.Start();
}

// Buffered UTF-8 stdout: JSON Lines and CSV are written record by record.
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
var console = new CliConsole(Console.In, stdout, Console.Error)
{
    OpenStdinBytes = Console.OpenStandardInput,
    StderrIsTerminal = !Console.IsErrorRedirected,
    ShowStackTraces = Environment.GetEnvironmentVariable("REPORTPARSER_DEBUG") is "1" or "true",
};
int exitCode = CliApp.Run(args, console);
stdout.Flush();
return exitCode;
