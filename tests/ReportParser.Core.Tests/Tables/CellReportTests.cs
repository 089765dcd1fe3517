using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Tables;
using ReportParser.Templates;

namespace ReportParser.Tests.Tables;

/// <summary>
/// The messages of <see cref="CellReport"/> for 表二/表三 rows and for 表四, pinned as the two builders
/// wrote them before their switches were merged (each wording kept byte for byte).
/// </summary>
public sealed class CellReportTests
{
    private static readonly TemplateColumn[] Columns = [new("a", "A", "count", []), new("b", "B", "count", []), new("c", "C", "count", [])];
    private static readonly CellValue One = new(CellState.Number, 1, "1");
    private static readonly CellValue Word = new(CellState.Text, null, "见附件");

    public static TheoryData<string, string, string, bool> Cases() => new()
    {
        { "short", "表三 row new_received has 2 of 3 values; null: c", "表四 block b1 has 2 of 3 values; the last 1 are null", true },
        { "split", "表三 row new_received: '111' was split as 1|1|1", "表四 block b1: '111' was split as 1|1|1", false },
        { "ambiguous", "表三 row new_received: '1111' fits 2 splits into 3 cells: 1|1|1; 1|1|1; the cells are left null", "表四 block b1: '1111' fits 2 splits into 3 cells: 1|1|1; 1|1|1; the cells are left null", true },
        { "nofit", "表三 row new_received: no split of '1111' into 3 cells fits the row's arithmetic; the cells are left null", "表四 block b1: no split of '1111' into 3 cells gives each block 总计 = the sum of its outcomes; the cells are left null", true },
        { "glued", "表三 row new_received: '1111' is glued to the label and may hold the digits of more than one of its 3 cells; the cells are left null", "表四 block b1: '1111' is glued to the label and may hold the digits of more than one of its 3 cells; the cells are left null", true },
        { "toolong", "表三 row new_received: the digit run '1111' is too long to split (search bound 120 digits); the cells are left null", "表四 block b1: the digit run is too long to split (search bound 120 digits); the cells are left null", true },
        { "surplus", "表三 row new_received has 2 value(s) more than its 3 columns; the surplus was not used", "表四 block b1 has 2 value(s) more than its 3 cells; the surplus was not used", false },
        { "text", "表三 row new_received column b reads '见附件', not a number or placeholder", "表四 block b1: a cell reads '见附件', not a number or placeholder", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void RowAndTable4Wordings(string state, string row, string table4, bool incomplete)
    {
        var cells = Cells(state);
        var rowBag = new DiagnosticBag();
        var table4Bag = new DiagnosticBag();
        Assert.Equal(incomplete, CellReport.Report("表三", "row new_received", cells, 3, Columns, CellReportWording.Row, 7, rowBag));
        Assert.Equal(incomplete, CellReport.Report("表四", "block b1", cells, 3, null, CellReportWording.Table4, 7, table4Bag));
        Assert.Equal(row, Assert.Single(rowBag.Items).Message);
        Assert.Equal(table4, Assert.Single(table4Bag.Items).Message);
    }

    [Fact]
    public void Table4StopsAfterASplitStateRowsGoOn()
    {
        var cells = new RowCells([One, Word, null], RowCellsState.Short, [], 0, "", 1);
        var rowBag = new DiagnosticBag();
        var table4Bag = new DiagnosticBag();
        CellReport.Report("表三", "row new_received", cells, 3, Columns, CellReportWording.Row, 7, rowBag);
        CellReport.Report("表四", "block b1", cells, 3, null, CellReportWording.Table4, 7, table4Bag);
        Assert.Equal(3, rowBag.Items.Count);
        Assert.Single(table4Bag.Items);
    }

    private static RowCells Cells(string state) => state switch
    {
        "short" => new RowCells([One, One, null], RowCellsState.Short, [], 0, "", 0),
        "split" => new RowCells([One, One, One], RowCellsState.Split, [], 0, "111", 0),
        "ambiguous" => new RowCells(new CellValue?[3], RowCellsState.Ambiguous, [[One, One, One], [One, One, One]], 2, "1111", 0),
        "nofit" => new RowCells(new CellValue?[3], RowCellsState.NoFit, [], 0, "1111", 0),
        "glued" => new RowCells(new CellValue?[3], RowCellsState.GluedShort, [], 0, "1111", 0),
        "toolong" => new RowCells(new CellValue?[3], RowCellsState.TooLong, [], 0, "1111", 0),
        "surplus" => new RowCells([One, One, One], RowCellsState.Exact, [], 0, "", 2),
        _ => new RowCells([One, Word, One], RowCellsState.Exact, [], 0, "", 0),
    };
}
