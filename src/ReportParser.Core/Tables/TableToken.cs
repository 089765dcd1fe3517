namespace ReportParser.Tables;

internal enum TokenKind
{
    /// <summary>Text that is not a value: a row label, a header, a caption, or prose.</summary>
    Label,

    /// <summary>A cell value: a number, a placeholder, or a blank cell.</summary>
    Value,

    /// <summary>The end of a source row (a pipe-only padding line, or the end of a grid row).</summary>
    RowEnd,
}

/// <summary>
/// One token of a table region. <see cref="Exact"/>: the token is a real grid cell, never to be split.
/// <see cref="Glued"/>: a digit run that touched the text before it with no separator
/// (<c>…申请数量640020470</c>), a sign that cells ran together.
/// </summary>
internal sealed record TableToken(TokenKind Kind, string Text, int Line, bool Exact = false, bool Glued = false, bool FromCell = false)
{
    public CellValue Cell => CellValueParser.Parse(Text);

    /// <summary>A plain-text run of two or more digits (optionally with a unit suffix) that may hold several cells.</summary>
    public bool IsDigitRun => Kind == TokenKind.Value && !Exact && DigitsOf(Text.AsSpan()) is { Length: >= 2 } digits && CellValueParser.AllAsciiDigits(digits);

    /// <summary>The text without a unit suffix.</summary>
    public static string DigitsOf(string text)
    {
        var digits = DigitsOf(text.AsSpan());
        return digits.Length == text.Length ? text : digits.ToString();
    }

    /// <summary>The text without a unit suffix.</summary>
    public static ReadOnlySpan<char> DigitsOf(ReadOnlySpan<char> text)
    {
        foreach (string unit in CellValueParser.Units)
        {
            if (text.EndsWith(unit, StringComparison.Ordinal))
            {
                return text[..^unit.Length];
            }
        }

        return text;
    }
}
