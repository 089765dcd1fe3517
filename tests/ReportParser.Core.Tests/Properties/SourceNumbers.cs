using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using System.Text;
using System.Text.RegularExpressions;
using ReportParser.Model;
using ReportParser.Reading;
using ReportParser.Diagnostics;

namespace ReportParser.Tests.Properties;

/// <summary>
/// The test oracle for "no invented numbers": every number a table reports must be read from one
/// run of digits in the source, at or after the table's first line.
/// </summary>
/// <remarks>
/// What "in the source" means, written independently of the library:
/// <list type="bullet">
/// <item>The text is width-folded (full-width ０-９ ， ． read as ASCII) and zero-width characters are
/// dropped, as the normaliser does; nothing else is rewritten (script conversion never touches digits).</item>
/// <item>A run is a maximal stretch of digits with ',' and '.' between them; thousands commas are
/// removed ("1,234" gives 1234). A value (its absolute value, invariant, with its decimals as
/// written: 1.50 stays "1.50") must be a substring of one run. Two runs never join: "1 | 2" does
/// not contain 12. A split of a run into cells ("640020470" into 64, 0, 0, 2, 0, 4, 70) passes because
/// each part is inside the run; the split itself is checked against its run through the RP3008
/// diagnostic (the parts, concatenated, are exactly the run's digits).</item>
/// <item>HTML is read as its text nodes, as the HTML parsing rules build the page (entities decoded,
/// stray tags ignored); table, row and cell boundaries end runs, other tags do not
/// (&lt;td&gt;1&lt;b&gt;2&lt;/b&gt;&lt;/td&gt; is the cell 12); whitespace ends a run, as the reader never
/// joins digits across it (a cell "1 2" is text, not 12). HTML runs carry no line.</item>
/// <item>Bytes are read in every decoding the reader may have used: the text the test encoded, and the
/// bytes decoded with the encoding the document reports (a misdeclared charset can turn bytes into
/// other characters, digits among them, and those are in the source as read).</item>
/// </list>
/// </remarks>
internal static partial class SourceNumbers
{
    /// <summary>A run of digits (commas removed, decimal points kept) and the 1-based line where it starts.</summary>
    internal readonly record struct Run(string Digits, int Line);

    /// <summary>The first number the document reports that is not in the source, described; null when there is none.</summary>
    public static string? FindInvented(ReportDocument doc, string? text, byte[]? bytes = null)
    {
        if (doc.Tables is null || doc.Tables.Count == 0)
        {
            return null;
        }

        bool html = doc.Source.Format == "html";
        var runs = new List<Run>();
        if (text is not null)
        {
            runs.AddRange(Runs(text, html));
        }

        if (bytes is not null)
        {
            foreach (string decoded in Decodings(bytes, doc.Source.Encoding))
            {
                runs.AddRange(Runs(decoded, html));
            }
        }

        foreach (var table in doc.Tables)
        {
            int from = table.Line ?? 1;
            foreach (var row in table.Rows.Concat(table.ExtraRows ?? []))
            {
                foreach (var (column, value) in row.Values)
                {
                    if (value is not { } v)
                    {
                        continue;
                    }

                    string digits = Math.Abs(v).ToString(CultureInfo.InvariantCulture);
                    if (!runs.Any(r => r.Line >= from && r.Digits.Contains(digits, StringComparison.Ordinal)))
                    {
                        return $"{table.Key} {row.Key}.{column} = {v} is in no digit run of the source at or after line {from}";
                    }
                }
            }
        }

        foreach (var d in doc.Diagnostics.Where(d => d.Code == DiagnosticCodes.DigitRunSplit.Code))
        {
            var m = SplitMessage().Match(d.Message);
            if (!m.Success)
            {
                return $"RP3008 message does not name its run and split: {d.Message}";
            }

            string run = m.Groups["run"].Value;
            string split = m.Groups["split"].Value;
            if (DigitsOnly(run) != DigitsOnly(split))
            {
                return $"split {split} does not use exactly the digits of the run '{run}'";
            }

            foreach (string token in run.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string number = NumberPart(token);
                if (number.Length > 0 && !runs.Any(r => r.Digits.Contains(number, StringComparison.Ordinal)))
                {
                    return $"the run '{run}' of an RP3008 split has '{token}', which is in no digit run of the source";
                }
            }
        }

        return null;
    }

    /// <summary>True when no number is invented; otherwise fails the test with the number and where it was looked for.</summary>
    public static bool Hold(ReportDocument doc, string? text, byte[]? bytes = null)
    {
        string? invented = FindInvented(doc, text, bytes);
        if (invented is not null)
        {
            Assert.Fail(invented);
        }

        return true;
    }

    /// <summary>The digit runs of a text (HTML: of its text content), each with its starting line.</summary>
    public static IReadOnlyList<Run> Runs(string source, bool html)
    {
        string text = html ? HtmlText(source) : source;
        var runs = new List<Run>();
        var current = new StringBuilder();
        int line = 1, runLine = 1;
        bool pendingSeparator = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = Fold(text[i]);
            if (c == '\0')
            {
                continue; // zero-width: dropped by the normaliser, so it does not end a run
            }

            bool newline = c is '\n' or '\r' || (!html && c is '\u2028' or '\u2029');
            if (char.IsAsciiDigit(c))
            {
                if (current.Length == 0)
                {
                    runLine = line;
                }

                pendingSeparator = false;
                current.Append(c);
            }
            else if (current.Length > 0 && (c == ',' || c == '.') && !pendingSeparator)
            {
                pendingSeparator = true;
                current.Append(c);
            }
            else
            {
                End();
            }

            if (newline && !(c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                line++;
            }
        }

        End();
        return runs;

        void End()
        {
            if (current.Length > 0)
            {
                string raw = current.ToString().TrimEnd('.', ',');
                int at = html ? int.MaxValue : runLine; // HTML text has no line numbers here: the line bound is not checked
                if (!raw.Contains(','))
                {
                    runs.Add(new Run(raw, at));
                }
                else if (IsThousands(raw))
                {
                    runs.Add(new Run(raw.Replace(",", "", StringComparison.Ordinal), at));
                }
                else
                {
                    // "64,0,0,2" lists values; the pieces are runs of their own
                    runs.AddRange(raw.Split(',').Select(piece => new Run(piece, at)));
                }

                current.Clear();
            }

            pendingSeparator = false;
        }
    }

    /// <summary>
    /// HTML as text: the text nodes of the page as the HTML parsing rules build it (tags past the
    /// reader's nesting cap removed first, as the reader does), in document order, with '|' around
    /// every table, row and cell so that runs never cross a cell boundary. Every text node counts,
    /// also those the reader leaves out (scripts, hidden elements), which only makes the check more lenient.
    /// </summary>
    public static string HtmlText(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, MaximumDepth = HtmlReader.MaxNesting });
        var document = parser.ParseDocument(NestingLimiter.Limit(html, out _));
        var sb = new StringBuilder(html.Length);
        var stack = new Stack<(INode Node, bool Close)>();
        stack.Push((document, false));
        while (stack.Count > 0)
        {
            var (node, close) = stack.Pop();
            bool cell = node is IElement { LocalName: "td" or "th" or "tr" or "table" or "caption" or "tbody" or "thead" or "tfoot" };
            if (close)
            {
                sb.Append('|');
                continue;
            }

            if (node is IText text)
            {
                sb.Append(text.Data);
                continue;
            }

            if (cell)
            {
                sb.Append('|');
                stack.Push((node, true));
            }

            for (int i = node.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push((node.ChildNodes[i], false));
            }
        }

        return sb.ToString();
    }

    private static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return (char)(c - 0xFEE0);
        }

        return c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' ? '\0' : c;
    }

    private static IEnumerable<string> Decodings(byte[] bytes, string? encodingName)
    {
        if (encodingName is not null)
        {
            Encoding? encoding = null;
            try
            {
                encoding = Encoding.GetEncoding(encodingName);
            }
            catch (ArgumentException)
            {
            }

            if (encoding is not null)
            {
                yield return encoding.GetString(bytes);
                yield break;
            }
        }

        // Unknown to this runtime: every decoding the reader knows.
        foreach (int codePage in new[] { 65001, 54936, 950, 1200, 1201 })
        {
            yield return Encoding.GetEncoding(codePage).GetString(bytes);
        }
    }

    /// <summary>1 to 3 digits, then groups of exactly 3 after each comma (decimals after the last group allowed).</summary>
    private static bool IsThousands(string raw)
    {
        if (raw.Contains('.') && raw.LastIndexOf(',') > raw.IndexOf('.'))
        {
            return false;
        }

        string[] groups = raw.Split('.')[0].Split(',');
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }

    private static string DigitsOnly(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    /// <summary>The number in a value token ("3292078元" → 3292078, "+12" → 12, "1,234" → 1234); "" when it has none.</summary>
    private static string NumberPart(string token)
    {
        string folded = new(token.Select(Fold).Where(c => c != '\0').ToArray());
        var m = NumberInToken().Match(folded);
        return m.Success ? m.Value.Replace(",", "", StringComparison.Ordinal) : "";
    }

    [GeneratedRegex(@"'(?<run>[^']*)' was split as (?<split>.+)$")]
    private static partial Regex SplitMessage();

    [GeneratedRegex(@"[0-9][0-9,]*(?:\.[0-9]+)?")]
    private static partial Regex NumberInToken();
}
