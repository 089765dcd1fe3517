using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportParser.Text;

namespace ReportParser.Reading;

/// <summary>
/// The numbers Word generates for numbered paragraphs (<c>w:numPr</c>), as the reader sees them:
/// each list instance counts per level from its start value, a level restarts when a higher one
/// advances, and the level's text pattern (<c>%1、</c>, <c>（%1）</c>, <c>%1.%2</c>) is filled in with
/// the level's format (Chinese counting 一二三, decimal, circled). Bullets and unknown lists give no text.
/// </summary>
internal sealed class NumberingText(Numbering? numbering)
{
    private const int MaxLevels = 9;

    private readonly Dictionary<int, Level[]> _levels = Load(numbering);
    private readonly Dictionary<int, int[]> _counters = [];

    private sealed class Level(int start, NumberFormatValues format, string pattern)
    {
        public int Start { get; } = start;
        public NumberFormatValues Format { get; } = format;
        public string Pattern { get; } = pattern;
    }

    /// <summary>The number text of the next paragraph of list <paramref name="numberId"/> at <paramref name="level"/>; "" when none.</summary>
    public string Next(int numberId, int level)
    {
        if (numberId == 0 || level is < 0 or >= MaxLevels || !_levels.TryGetValue(numberId, out var levels) || levels[level] is not { } definition)
        {
            return "";
        }

        if (!_counters.TryGetValue(numberId, out var counters))
        {
            _counters[numberId] = counters = new int[MaxLevels];
        }

        counters[level] = counters[level] == 0 ? definition.Start : counters[level] + 1;
        for (int deeper = level + 1; deeper < MaxLevels; deeper++)
        {
            counters[deeper] = 0;
        }

        if (definition.Format == NumberFormatValues.Bullet || definition.Format == NumberFormatValues.None)
        {
            return "";
        }

        var text = new StringBuilder();
        string pattern = definition.Pattern;
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '%' && i + 1 < pattern.Length && pattern[i + 1] is >= '1' and <= '9')
            {
                int referenced = pattern[i + 1] - '1';
                var format = levels[referenced]?.Format ?? NumberFormatValues.Decimal;
                int value = counters[referenced] == 0 ? levels[referenced]?.Start ?? 1 : counters[referenced];
                text.Append(Format(value, format));
                i++;
            }
            else
            {
                text.Append(pattern[i]);
            }
        }

        return text.ToString();
    }

    private static string Format(int value, NumberFormatValues format)
    {
        if (format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand
            || format == NumberFormatValues.TaiwaneseCounting || format == NumberFormatValues.TaiwaneseCountingThousand
            || format == NumberFormatValues.IdeographTraditional || format == NumberFormatValues.JapaneseCounting)
        {
            return ChineseNumeral.Format(value);
        }

        if (format == NumberFormatValues.DecimalEnclosedCircle || format == NumberFormatValues.DecimalEnclosedCircleChinese)
        {
            return value is >= 1 and <= 20 ? ((char)('①' + value - 1)).ToString() : value.ToString(CultureInfo.InvariantCulture);
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    private static Dictionary<int, Level[]> Load(Numbering? numbering)
    {
        var result = new Dictionary<int, Level[]>();
        if (numbering is null)
        {
            return result;
        }

        var abstracts = new Dictionary<int, AbstractNum>();
        foreach (var definition in numbering.Elements<AbstractNum>())
        {
            if (definition.AbstractNumberId?.Value is { } id)
            {
                abstracts[id] = definition;
            }
        }

        foreach (var instance in numbering.Elements<NumberingInstance>())
        {
            if (instance.NumberID?.Value is not { } numberId || instance.AbstractNumId?.Val?.Value is not { } abstractId
                || !abstracts.TryGetValue(abstractId, out var definition))
            {
                continue;
            }

            var levels = new Level[MaxLevels];
            foreach (var level in definition.Elements<DocumentFormat.OpenXml.Wordprocessing.Level>())
            {
                Set(levels, level);
            }

            foreach (var levelOverride in instance.Elements<LevelOverride>())
            {
                if (levelOverride.Level is { } level)
                {
                    Set(levels, level);
                }
                else if (levelOverride.LevelIndex?.Value is { } index && index < MaxLevels && levels[index] is { } existing
                    && levelOverride.StartOverrideNumberingValue?.Val?.Value is { } start)
                {
                    levels[index] = new Level(start, existing.Format, existing.Pattern);
                }
            }

            result[numberId] = levels;
        }

        return result;
    }

    private static void Set(Level[] levels, DocumentFormat.OpenXml.Wordprocessing.Level level)
    {
        int index = level.LevelIndex?.Value ?? -1;
        if (index is < 0 or >= MaxLevels)
        {
            return;
        }

        levels[index] = new Level(
            level.StartNumberingValue?.Val?.Value ?? 1,
            level.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal,
            level.LevelText?.Val?.Value ?? "");
    }
}
