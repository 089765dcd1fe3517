using System.CommandLine;
using ReportParser.Output;
using ReportParser.Reading;

namespace ReportParser.Cli;

/// <summary>The command tree. Main only wires this up; tests call <see cref="Run"/> in-process.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        EncodingDetector.EnsureRegistered();
        var inputs = new Argument<string[]>("input") { Arity = ArgumentArity.OneOrMore, Description = "Files, or - for stdin." };
        var parse = new Command("parse", "Parse reports into JSON.") { inputs };
        parse.SetAction(result =>
        {
            var pipeline = new ReportPipeline();
            foreach (string input in result.GetValue(inputs) ?? [])
            {
                var doc = pipeline.Parse(ReportSource.FromFile(input)).Document;
                JsonReportWriter.Write(doc, stdout);
            }

            return ExitCodes.Success;
        });
        var root = new RootCommand("ReportParser: structured data from government information-disclosure annual reports.") { parse };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
