using System.Text;

namespace ReportParser.Tests.Reading;

/// <summary>
/// Writes small PDFs by hand, object by object with a correct cross-reference table, for the kinds of
/// PDF the corpus has no file of: a scan (an image and no text) and text in a CID font without a
/// ToUnicode map.
/// </summary>
internal static class MinimalPdf
{
    /// <summary>One A4 page whose content is an 8×8 grey image drawn over the page, and no text: a scanned page.</summary>
    public static byte[] Scanned(int pages = 1)
    {
        var objects = new List<string> { "<< /Type /Catalog /Pages 2 0 R >>", "" };
        var kids = new StringBuilder();
        string pixels = new('\u0080', 64);
        for (int i = 0; i < pages; i++)
        {
            int page = objects.Count + 1;
            kids.Append(page).Append(" 0 R ");
            string content = "q 595 0 0 842 0 0 cm /Im1 Do Q";
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 {page + 2} 0 R >> >> /Contents {page + 1} 0 R >>");
            objects.Add($"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
            objects.Add($"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64 >>\nstream\n{pixels}\nendstream");
        }

        objects[1] = $"<< /Type /Pages /Kids [{kids}] /Count {pages} >>";
        return Write(objects);
    }

    /// <summary>
    /// One page of text in a Type0 font (Identity-H) whose CIDFontType2 has no ToUnicode map: extractors
    /// give the glyph numbers as characters, which is what Chinese PDFs with unmapped fonts look like.
    /// </summary>
    public static byte[] UnmappedCidFont()
    {
        string content =
            "BT /F1 12 Tf 72 700 Td <0C450D1A0E2F10A311B212C513D714E815F9170A181B192C1A3D1B4E1C5F1D601E711F82> Tj ET\n"
            + "BT /F1 12 Tf 72 680 Td <2093A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F6> Tj ET";
        return Write([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 /CIDToGIDMap /Identity >>",
            "<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>",
        ]);
    }

    /// <summary>One A4 page of ASCII text in Helvetica, each piece at its own position (points from the bottom left), 10 pt, no rules.</summary>
    public static byte[] Text(params (double X, double Y, string Text)[] pieces)
    {
        var content = new StringBuilder();
        foreach (var (x, y, text) in pieces)
        {
            content.Append(FormattableString.Invariant($"BT /F1 10 Tf {x} {y} Td ({text}) Tj ET\n"));
        }

        return Write([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {content.Length} >>\nstream\n{content}endstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ]);
    }

    /// <summary>The objects (numbered from 1) as a PDF file; every byte is Latin-1.</summary>
    private static byte[] Write(List<string> objects)
    {
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        int xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Count + 1).Append("\n0000000000 65535 f \n");
        foreach (int offset in offsets)
        {
            pdf.Append(offset.ToString("D10")).Append(" 00000 n \n");
        }

        pdf.Append("trailer\n<< /Size ").Append(objects.Count + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
