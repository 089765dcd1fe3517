using ReportParser.Templates;

namespace ReportParser.Tables;

/// <summary>
/// A row label found in the region with the value tokens that follow it. <see cref="Approximate"/>:
/// the label differs from the template's by a typo and was matched by similarity.
/// </summary>
internal sealed record RowOccurrence(TemplateRow? Row, string Label, int Line, IReadOnlyList<TableToken> Values, bool Approximate = false);

/// <summary>What the matcher found for one table in a token region.</summary>
internal sealed record MatchResult(
    IReadOnlyList<RowOccurrence> Rows,
    IReadOnlyList<RowOccurrence> Extras,
    IReadOnlyList<TableToken> Leftovers,
    int? FirstLine,
    bool HeaderSeen);

/// <summary>
/// Finds a template's rows by their labels in a token region and takes the values after each label.
/// Tolerates missing, repeated, out-of-order and extra rows: the caller reports them. A label that ran
/// together with header labels (no separators) is matched by its last piece.
/// </summary>
internal sealed class RowMatcher(TemplateCatalog catalog)
{
    private const int MaxExtraLabelLength = 40;

    public MatchResult Match(IReadOnlyList<TableToken> tokens, TableTemplate table) => Match(new TokenLabels(tokens, catalog), table);

    /// <param name="labels">The tokens with their labels resolved once for every template they are matched against.</param>
    /// <param name="table">The template table to find.</param>
    public MatchResult Match(TokenLabels labels, TableTemplate table)
    {
        var tokens = labels.Tokens;
        var rows = new List<RowOccurrence>();
        var extras = new List<RowOccurrence>();
        var pending = new List<(TableToken Label, IReadOnlyList<TableToken> Values)>();
        var leftovers = new List<TableToken>();
        int? firstLine = null;
        bool headerSeen = false;
        string? lastGroup = null;

        int i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Label)
            {
                if (token.Kind == TokenKind.Value && firstLine is not null && !CellValueParser.IsBlank(token.Text))
                {
                    leftovers.Add(token);
                }

                i++;
                continue;
            }

            var (row, header, used) = MatchLabel(labels, i, table, lastGroup);
            bool approximate = false;
            if (row is null && !header && firstLine is not null && LooksLikeRowLabel(labels, i))
            {
                row = Similar(labels.Label(i).Normalized, table, lastGroup, rows);
                approximate = row is not null;
            }

            int next = i + used;
            int valueCount = 0;
            while (next < tokens.Count && tokens[next].Kind != TokenKind.Label)
            {
                valueCount += tokens[next].Kind == TokenKind.Value ? 1 : 0;
                next++;
            }

            // Most labels (prose lines) have no values after them: their list is the shared empty one.
            var values = valueCount == 0 ? [] : new TableToken[valueCount];
            for (int t = i + used, v = 0; v < valueCount; t++)
            {
                if (tokens[t].Kind == TokenKind.Value)
                {
                    values[v++] = tokens[t];
                }
            }

            if (row is not null)
            {
                rows.Add(new RowOccurrence(row, token.Text, token.Line, values, approximate));
                firstLine ??= token.Line;
                lastGroup = row.IsData ? row.Parent : row.Key;
            }
            else if (header)
            {
                headerSeen = true;
                firstLine ??= token.Line;
                AddNonBlank(leftovers, values);
            }
            else if (values.Length > 0 && firstLine is not null && LooksLikeRowLabel(labels, i))
            {
                pending.Add((token, values));
            }
            else if (firstLine is not null && Array.Exists(values, v => v.FromCell))
            {
                AddNonBlank(leftovers, values);
            }

            i = next;
        }

        // Unknown labels with values become extra rows when they sit inside the table (before its last
        // matched row) or are table cells themselves; anything else is prose.
        int lastRowLine = -1;
        foreach (var row in rows)
        {
            lastRowLine = Math.Max(lastRowLine, row.Line);
        }

        foreach (var (label, values) in pending)
        {
            if (label.Line <= lastRowLine || label.FromCell)
            {
                extras.Add(new RowOccurrence(null, label.Text, label.Line, values));
            }
        }

        return new MatchResult(rows, extras, leftovers, firstLine, headerSeen);
    }

    private static void AddNonBlank(List<TableToken> leftovers, TableToken[] values)
    {
        foreach (var value in values)
        {
            if (!CellValueParser.IsBlank(value.Text))
            {
                leftovers.Add(value);
            }
        }
    }

    /// <summary>Whether a label token belongs to this table (any template): a row or a header label, whole or run together.</summary>
    public bool IsTableLabel(TableToken token, string tableKey) => IsTableLabel(catalog.Labels.Resolve(token.Text), tableKey);

    /// <summary>Whether a resolved label belongs to this table (any template): a row or a header label, whole or run together.</summary>
    public static bool IsTableLabel(ResolvedLabel label, string tableKey)
    {
        if (Names(label.Entries, tableKey))
        {
            return true;
        }

        if (!label.Decomposed)
        {
            return false;
        }

        if (Names(label.Last, tableKey))
        {
            return true;
        }

        foreach (var piece in label.Before)
        {
            if (Names(piece, tableKey))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a label is a label of any table at all.</summary>
    private static bool IsKnownLabel(ResolvedLabel label) => label.Entries.Count > 0 || label.Decomposed;

    private static bool Names(IReadOnlyList<LabelEntry> entries, string tableKey)
    {
        // Indexed: foreach over the interface would allocate an enumerator per call.
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Table.Table == tableKey)
            {
                return true;
            }
        }

        return false;
    }

    private static (TemplateRow? Row, bool Header, int Used) MatchLabel(TokenLabels labels, int i, TableTemplate table, string? lastGroup)
    {
        var (row, header) = MatchText(labels.Label(i), table, lastGroup);
        if (row is not null || header)
        {
            return (row, header, 1);
        }

        // A label wrapped onto two lines or split into two cells: try it joined with the next label.
        var tokens = labels.Tokens;
        if (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Label && tokens[i + 1].Line - tokens[i].Line <= 1)
        {
            var (joined, joinedHeader) = MatchText(labels.Joined(i), table, lastGroup);
            if (joined is not null || joinedHeader)
            {
                return (joined, joinedHeader, 2);
            }
        }

        return (null, false, 1);
    }

    private static (TemplateRow? Row, bool Header) MatchText(ResolvedLabel label, TableTemplate table, string? lastGroup)
    {
        if (label.Normalized.Length == 0)
        {
            return (null, false);
        }

        var entries = label.Entries;
        if (entries.Count == 0)
        {
            if (!label.Decomposed)
            {
                return (null, false);
            }

            entries = label.Last;
        }

        // Indexed: foreach over the interface would allocate an enumerator per call.
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Table == table && entry.Row is not null && (entry.Row.After is null || entry.Row.After == lastGroup))
            {
                return (entry.Row, false);
            }
        }

        return (null, Names(entries, table.Table));
    }

    /// <summary>
    /// A template row whose label (or an alias) is within one edit of <paramref name="normalized"/>
    /// (two for labels of ten characters or more), not yet found, and the only such row: sites mistype
    /// labels ("属于三类内容事务信息" for 内部). Ambiguous or distant labels stay unknown (extra rows).
    /// </summary>
    /// <summary>Default shortest label matched despite a typo: a shorter one is too easily another word.</summary>
    public const int MinTypoLabel = 4;

    /// <summary>Default length from which a label may differ by <see cref="LongLabelEdits"/> edits instead of <see cref="ShortLabelEdits"/>.</summary>
    public const int LongLabel = 10;

    /// <summary>Default edits allowed in a label shorter than <see cref="LongLabel"/>.</summary>
    public const int ShortLabelEdits = 1;

    /// <summary>Default edits allowed in a label of <see cref="LongLabel"/> characters or more.</summary>
    public const int LongLabelEdits = 2;

    private static TemplateRow? Similar(string normalized, TableTemplate table, string? lastGroup, List<RowOccurrence> found)
    {
        if (normalized.Length < MinTypoLabel)
        {
            return null;
        }

        int limit = normalized.Length >= LongLabel ? LongLabelEdits : ShortLabelEdits;
        TemplateRow? best = null;
        int bestDistance = int.MaxValue;
        bool tie = false;
        foreach (var row in table.Rows)
        {
            if (!row.IsData || (row.After is not null && row.After != lastGroup) || found.Exists(f => f.Row == row))
            {
                continue;
            }

            foreach (string label in row.Aliases.Prepend(row.Label))
            {
                string candidate = LabelText.Normalize(label);
                int distance = LabelText.EditDistance(normalized, candidate, limit);
                if (distance < bestDistance)
                {
                    (best, bestDistance, tie) = (row, distance, false);
                }
                else if (distance == bestDistance && best != row)
                {
                    tie = true;
                }
            }
        }

        return bestDistance <= limit && !tie ? best : null;
    }


    private static bool LooksLikeRowLabel(TokenLabels labels, int i)
    {
        string text = labels.Tokens[i].Text;
        return text.Length <= MaxExtraLabelLength && !text.Contains('。') && !IsKnownLabel(labels.Label(i));
    }
}

/// <summary>
/// A token list with its labels resolved by the catalogue, each once however many templates and
/// tables match the list: the token lists are not changed once made, and resolving is a function of
/// the text alone. <see cref="Joined"/> is a label with the next one appended (a label wrapped onto two lines).
/// </summary>
internal sealed class TokenLabels(IReadOnlyList<TableToken> tokens, TemplateCatalog catalog)
{
    private readonly ResolvedLabel?[] _labels = new ResolvedLabel?[tokens.Count];
    private ResolvedLabel?[]? _joined;

    public IReadOnlyList<TableToken> Tokens => tokens;

    public ResolvedLabel Label(int i) => _labels[i] ??= catalog.Labels.Resolve(tokens[i].Text);

    public ResolvedLabel Joined(int i) =>
        (_joined ??= new ResolvedLabel?[tokens.Count])[i] ??= catalog.Labels.Resolve(tokens[i].Text + tokens[i + 1].Text);
}
