using System.Globalization;
using Parquet;
using Parquet.Schema;
using ReportParser.Model;
using ReportParser.Output;

namespace ReportParser.Cli;

/// <summary>
/// Documents to one Parquet file (<c>-f parquet -o FILE</c>) in the <c>cells</c> layout (a row per table cell:
/// the cells CSV's columns, typed: <c>report_year</c> and <c>line</c> 32-bit integers, <c>value</c> a nullable
/// decimal) or the <c>wide</c> layout (a row per report: the wide CSV's leading columns, <c>report_year</c>,
/// <c>errors</c>, <c>warnings</c> integers, then a nullable decimal per cell key). Empty text is null.
/// <para>
/// The run writes the layout's CSV first, as a resumable file (<see cref="ResumableFile"/>, hidden beside FILE
/// as <c>.NAME.rp-csv</c>, with its journal), so a killed run resumes like a CSV run; when every input is
/// written, the CSV is read back into typed row groups of at most <see cref="RowGroupCells"/> values, written
/// to FILE through a temporary, and the CSV and its journal are deleted. A clean run and a resumed one convert
/// the same CSV, so they write the same file.
/// </para>
/// </summary>
internal sealed class ParquetSink : IReportSink
{
    /// <summary>
    /// Values per row group (rows × columns): row groups big enough to read fast, small enough that the
    /// conversion's buffer stays far below the per-worker memory bound (about 40 MB of decimals).
    /// </summary>
    public const int RowGroupCells = 2_000_000;

    /// <summary>Digits of the decimal columns: 28 (all that a .NET decimal holds) with 8 after the point (the reports' numbers have at most 3).</summary>
    public const int DecimalPrecision = 28;

    public const int DecimalScale = 8;

    public const string CsvSuffix = ".rp-csv";

    private static readonly HashSet<string> IntegerColumns = new(StringComparer.Ordinal) { "report_year", "line", "errors", "warnings" };

    private readonly string _path;
    private readonly CsvLayout _layout;
    private readonly ResumableFile _csvFile;
    private readonly StreamSink _csv;

    public ParquetSink(string path, CsvLayout layout, ResumableFile csvFile, IEnumerable<InputItem> kept)
    {
        _path = path;
        _layout = layout;
        _csvFile = csvFile;
        _csv = new StreamSink(csvFile.Writer, csvFile, OutputFormat.Csv, layout, excel: false, rawCsv: false, kept: kept);
    }

    /// <summary>The hidden CSV a Parquet run writes first, beside FILE.</summary>
    public static string CsvOf(string path)
    {
        string full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, "." + AtomicFile.CutToBytes(Path.GetFileName(full), AtomicFile.MaxNameBytes - 1 - CsvSuffix.Length) + CsvSuffix);
    }

    public bool OutputIsCurrent(InputItem item, CancellationToken cancellationToken) => _csv.OutputIsCurrent(item, cancellationToken);

    public byte[]? Render(ReportDocument document) => null;

    public void Write(InputItem item, ReportDocument document, byte[]? rendered = null) => _csv.Write(item, document, rendered);

    public void Complete()
    {
        _csv.Complete(); // the CSV is whole under its name
        using (var file = AtomicFile.Create(_path))
        {
            file.Writer.Flush();
            using (var reader = new StreamReader(_csvFile.Path))
            {
                Convert(reader, file.BaseStream, _layout);
            }

            file.Commit();
        }

        File.Delete(_csvFile.Path);
        File.Delete(_csvFile.JournalPath);
    }

    public void Dispose() => _csv.Dispose();

    /// <summary>The typed field of a column of the layout.</summary>
    private static DataField Field(string name, bool cell) =>
        cell || name == "value" ? new DecimalDataField(name, DecimalPrecision, DecimalScale, isNullable: true)
        : IntegerColumns.Contains(name) ? new DataField<int?>(name)
        : new DataField<string>(name, true);

    /// <summary>Converts the layout's CSV (header first) to Parquet, a row group per <see cref="RowGroupCells"/> values.</summary>
    internal static void Convert(TextReader csv, Stream output, CsvLayout layout)
    {
        var names = CsvReportWriter.Header(layout);
        int leading = layout == CsvLayout.Wide ? WideCsvColumns.Leading.Count : names.Count;
        var fields = new DataField[names.Count];
        for (int i = 0; i < fields.Length; i++)
        {
            fields[i] = Field(names[i], i >= leading);
        }

        var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), output).GetAwaiter().GetResult();
        try
        {
            int rowsPerGroup = Math.Max(1, RowGroupCells / fields.Length);
            var rows = new List<string[]>(Math.Min(rowsPerGroup, 65536));
            bool header = true;
            foreach (var row in CsvRows.Read(csv))
            {
                if (header)
                {
                    header = false;
                    continue;
                }

                rows.Add(row);
                if (rows.Count == rowsPerGroup)
                {
                    WriteGroup(writer, fields, rows);
                    rows.Clear();
                }
            }

            if (rows.Count > 0)
            {
                WriteGroup(writer, fields, rows);
            }
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void WriteGroup(ParquetWriter writer, DataField[] fields, List<string[]> rows)
    {
        using var group = writer.CreateRowGroup();
        for (int f = 0; f < fields.Length; f++)
        {
            if (fields[f] is DecimalDataField)
            {
                var values = new decimal?[rows.Count];
                for (int r = 0; r < values.Length; r++)
                {
                    string text = rows[r][f];
                    values[r] = text.Length == 0 ? null : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                }

                group.WriteAsync<decimal>(fields[f], values.AsMemory()).GetAwaiter().GetResult();
            }
            else if (fields[f].ClrType == typeof(int))
            {
                var values = new int?[rows.Count];
                for (int r = 0; r < values.Length; r++)
                {
                    string text = rows[r][f];
                    values[r] = text.Length == 0 ? null : int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
                }

                group.WriteAsync<int>(fields[f], values.AsMemory()).GetAwaiter().GetResult();
            }
            else
            {
                var values = new string?[rows.Count];
                for (int r = 0; r < values.Length; r++)
                {
                    values[r] = rows[r][f].Length == 0 ? null : rows[r][f];
                }

                group.WriteAsync(fields[f], values).GetAwaiter().GetResult();
            }
        }
    }
}
