using System.Text;
using System.Text.Json;
using ReportParser.Model;

namespace ReportParser.Cli;

/// <summary>
/// The <c>-o FILE</c> of a JSON Lines or CSV run (a regular file), written so that a run killed at any moment
/// can be resumed. The data go to <c>.NAME.rp-partial</c> beside FILE, renamed over FILE when the run is
/// complete, so FILE itself is never half-written. Beside it, the journal <c>.NAME.rp-journal</c> holds a
/// line with the output options and where the header ends, then a line per input written: its record's
/// identity (<see cref="RecordIdentity"/>: path, size, SHA-256, error code, the key of every
/// <c>--skip-existing</c>) and the length of the data once that input's rows were on disk. A line is written
/// only after the data it describes are flushed, so a journal line never promises more than the data hold.
/// The journal stays beside FILE once the run completes, so a completed output can be resumed too
/// (inputs added later are appended when they come last in input order).
/// <para>
/// Resuming (<see cref="Open"/> with <c>keep</c>) reads the complete journal lines written with the same
/// options, asks <c>keep</c> how many of them, from the first, are still current for the inputs in order,
/// cuts the data and the journal to the end of the last one kept (a torn last line goes with it), and
/// appends from there: the result is byte for byte what a clean run writes.
/// </para>
/// </summary>
internal sealed class ResumableFile : IOutputFile
{
    public const string PartialSuffix = ".rp-partial";
    public const string JournalSuffix = ".rp-journal";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly FileStream _data;
    private readonly StreamWriter _writer;
    private readonly FileStream _journal;
    private readonly string _options;
    private bool _closed;

    private ResumableFile(string path, string partial, string journalPath, string options, FileStream data, FileStream journal, int kept, bool hasHeader)
    {
        Path = path;
        PartialPath = partial;
        JournalPath = journalPath;
        _options = options;
        _data = data;
        _journal = journal;
        _writer = new StreamWriter(data, Utf8NoBom, 65536);
        Kept = kept;
        HasHeader = hasHeader;
    }

    public string Path { get; }

    public string PartialPath { get; }

    public string JournalPath { get; }

    /// <summary>How many records, from the first, were kept from an earlier run.</summary>
    public int Kept { get; }

    /// <summary>True when the data already start with the header (and byte order mark) of a resumed output.</summary>
    public bool HasHeader { get; }

    public TextWriter Writer => _writer;

    public static string PartialOf(string fullPath) => Sibling(fullPath, PartialSuffix);

    public static string JournalOf(string fullPath) => Sibling(fullPath, JournalSuffix);

    /// <summary>
    /// Opens the output at <paramref name="path"/> written with <paramref name="options"/> (a text naming everything
    /// that shapes the records: a journal written with other options is not resumed). Without
    /// <paramref name="keep"/> the output starts empty; with it, <paramref name="keep"/> gets the identities of the
    /// records an earlier run completed (of the unfinished output, else of FILE when the journal describes it
    /// exactly) and returns how many of them, from the first, to keep.
    /// </summary>
    public static ResumableFile Open(string path, string options, Func<IReadOnlyList<RecordIdentity>, int>? keep)
    {
        string full = System.IO.Path.GetFullPath(path);
        string partial = PartialOf(full), journalPath = JournalOf(full);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        bool fromFinal = false;
        if (keep is not null && !File.Exists(partial) && File.Exists(full) && File.Exists(journalPath))
        {
            File.Copy(full, partial); // a completed output: resumed from a copy, FILE stays whole until the rename
            fromFinal = true;
        }

        var data = new FileStream(partial, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 65536);
        FileStream? journal = null;
        try
        {
            journal = new FileStream(journalPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096);
            var lines = keep is null ? null : Journal.Read(journal, options, data.Length);
            if (lines is not null && fromFinal && lines.DataEnds[^1] != data.Length)
            {
                lines = null; // FILE was changed after the run that wrote the journal
            }

            int kept = 0;
            long dataEnd = 0, journalEnd = 0;
            if (lines is not null)
            {
                kept = Math.Clamp(keep!(lines.Records), 0, lines.Records.Count);
                dataEnd = lines.DataEnds[kept];
                journalEnd = lines.LineEnds[kept];
            }

            data.SetLength(dataEnd);
            data.Seek(dataEnd, SeekOrigin.Begin);
            journal.SetLength(journalEnd);
            journal.Seek(journalEnd, SeekOrigin.Begin);
            return new ResumableFile(full, partial, journalPath, options, data, journal, kept, lines is not null);
        }
        catch
        {
            journal?.Dispose();
            data.Dispose();
            throw;
        }
    }

    /// <summary>Called once the header (or nothing, for JSON Lines) is written: the journal's first line.</summary>
    public void HeaderWritten()
    {
        if (!HasHeader)
        {
            WriteLine(w => w.WriteString("options", _options));
        }
    }

    /// <summary>Called after each record is written: the data go to disk, then the record's journal line.</summary>
    public void Recorded(ReportDocument document)
    {
        var identity = RecordIdentity.Of(document);
        WriteLine(w =>
        {
            // The shape of a record's own fields, so that one reader (RecordIdentity.From) reads both.
            w.WriteStartObject("source");
            w.WriteString("path", identity.Path);
            w.WriteNumber("bytes", identity.Bytes);
            w.WriteString("sha256", identity.Sha256);
            w.WriteEndObject();
            if (identity.ErrorCode is { } code)
            {
                w.WriteStartObject("error");
                w.WriteString("code", code);
                w.WriteEndObject();
            }
        });
    }

    public void Commit()
    {
        _writer.Flush();
        _data.Flush(flushToDisk: true);
        _journal.Flush(flushToDisk: true);
        Close();
        File.Move(PartialPath, Path, overwrite: true);
    }

    /// <summary>Without <see cref="Commit"/>, closes the files and leaves them for a resumed run.</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        try
        {
            _writer.Flush();
        }
        catch (IOException)
        {
            // A failed flush (disk full) must not hide the original error; the journal says what is complete.
        }

        Close();
    }

    private void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        try
        {
            _writer.Dispose();
        }
        catch (IOException)
        {
        }

        _journal.Dispose();
    }

    private void WriteLine(Action<Utf8JsonWriter> fields)
    {
        _writer.Flush();
        _data.Flush();
        var line = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(line))
        {
            json.WriteStartObject();
            fields(json);
            json.WriteNumber("end", _data.Position);
            json.WriteEndObject();
        }

        _journal.Write(line.WrittenSpan);
        _journal.WriteByte((byte)'\n');
        _journal.Flush();
    }

    private static string Sibling(string fullPath, string suffix) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(fullPath)!, "." + AtomicFile.CutToBytes(System.IO.Path.GetFileName(fullPath), AtomicFile.MaxNameBytes - 1 - suffix.Length) + suffix);

    /// <summary>
    /// The complete lines of a journal: <see cref="Records"/>, and for each count of records kept (0 to all) the
    /// data length and the journal length to cut to. Null when the journal has no header line with these options.
    /// </summary>
    private sealed class Journal(List<RecordIdentity> records, List<long> dataEnds, List<long> lineEnds)
    {
        public List<RecordIdentity> Records { get; } = records;
        public List<long> DataEnds { get; } = dataEnds;
        public List<long> LineEnds { get; } = lineEnds;

        public static Journal? Read(FileStream journal, string options, long dataLength)
        {
            var bytes = new byte[journal.Length];
            journal.ReadExactly(bytes);
            var records = new List<RecordIdentity>();
            var dataEnds = new List<long>();
            var lineEnds = new List<long>();
            int start = 0;
            while (start < bytes.Length)
            {
                int newline = Array.IndexOf(bytes, (byte)'\n', start);
                if (newline < 0)
                {
                    break; // a torn last line
                }

                JsonElement line;
                try
                {
                    line = JsonDocument.Parse(bytes.AsMemory(start, newline - start)).RootElement;
                }
                catch (JsonException)
                {
                    break;
                }

                if (!line.TryGetProperty("end", out var endElement) || !endElement.TryGetInt64(out long end)
                    || end > dataLength || (dataEnds.Count > 0 && end < dataEnds[^1]))
                {
                    break;
                }

                if (dataEnds.Count == 0)
                {
                    if (!line.TryGetProperty("options", out var written) || written.ValueKind != JsonValueKind.String || written.GetString() != options)
                    {
                        return null;
                    }
                }
                else if (RecordIdentity.From(line) is { } identity)
                {
                    records.Add(identity);
                }
                else
                {
                    break;
                }

                dataEnds.Add(end);
                lineEnds.Add(newline + 1);
                start = newline + 1;
            }

            return dataEnds.Count == 0 ? null : new Journal(records, dataEnds, lineEnds);
        }
    }
}

/// <summary>The output file of a stream sink: written through a temporary (<see cref="AtomicFile"/>) or resumable (<see cref="ResumableFile"/>).</summary>
internal interface IOutputFile : IDisposable
{
    TextWriter Writer { get; }

    void Commit();
}
