using System.Security.Cryptography;
using ReportParser.Diagnostics;
using ReportParser.Model;

namespace ReportParser.Reading;

/// <summary>Reads an input's bytes and turns them into a <see cref="SourceText"/>, or an error record.</summary>
internal sealed class SourceReader(ReportParserOptions options)
{
    private readonly EncodingDetector _detector = new();

    /// <summary>
    /// Reads the source: its text (or page), with what is known of the input; no text and an error
    /// when the input is not readable as a report. Every kind of input is read through
    /// <see cref="ReportSource.ReadAllBytes"/>, which stops at the size limit and honours
    /// <paramref name="cancellationToken"/> (throwing <see cref="OperationCanceledException"/>).
    /// </summary>
    public ReadResult Read(ReportSource source, DiagnosticBag bag, CancellationToken cancellationToken = default)
    {
        var read = ReadBytes(source, bag, refuseBlank: true, cancellationToken);
        var info = read.Info;
        if (read.Error is not null || read.Bytes is not { } bytes)
        {
            return new ReadResult(null, info, read.Error);
        }

        string sha = info.Sha256;
        bool html = FormatDetector.IsHtml(bytes);
        info = info with { Format = html ? "html" : "text" };
        if (html)
        {
            var page = new HtmlReader(_detector).Read(bytes, source.Name, bag, out string encodingName);
            info = info with { Encoding = encodingName };
            return new ReadResult(page with { Bytes = bytes.LongLength, Sha256 = sha }, info, null);
        }

        var decoded = _detector.Detect(bytes, bag);
        info = info with { Encoding = decoded.Encoding };
        return new ReadResult(new SourceText(source.Name, "text", decoded.Encoding, bytes.LongLength, sha, LineSplitter.Split(decoded.Text, bag)), info, null);
    }

    /// <summary>
    /// The input's bytes, or the error that refuses them before any decoding: unreadable, over the size limit,
    /// blank (with <paramref name="refuseBlank"/>), or binary. The one reader of every input, for
    /// <c>parse</c> and <c>validate</c> and for <c>normalize</c> alike, so each refusal has one message.
    /// </summary>
    internal CheckedBytes ReadBytes(ReportSource source, DiagnosticBag bag, bool refuseBlank, CancellationToken cancellationToken = default)
    {
        var info = new SourceInfo(source.Name, "unknown", null, 0, "");
        byte[]? read;
        long length;
        try
        {
            read = source.ReadAllBytes(options.MaxBytes, out length, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            info = info with { Bytes = source.KnownLength ?? 0 };
            return new CheckedBytes(null, info, Fail(DiagnosticCodes.Unreadable, $"cannot read the input: {ex.Message}", bag));
        }

        if (read is not { } bytes)
        {
            info = info with { Bytes = length };
            return new CheckedBytes(null, info, Fail(DiagnosticCodes.TooLarge, source.KnownLength is > 0
                ? $"the input is {length:N0} bytes, over the limit of {options.MaxBytes:N0} bytes (--max-bytes)"
                : $"the input has no size in advance and gave more than the limit of {options.MaxBytes:N0} bytes (--max-bytes); reading stopped there", bag));
        }

        info = info with { Bytes = bytes.LongLength, Sha256 = Sha256Hex(bytes) };
        if (bytes.LongLength > options.MaxBytes)
        {
            return new CheckedBytes(null, info, Fail(DiagnosticCodes.TooLarge, $"the input is {bytes.LongLength:N0} bytes, over the limit of {options.MaxBytes:N0} bytes (--max-bytes)", bag));
        }

        bool blank = IsBlank(bytes);
        if (blank && refuseBlank)
        {
            return new CheckedBytes(null, info, Fail(DiagnosticCodes.EmptyInput, bytes.Length == 0 ? "the input is empty (0 bytes)" : "the input contains only whitespace", bag));
        }

        if (!blank && LooksBinary(bytes) && !EncodingDetector.LooksLikeUtf16(bytes, out _))
        {
            return new CheckedBytes(null, info, Fail(DiagnosticCodes.BinaryInput, "the input is binary data (control bytes, no text), not a text or HTML report", bag));
        }

        return new CheckedBytes(bytes, info, null);
    }

    private static ParseError Fail(DiagnosticDescriptor descriptor, string message, DiagnosticBag bag)
    {
        bag.Report(descriptor, message);
        return new ParseError(descriptor.Code, message);
    }

    private static bool IsBlank(byte[] bytes)
    {
        foreach (byte b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF or 0xFE or 0xFF or 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Binary: NUL and control bytes (other than tab, CR, LF, FF, ESC) are more than one in <see cref="BinaryControlShare"/> of the first 8 KB, outside what UTF-16 explains.</summary>
    private static bool LooksBinary(byte[] bytes)
    {
        int n = Math.Min(bytes.Length, 8192);
        if (n >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return false;
        }

        // Text has no control bytes but tab, newline, form feed, carriage return and escape: four
        // vectorised searches settle it without the count below.
        var head = bytes.AsSpan(0, n);
        if (head.IndexOfAnyInRange((byte)0, (byte)8) < 0 && head.IndexOf((byte)11) < 0
            && head.IndexOfAnyInRange((byte)14, (byte)26) < 0 && head.IndexOfAnyInRange((byte)28, (byte)31) < 0)
        {
            return false;
        }

        int zeros = 0, controls = 0;
        for (int i = 0; i < n; i++)
        {
            byte b = bytes[i];
            if (b == 0)
            {
                zeros++;
            }
            else if (b < 0x20 && b is not (9 or 10 or 13 or 12 or 27))
            {
                controls++;
            }
        }

        // UTF-16 text without BOM: zeros in every other byte, and few control characters once read as UTF-16
        // (the bytes of CJK characters include values below 0x20, so raw control bytes do not count).
        bool utf16Like = zeros > n / 8 && ZerosAlternate(bytes, n) && Utf16Controls(bytes, n) < n / 100 + 1;
        if (utf16Like)
        {
            return false;
        }

        // By proportion, not by one byte: a stray NUL in a report (a scraper's glitch) leaves it text.
        return zeros + controls > n / BinaryControlShare + 1;
    }

    /// <summary>
    /// One byte in this many (of the first 8 KB) being NUL or another control byte makes the input binary:
    /// text has next to none, binary data (images, archives, executables) has about one in ten or more.
    /// </summary>
    internal const int BinaryControlShare = 50;

    private static int Utf16Controls(byte[] bytes, int n)
    {
        int zeroEven = 0, zeroOdd = 0;
        for (int i = 0; i + 1 < n; i += 2)
        {
            zeroEven += bytes[i] == 0 ? 1 : 0;
            zeroOdd += bytes[i + 1] == 0 ? 1 : 0;
        }

        bool bigEndian = zeroEven > zeroOdd;
        int controls = 0;
        for (int i = 0; i + 1 < n; i += 2)
        {
            int unit = bigEndian ? bytes[i] << 8 | bytes[i + 1] : bytes[i + 1] << 8 | bytes[i];
            if (unit < 0x20 && unit is not (9 or 10 or 13 or 12 or 27))
            {
                controls++;
            }
        }

        return controls;
    }

    private static bool ZerosAlternate(byte[] bytes, int n)
    {
        int even = 0, odd = 0;
        for (int i = 0; i < n; i++)
        {
            if (bytes[i] == 0)
            {
                if (i % 2 == 0) even++; else odd++;
            }
        }

        // Characters such as 一 (U+4E00) put a zero on the other side too, so allow a few.
        return even == 0 || odd == 0 || Math.Min(even, odd) * 8 < Math.Max(even, odd);
    }

    /// <summary>
    /// The SHA-256 of the bytes in lower-case hex. A plain loop rather than Convert.ToHexStringLower,
    /// whose vectorised code is compiled at run time on every start.
    /// </summary>
    internal static string Sha256Hex(byte[] bytes)
    {
        const string Digits = "0123456789abcdef";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        Span<char> chars = stackalloc char[hash.Length * 2];
        for (int i = 0; i < hash.Length; i++)
        {
            chars[2 * i] = Digits[hash[i] >> 4];
            chars[2 * i + 1] = Digits[hash[i] & 0xF];
        }

        return new string(chars);
    }
}

/// <summary>The reading stage's value: the text (null when the input cannot be read as a report), what is known of the input, and the error that stopped it.</summary>
internal sealed record ReadResult(SourceText? Text, SourceInfo Info, ParseError? Error);

/// <summary>What <see cref="SourceReader.ReadBytes"/> read: the bytes, or the error refusing them; and what is known of the input.</summary>
internal sealed record CheckedBytes(byte[]? Bytes, SourceInfo Info, ParseError? Error);
