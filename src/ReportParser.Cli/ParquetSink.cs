using Parquet;
using Parquet.Schema;
using ReportParser.Model;
using ReportParser.Output;

namespace ReportParser.Cli;

/// <summary>
/// Documents to one Parquet file (<c>-f parquet -o FILE</c>), written through a temporary like every output
/// file, in the <c>cells</c> layout (a row per table cell: the cells CSV's columns, typed: <c>report_year</c>
/// and <c>line</c> 32-bit integers, <c>value</c> a nullable decimal) or the <c>wide</c> layout (a row per
/// report: the wide CSV's leading columns, <c>report_year</c>, <c>errors</c>, <c>warnings</c> integers, then a
/// nullable decimal per cell key). Empty text is null. Rows are buffered and written as a row group every
/// <see cref="RowGroupCells"/> values.
/// </summary>
internal sealed class ParquetSink : IReportSink
{
    /// <summary>
    /// Values buffered before a row group is written (rows × columns): row groups big enough to read fast,
    /// small enough that the buffer stays far below the per-worker memory bound (about 40 MB of decimals).
    /// </summary>
    public const int RowGroupCells = 2_000_000;

    /// <summary>Digits of the decimal columns: 28 (all that a .NET decimal holds) with 8 after the point.</summary>
    public const int DecimalPrecision = 28;

    public const int DecimalScale = 8;

    private static readonly HashSet<string> IntegerColumns = new(StringComparer.Ordinal) { "report_year", "line", "errors", "warnings" };

    private readonly AtomicFile _file;
    private readonly CsvLayout _layout;
    private readonly DataField[] _fields;
    private readonly List<object?>[] _columns;
    private readonly ParquetWriter _writer;
    private int _rows;

    public ParquetSink(AtomicFile file, CsvLayout layout)
    {
        _file = file;
        _layout = layout;
        var names = CsvReportWriter.Header(layout);
        _fields = new DataField[names.Count];
        _columns = new List<object?>[names.Count];
        int leading = layout == CsvLayout.Wide ? CsvReportWriter.WideLeading.Length : names.Count;
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i];
            _fields[i] = i >= leading || name == "value"
                ? new DecimalDataField(name, DecimalPrecision, DecimalScale, isNullable: true)
                : IntegerColumns.Contains(name) ? new DataField<int?>(name) : new DataField<string>(name, true);
            _columns[i] = [];
        }

        file.Writer.Flush();
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), file.BaseStream).GetAwaiter().GetResult();
    }

    public bool OutputIsCurrent(InputItem item, CancellationToken cancellationToken) => false;

    public byte[]? Render(ReportDocument document) => null;

    public void Write(InputItem item, ReportDocument document, byte[]? rendered = null)
    {
        if (_layout == CsvLayout.Wide)
        {
            int i = 0;
            foreach (var field in CsvReportWriter.WideLeading)
            {
                Add(i++, field.Value(document));
            }

            var values = CsvReportWriter.WideCellsOf(document);
            foreach (string key in WideCsvColumns.CellKeys)
            {
                _columns[i++].Add(values.TryGetValue(key, out var value) ? value : null);
            }

            EndRow();
            return;
        }

        foreach (var cell in CsvReportWriter.CellsOf(document))
        {
            Add(0, document.Source.Path);
            _columns[1].Add(document.Metadata?.ReportYear);
            Add(2, document.Metadata?.Agency);
            Add(3, cell.Table.Template);
            Add(4, cell.Table.Key);
            Add(5, cell.Row.Key);
            Add(6, cell.Column);
            _columns[7].Add(cell.Value);
            Add(8, cell.Raw);
            _columns[9].Add(cell.Row.Line);
            EndRow();
        }
    }

    public void Complete()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _file.Commit();
    }

    public void Dispose()
    {
        _file.Dispose();
    }

    /// <summary>A leading column's text, typed: an integer column's number, null for empty text.</summary>
    private void Add(int column, string? text)
    {
        if (_fields[column].ClrType == typeof(int))
        {
            _columns[column].Add(string.IsNullOrEmpty(text) ? null : int.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            _columns[column].Add(string.IsNullOrEmpty(text) ? null : text);
        }
    }

    private void EndRow()
    {
        _rows++;
        if ((long)_rows * _fields.Length >= RowGroupCells)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (_rows == 0)
        {
            return;
        }

        using (var group = _writer.CreateRowGroup())
        {
            for (int i = 0; i < _fields.Length; i++)
            {
                var column = _columns[i];
                if (_fields[i] is DecimalDataField)
                {
                    var values = new decimal?[column.Count];
                    for (int r = 0; r < values.Length; r++)
                    {
                        values[r] = (decimal?)column[r];
                    }

                    group.WriteAsync<decimal>(_fields[i], values.AsMemory()).GetAwaiter().GetResult();
                }
                else if (_fields[i].ClrType == typeof(int))
                {
                    var values = new int?[column.Count];
                    for (int r = 0; r < values.Length; r++)
                    {
                        values[r] = (int?)column[r];
                    }

                    group.WriteAsync<int>(_fields[i], values.AsMemory()).GetAwaiter().GetResult();
                }
                else
                {
                    var values = new string?[column.Count];
                    for (int r = 0; r < values.Length; r++)
                    {
                        values[r] = (string?)column[r];
                    }

                    group.WriteAsync(_fields[i], values).GetAwaiter().GetResult();
                }

                column.Clear();
            }
        }

        _rows = 0;
    }
}
