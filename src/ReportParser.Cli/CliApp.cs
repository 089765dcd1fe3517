using System.CommandLine;

namespace ReportParser.Cli;

/// <summary>The command tree. Main only wires this up; tests call <see cref="Run(string[], TextReader, TextWriter, TextWriter)"/> in-process.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Run(args, new CliConsole(stdin, stdout, stderr));

    public static int Run(string[] args, CliConsole console)
    {
        var root = CreateRootCommand(console);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // Usage errors: one line each on stderr and exit 2, not the default help dump and exit 1.
            foreach (var error in parseResult.Errors)
            {
                console.Stderr.WriteLine($"reportparser: {error.Message}");
            }

            console.Stderr.WriteLine("Run 'reportparser --help' or 'reportparser <command> --help' for usage.");
            return ExitCodes.Usage;
        }

        return parseResult.Invoke(new InvocationConfiguration { Output = console.Stdout, Error = console.Stderr });
    }

    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand("ReportParser: structured data from government information-disclosure annual reports (政府信息公开工作年度报告).")
        {
            new ParseCommand(console),
            new ValidateCommand(console),
            new PanelCommand(console),
            new CompareCommand(console),
            NormalizeCommand.Create(console.Stdin, console.Stdout, console.Stderr),
        };

        return root;
    }
}
