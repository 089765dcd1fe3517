using ReportParser.Diagnostics;
using ReportParser.Model;

namespace ReportParser.Reading;

/// <summary>Splits decoded text into numbered lines (\n, \r\n, \r, U+2028, U+2029).</summary>
internal static class LineSplitter
{
    /// <summary>Lines longer than this are broken into pieces of this size (same line number), with a diagnostic,
    /// so that a single 50 MB line cannot stall later stages; nothing is dropped.</summary>
    public const int MaxLineLength = 100_000;

    // Four values: IndexOfAny searches them vectorised without building a SearchValues.
    private const string Breaks = "\n\r\u2028\u2029";

    public static IReadOnlyList<Block> Split(string text, DiagnosticBag bag)
    {
        var lines = new List<Block>(text.AsSpan().Count('\n') + 1);
        int line = 1;
        int start = 0;
        while (true)
        {
            int found = text.AsSpan(start).IndexOfAny(Breaks);
            int i = found < 0 ? text.Length : start + found;
            if (!(found < 0 && start == i && lines.Count > 0))
            {
                Add(lines, text, start, i - start, line, bag);
            }

            if (found < 0)
            {
                return lines;
            }

            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            line++;
            start = i + 1;
        }
    }

    private static void Add(List<Block> lines, string text, int start, int length, int line, DiagnosticBag bag)
    {
        if (length > MaxLineLength)
        {
            bag.Report(DiagnosticCodes.LineTooLong, $"line is {length:N0} characters long; it was broken into pieces of {MaxLineLength:N0}", line);
            for (int offset = 0; offset < length; offset += MaxLineLength)
            {
                lines.Add(new TextLine(text.Substring(start + offset, Math.Min(MaxLineLength, length - offset)), line));
            }

            return;
        }

        lines.Add(new TextLine(text.Substring(start, length), line));
    }
}
