using System.Text;
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

    /// <summary>The document as this sink writes it (UTF-8), formatted ahead on a worker thread; null when the sink formats on writing.</summary>
    byte[]? Render(ReportDocument document);

    /// <summary>Writes the document; <paramref name="rendered"/> is what <see cref="Render"/> returned for it, if it was called.</summary>
    void Write(InputItem item, ReportDocument document, byte[]? rendered = null);

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

    // JSON is rendered as UTF-8: under a UTF-8 StreamWriter (stdout, -o FILE) it goes to the stream
    // as it is; any other writer (a test's StringWriter) gets it decoded.
    private readonly Stream? _bytes;

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
        else if (writer is StreamWriter { Encoding: UTF8Encoding } stream)
        {
            stream.Flush();
            _bytes = stream.BaseStream;
        }
    }

    public bool OutputExists(InputItem item) => false;

    public byte[]? Render(ReportDocument document) => _format switch
    {
        OutputFormat.Json => JsonReportWriter.SerializeLineToUtf8(document, indented: true),
        OutputFormat.JsonLines => JsonReportWriter.SerializeLineToUtf8(document, indented: false),
        _ => null,
    };

    public void Write(InputItem item, ReportDocument document, byte[]? rendered = null)
    {
        if (_csv is not null)
        {
            _csv.Write(document);
            return;
        }

        // Not rendered ahead (or its rendering failed): rendered here, where a failure is reported.
        byte[] json = rendered ?? Render(document)!;
        if (_bytes is not null)
        {
            _bytes.Write(json);
        }
        else
        {
            _writer.Write(Encoding.UTF8.GetString(json));
        }
    }

    public void Complete()
    {
        _csv?.Dispose();
        _writer.Flush();
        _bytes?.Flush();
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

    public byte[]? Render(ReportDocument document) => JsonReportWriter.SerializeLineToUtf8(document, indented: true);

    public void Write(InputItem item, ReportDocument document, byte[]? rendered = null)
    {
        string target = _targets[item];
        _paths.CheckNoLinks(target);
        AtomicFile.Write(target, rendered ?? Render(document)!);
    }

    public void Complete()
    {
    }

    public void Dispose()
    {
    }
}
