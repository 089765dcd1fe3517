using System.Reflection;
using System.Text;

namespace ReportParser.Normalization;

/// <summary>
/// The vendored OpenCC dictionaries (see Dictionaries/README.md), parsed from the embedded text
/// files on first use. Each dictionary is loaded at most once per process, so a run that needs
/// only t2s never parses the Taiwan or Hong Kong files, and Simplified input parses nothing.
/// </summary>
internal static class OpenCcDictionaries
{
    private const string ResourcePrefix = "ReportParser.Normalization.Dictionaries.";
    private const string TofuRiskMarker = "# @tofu-risk:";
    private const string ReversePreferMarker = "# @reverse-prefer:";

    private static readonly Lazy<ConversionDictionary> s_compatibility = Load("CJK_Compatibility_Ideographs");
    private static readonly Lazy<ConversionDictionary> s_tsPhrases = Load("TSPhrases");
    private static readonly Lazy<ConversionDictionary> s_tsCharacters = Load("TSCharacters");
    private static readonly Lazy<ConversionDictionary> s_tsCharactersExt = new(() => ParseTofuRisk("TSCharactersExt", ReadResource("TSCharacters")));
    private static readonly Lazy<ConversionDictionary> s_twPhrasesRev = Load("TWPhrasesRev");
    private static readonly Lazy<ConversionDictionary> s_twVariantsRevPhrases = Load("TWVariantsRevPhrases");
    private static readonly Lazy<ConversionDictionary> s_twVariantsRev = new(() => ParseReversed("TWVariantsRev", ReadResource("TWVariants")));
    private static readonly Lazy<ConversionDictionary> s_hkVariantsRevPhrases = Load("HKVariantsRevPhrases");
    private static readonly Lazy<ConversionDictionary> s_hkVariantsRev = new(() => ParseReversed("HKVariantsRev", ReadResource("HKVariants")));
    private static readonly Lazy<ConversionDictionary> s_reportPhrases = Load("ReportPhrases");
    private static readonly Lazy<ConversionDictionary> s_reportPhraseTable = new(() =>
        Parse("ReportPhraseTable", ReadResource("ReportPhrases") + "\n" + ReadResource("ReportPhraseContexts")));

    public static ConversionDictionary CompatibilityIdeographs => s_compatibility.Value;
    public static ConversionDictionary TSPhrases => s_tsPhrases.Value;
    public static ConversionDictionary TSCharacters => s_tsCharacters.Value;
    public static ConversionDictionary TSCharactersExt => s_tsCharactersExt.Value;
    public static ConversionDictionary TWPhrasesRev => s_twPhrasesRev.Value;
    public static ConversionDictionary TWVariantsRevPhrases => s_twVariantsRevPhrases.Value;
    public static ConversionDictionary TWVariantsRev => s_twVariantsRev.Value;
    public static ConversionDictionary HKVariantsRevPhrases => s_hkVariantsRevPhrases.Value;
    public static ConversionDictionary HKVariantsRev => s_hkVariantsRev.Value;

    /// <summary>
    /// The terms of the project's report phrase table that mark Taiwan phrasing (mainland text does not
    /// write them read plainly); the script detector counts them. Not OpenCC data.
    /// </summary>
    public static ConversionDictionary ReportPhrases => s_reportPhrases.Value;

    /// <summary>
    /// The whole report phrase table, Taiwan phrasing mapped back to mainland report wording: the terms of
    /// <see cref="ReportPhrases"/> with the terms that are also mainland words and their contexts
    /// (<c>ReportPhraseContexts.txt</c>), as one dictionary so that the longest key wins. Not OpenCC data.
    /// </summary>
    public static ConversionDictionary ReportPhraseTable => s_reportPhraseTable.Value;

    private static Lazy<ConversionDictionary> Load(string name) => new(() => Parse(name, ReadResource(name)));

    internal static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name + ".txt")
            ?? throw new InvalidOperationException($"embedded dictionary {name}.txt is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Parses OpenCC's text format: <c>key TAB value [value…]</c>, values separated by spaces,
    /// <c>#</c> comments and blank lines ignored. Conversion uses the first value.
    /// </summary>
    internal static ConversionDictionary Parse(string name, string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            int tab = line.IndexOf('\t');
            if (line.IsEmpty || line[0] == '#' || tab <= 0)
            {
                continue;
            }

            var values = line[(tab + 1)..].TrimStart(' ');
            int space = values.IndexOf(' ');
            var first = space < 0 ? values : values[..space];
            if (!first.IsEmpty)
            {
                pairs.Add(new(line[..tab].ToString(), first.ToString()));
            }
        }

        return ConversionDictionary.FromPairs(name, pairs);
    }

    /// <summary>
    /// OpenCC's <c>data/scripts/reverse.py</c>: every value becomes a key whose candidates are the
    /// keys it came from, in file order, except that a <c># @reverse-prefer: V [K]</c> line moves K
    /// (or V itself) to the front of V's candidates. TWVariantsRev and HKVariantsRev are built this way.
    /// </summary>
    internal static ConversionDictionary ParseReversed(string name, string text)
    {
        var reversed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (key, values) in Entries(text))
        {
            foreach (string value in values)
            {
                if (!reversed.TryGetValue(value, out var keys))
                {
                    reversed[value] = keys = [];
                    order.Add(value);
                }

                keys.Add(key);
            }
        }

        foreach (string line in Lines(text))
        {
            if (!line.StartsWith(ReversePreferMarker, StringComparison.Ordinal))
            {
                continue;
            }

            string[] fields = line[ReversePreferMarker.Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length is 1 or 2 && reversed.TryGetValue(fields[0], out var keys) && keys.Remove(fields[^1]))
            {
                keys.Insert(0, fields[^1]);
            }
        }

        return ConversionDictionary.FromPairs(name, order.Select(v => new KeyValuePair<string, string>(v, reversed[v][0])));
    }

    /// <summary>
    /// OpenCC's <c>data/scripts/extract_tofu_risk.py</c>: the entry after each <c># @tofu-risk:</c>
    /// line, with the key itself dropped from the front of its values. OpenCC builds
    /// TSCharactersExt this way; it maps a few rare characters to Simplified forms that common
    /// fonts cannot show.
    /// </summary>
    internal static ConversionDictionary ParseTofuRisk(string name, string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        bool marked = false;
        foreach (string line in Lines(text))
        {
            if (line.StartsWith(TofuRiskMarker, StringComparison.Ordinal))
            {
                marked = true;
                continue;
            }

            if (marked && TryParseEntry(line, out string key, out string[] values))
            {
                var rest = values.Length > 0 && values[0] == key ? values[1..] : values;
                if (rest.Length > 0)
                {
                    pairs.Add(new(key, rest[0]));
                }
            }

            marked = false;
        }

        return ConversionDictionary.FromPairs(name, pairs);
    }

    private static IEnumerable<(string Key, string[] Values)> Entries(string text)
    {
        foreach (string line in Lines(text))
        {
            if (TryParseEntry(line, out string key, out string[] values))
            {
                yield return (key, values);
            }
        }
    }

    private static bool TryParseEntry(string line, out string key, out string[] values)
    {
        key = string.Empty;
        values = [];
        if (line.Length == 0 || line[0] == '#')
        {
            return false;
        }

        int tab = line.IndexOf('\t');
        if (tab <= 0)
        {
            return false;
        }

        key = line[..tab];
        values = line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return values.Length > 0;
    }

    private static IEnumerable<string> Lines(string text)
    {
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
