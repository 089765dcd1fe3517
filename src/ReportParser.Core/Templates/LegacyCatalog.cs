using System.Text.Json;

namespace ReportParser.Templates;

/// <summary>
/// The indicators of the statistics tables of 2008–2018 reports (<c>Templates/legacy.json</c>), the
/// units their rows print (计量单位) and the words their value columns are headed by. There was no
/// national form: a row whose label matches an indicator gets its canonical key, any other keeps
/// its label with key null.
/// </summary>
internal sealed class LegacyCatalog
{
    /// <summary>The logical name of the embedded catalogue.</summary>
    public const string ResourceName = "ReportParser.Templates.legacy.json";

    /// <summary>
    /// Default shortest normalised label that may match an indicator by one edit (a typo such as
    /// 行政复试数 for 行政复议数, 当面申请书 for 当面申请数); shorter labels must match exactly.
    /// </summary>
    public const int DefaultMinTypoLabel = 5;

    private static readonly Lazy<LegacyCatalog> s_default = new(() =>
    {
        using var stream = typeof(LegacyCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        return Read(stream);
    });

    private readonly Dictionary<string, string> _keyByLabel;

    private LegacyCatalog(IReadOnlyList<string> units, IReadOnlyList<string> columnWords, Dictionary<string, string> keyByLabel)
    {
        Units = units;
        ColumnWords = columnWords;
        _keyByLabel = keyByLabel;
    }

    /// <summary>The embedded catalogue.</summary>
    public static LegacyCatalog Default => s_default.Value;

    /// <summary>Units a row prints between its label and its values, longest first (万元 before 元).</summary>
    public IReadOnlyList<string> Units { get; }

    /// <summary>Words that head a value column (历年累计, 年末统计, 本年…), besides a year (2015年度).</summary>
    public IReadOnlyList<string> ColumnWords { get; }

    /// <summary>Every canonical key, in catalogue order.</summary>
    public IReadOnlyList<string> Keys { get; private init; } = [];

    // The first wording of each indicator, as people read it (codebook, label rows).
    private IReadOnlyDictionary<string, string> FirstLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>The indicator's name as people read it: its first wording in the catalogue (主动公开信息数).</summary>
    public string Label(string key) => FirstLabels.GetValueOrDefault(key, key);

    public static LegacyCatalog Read(Stream stream)
    {
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var units = root.GetProperty("units").EnumerateArray().Select(u => u.GetString()!).OrderByDescending(u => u.Length).ToArray();
        var words = root.GetProperty("column_words").EnumerateArray().Select(u => u.GetString()!).ToArray();
        var keyByLabel = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new List<string>();
        var firstLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var indicator in root.GetProperty("indicators").EnumerateArray())
        {
            string key = indicator.GetProperty("key").GetString()!;
            keys.Add(key);
            foreach (var label in indicator.GetProperty("labels").EnumerateArray())
            {
                firstLabels.TryAdd(key, label.GetString()!);
            }

            foreach (var label in indicator.GetProperty("labels").EnumerateArray())
            {
                string normalized = Normalize(label.GetString()!);
                if (keyByLabel.TryGetValue(normalized, out string? other) && other != key)
                {
                    throw new InvalidDataException($"legacy indicator label '{label.GetString()}' is given to both {other} and {key}");
                }

                keyByLabel[normalized] = key;
            }
        }

        return new LegacyCatalog(units, words, keyByLabel) { Keys = keys, FirstLabels = firstLabels };
    }

    /// <summary>A row label as it is matched: the template label normalisation, without 其中 and a leading ordinal (1．, 2、, (一)), 、 dropped.</summary>
    public static string Normalize(string label)
    {
        string normalized = LabelText.Normalize(label);
        if (normalized.StartsWith("其中", StringComparison.Ordinal))
        {
            normalized = normalized[2..].TrimStart(':', '：');
        }

        return LabelText.Core(normalized).Replace("、", "", StringComparison.Ordinal).TrimEnd(':', '：');
    }

    /// <summary>
    /// The canonical key of a row label as written: the whole label, or else its last word when a
    /// group heading without values ran into it (<c>依申请公开 收到申请数</c>).
    /// </summary>
    public string? KeyOfLabel(string label)
    {
        if (KeyOf(Normalize(label)) is { } key)
        {
            return key;
        }

        int space = label.TrimEnd().LastIndexOf(' ');
        return space > 0 ? KeyOf(Normalize(label[(space + 1)..])) : null;
    }

    /// <summary>
    /// The kind of a value column by its header: <c>cumulative</c> for a running total (历年累计, 累计),
    /// <c>year</c> for the year's figure (2013年度, 本年, 年末统计, 数量). The wide CSV keys legacy cells by it,
    /// so that tables heading their columns differently share one header.
    /// </summary>
    public static string ColumnKind(string column) => column.Contains("累计", StringComparison.Ordinal) ? "cumulative" : "year";

    /// <summary>The canonical key of a normalised label: an exact match, or the only indicator one edit away; null otherwise.</summary>
    public string? KeyOf(string normalized)
    {
        if (_keyByLabel.TryGetValue(normalized, out string? key))
        {
            return key;
        }

        if (normalized.Length < DefaultMinTypoLabel)
        {
            return null;
        }

        string? found = null;
        foreach (var (label, candidate) in _keyByLabel)
        {
            if (LabelText.EditDistance(normalized, label, 1) <= 1)
            {
                if (found is not null && found != candidate)
                {
                    return null;
                }

                found = candidate;
            }
        }

        return found;
    }
}
