using System.Buffers;
using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Model;

namespace ReportParser.Reading;

/// <summary>
/// Decodes the bytes of a Chinese web page or text file: BOM first, then strict UTF-8, then
/// UTF-16 without BOM, then GB18030 against Big5 by a score (decode errors and the share of
/// common Chinese characters).
/// </summary>
internal sealed class EncodingDetector
{
    // The code-pages provider and the two legacy encodings are set up on first use: most inputs are
    // UTF-8 and never need them (setting them up is about a tenth of a one-file run's start-up).
    private static readonly Lazy<bool> s_registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    private static readonly Lazy<Encoding> s_gb18030 = new(() => GetStrictless(54936));
    private static readonly Lazy<Encoding> s_big5 = new(() => GetStrictless(950));

    internal static Encoding Gb18030 => s_gb18030.Value;
    internal static Encoding Big5 => s_big5.Value;

    /// <summary>Ensures the code-pages provider is registered (GBK, GB18030, Big5).</summary>
    public static void EnsureRegistered() => _ = s_registered.Value;

    public DecodedText Detect(ReadOnlySpan<byte> bytes, DiagnosticBag bag, string? declaredCharset = null)
    {
        if (TryBom(bytes, out var bomEncoding, out int bomLength))
        {
            return Decode(bytes[bomLength..], bomEncoding, bomEncoding.WebName, bag);
        }

        var declared = declaredCharset is null ? null : TryGetEncoding(declaredCharset);
        if (declared is { CodePage: 1200 or 1201 or 12000 or 12001 })
        {
            // A UTF-16/32 declaration found by an ASCII prescan cannot be true; the HTML standard reads it as UTF-8.
            declared = Encoding.UTF8;
        }

        if (TryDecodeUtf8(bytes) is { } utf8Text)
        {
            var utf8 = new DecodedText(utf8Text, "utf-8", 0);
            if (declared is not null && declared.CodePage != 65001 && HasNonAscii(bytes))
            {
                var legacy = Decode(bytes, declared, NameOf(declared), null);
                if (legacy.Replacements == 0 && Score(legacy) > Score(utf8) + 0.2)
                {
                    return legacy;
                }

                bag.Report(DiagnosticCodes.DeclaredCharsetWrong,
                    $"the page declares charset '{declaredCharset}' but its bytes are valid UTF-8; used utf-8");
            }

            return utf8;
        }

        if (LooksLikeUtf16(bytes, out var utf16))
        {
            return Decode(bytes, utf16, utf16.WebName, bag);
        }

        if (declared is not null)
        {
            // Declared but not valid UTF-8 (or declared legacy): a page with a few broken sequences
            // stays in its declared encoding; a GBK or Big5 page with a wrong declaration is read in
            // its real encoding. (A declared UTF-8 decodes leniently: Encoding.UTF8 replaces.)
            var candidate = Decode(bytes, declared, NameOf(declared), null);
            var other = BestLegacy(bytes);
            if (Score(candidate) >= Score(other) - 0.05 || candidate.Encoding == other.Encoding)
            {
                ReportReplacements(candidate, bag);
                return candidate;
            }

            bag.Report(DiagnosticCodes.DeclaredCharsetWrong,
                $"the page declares charset '{declaredCharset}' but its bytes read as {other.Encoding}; used {other.Encoding}");
            ReportReplacements(other, bag);
            return other;
        }

        var best = BestLegacy(bytes);

        // UTF-8 with a few broken sequences (a download cut inside a character, a stray byte) still
        // reads far better as UTF-8 than as GB18030 or Big5 mojibake; a real GBK or Big5 file decoded
        // as UTF-8 is mostly replacement characters and loses.
        var lenient = Decode(bytes, LenientUtf8, "utf-8", null);
        if (Score(lenient) >= Score(best))
        {
            best = lenient;
        }

        bag.Report(DiagnosticCodes.EncodingGuessed, ReferenceEquals(best, lenient)
            ? "no BOM, and the bytes are UTF-8 but for a few invalid sequences; read as utf-8"
            : $"no BOM and not valid UTF-8; detected {best.Encoding} from the bytes");
        ReportReplacements(best, bag);
        return best;
    }

    /// <summary>Looks up an encoding by a charset label (gb2312, gbk, big5, utf-8…); null when unknown.</summary>
    public static Encoding? TryGetEncoding(string label)
    {
        string name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        // GB2312 and GBK pages routinely contain GBK/GB18030-only characters: read them all as GB18030.
        if (name is "gb2312" or "gbk" or "gb18030" or "x-gbk" or "cp936" or "euc-cn" or "hz-gb-2312" or "csgb2312" or "chinese" or "iso-ir-58")
        {
            return Gb18030;
        }

        if (name is "big5" or "big5-hkscs" or "x-x-big5" or "cn-big5" or "csbig5" or "cp950")
        {
            return Big5;
        }

        EnsureRegistered();
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private DecodedText BestLegacy(ReadOnlySpan<byte> bytes)
    {
        var gb = Decode(bytes, Gb18030, "gb18030", null);
        var big5 = Decode(bytes, Big5, "big5", null);
        return Score(big5) > Score(gb) ? big5 : gb;
    }

    private static double Score(DecodedText text)
    {
        int cjk = 0;
        int common = 0;
        foreach (char c in text.Text)
        {
            if (c is >= '\u4e00' and <= '\u9fff')
            {
                cjk++;
                if (CommonChars.Contains(c))
                {
                    common++;
                }
            }
        }

        if (cjk == 0)
        {
            return -text.Replacements;
        }

        return (double)common / cjk - 5.0 * text.Replacements / Math.Max(1, text.Text.Length);
    }

    private static DecodedText Decode(ReadOnlySpan<byte> bytes, Encoding encoding, string name, DiagnosticBag? bag)
    {
        string text = encoding.GetString(bytes);
        int replacements = text.AsSpan().Count('\uFFFD');
        var result = new DecodedText(text, name, replacements);
        if (bag is not null)
        {
            ReportReplacements(result, bag);
        }

        return result;
    }

    private static void ReportReplacements(DecodedText text, DiagnosticBag bag)
    {
        if (text.Replacements > 0)
        {
            bag.Report(DiagnosticCodes.DecodeErrors,
                $"{text.Replacements} byte sequence(s) are invalid in {text.Encoding} and were replaced with U+FFFD");
        }
    }

    private static bool TryBom(ReadOnlySpan<byte> b, out Encoding encoding, out int length)
    {
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            (encoding, length) = (new UTF8Encoding(false), 3);
            return true;
        }

        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
        {
            (encoding, length) = (new UTF32Encoding(false, false), 4);
            return true;
        }

        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        {
            (encoding, length) = (new UnicodeEncoding(false, false), 2);
            return true;
        }

        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        {
            (encoding, length) = (new UnicodeEncoding(true, false), 2);
            return true;
        }

        if (b.Length >= 4 && b[0] == 0x84 && b[1] == 0x31 && b[2] == 0x95 && b[3] == 0x33)
        {
            (encoding, length) = (Gb18030, 4);
            return true;
        }

        (encoding, length) = (Encoding.UTF8, 0);
        return false;
    }

    private static readonly Encoding LenientUtf8 = new UTF8Encoding(false, false);

    private static string NameOf(Encoding encoding) => encoding.CodePage switch
    {
        54936 => "gb18030",
        950 => "big5",
        _ => encoding.WebName,
    };

    private static bool HasNonAscii(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    /// <summary>
    /// The text when the bytes are valid UTF-8 without NUL bytes; else null. Decodes and validates in one
    /// pass (validating first and then decoding read the bytes three times).
    /// </summary>
    private static string? TryDecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOf((byte)0) >= 0)
        {
            return null;
        }

        if (bytes.Length > 1 << 20)
        {
            return System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : null;
        }

        // UTF-8 never has fewer bytes than UTF-16 units.
        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out _, out int written, replaceInvalidSequences: false);
            return status == OperationStatus.Done ? new string(chars, 0, written) : null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// UTF-16 without a BOM: decodes the first 8 KB both ways and accepts the byte order whose
    /// characters are almost all plausible in a Chinese document (CJK, CJK punctuation, full-width
    /// forms, printable ASCII, whitespace) with no broken surrogate pairs.
    /// </summary>
    internal static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out Encoding encoding)
    {
        encoding = Encoding.Unicode;
        if (bytes.Length < 4)
        {
            return false;
        }

        var sample = bytes[..(Math.Min(bytes.Length, 8192) & ~1)];
        double le = Plausibility(sample, bigEndian: false);
        double be = Plausibility(sample, bigEndian: true);
        if (Math.Max(le, be) < 0.97)
        {
            return false;
        }

        encoding = le >= be ? new UnicodeEncoding(false, false) : new UnicodeEncoding(true, false);
        return true;
    }

    private static double Plausibility(ReadOnlySpan<byte> sample, bool bigEndian)
    {
        int good = 0, total = 0;
        for (int i = 0; i + 1 < sample.Length; i += 2)
        {
            char c = bigEndian ? (char)(sample[i] << 8 | sample[i + 1]) : (char)(sample[i + 1] << 8 | sample[i]);
            total++;
            if (char.IsHighSurrogate(c) && i + 3 < sample.Length)
            {
                char next = bigEndian ? (char)(sample[i + 2] << 8 | sample[i + 3]) : (char)(sample[i + 3] << 8 | sample[i + 2]);
                if (char.IsLowSurrogate(next))
                {
                    good += 2;
                    total++;
                    i += 2;
                }

                continue;
            }

            if (c is >= '\u4e00' and <= '\u9fff' or >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef'
                or >= ' ' and <= '~' or '\n' or '\r' or '\t' or '\u00a0' or >= '\u2010' and <= '\u2027' or '\u00b7' or '\u2022')
            {
                good++;
            }
        }

        return total == 0 ? 0 : (double)good / total;
    }

    private static Encoding GetStrictless(int codePage)
    {
        EnsureRegistered();
        return Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    }

    /// <summary>
    /// Frequent characters of Chinese government prose, in both Simplified and Traditional forms.
    /// Text decoded with the right legacy encoding is dense in these; mis-decoded text is not.
    /// </summary>
    private static readonly HashSet<char> CommonChars = [..
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
        + "這個們國為來說時對會過發後經現與關動開當應門長進區無電氣實兩問題點將從義總機論產農種學條場軍見樣變數業歷達質聽記親書會員術報導東車軍華產處廠團據標規運務隊號結決強轉領傳級層縣麼驗讓黨權幾費張寫離類師邊還聯參議認術醫團緊術織裝際構歷營願調網絡資訊申請處理辦統計檢審複訴訟維護檔案範圍權益嚴積極態勢縮減釋專項視窗"
        + "政府信息公开依申请复议诉讼办理结转予以部分不予无法提供处理情况工作报告年度主动开展推进落实监督保障平台建设管理制度服务审批中心区县镇街道局委办市省"];
}

/// <summary>Decoded text with the encoding used and the number of replacement characters produced.</summary>
internal sealed record DecodedText(string Text, string Encoding, int Replacements);
