namespace ReportParser.Reading;

/// <summary>What an input's first bytes say it is, when they say it (magic numbers); <see cref="None"/> for text and HTML.</summary>
internal enum SignatureKind
{
    None,
    Pdf,
    /// <summary>An OLE2 compound file: Word 97–2003 (.doc), WPS Writer (.wps), old Excel.</summary>
    Ole2,
    /// <summary>A ZIP container: a .docx (word/document.xml inside) or an archive.</summary>
    Zip,
    /// <summary>A ZIP that is a Word .docx (<see cref="DocxReader.IsDocx"/>); <see cref="FileSignature.Of"/> says <see cref="Zip"/>, the reader tells them apart.</summary>
    Docx,
    Gzip,
    Rar,
    SevenZip,
    Png,
    Jpeg,
    Gif,
    Tiff,
    Bmp,
}

/// <summary>Tells the binary kinds of input apart by their signatures, not by file extension.</summary>
internal static class FileSignature
{
    /// <summary>
    /// How far into the file a PDF's <c>%PDF-</c> header may start, and how far from its end the
    /// <c>%%EOF</c> marker must then be: readers accept junk before the header (a mail or web server's
    /// preamble) within the first kilobyte. A header not at the very start counts only with the end
    /// marker, so a text report that quotes <c>%PDF-1.4</c> stays text.
    /// </summary>
    public const int PdfHeaderWindow = 1024;

    public static SignatureKind Of(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF-"u8)
            || (bytes[..Math.Min(bytes.Length, PdfHeaderWindow)].IndexOf("%PDF-"u8) >= 0 && bytes[Math.Max(0, bytes.Length - PdfHeaderWindow)..].IndexOf("%%EOF"u8) >= 0))
        {
            return SignatureKind.Pdf;
        }

        return bytes switch
        {
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] => SignatureKind.Ole2,
            [(byte)'P', (byte)'K', 3, 4, ..] or [(byte)'P', (byte)'K', 5, 6, ..] => SignatureKind.Zip,
            [0x1F, 0x8B, ..] => SignatureKind.Gzip,
            [(byte)'R', (byte)'a', (byte)'r', (byte)'!', 0x1A, 0x07, ..] => SignatureKind.Rar,
            [(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C, ..] => SignatureKind.SevenZip,
            [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => SignatureKind.Png,
            [0xFF, 0xD8, 0xFF, ..] => SignatureKind.Jpeg,
            [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => SignatureKind.Gif,
            [(byte)'I', (byte)'I', 42, 0, ..] or [(byte)'M', (byte)'M', 0, 42, ..] => SignatureKind.Tiff,
            [(byte)'B', (byte)'M', _, _, _, _, 0, 0, 0, 0, ..] => SignatureKind.Bmp,
            _ => SignatureKind.None,
        };
    }

    /// <summary>
    /// The error message for a kind that is not read as a report, saying what to do with it; null for
    /// the kinds that are read (PDF, a ZIP that is a .docx, text). <paramref name="name"/> tells a .wps
    /// from a .doc, which share the OLE2 container.
    /// </summary>
    public static string? UnsupportedMessage(SignatureKind kind, string name) => kind switch
    {
        SignatureKind.Ole2 when name.EndsWith(".wps", StringComparison.OrdinalIgnoreCase) =>
            "the input is a WPS Writer document (.wps), which is not read; save it as .docx or PDF (WPS: 文件 → 另存为) and parse that",
        SignatureKind.Ole2 =>
            "the input is a Word 97–2003 binary document (.doc, an OLE2 compound file), which is not read; save it as .docx or PDF (e.g. libreoffice --headless --convert-to docx) and parse that",
        SignatureKind.Zip => "the input is a ZIP archive, not a report; unpack it first and parse the files inside",
        SignatureKind.Gzip => "the input is a gzip-compressed file; unpack it first (gunzip) and parse the file inside",
        SignatureKind.Rar => "the input is a RAR archive; unpack it first and parse the files inside",
        SignatureKind.SevenZip => "the input is a 7z archive; unpack it first and parse the files inside",
        SignatureKind.Png or SignatureKind.Jpeg or SignatureKind.Gif or SignatureKind.Tiff or SignatureKind.Bmp =>
            $"the input is an image ({kind.ToString().ToUpperInvariant()}), which has no text to read; run OCR on it first (e.g. ocrmypdf or tesseract) and parse the text",
        _ => null,
    };
}
