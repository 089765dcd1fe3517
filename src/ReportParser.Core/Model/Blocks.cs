namespace ReportParser.Model;

// The blocks a read document is made of. Reading makes them; Normalization, Sectioning and Tables
// read them, so they live with the model rather than in Reading.

/// <summary>A piece of the document in reading order.</summary>
internal abstract record Block(int Line);

/// <summary>
/// One line (text input) or one paragraph-like line (HTML input). <see cref="Text"/> is what the
/// stages match against: converted and width-folded (<c>TextFold.FoldWidth</c>). <see cref="Shown"/>
/// is the same text as the report wrote it (converted, widths kept: <c>，：（）</c>, U+3000), null
/// when the two are equal; it always has the length of <see cref="Text"/> and white space at the same
/// places, so an index into one is an index into the other. <see cref="Original"/> is the text
/// before normalisation, kept only with --keep-original and only when it differs.
/// </summary>
internal sealed record TextLine(string Text, int Line, string? Original = null) : Block(Line)
{
    /// <summary>The text as written (see the type's remarks); null when it equals <see cref="Text"/>.</summary>
    public string? Shown { get; init; }

    /// <summary>The text as written.</summary>
    public string Display => Shown ?? Text;

    /// <summary>The characters <paramref name="start"/> to <paramref name="end"/> of both texts.</summary>
    public TextLine Slice(int start, int end) => this with { Text = Text[start..end], Shown = Shown?[start..end] };

    /// <summary>
    /// <paramref name="part"/>, a piece of <see cref="Text"/> (a heading, a title, a value), as written:
    /// the same characters of <see cref="Shown"/>; the part itself when it is not a piece of the text.
    /// </summary>
    public string ShownOf(string part) => Shown.ShownOf(Text, part);
}

/// <summary>Maps a piece of a matching text back to the written text of the same length.</summary>
internal static class ShownText
{
    /// <summary>The characters of <paramref name="shown"/> where <paramref name="part"/> stands in <paramref name="text"/>; <paramref name="part"/> when shown is null or part is not found.</summary>
    public static string ShownOf(this string? shown, string text, string part)
    {
        if (shown is null || part.Length == 0)
        {
            return part;
        }

        int at = text.IndexOf(part, StringComparison.Ordinal);
        return at < 0 ? part : shown.Substring(at, part.Length);
    }
}

/// <summary>A real table grid (HTML), spans expanded: every row has the same number of cells.</summary>
internal sealed record Grid(IReadOnlyList<IReadOnlyList<GridCell>> Rows, int Line) : Block(Line);

/// <summary>
/// One grid cell. <see cref="IsSpanCopy"/> marks the copies made when a rowspan/colspan was expanded.
/// <see cref="Text"/> and <see cref="Shown"/> as for <see cref="TextLine"/>.
/// </summary>
internal sealed record GridCell(string Text, int Line, bool IsSpanCopy = false)
{
    /// <summary>The text as written; null when it equals <see cref="Text"/>.</summary>
    public string? Shown { get; init; }
}
