using ReportParser.Normalization;
using Xunit;

namespace ReportParser.Tests.Normalization;

/// <summary>The matching rules of OpenCC, on small hand-made dictionaries.</summary>
public class OpenCcSemanticsTests
{
    private static ConversionDictionary Dict(string name, params string[] pairs) =>
        ConversionDictionary.FromPairs(name, pairs.Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1])));

    private static string Run(ChineseConverter converter, string text) => converter.Convert(text);

    [Fact]
    public void Longest_key_wins_within_a_dictionary()
    {
        var converter = new ChineseConverter("test", null, null, [new([Dict("d", "A=a", "AB=x", "ABC=y")])]);
        Assert.Equal("ya", Run(converter, "ABCA"));
        Assert.Equal("yx", Run(converter, "ABCAB"));
    }

    [Fact]
    public void First_matching_dictionary_of_a_group_wins_even_with_a_shorter_key()
    {
        // OpenCC DictGroup::MatchPrefix (short_circuit): the first dictionary with any match decides.
        var group = new DictionaryGroup([Dict("first", "AB=1"), Dict("second", "ABC=2", "C=3")]);
        var converter = new ChineseConverter("test", null, null, [group]);
        Assert.Equal("13", Run(converter, "ABC"));
    }

    [Fact]
    public void Union_group_takes_the_longest_match_of_all_dictionaries()
    {
        var group = new DictionaryGroup([Dict("first", "AB=1"), Dict("second", "ABC=2")], union: true);
        Assert.Equal(3, group.MatchPrefix("ABCD", out string value));
        Assert.Equal("2", value);
    }

    [Fact]
    public void Steps_of_the_chain_run_one_after_another()
    {
        var converter = new ChineseConverter("test", null, null, [new([Dict("one", "A=B")]), new([Dict("two", "B=C")])]);
        Assert.Equal("CC", Run(converter, "AB"));
    }

    [Fact]
    public void Segmentation_stops_later_steps_from_matching_across_segments()
    {
        // Segments: "A", "BC" (a phrase), "D". Step 1's key "AB" crosses a segment boundary.
        var segmentation = new DictionaryGroup([Dict("phrases", "BC=bc")]);
        var step = new DictionaryGroup([Dict("step", "AB=x", "CD=y")]);
        var segmented = new ChineseConverter("seg", null, segmentation, [step]);
        var plain = new ChineseConverter("plain", null, null, [step]);
        Assert.Equal("ABCD", Run(segmented, "ABCD"));
        Assert.Equal("xy", Run(plain, "ABCD"));
    }

    [Fact]
    public void Normalization_runs_before_segmentation()
    {
        var normalization = new DictionaryGroup([Dict("compat", "Q=B")]);
        var segmentation = new DictionaryGroup([Dict("phrases", "AB=ab")]);
        var step = new DictionaryGroup([Dict("step", "AB=ok")]);
        var converter = new ChineseConverter("test", normalization, segmentation, [step]);
        Assert.Equal("ok", Run(converter, "AQ"));
    }

    [Fact]
    public void Ideographic_description_sequences_are_copied_whole()
    {
        var converter = new ChineseConverter("test", null, null, [new([Dict("d", "韋=韦")])]);
        Assert.Equal("⿰氵韋韦", Run(converter, "⿰氵韋韋"));
        Assert.Equal(3, ChineseConverter.IdsLength("⿰氵韋"));
        Assert.Equal(0, ChineseConverter.IdsLength("⿰氵"));
    }

    [Fact]
    public void Reversed_variants_follow_reverse_prefer_lines()
    {
        var reversed = OpenCcDictionaries.ParseReversed("rev", "梁\t梁\n樑\t梁 樑\n# @reverse-prefer: 么 幺\n幺\t么\n麼\t麼 么\n");
        Assert.Equal("梁", reversed.Entries["梁"]);
        Assert.Equal("樑", reversed.Entries["樑"]);
        Assert.Equal("幺", reversed.Entries["么"]);
    }

    [Fact]
    public void Tofu_risk_entries_become_the_extension_dictionary()
    {
        var ext = OpenCcDictionaries.ParseTofuRisk("ext", "# @tofu-risk: x\n㑮\t㑮 𫝈\n㑯\t㑔\n");
        Assert.Equal("𫝈", ext.Entries["㑮"]);
        Assert.False(ext.Entries.ContainsKey("㑯"));
    }

    [Fact]
    public void Vendored_tables_are_derived_as_opencc_does()
    {
        Assert.Equal("纔", OpenCcDictionaries.TWVariantsRev.Entries["才"]);
        Assert.Equal("着", OpenCcDictionaries.TWVariantsRev.Entries["著"]);
        Assert.Equal("說", OpenCcDictionaries.HKVariantsRev.Entries["説"]);
        Assert.Equal("𣗊", OpenCcDictionaries.TSCharactersExt.Entries["樠"]);
    }

    [Fact]
    public void No_dictionary_key_contains_an_ascii_digit()
    {
        // Numbers are safe from conversion because of this (see ProtectedSpans).
        ConversionDictionary[] all =
        [
            OpenCcDictionaries.CompatibilityIdeographs, OpenCcDictionaries.TSPhrases, OpenCcDictionaries.TSCharacters,
            OpenCcDictionaries.TSCharactersExt, OpenCcDictionaries.TWPhrasesRev, OpenCcDictionaries.TWVariantsRevPhrases,
            OpenCcDictionaries.TWVariantsRev, OpenCcDictionaries.HKVariantsRevPhrases, OpenCcDictionaries.HKVariantsRev,
            OpenCcDictionaries.ReportPhrases, OpenCcDictionaries.ReportPhraseTable,
        ];
        foreach (var dictionary in all)
        {
            Assert.True(dictionary.Count > 0, dictionary.Name);
            Assert.DoesNotContain(dictionary.Entries.Keys, k => k.Any(char.IsAsciiDigit));
        }
    }
}
