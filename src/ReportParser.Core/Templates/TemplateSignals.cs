using ReportParser.Text;

namespace ReportParser.Templates;

/// <summary>
/// The labels that tell the templates apart in a report's text (spec §8): each edition's own signals
/// (labels only it prints), then the 表三 labels every edition shares (the titles of its top-level
/// rows: 本年新收政府信息公开申请数量 …), which say "a gov template" without saying which. All are
/// folded for matching (<see cref="Text.TextFold.ForMatching"/>). The detector finds them;
/// <see cref="Decide"/> weighs what it found.
/// </summary>
internal sealed class TemplateSignals
{
    private readonly IReadOnlyList<TemplateEdition> _editions;
    private readonly int[] _editionOf;
    private readonly string[] _all;

    public TemplateSignals(IReadOnlyList<TemplateEdition> editions, IReadOnlyList<TableTemplate> tables)
    {
        _editions = editions;
        var all = new List<string>();
        var owner = new List<int>();
        for (int e = 0; e < editions.Count; e++)
        {
            foreach (string signal in editions[e].Signals)
            {
                all.Add(signal);
                owner.Add(e);
            }
        }

        foreach (var table in tables)
        {
            if (table.Table != TableKeys.Table3)
            {
                continue;
            }

            foreach (var row in table.Rows)
            {
                string title = LabelText.MatchingCore(row.Label);
                if (row.Parent is null && title.Length > 0 && !all.Contains(title))
                {
                    all.Add(title);
                    owner.Add(-1);
                }
            }
        }

        _all = [.. all];
        _editionOf = [.. owner];
    }

    /// <summary>Every signal; the detector reports what it found as flags in this order.</summary>
    public IReadOnlyList<string> All => _all;

    /// <summary>
    /// The edition the found signals point at: the one with most of its own signals found, a tie going
    /// to the newer edition; null when no edition's own signal was found.
    /// </summary>
    public string? Decide(bool[] found)
    {
        var counts = new int[_editions.Count];
        for (int i = 0; i < _all.Length; i++)
        {
            if (found[i] && _editionOf[i] >= 0)
            {
                counts[_editionOf[i]]++;
            }
        }

        int best = -1;
        for (int e = 0; e < counts.Length; e++)
        {
            if (counts[e] == 0)
            {
                continue;
            }

            if (best < 0 || counts[e] > counts[best] || (counts[e] == counts[best] && _editions[e].FirstYear > _editions[best].FirstYear))
            {
                best = e;
            }
        }

        return best < 0 ? null : _editions[best].Name;
    }

    /// <summary>Whether a shared 表三 signal was found.</summary>
    public bool SharedFound(bool[] found)
    {
        for (int i = 0; i < _all.Length; i++)
        {
            if (found[i] && _editionOf[i] < 0)
            {
                return true;
            }
        }

        return false;
    }
}
