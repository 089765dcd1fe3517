using System.Globalization;

namespace ReportParser.Panel;

/// <summary>
/// The values a cell can take when the parser left it null because the digits of its row ran together
/// (<c>行政许可20180</c> over three columns: the row's raw text is the same run in every column). Every split of
/// the run into the row's cells (each at least one digit, no leading zero but a lone 0) is listed, and the
/// cell's value in each; a cross-year rule that fails (or holds) for every one of them is decided without
/// choosing a split. A run with anything but digits, or with more splits than <see cref="MaxSplits"/>, gives none.
/// </summary>
internal static class RunCandidates
{
    /// <summary>The most splits of one run that are listed (a longer run decides nothing): 2,000 covers a 3-cell row of 60 digits.</summary>
    public const int MaxSplits = 2000;

    /// <summary>The most digits one cell is given (a count or amount longer than this is not a cell of these tables).</summary>
    private const int MaxDigits = 18;

    /// <summary>The distinct values of cell <paramref name="index"/> over every split of <paramref name="run"/> into <paramref name="cells"/> cells, ascending; null when there are none or too many splits.</summary>
    public static decimal[]? Of(string run, int cells, int index)
    {
        if (run.Length < cells || cells < 1 || index < 0 || index >= cells || !IsDigits(run))
        {
            return null;
        }

        var values = new SortedSet<decimal>();
        int splits = 0;
        var starts = new int[cells + 1];
        starts[cells] = run.Length;
        bool complete = Walk(0, 0);
        return complete && values.Count > 0 ? [.. values] : null;

        bool Walk(int cell, int position)
        {
            if (cell == cells - 1)
            {
                if (!Valid(position, run.Length))
                {
                    return true;
                }

                if (++splits > MaxSplits)
                {
                    return false;
                }

                starts[cell] = position;
                values.Add(decimal.Parse(run.AsSpan(starts[index], starts[index + 1] - starts[index]), CultureInfo.InvariantCulture));
                return true;
            }

            for (int end = position + 1; end <= run.Length - (cells - 1 - cell); end++)
            {
                if (!Valid(position, end))
                {
                    continue;
                }

                starts[cell] = position;
                starts[cell + 1] = end;
                if (!Walk(cell + 1, end))
                {
                    return false;
                }
            }

            return true;
        }

        bool Valid(int start, int end) => end - start == 1 || (run[start] != '0' && end - start <= MaxDigits);
    }

    private static bool IsDigits(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }
}
