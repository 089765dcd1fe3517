using System.Globalization;

namespace ReportParser.Text;

/// <summary>A number as written in prose: its text, its value, whether a % follows, and where it starts in its sentence.</summary>
internal sealed record ProseNumber(string Text, decimal Value, bool Percent, int Start);

/// <summary>
/// Sentences and the numbers in them, for comparing reports and reading prose: a sentence ends at
/// 。！？；, a line break, or the ASCII forms of those marks; the numbers are runs of ASCII or full-width
/// digits with at most one decimal point, a % after them noted.
/// </summary>
internal static class Sentences
{
    /// <summary>The marks that end a sentence.</summary>
    public static readonly CharSet Ends = new("。！？；!?;\n");

    /// <summary>The sentences of <paramref name="text"/>, trimmed, without empty ones, each with its end mark.</summary>
    public static List<string> Split(string text)
    {
        var ranges = Ranges(text);
        var sentences = new List<string>(ranges.Count);
        foreach (var range in ranges)
        {
            sentences.Add(text[range]);
        }

        return sentences;
    }

    /// <summary>Where the sentences of <paramref name="text"/> stand (as <see cref="Split"/> gives them), for a reader that makes strings of only some.</summary>
    public static List<Range> Ranges(string text)
    {
        var ranges = new List<Range>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || Ends.Contains(text[i]))
            {
                int end = i < text.Length ? i + 1 : i;
                int from = start, to = end;
                while (from < to && char.IsWhiteSpace(text[from]))
                {
                    from++;
                }

                while (to > from && char.IsWhiteSpace(text[to - 1]))
                {
                    to--;
                }

                if (to > from && !(to - from == 1 && Ends.Contains(text[from])))
                {
                    ranges.Add(from..to);
                }

                start = end;
            }
        }

        return ranges;
    }

    /// <summary>The numbers written in digits in <paramref name="sentence"/>, in order.</summary>
    public static List<ProseNumber> Numbers(string sentence)
    {
        var numbers = new List<ProseNumber>();
        int i = 0;
        while (i < sentence.Length)
        {
            if (!IsDigit(sentence[i]))
            {
                i++;
                continue;
            }

            int start = i;
            bool point = false;
            while (i < sentence.Length && (IsDigit(sentence[i]) || (!point && IsPoint(sentence[i]) && i + 1 < sentence.Length && IsDigit(sentence[i + 1]))))
            {
                point |= IsPoint(sentence[i]);
                i++;
            }

            string text = sentence[start..i];
            string folded = TextFold.FoldWidth(text);
            bool percent = i < sentence.Length && sentence[i] is '%' or '％';
            if (decimal.TryParse(folded, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
            {
                numbers.Add(new ProseNumber(text, value, percent, start));
            }
        }

        return numbers;
    }

    /// <summary>The sentence with every digit written <c>#</c> (after the matching fold): two sentences that differ only in their numbers are equal so.</summary>
    public static string MaskDigits(string folded)
    {
        var chars = folded.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiDigit(chars[i]))
            {
                chars[i] = '#';
            }
        }

        return new string(chars);
    }

    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';

    private static bool IsPoint(char c) => c is '.' or '．';
}
