using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Templates;

namespace ReportParser.Tables;

/// <summary>
/// How one resolved row's problems are worded. 表二/表三 rows (<see cref="Row"/>) and 表四 (<see cref="Table4"/>)
/// have drifted apart over time; each difference is named here so that the output stays byte-identical
/// and a later change that aligns them (an output change) touches one place.
/// </summary>
internal sealed record CellReportWording(
    bool ListsNullColumns,
    string NoFitReason,
    bool QuotesLongRun,
    string SurplusUnit,
    bool NamesUnparsedColumn,
    bool StopsAfterState)
{
    /// <summary>A labelled row of 表二/表三: the null columns named, every check made.</summary>
    public static CellReportWording Row { get; } = new(
        ListsNullColumns: true,
        NoFitReason: "fits the row's arithmetic",
        QuotesLongRun: true,
        SurplusUnit: "columns",
        NamesUnparsedColumn: true,
        StopsAfterState: false);

    /// <summary>表四's blocks or its one row of 15: a split state's message is the only one.</summary>
    public static CellReportWording Table4 { get; } = new(
        ListsNullColumns: false,
        NoFitReason: "gives each block 总计 = the sum of its outcomes",
        QuotesLongRun: false,
        SurplusUnit: "cells",
        NamesUnparsedColumn: false,
        StopsAfterState: true);
}

/// <summary>Reports the problems of one resolved row of cells (short, split, ambiguous, unsplittable, surplus, unparsed).</summary>
internal static class CellReport
{
    private const int MaxQuotedRun = 40;

    /// <summary>
    /// Reports <paramref name="cells"/>' problems; true when cells are left missing or uncertain.
    /// <paramref name="what"/> names the row in messages ("row new_received", "block admin_review");
    /// <paramref name="columns"/>, when known, name the cells (<see cref="CellReportWording.ListsNullColumns"/>).
    /// </summary>
    public static bool Report(string name, string what, RowCells cells, int count, IReadOnlyList<TemplateColumn>? columns,
        CellReportWording wording, int line, DiagnosticBag bag)
    {
        bool incomplete = false;
        switch (cells.State)
        {
            case RowCellsState.Short:
                if (wording.ListsNullColumns && columns is not null)
                {
                    var missing = new List<string>();
                    for (int i = 0; i < columns.Count; i++)
                    {
                        if (cells.Cells[i] is null)
                        {
                            missing.Add(columns[i].Key);
                        }
                    }

                    bag.Report(DiagnosticCodes.RowShort, $"{name} {what} has {count - missing.Count} of {count} values; null: {string.Join(", ", missing)}", line);
                }
                else
                {
                    int have = 0;
                    foreach (var cell in cells.Cells)
                    {
                        have += cell is not null ? 1 : 0;
                    }

                    bag.Report(DiagnosticCodes.RowShort, $"{name} {what} has {have} of {count} values; the last {count - have} are null", line);
                }

                incomplete = true;
                break;
            case RowCellsState.Split:
                bag.Report(DiagnosticCodes.DigitRunSplit, $"{name} {what}: '{cells.RunText}' was split as {TableText.Split(cells.Cells!)}", line);
                break;
            case RowCellsState.Ambiguous:
                bag.Report(DiagnosticCodes.DigitRunAmbiguous,
                    $"{name} {what}: '{cells.RunText}' fits {cells.CandidateCount} splits into {count} cells: {TableText.Candidates(cells.Candidates, cells.CandidateCount)}; the cells are left null", line);
                incomplete = true;
                break;
            case RowCellsState.NoFit:
                bag.Report(DiagnosticCodes.DigitRunUnsplittable,
                    $"{name} {what}: no split of '{cells.RunText}' into {count} cells {wording.NoFitReason}; the cells are left null", line);
                incomplete = true;
                break;
            case RowCellsState.GluedShort:
                bag.Report(DiagnosticCodes.DigitRunAmbiguous,
                    $"{name} {what}: '{cells.RunText}' is glued to the label and may hold the digits of more than one of its {count} cells; the cells are left null", line);
                incomplete = true;
                break;
            case RowCellsState.TooLong:
                string run = wording.QuotesLongRun ? $" '{Shorten(cells.RunText)}'" : "";
                bag.Report(DiagnosticCodes.DigitRunTooLong,
                    $"{name} {what}: the digit run{run} is too long to split (search bound {DigitRunSplitter.MaxDigits} digits); the cells are left null", line);
                incomplete = true;
                break;
            default:
                return ReportSurplusAndText(name, what, cells, count, columns, wording, line, bag);
        }

        if (wording.StopsAfterState)
        {
            return incomplete;
        }

        return ReportSurplusAndText(name, what, cells, count, columns, wording, line, bag) | incomplete;
    }

    /// <summary>Values beyond the cells, and cells that read as text; true when a cell is text.</summary>
    private static bool ReportSurplusAndText(string name, string what, RowCells cells, int count, IReadOnlyList<TemplateColumn>? columns,
        CellReportWording wording, int line, DiagnosticBag bag)
    {
        if (cells.ExtraValues > 0)
        {
            bag.Report(DiagnosticCodes.LeftoverTokens,
                $"{name} {what} has {cells.ExtraValues} value(s) more than its {count} {wording.SurplusUnit}; the surplus was not used", line);
        }

        bool unparsed = false;
        for (int i = 0; i < cells.Cells.Length && i < count; i++)
        {
            if (cells.Cells[i] is { State: CellState.Text } text)
            {
                string message = wording.NamesUnparsedColumn && columns is not null
                    ? $"{name} {what} column {columns[i].Key} reads '{text.Text}', not a number or placeholder"
                    : $"{name} {what}: a cell reads '{text.Text}', not a number or placeholder";
                bag.Report(DiagnosticCodes.CellUnparsed, message, line);
                unparsed = true;
            }
        }

        return unparsed;
    }

    private static string Shorten(string text) => text.Length <= MaxQuotedRun ? text : text[..MaxQuotedRun] + "…";
}
