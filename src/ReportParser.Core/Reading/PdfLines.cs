using System.Text;
using UglyToad.PdfPig.Content;

namespace ReportParser.Reading;

/// <summary>One line of a PDF page: its words joined in x order, and its box in page coordinates (y up).</summary>
internal sealed class PdfLine(string text, double left, double right, double top, double bottom, double height)
{
    public string Text { get; set; } = text;
    public double Left { get; } = left;
    public double Right { get; set; } = right;
    public double Top { get; } = top;
    public double Bottom { get; set; } = bottom;
    /// <summary>The height of the line's tallest word: the font size, near enough.</summary>
    public double Height { get; } = height;

    /// <summary>The line's words, left to right (empty for a line made by hand).</summary>
    public List<Word> Words { get; init; } = [];
}

/// <summary>
/// Groups a page's words into lines: words whose vertical extents overlap by more than
/// <see cref="MinLineOverlap"/> of the smaller one share a line, which reads left to right.
/// </summary>
internal static class PdfLines
{
    /// <summary>
    /// Share of the smaller word's height two words' vertical extents must overlap to be on one line.
    /// Default 0.5: a line's words (different fonts, superscripts aside) overlap almost wholly, the
    /// lines of a paragraph (line spacing ≥ 1) not at all.
    /// </summary>
    public const double MinLineOverlap = 0.5;

    /// <summary>
    /// A gap between two words wider than this many times the line's height is a column gap (cells of a
    /// table without rulings, a label and its value) and is kept as a space even between Chinese
    /// characters. Default 1.0: Chinese text runs its characters together; a gap of a full character
    /// or more is layout.
    /// </summary>
    public const double ColumnGapFactor = 1.0;

    /// <summary>
    /// A gap between two ASCII letters or digits wider than this many times the height is a space
    /// between words ("TimesNewRoman 2024" next to "年" has none, "hazwgkc@163.com" keeps its own).
    /// Default 0.2: a space in a Latin font is about a quarter of the font size.
    /// </summary>
    public const double WordGapFactor = 0.2;

    /// <summary>The lines the words make, top to bottom; <paramref name="separateColumns"/> false joins a cell's words without column spaces.</summary>
    public static List<PdfLine> Group(List<Word> words, bool separateColumns = true)
    {
        // Top to bottom, then left to right.
        words.Sort((a, b) =>
        {
            int byTop = b.BoundingBox.Top.CompareTo(a.BoundingBox.Top);
            return byTop != 0 ? byTop : a.BoundingBox.Left.CompareTo(b.BoundingBox.Left);
        });
        var lines = new List<PdfLine>();
        var members = new List<List<Word>>();
        foreach (var word in words)
        {
            var box = word.BoundingBox;
            int target = -1;
            // Only the last few lines can overlap a word that comes later in top order.
            for (int i = members.Count - 1; i >= 0 && i >= members.Count - 3; i--)
            {
                var line = lines[i];
                double overlap = Math.Min(line.Top, box.Top) - Math.Max(line.Bottom, box.Bottom);
                double smaller = Math.Min(line.Top - line.Bottom, box.Height);
                if (smaller > 0 && overlap > MinLineOverlap * smaller)
                {
                    target = i;
                    break;
                }
            }

            if (target < 0)
            {
                lines.Add(new PdfLine("", box.Left, box.Right, box.Top, box.Bottom, box.Height));
                members.Add([word]);
            }
            else
            {
                members[target].Add(word);
            }
        }

        var result = new List<PdfLine>(lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            result.Add(Join(members[i], separateColumns));
        }

        return result;
    }

    private static PdfLine Join(List<Word> words, bool separateColumns)
    {
        words.Sort((a, b) => a.BoundingBox.Left.CompareTo(b.BoundingBox.Left));
        double left = double.MaxValue, right = double.MinValue, top = double.MinValue, bottom = double.MaxValue, height = 0;
        foreach (var w in words)
        {
            var b = w.BoundingBox;
            left = Math.Min(left, b.Left);
            right = Math.Max(right, b.Right);
            top = Math.Max(top, b.Top);
            bottom = Math.Min(bottom, b.Bottom);
            height = Math.Max(height, b.Height);
        }

        var text = new StringBuilder();
        double previousRight = double.NaN;
        foreach (var w in words)
        {
            string t = w.Text;
            if (t.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                double gap = w.BoundingBox.Left - previousRight;
                bool latin = IsLatin(text[^1]) && IsLatin(t[0]);
                if ((separateColumns && gap > ColumnGapFactor * height) || (latin && gap > WordGapFactor * height))
                {
                    text.Append(' ');
                }
            }

            text.Append(t);
            previousRight = w.BoundingBox.Right;
        }

        return new PdfLine(text.ToString(), left, right, top, bottom, height) { Words = words };
    }

    private static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or ',' or '%' or ')' or '(';
}
