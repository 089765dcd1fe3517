using ReportParser.Model;

namespace ReportParser.Templates;

/// <summary>
/// The template a report year suggests (spec §8): each edition from its <see cref="TemplateEdition.FirstYear"/>
/// until the next edition's; before the first, the legacy format. A prior only: content decides.
/// </summary>
internal sealed class YearPrior
{
    private readonly IReadOnlyList<TemplateEdition> _editions;
    private readonly TemplateEdition? _newest;

    public YearPrior(IReadOnlyList<TemplateEdition> editions)
    {
        _editions = editions;
        foreach (var edition in editions)
        {
            if (_newest is null || edition.FirstYear > _newest.FirstYear)
            {
                _newest = edition;
            }
        }
    }

    /// <summary>
    /// The prior for <paramref name="year"/>: null without a year, <see cref="TemplateNames.Legacy"/>
    /// before the first edition, else the edition the year falls in.
    /// </summary>
    public string? Prior(int? year)
    {
        if (year is not { } y)
        {
            return null;
        }

        return EditionOf(y)?.Name ?? TemplateNames.Legacy;
    }

    /// <summary>The edition <paramref name="year"/> falls in, or null (no year, or a year before every edition).</summary>
    public string? Edition(int? year) => year is { } y ? EditionOf(y)?.Name : null;

    /// <summary>
    /// The edition a table is read as when its labels do not decide: the one <paramref name="year"/>
    /// falls in, else the newest.
    /// </summary>
    public string Fallback(int? year) => Edition(year) ?? _newest?.Name ?? TemplateNames.Unknown;

    /// <summary>The editions, newest first (the order of the wide CSV's columns).</summary>
    public IReadOnlyList<string> NewestFirst()
    {
        var names = new List<string>(_editions.Count);
        var taken = new bool[_editions.Count];
        for (int n = 0; n < _editions.Count; n++)
        {
            int best = -1;
            for (int i = 0; i < _editions.Count; i++)
            {
                if (!taken[i] && (best < 0 || _editions[i].FirstYear > _editions[best].FirstYear))
                {
                    best = i;
                }
            }

            taken[best] = true;
            names.Add(_editions[best].Name);
        }

        return names;
    }

    /// <summary>The edition with the latest first year not after <paramref name="year"/>.</summary>
    private TemplateEdition? EditionOf(int year)
    {
        TemplateEdition? found = null;
        foreach (var edition in _editions)
        {
            if (edition.FirstYear <= year && (found is null || edition.FirstYear > found.FirstYear))
            {
                found = edition;
            }
        }

        return found;
    }
}
