using ReportParser.Model;
using ReportParser.Output;

namespace ReportParser.Cli;

/// <summary>Output formats of <c>parse</c>.</summary>
internal enum OutputFormat
{
    Json,
    JsonLines,
    Csv,
}

/// <summary>Where <c>parse</c> writes its documents. Written to by one thread at a time, in input order.</summary>
internal interface IReportSink : IDisposable
{
    /// <summary>True when the input's own output file already exists (<c>--skip-existing</c>); called from worker threads.</summary>
    bool OutputExists(InputItem item);

    /// <summary>The document as this sink writes it, formatted ahead on a worker thread; null when the sink formats on writing.</summary>
    string? Render(ReportDocument document);

    /// <summary>Writes the document; <paramref name="rendered"/> is what <see cref="Render"/> returned for it, if it was called.</summary>
    void Write(InputItem item, ReportDocument document, string? rendered = null);

    /// <summary>Finishes the output (flush, rename into place). Without it, disposing discards an unfinished output file.</summary>
    void Complete();
}

/// <summary>All documents to one stream: stdout, or one file written through a temporary (<c>-o FILE</c>).</summary>
internal sealed class StreamSink : IReportSink
{
    private readonly TextWriter _writer;
    private readonly AtomicFile? _file;
    private readonly OutputFormat _format;
    private readonly CsvReportWriter? _csv;

    public StreamSink(TextWriter writer, AtomicFile? file, OutputFormat format, CsvLayout layout, bool excel)
    {
        _writer = writer;
        _file = file;
        _format = format;
        if (format == OutputFormat.Csv)
        {
            _csv = new CsvReportWriter(writer, layout, excel);
            _csv.WriteHeader();
        }
    }

    public bool OutputExists(InputItem item) => false;

    public string? Render(ReportDocument document) => _format switch
    {
        OutputFormat.Json => JsonReportWriter.Serialize(document, indented: true),
        OutputFormat.JsonLines => JsonReportWriter.Serialize(document, indented: false),
        _ => null,
    };

    public void Write(InputItem item, ReportDocument document, string? rendered = null)
    {
        if (rendered is not null && _format != OutputFormat.Csv)
        {
            _writer.Write(rendered);
            _writer.Write('\n');
            return;
        }

        switch (_format)
        {
            case OutputFormat.Json:
                JsonReportWriter.Write(document, _writer);
                break;
            case OutputFormat.JsonLines:
                JsonReportWriter.WriteLine(document, _writer);
                break;
            default:
                _csv!.Write(document);
                break;
        }
    }

    public void Complete()
    {
        _csv?.Dispose();
        _writer.Flush();
        _file?.Commit();
    }

    public void Dispose()
    {
        _file?.Dispose();
    }
}

/// <summary>One JSON file per input under a directory (<c>-f json -o DIR</c>), each written through a temporary.</summary>
internal sealed class DirectorySink : IReportSink
{
    private readonly OutputPaths _paths;
    private readonly Dictionary<InputItem, string> _targets = new(ReferenceEqualityComparer.Instance);

    public DirectorySink(string directory, IReadOnlyList<InputItem> items)
    {
        _paths = new OutputPaths(directory);
        foreach (var item in items)
        {
            _targets[item] = _paths.Map(item.RelativePath);
        }
    }

    public string Root => _paths.Root;

    public string TargetOf(InputItem item) => _targets[item];

    public bool OutputExists(InputItem item) => File.Exists(_targets[item]);

    public string? Render(ReportDocument document) => JsonReportWriter.Serialize(document, indented: true);

    public void Write(InputItem item, ReportDocument document, string? rendered = null)
    {
        string target = _targets[item];
        _paths.CheckNoLinks(target);
        AtomicFile.Write(target, writer =>
        {
            if (rendered is null)
            {
                JsonReportWriter.Write(document, writer);
            }
            else
            {
                writer.Write(rendered);
                writer.Write('\n');
            }
        });
    }

    public void Complete()
    {
    }

    public void Dispose()
    {
    }
}
