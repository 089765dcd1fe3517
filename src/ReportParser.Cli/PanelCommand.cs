using System.CommandLine;
using ReportParser.Model;
using ReportParser.Output;
using ReportParser.Panel;

namespace ReportParser.Cli;

/// <summary>
/// <c>reportparser panel DIR… -o panel.csv|panel.jsonl|panel.xlsx [--agencies FILE]</c>: parses the inputs, groups them by
/// agency (mapping file, 索引号 prefix, URL folder, name; conflicts on stderr), and writes one row per
/// (agency, year, report) with statuses, check counts, cross-year results and the table figures.
/// Without <c>-o</c> the rows go to standard output as JSON Lines. Exit 0, or 1 when an input failed to parse
/// or an official cross-year rule fails.
/// </summary>
internal sealed class PanelCommand : BatchCommand
{
    public PanelCommand(CliConsole console)
        : base("panel", "Group reports by agency and year, run the cross-year rules, and write the panel (CSV or JSON Lines).", console)
    {
        Options.Add(Output);
        Options.Add(Agencies);
    }

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "The panel file: .csv, .jsonl or .xlsx (a workbook of the CSV's columns). Default: JSON Lines on standard output.",
        HelpName = "FILE",
    };

    public Option<string?> Agencies { get; } = new("--agencies")
    {
        Description = "CSV of path pattern or agency name → agency id; it overrides every other evidence of identity.",
        HelpName = "FILE",
    };

    protected override int Execute(System.CommandLine.ParseResult result, CancellationToken cancellationToken)
    {
        string? output = result.GetValue(Output);
        string extension = output is null ? ".jsonl" : Path.GetExtension(output).ToLowerInvariant();
        if (extension is not (".csv" or ".jsonl" or ".xlsx"))
        {
            throw new UsageException($"panel -o {output}: the file must end in .csv, .jsonl or .xlsx");
        }

        var mapping = ReadMapping(result.GetValue(Agencies));
        var items = ResolveInputs(result, skipDirectory: null, skipFile: output);
        var documents = new List<ReportDocument>(items.Count);
        bool failedInput = false;
        var summary = RunBatch(result, items, Common.PipelineOptions(result, keepOriginal: false), skip: null, (r, _) =>
        {
            var document = r.Document!;
            failedInput |= document.Error is not null;

            // The panel needs the metadata, tables, checks and the sections' text (for the reuse share);
            // the preamble and the facts' sentences are dropped to keep a large run smaller.
            documents.Add(document with { Preamble = null, Facts = null });
        }, cancellationToken);

        var panel = new PanelBuilder(mapping).Build(documents);
        if (output is null)
        {
            PanelWriter.WriteJsonLines(panel, Console.Stdout);
            Console.Stdout.Flush();
        }
        else if (extension == ".xlsx")
        {
            // The package needs a seekable stream: the workbook is built in memory and written through a temporary.
            var buffer = new MemoryStream();
            PanelWriter.WriteXlsx(panel, buffer);
            AtomicFile.Write(output, buffer.ToArray());
        }
        else
        {
            AtomicFile.Write(output, writer =>
            {
                if (extension == ".csv")
                {
                    PanelWriter.WriteCsv(panel, writer);
                }
                else
                {
                    PanelWriter.WriteJsonLines(panel, writer);
                }
            });
        }

        bool officialFailure = false;
        foreach (var check in panel.CrossChecks)
        {
            if (check.Status == CheckStatus.Fail)
            {
                officialFailure |= check.Official;
                Console.Stderr.WriteLine($"{check.NewerFile}:{check.NewerLine ?? 1}: {(check.Official ? "error" : "info")} {check.Rule}: {check.Row}.{check.Column}: {check.Message} (y−1: {check.OlderFile}:{check.OlderLine ?? 1})");
            }
        }

        foreach (var diagnostic in panel.Diagnostics)
        {
            Console.Stderr.WriteLine($"{diagnostic.Files[0]}: {ReportParser.Diagnostics.Diagnostic.SeverityName(diagnostic.Severity)} {diagnostic.Code}: {diagnostic.Message}");
        }

        PrintSummary(result, summary, "grouped");
        return failedInput || officialFailure ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static AgencyMapping? ReadMapping(string? path)
    {
        if (path is null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"--agencies {path}: no such file");
        }

        var errors = new List<string>();
        AgencyMapping mapping;
        using (var reader = new StreamReader(path))
        {
            mapping = AgencyMapping.Read(reader, errors);
        }

        if (errors.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine, errors.ConvertAll(e => $"--agencies {path}: {e}")));
        }

        return mapping;
    }
}
