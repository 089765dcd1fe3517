using System.Globalization;
using ReportParser.Normalization;
using ReportParser.Text;

namespace ReportParser.Tables;

/// <summary>How a cell's text reads: a number, blank, a placeholder (NA), or text that is neither.</summary>
internal enum CellState
{
    Number,
    Blank,
    NotApplicable,
    Text,
}

/// <summary>A parsed cell: its value (null unless a number) and its source text.</summary>
internal sealed record CellValue(CellState State, decimal? Value, string Text)
{
    public static CellValue Blank { get; } = new(CellState.Blank, null, "");

    /// <summary>The source text when it is not exactly the number (units, signs, separators, placeholders, blanks); else null.</summary>
    public string? Raw => State == CellState.Number && IsPlainNumber(Value!.Value, Text) ? null : Text;

    /// <summary>Whether the text is the number as the invariant culture writes it, compared without making that string.</summary>
    private static bool IsPlainNumber(decimal value, string text)
    {
        // Digits without a leading zero are how an integer of scale 0 is written, and only that integer (-0 is written 0).
        if (CellValueParser.IsPlainDigits(text) && (text.Length == 1 || text[0] != '0'))
        {
            return value.Scale == 0 && value == CellValueParser.PlainDigits(text);
        }

        Span<char> written = stackalloc char[64];
        return value.TryFormat(written, out int length, default, CultureInfo.InvariantCulture)
            ? written[..length].SequenceEqual(text)
            : value.ToString(CultureInfo.InvariantCulture) == text;
    }
}

/// <summary>
/// Reads cell text: integers, decimals, signs (+1036, -8), thousands separators (1,234), unit suffixes
/// (3292078元, 42.39万元, 5件), placeholders (- — -- / N/A NA 无 不适用 空) and blanks.
/// </summary>
internal static class CellValueParser
{
    /// <summary>Default longest text (unit and sign taken off) read as a number: a longer one is prose with a figure in it.</summary>
    public const int MaxNumberText = 40;

    private static readonly string[] Placeholders = ["-", "--", "—", "——", "―", "/", "N/A", "NA", "无", "不适用", "空", "\\", "×"];

    private static readonly int LongestPlaceholder = Longest(Placeholders);

    private static int Longest(string[] texts)
    {
        int longest = 0;
        foreach (string text in texts)
        {
            longest = Math.Max(longest, text.Length);
        }

        return longest;
    }

    /// <summary>Unit suffixes kept in raw. 万元 before 元 so the longer one wins.</summary>
    public static readonly string[] Units = ["万元", "元", "件", "个", "项", "次", "条"];

    public static bool IsPlaceholder(string text) => IsPlaceholder(text.AsSpan());

    public static bool IsPlaceholder(ReadOnlySpan<char> text)
    {
        var t = WhiteSpace.Trim(text);
        if (t.Length is 0 || t.Length > LongestPlaceholder || char.IsAsciiDigit(t[0]))
        {
            return false; // no placeholder is empty or starts with a digit
        }

        foreach (string p in Placeholders)
        {
            if (t.Equals(p, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static CellValue Parse(string text)
    {
        // Most cells are plain digit strings: what the general path below makes of them, without its passes.
        if (IsPlainDigits(text))
        {
            return new CellValue(CellState.Number, PlainDigits(text), text);
        }

        string t = Clean(text);
        if (t.Length == 0)
        {
            return new CellValue(CellState.Blank, null, text.Trim());
        }

        if (IsPlaceholder(t))
        {
            return new CellValue(CellState.NotApplicable, null, t);
        }

        // "1 2" (two numbers in one cell, e.g. 1<br>2) is not the number 12: never join digits across a gap.
        decimal? value = DigitsAcrossSpace(text) ? null : ParseNumber(t);
        return value is null ? new CellValue(CellState.Text, null, t) : new CellValue(CellState.Number, value, t);
    }

    private static bool DigitsAcrossSpace(string text)
    {
        int lastDigit = -2;
        bool gap = false;
        foreach (char c in text)
        {
            char f = TextFold.FoldChar(c);
            if (char.IsAsciiDigit(f))
            {
                if (gap && lastDigit >= 0)
                {
                    return true;
                }

                lastDigit = 0;
                gap = false;
            }
            else if (f == '\0')
            {
                continue;
            }
            else if (WhiteSpace.Is(f))
            {
                gap = lastDigit >= 0;
            }
            else
            {
                lastDigit = -2;
                gap = false;
            }
        }

        return false;
    }

    // Up to 18 digits fit a long: the value is exact, as decimal.TryParse would read it (scale 0).
    internal const int MaxPlainDigits = 18;

    /// <summary>
    /// True when every character is 0-9 (or there is none). A loop rather than
    /// <c>ContainsAnyExceptInRange('0', '9')</c>, which on this runtime boxes its two bounds and more
    /// (96 bytes a call, a cell's worth of garbage for every number read).
    /// </summary>
    public static bool AllAsciiDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/> is 1 to <see cref="MaxPlainDigits"/> ASCII digits, which <see cref="PlainDigits"/> reads.</summary>
    internal static bool IsPlainDigits(string text) => text.Length is > 0 and <= MaxPlainDigits && AllAsciiDigits(text);

    /// <summary>The value of a string of at most <see cref="MaxPlainDigits"/> ASCII digits.</summary>
    internal static decimal PlainDigits(string digits)
    {
        long value = 0;
        foreach (char c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>A number with optional sign, thousands separators, decimals and unit suffix; null otherwise.</summary>
    public static decimal? ParseNumber(string t)
    {
        var body = t.AsSpan();
        foreach (string unit in Units)
        {
            if (body.EndsWith(unit, StringComparison.Ordinal))
            {
                body = body[..^unit.Length];
                break;
            }
        }

        if (body.Length == 0 || body.Length > MaxNumberText)
        {
            return null;
        }

        int i = 0;
        bool negative = false;
        if (body[0] is '+' or '-')
        {
            negative = body[0] == '-';
            i = 1;
        }

        int start = i;
        // The digits without sign and separators, and the fraction: at most the body's length.
        Span<char> digits = stackalloc char[body.Length];
        int length = 0;
        int group = 0;
        bool sawComma = false;
        bool firstGroupShort = true;
        for (; i < body.Length && body[i] != '.'; i++)
        {
            char c = body[i];
            if (char.IsAsciiDigit(c))
            {
                digits[length++] = c;
                group++;
            }
            else if (c == ',' && group is >= 1 and <= 3 && (sawComma ? group == 3 : firstGroupShort))
            {
                sawComma = true;
                group = 0;
            }
            else
            {
                return null;
            }

            if (!sawComma && group > 3)
            {
                firstGroupShort = false;
            }
        }

        if (i == start || length == 0 || (sawComma && group != 3))
        {
            return null;
        }

        if (i < body.Length)
        {
            int fraction = i + 1;
            if (fraction == body.Length)
            {
                return null;
            }

            for (int j = fraction; j < body.Length; j++)
            {
                if (!char.IsAsciiDigit(body[j]))
                {
                    return null;
                }
            }

            digits[length++] = '.';
            body[fraction..].CopyTo(digits[length..]);
            length += body.Length - fraction;
        }

        if (!decimal.TryParse(digits[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
        {
            return null;
        }

        return negative ? -value : value;
    }

    /// <summary>True when <see cref="Parse"/> would give <see cref="CellState.Blank"/>, without parsing.</summary>
    public static bool IsBlank(string text)
    {
        foreach (char c in text)
        {
            char f = TextFold.FoldChar(c);
            if (f != '\0' && !WhiteSpace.Is(f))
            {
                return false; // survives Clean whatever else the text holds
            }
        }

        return Clean(text).Length == 0;
    }

    private static string Clean(string text)
    {
        string folded = TextFold.FoldWidth(text).Trim();
        return folded.Contains(' ') ? folded.Replace(" ", "", StringComparison.Ordinal) : folded;
    }
}
