using System.CommandLine;
using ReportParser.Model;
using ReportParser.Output;
using ReportParser.Panel;

namespace ReportParser.Cli;

/// <summary>
/// <c>reportparser compare OLD NEW [-f text|json|html]</c>: how much of NEW's prose was copied from OLD (per
/// section, the copied sentences listed), which table cells changed and by how much, and which numbers
/// changed in the copied sentences. Exit 0, or 1 when either input could not be parsed.
/// </summary>
internal sealed class CompareCommand : BatchCommand
{
    public CompareCommand(CliConsole console)
        : base("compare", "Compare two reports (usually one agency's consecutive years): reused sentences, table cell deltas, changed prose numbers.", console)
    {
        Format.AcceptOnlyFromAmong("text", "json", "html");
        Options.Add(Format);
    }

    public Option<string> Format { get; } = new("--format", "-f")
    {
        Description = "text (for reading), json, or html (one self-contained page).",
        DefaultValueFactory = _ => "text",
    };

    protected override int Execute(System.CommandLine.ParseResult result, CancellationToken cancellationToken)
    {
        var items = ResolveInputs(result, skipDirectory: null);
        if (items.Count != 2)
        {
            throw new UsageException($"compare takes two reports, OLD and NEW; {items.Count} input file(s) were given");
        }

        var documents = new ReportDocument[2];
        RunBatch(result, items, Common.PipelineOptions(result, keepOriginal: false), skip: null, (r, _) => documents[r.Index] = r.Document!, cancellationToken);
        foreach (var document in documents)
        {
            if (document.Error is { } error)
            {
                Console.Stderr.WriteLine($"reportparser: {document.Source.Path}: {error.Code}: {error.Message}");
                return ExitCodes.Failed;
            }
        }

        var comparison = new ReportComparer().Compare(documents[0], documents[1]);
        if (result.GetValue(Format) == "json")
        {
            ComparisonWriter.WriteJson(comparison, Console.Stdout);
        }
        else if (result.GetValue(Format) == "html")
        {
            Console.Stdout.Write(ComparisonWriter.RenderHtml(comparison));
        }
        else
        {
            ComparisonWriter.WriteText(comparison, Console.Stdout);
        }

        Console.Stdout.Flush();
        return ExitCodes.Success;
    }
}
