using ReportParser.Templates;

namespace ReportParser.Tables;

/// <summary>A template's row equation (<see cref="Equation.EvaluateRow"/>) asked of cells being split from a digit run.</summary>
internal static class RowEquation
{
    /// <summary>The longest row an equation is asked of here (表三's 7 columns, 表四's 5 per block), so the values fit on the stack.</summary>
    private const int MaxColumns = 64;

    /// <summary>
    /// Whether the <paramref name="length"/> cells from <paramref name="start"/> (one row, or one block of
    /// 表四's row) break <paramref name="equation"/>; a blank cell leaves it unbroken (blank is not zero).
    /// Called for every prefix the digit-run search tries: no allocation.
    /// </summary>
    public static bool Breaks(Equation equation, CellValue[] cells, int start, int length)
    {
        if (length > MaxColumns)
        {
            return false;
        }

        Span<decimal?> values = stackalloc decimal?[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = cells[start + i].Value;
        }

        return equation.EvaluateRow(values) == RuleOutcome.Fail;
    }
}
