using System.Text;
using ReportParser.Model;
using ReportParser.Output;
using ReportParser.Diagnostics;

namespace ReportParser.Cli;

/// <summary>Output formats of <c>parse</c>.</summary>
internal enum OutputFormat
{
    // In the order of OutputFormats.Names.
    Json,
    JsonLines,
    Csv,
    Parquet,
    Xlsx,
    Text,
    Html,
}

/// <summary>Where <c>parse</c> writes its documents. Written to by one thread at a time, in input order.</summary>
internal interface IReportSink : IDisposable
{
    /// <summary>True when the input's own output file is already there and is the record of this very input (<c>--skip-existing</c>); called from worker threads.</summary>
    bool OutputIsCurrent(InputItem item, CancellationToken cancellationToken);

    /// <summary>The document as this sink writes it (UTF-8), formatted ahead on a worker thread; null when the sink formats on writing.</summary>
    byte[]? Render(ReportDocument document);

    /// <summary>Writes the document; <paramref name="rendered"/> is what <see cref="Render"/> returned for it, if it was called.</summary>
    void Write(InputItem item, ReportDocument document, byte[]? rendered = null);

    /// <summary>Finishes the output (flush, rename into place). Without it, disposing discards an unfinished output file.</summary>
    void Complete();
}

/// <summary>
/// All documents to one stream: stdout, or one file written through a temporary (<c>-o FILE</c>): JSON, JSON Lines,
/// CSV, the text view (coloured when <c>color</c>) or one HTML page.
/// </summary>
internal sealed class StreamSink : IReportSink
{
    private readonly TextWriter _writer;
    private readonly IOutputFile? _file;
    private readonly HashSet<InputItem> _kept;
    private readonly ResumableFile? _resumable;
    private readonly OutputFormat _format;
    private readonly CsvReportWriter? _csv;
    private readonly bool _color;

    // JSON is rendered as UTF-8: under a UTF-8 StreamWriter (stdout, -o FILE) it goes to the stream
    // as it is; any other writer (a test's StringWriter) gets it decoded.
    private readonly Stream? _bytes;

    /// <param name="rawCsv">With <paramref name="excel"/>: no <c>'</c> before text cells that start like a formula.</param>
    /// <param name="labelRow">With the wide layout: a second header row of Chinese labels.</param>
    /// <param name="color">The text view in colour (a terminal without <c>NO_COLOR</c>).</param>
    /// <param name="kept">Inputs whose records a resumed <paramref name="file"/> already holds (<see cref="ResumableFile.Kept"/>, the first ones in input order).</param>
    public StreamSink(TextWriter writer, IOutputFile? file, OutputFormat format, CsvLayout layout, bool excel, bool rawCsv = false, bool labelRow = false,
        bool color = false, IEnumerable<InputItem>? kept = null)
    {
        _writer = writer;
        _file = file;
        _format = format;
        _color = color;
        _kept = new HashSet<InputItem>(kept ?? [], ReferenceEqualityComparer.Instance);
        _resumable = file as ResumableFile;
        if (format == OutputFormat.Csv)
        {
            _csv = new CsvReportWriter(writer, layout, excel, escapeFormulas: excel && !rawCsv, labelRow: labelRow, headerWritten: _resumable?.HasHeader == true);
            _csv.WriteHeader();
        }
        else if (writer is StreamWriter { Encoding: UTF8Encoding } stream)
        {
            stream.Flush();
            _bytes = stream.BaseStream;
        }

        if (_resumable is not null)
        {
            _csv?.Flush();
            _resumable.HeaderWritten();
        }
    }

    public bool OutputIsCurrent(InputItem item, CancellationToken cancellationToken) => _kept.Contains(item);

    public byte[]? Render(ReportDocument document) => _format switch
    {
        OutputFormat.Json => JsonReportWriter.SerializeLineToUtf8(document, indented: true),
        OutputFormat.JsonLines => JsonReportWriter.SerializeLineToUtf8(document, indented: false),
        OutputFormat.Text => Encoding.UTF8.GetBytes(TextReportWriter.Render(document, _color) + "\n"),
        OutputFormat.Html => Encoding.UTF8.GetBytes(HtmlReportWriter.Render(document, SourceText.Read(document))),
        _ => null,
    };

    public void Write(InputItem item, ReportDocument document, byte[]? rendered = null)
    {
        if (_csv is not null)
        {
            _csv.Write(document);
        }
        else
        {
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

        if (_resumable is not null)
        {
            _csv?.Flush();
            _resumable.Recorded(document);
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
    /// <summary>
    /// Error codes of causes that may pass (a crash such as running out of memory, a timeout on a busy
    /// machine, an input that could not be read: permissions, too many open files): a resumed run parses
    /// such inputs again rather than keep their error records.
    /// </summary>
    public static readonly IReadOnlySet<string> TransientErrorCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        ErrorRecords.InternalErrorCode,
        ErrorRecords.TimeoutCode,
        DiagnosticCodes.Unreadable.Code,
    };

    /// <summary>
    /// An existing output larger than this many times <c>--max-bytes</c> is not read to check it (a record is
    /// about the size of its input, twice with <c>--keep-original</c>): it is not a record of ours, and is replaced.
    /// </summary>
    public const int MaxRecordToInputRatio = 16;

    private readonly OutputPaths _paths;
    private readonly long _maxBytes;
    private readonly Dictionary<InputItem, string> _targets = new(ReferenceEqualityComparer.Instance);

    /// <param name="maxBytes">The input size limit: how much of an input <see cref="OutputIsCurrent"/> reads to hash it.</param>
    public DirectorySink(string directory, IReadOnlyList<InputItem> items, long maxBytes)
    {
        _paths = new OutputPaths(directory);
        _maxBytes = maxBytes;
        var targets = _paths.MapAll(items.Select(i => (i.RelativePath, i.DisplayName)).ToArray());
        for (int i = 0; i < items.Count; i++)
        {
            _targets[items[i]] = targets[i];
        }
    }

    public string Root => _paths.Root;

    public string TargetOf(InputItem item) => _targets[item];

    /// <summary>
    /// True when the output file exists and is this input's record as a clean run would write it: its
    /// <c>source</c> has the input's path, size and SHA-256 (read now), and it is not the error record of a
    /// transient cause (<see cref="TransientErrorCodes"/>); the record of a file refused unread for its size
    /// (RP1005, no hash) is current while the file has that size and is still over the limit. Anything else (another input's record, a changed
    /// input, a damaged or foreign file, standard input, an input over the size limit) is parsed again.
    /// The input is read like a parse reads it: bounded, and stopped by <paramref name="cancellationToken"/>.
    /// </summary>
    public bool OutputIsCurrent(InputItem item, CancellationToken cancellationToken)
    {
        string target = _targets[item];
        var existing = new FileInfo(target);
        if (item.IsStdin || !existing.Exists || existing.Length > MaxRecordToInputRatio * Math.Min(_maxBytes, long.MaxValue / MaxRecordToInputRatio))
        {
            return false;
        }

        RecordIdentity? recorded;
        try
        {
            recorded = RecordIdentity.Read(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return false;
        }

        return recorded is not null && recorded.IsCurrentFor(item, _maxBytes, cancellationToken);
    }

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

/// <summary>
/// The <c>source</c> of a record already written (its path, size and hash) and its error code, if any: the key
/// by which <c>--skip-existing</c> keeps a record rather than parse its input again, in every output mode.
/// </summary>
internal sealed record RecordIdentity(string Path, long Bytes, string Sha256, string? ErrorCode)
{
    public static RecordIdentity Of(ReportDocument document) =>
        new(document.Source.Path, document.Source.Bytes, document.Source.Sha256, document.Error?.Code);

    /// <summary>
    /// True when this is the record of <paramref name="item"/> as a clean run would write it now: the same path,
    /// and the input's size and SHA-256 (read now), and not the error record of a transient cause
    /// (<see cref="DirectorySink.TransientErrorCodes"/>); the record of a file refused unread for its size
    /// (RP1005, no hash) is current while the file has that size and is still over the limit. Standard input
    /// never is. The input is read like a parse reads it: bounded, and stopped by <paramref name="cancellationToken"/>.
    /// </summary>
    public bool IsCurrentFor(InputItem item, long maxBytes, CancellationToken cancellationToken)
    {
        if (item.IsStdin || Path != item.DisplayName || (ErrorCode is { } code && DirectorySink.TransientErrorCodes.Contains(code)))
        {
            return false;
        }

        if (ErrorCode == DiagnosticCodes.TooLarge.Code && Sha256.Length == 0)
        {
            // Refused unread by its size (no hash): current while the file has that size and is still over the limit.
            return item.ToSource().KnownLength is { } size && size == Bytes && size > maxBytes;
        }

        if (Sha256.Length == 0)
        {
            return false;
        }

        byte[]? bytes;
        try
        {
            bytes = item.ToSource().ReadAllBytes(maxBytes, out _, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return bytes is not null && bytes.LongLength == Bytes && ReportParser.Reading.SourceReader.Sha256Hex(bytes) == Sha256;
    }

    /// <summary>The identity in a record file; null when the file is not a record (no <c>source</c> with those fields).</summary>
    public static RecordIdentity? Read(string file)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(file));
        return From(json.RootElement);
    }

    /// <summary>The identity in a record's JSON (or a journal line of the same shape); null when it has no <c>source</c> with those fields.</summary>
    public static RecordIdentity? From(System.Text.Json.JsonElement root)
    {
        if (root.ValueKind != System.Text.Json.JsonValueKind.Object
            || !root.TryGetProperty("source", out var source) || source.ValueKind != System.Text.Json.JsonValueKind.Object
            || !source.TryGetProperty("path", out var path) || path.ValueKind != System.Text.Json.JsonValueKind.String
            || !source.TryGetProperty("bytes", out var bytes) || !bytes.TryGetInt64(out long size)
            || !source.TryGetProperty("sha256", out var sha) || sha.ValueKind != System.Text.Json.JsonValueKind.String)
        {
            return null;
        }

        string? code = root.TryGetProperty("error", out var error) && error.ValueKind == System.Text.Json.JsonValueKind.Object
            && error.TryGetProperty("code", out var c) && c.ValueKind == System.Text.Json.JsonValueKind.String ? c.GetString() : null;
        return new RecordIdentity(path.GetString()!, size, sha.GetString()!, code);
    }
}

/// <summary>The input's text for the HTML view's source pane: read again from its path and decoded as the parser decodes it.</summary>
internal static class SourceText
{
    /// <summary>The text, or null when the input cannot be read again (standard input, a file gone or over the size limit).</summary>
    public static string? Read(ReportDocument document)
    {
        string path = document.Source.Path;
        try
        {
            var info = new FileInfo(path);
            if (path == "-" || !info.Exists || info.Length > ReportParserOptions.Default.MaxBytes)
            {
                return null;
            }

            return new ReportParser.Reading.EncodingDetector().Detect(File.ReadAllBytes(path), new DiagnosticBag()).Text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}

/// <summary>
/// An Excel workbook (<c>-f xlsx -o FILE</c>), written through a temporary when the run completes: one report's
/// workbook for a single input, else the wide workbook (a row per report and the codebook).
/// </summary>
internal sealed class XlsxSink(string path, bool single) : IReportSink
{
    private readonly List<string[]> _records = [];
    private ReportDocument? _document;

    public bool OutputIsCurrent(InputItem item, CancellationToken cancellationToken) => false;

    public byte[]? Render(ReportDocument document) => null;

    public void Write(InputItem item, ReportDocument document, byte[]? rendered = null)
    {
        if (single)
        {
            _document = document;
        }
        else
        {
            _records.Add(CsvReportWriter.WideRecord(document));
        }
    }

    public void Complete()
    {
        using var buffer = new MemoryStream();
        if (single && _document is not null)
        {
            XlsxReportWriter.WriteReport(buffer, _document);
        }
        else
        {
            XlsxReportWriter.WriteWide(buffer, _records);
        }

        AtomicFile.Write(path, buffer.ToArray());
    }

    public void Dispose()
    {
    }
}

/// <summary>One HTML page per input under a directory (<c>-f html -o DIR</c>) and an <c>index.html</c> listing them, each written through a temporary.</summary>
internal sealed class HtmlDirectorySink : IReportSink
{
    /// <summary>The index page's name in the directory.</summary>
    public const string IndexName = "index.html";

    private readonly OutputPaths _paths;
    private readonly Dictionary<InputItem, string> _targets = new(ReferenceEqualityComparer.Instance);
    private readonly List<HtmlIndexEntry> _entries = [];

    public HtmlDirectorySink(string directory, IReadOnlyList<InputItem> items)
    {
        _paths = new OutputPaths(directory);
        var targets = _paths.MapAll(items.Select(i => (i.RelativePath, i.DisplayName)).ToArray(), ".html");
        for (int i = 0; i < items.Count; i++)
        {
            _targets[items[i]] = targets[i];
        }
    }

    public string TargetOf(InputItem item) => _targets[item];

    public bool OutputIsCurrent(InputItem item, CancellationToken cancellationToken) => false;

    public byte[]? Render(ReportDocument document) => Encoding.UTF8.GetBytes(HtmlReportWriter.Render(document, SourceText.Read(document)));

    public void Write(InputItem item, ReportDocument document, byte[]? rendered = null)
    {
        string target = _targets[item];
        _paths.CheckNoLinks(target);
        AtomicFile.Write(target, rendered ?? Render(document)!);
        string href = Path.GetRelativePath(_paths.Root, target).Replace(Path.DirectorySeparatorChar, '/');
        _entries.Add(new HtmlIndexEntry(document, string.Join('/', href.Split('/').Select(Uri.EscapeDataString))));
    }

    public void Complete() => AtomicFile.Write(Path.Combine(_paths.Root, IndexName), Encoding.UTF8.GetBytes(HtmlReportWriter.RenderIndex(_entries)));

    public void Dispose()
    {
    }
}
