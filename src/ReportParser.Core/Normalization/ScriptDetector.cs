using System.Runtime.CompilerServices;

namespace ReportParser.Normalization;

/// <summary>
/// Tells Simplified from Traditional text, and Taiwan from Hong Kong from generic Traditional,
/// by counting marker characters derived from the OpenCC dictionaries.
/// </summary>
/// <remarks>
/// <para>Script. A <em>Traditional-only</em> character is a TSCharacters key that converts to
/// something else and is never itself a Simplified candidate (們, 這, 國; not 乾 or 著). A
/// <em>Simplified-only</em> character is a TSCharacters target that is not a key and does not
/// occur on the Traditional side of the phrase dictionaries (们, 这, 国; not 台, 面, 里, 志,
/// which Traditional text uses too). Real Traditional reports have a Traditional-only character
/// in about every third CJK character and almost no Simplified-only ones; Simplified reports
/// have none of the former. The share of Traditional-only among both decides: at least 75 % is
/// Traditional, at most 25 % (or none at all) Simplified, in between mixed. Hong Kong and Taiwan
/// forms that are also Simplified characters (户, 温, 税) do not count as Simplified-only.</para>
/// <para>Region. Generic forms (爲, 衆, 僞: OpenCC's standard, which both Taiwan and Hong Kong
/// replace), Taiwan forms (TWVariants targets that Hong Kong does not use: 群, 著, 床) and Hong
/// Kong forms (HKVariants targets Taiwan does not use: 户, 説, 衞, 温) are counted; the largest
/// count wins. 台 is left out of the Hong Kong forms because Taiwan writes it as often as 臺.
/// Text with none of these forms but with Taiwan phrasing (資訊, 網路, 入口網站 from the report
/// phrase table) counts as Taiwan.</para>
/// </remarks>
internal static class ScriptDetector
{
    public const string Simplified = "simplified";
    public const string Traditional = "traditional";
    public const string Mixed = "mixed";
    public const string Unknown = "unknown";
    public const string Taiwan = "tw";
    public const string HongKong = "hk";

    [Flags]
    internal enum Marks : byte
    {
        None = 0,
        TraditionalOnly = 1,
        SimplifiedOnly = 2,
        GenericForm = 4,
        TaiwanForm = 8,
        HongKongForm = 16,
    }

    private const string MarksResource = "ReportParser.Normalization.ScriptMarks.bin";

    // The marks of every character, from ScriptMarks.bin: derived from the dictionaries (DeriveMarks)
    // when they change, so that detection, which every input needs, reads no dictionary text.
    private static readonly Lazy<Marks[]> s_marks = new(LoadMarks);

    // Per character, what Counts.Add counts: 0 when it is not CJK, else CjkClass | its marks. A text is
    // counted as a histogram of these classes (one table lookup per character, no branches).
    private const int CjkClass = 32;
    private static readonly Lazy<byte[]> s_classes = new(() =>
    {
        var marks = s_marks.Value;
        var classes = new byte[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (IsCjk((char)c))
            {
                classes[c] = (byte)(CjkClass | (byte)marks[c]);
            }
        }

        return classes;
    });

    /// <summary>Counts over one or more texts; add every text of a document, then <see cref="Decide"/>.</summary>
    public sealed class Counts
    {
        public int Cjk { get; private set; }
        public int TraditionalOnly { get; private set; }
        public int SimplifiedOnly { get; private set; }
        public int GenericForms { get; private set; }
        public int TaiwanForms { get; private set; }
        public int HongKongForms { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(ReadOnlySpan<char> text)
        {
            var classes = s_classes.Value;
            Span<int> histogram = stackalloc int[2 * CjkClass];
            foreach (char c in text)
            {
                histogram[classes[c]]++;
            }

            for (int k = CjkClass; k < histogram.Length; k++)
            {
                int n = histogram[k];
                if (n == 0)
                {
                    continue;
                }

                var m = (Marks)(k - CjkClass);
                Cjk += n;
                if ((m & Marks.TraditionalOnly) != 0) { TraditionalOnly += n; }
                if ((m & Marks.SimplifiedOnly) != 0) { SimplifiedOnly += n; }
                if ((m & Marks.GenericForm) != 0) { GenericForms += n; }
                if ((m & Marks.TaiwanForm) != 0) { TaiwanForms += n; }
                if ((m & Marks.HongKongForm) != 0) { HongKongForms += n; }
            }
        }

        /// <summary>The input script: simplified, traditional, mixed, or unknown (no CJK at all).</summary>
        public string Script
        {
            get
            {
                if (Cjk == 0)
                {
                    return Unknown;
                }

                if (TraditionalOnly == 0)
                {
                    return Simplified;
                }

                double share = (double)TraditionalOnly / (TraditionalOnly + SimplifiedOnly);
                return share >= 0.75 ? Traditional : share <= 0.25 ? Simplified : Mixed;
            }
        }

        /// <summary>The regional variant of Traditional text; <paramref name="taiwanPhrases"/> is asked only when no variant form was seen.</summary>
        public string? Region(Func<int> taiwanPhrases)
        {
            if (HongKongForms > TaiwanForms && HongKongForms > GenericForms)
            {
                return HongKong;
            }

            if (TaiwanForms > GenericForms && TaiwanForms >= HongKongForms)
            {
                return Taiwan;
            }

            if (GenericForms == 0 && TaiwanForms == 0 && HongKongForms == 0 && taiwanPhrases() > 0)
            {
                return Taiwan;
            }

            return null;
        }
    }

    /// <summary>True when a single line of a mixed document reads as Traditional.</summary>
    public static bool LooksTraditional(ReadOnlySpan<char> line)
    {
        var counts = new Counts();
        counts.Add(line);
        return counts.TraditionalOnly > counts.SimplifiedOnly;
    }

    /// <summary>CJK ideographs (unified, extension A, compatibility) and surrogates (extensions B and later).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCjk(char c) =>
        c is (>= '\u3400' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uD840' and <= '\uD8BF');

    /// <summary>The marks table as ScriptMarks.bin stores it: (character, marks) for every marked character, in character order, 3 bytes each.</summary>
    internal static byte[] EncodeMarks(bool derive)
    {
        var marks = derive ? DeriveMarks() : s_marks.Value;
        var bytes = new List<byte>();
        for (int c = 0; c < marks.Length; c++)
        {
            if (marks[c] != Marks.None)
            {
                bytes.Add((byte)c);
                bytes.Add((byte)(c >> 8));
                bytes.Add((byte)marks[c]);
            }
        }

        return [.. bytes];
    }

    private static Marks[] LoadMarks()
    {
        using var stream = typeof(ScriptDetector).Assembly.GetManifestResourceStream(MarksResource)
            ?? throw new InvalidOperationException($"embedded resource {MarksResource} is missing");
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        var marks = new Marks[char.MaxValue + 1];
        for (int i = 0; i + 2 < data.Length; i += 3)
        {
            marks[data[i] | data[i + 1] << 8] = (Marks)data[i + 2];
        }

        return marks;
    }

    /// <summary>Derives the marks from the dictionaries (the rules in the class remarks); the source of ScriptMarks.bin.</summary>
    internal static Marks[] DeriveMarks()
    {
        const int Size = char.MaxValue + 1;
        var marks = new Marks[Size];
        var ts = Entries("TSCharacters");
        var tsKey = new bool[Size];
        var tsTarget = new bool[Size];
        foreach (var (key, values) in ts)
        {
            if (key.Length == 1)
            {
                tsKey[key[0]] = true;
            }

            foreach (string v in values)
            {
                if (v.Length == 1)
                {
                    tsTarget[v[0]] = true;
                }
            }
        }

        // Characters written in Traditional text somewhere in the phrase data.
        var traditionalSide = new bool[Size];
        foreach (string name in (string[])["TSPhrases", "TWVariantsRevPhrases", "HKVariantsRevPhrases", "TWPhrasesRev"])
        {
            foreach (var (key, values) in Entries(name))
            {
                foreach (char c in key)
                {
                    traditionalSide[c] = true;
                }

                // TWPhrasesRev's values are mainland wording in Traditional characters.
                if (name == "TWPhrasesRev")
                {
                    foreach (string v in values)
                    {
                        foreach (char c in v)
                        {
                            traditionalSide[c] = true;
                        }
                    }
                }
            }
        }

        foreach (var (key, values) in ts)
        {
            if (key.Length == 1 && values[0] != key && !tsTarget[key[0]])
            {
                marks[key[0]] |= Marks.TraditionalOnly;
            }

            string target = values[0];
            if (target.Length == 1 && target != key && !tsKey[target[0]] && !traditionalSide[target[0]])
            {
                marks[target[0]] |= Marks.SimplifiedOnly;
            }
        }

        var tw = Entries("TWVariants");
        var hk = Entries("HKVariants");
        var twTarget = new bool[Size];
        var hkTarget = new bool[Size];
        var variantKey = new bool[Size];
        var hkChanges = new bool[Size];
        foreach (var (entries, targets) in (ValueTuple<List<(string Key, string[] Values)>, bool[]>[])[(tw, twTarget), (hk, hkTarget)])
        {
            foreach (var (key, values) in entries)
            {
                if (key.Length != 1)
                {
                    continue;
                }

                variantKey[key[0]] = true;
                foreach (string v in values)
                {
                    if (v.Length == 1 && v != key)
                    {
                        targets[v[0]] = true;
                    }
                }
            }
        }

        foreach (var (key, values) in hk)
        {
            if (key.Length == 1 && values[0] != key)
            {
                hkChanges[key[0]] = true;
            }
        }

        foreach (var (key, values) in tw)
        {
            // Replaced by both Taiwan and Hong Kong: OpenCC's generic standard form.
            if (key.Length == 1 && values[0] != key && hkChanges[key[0]])
            {
                marks[key[0]] |= Marks.GenericForm;
            }
        }

        for (int c = 0; c < Size; c++)
        {
            bool candidate = !tsKey[c] && !variantKey[c];
            if (twTarget[c] && !hkTarget[c] && candidate)
            {
                marks[c] |= Marks.TaiwanForm;
            }

            if (hkTarget[c] && !twTarget[c] && candidate && c != '台')
            {
                marks[c] |= Marks.HongKongForm;
            }

            if ((marks[c] & (Marks.HongKongForm | Marks.TaiwanForm)) != 0)
            {
                marks[c] &= ~Marks.SimplifiedOnly;
            }
        }

        return marks;
    }

    private static List<(string Key, string[] Values)> Entries(string name)
    {
        var list = new List<(string, string[])>();
        using var reader = new StringReader(OpenCcDictionaries.ReadResource(name));
        while (reader.ReadLine() is { } line)
        {
            int tab = line.IndexOf('\t');
            if (line.Length == 0 || line[0] == '#' || tab <= 0)
            {
                continue;
            }

            string[] values = line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (values.Length > 0)
            {
                list.Add((line[..tab], values));
            }
        }

        return list;
    }
}
