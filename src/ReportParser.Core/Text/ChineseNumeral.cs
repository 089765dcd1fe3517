namespace ReportParser.Text;

/// <summary>Small Chinese numerals (一 … 九十九) as used in section and subsection headings.</summary>
internal static class ChineseNumeral
{
    /// <summary>The characters <see cref="IsDigit"/> accepts: 一 … 十, 〇 and 零.</summary>
    public static readonly CharSet DigitChars = new("一二三四五六七八九十〇零");

    public static bool IsDigit(char c) => Value(c) >= 0;

    /// <summary>Parses 一 … 九十九 (十, 十一, 二十, 二十一 …); returns -1 when <paramref name="text"/> is not such a numeral.</summary>
    public static int Parse(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 3)
        {
            return -1;
        }

        int ten = text.IndexOf('十');
        if (ten < 0)
        {
            return text.Length == 1 ? Value(text[0]) is var v && v > 0 ? v : -1 : -1;
        }

        int tens = ten == 0 ? 1 : ten == 1 && Value(text[0]) > 1 ? Value(text[0]) : -1;
        if (tens < 0)
        {
            return -1;
        }

        var rest = text[(ten + 1)..];
        if (rest.IsEmpty)
        {
            return tens * 10;
        }

        return rest.Length == 1 && Value(rest[0]) is > 0 and < 10 ? tens * 10 + Value(rest[0]) : -1;
    }

    public static string Format(int value) => value switch
    {
        <= 0 => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        < 10 => Digits[value].ToString(),
        10 => "十",
        < 20 => "十" + Digits[value - 10],
        < 100 when value % 10 == 0 => Digits[value / 10] + "十",
        < 100 => Digits[value / 10] + "十" + Digits[value % 10],
        _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private const string Digits = "零一二三四五六七八九";

    private static int Value(char c) => c switch
    {
        '一' => 1, '二' => 2, '三' => 3, '四' => 4, '五' => 5,
        '六' => 6, '七' => 7, '八' => 8, '九' => 9, '十' => 10,
        '两' => -1, '〇' or '零' => 0,
        _ => -1,
    };
}
