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
    bool HeaderSeen)
{
    public bool Found => Rows.Count > 0 || HeaderSeen;
}

/// <summary>
/// Finds a template's rows by their labels in a token region and takes the values after each label.
/// Tolerates missing, repeated, out-of-order and extra rows: the caller reports them. A label that ran
/// together with header labels (no separators) is matched by its last piece.
/// </summary>
internal sealed class RowMatcher(TemplateCatalog catalog)
{
    private const int MaxExtraLabelLength = 40;

    public MatchResult Match(IReadOnlyList<TableToken> tokens, TableTemplate table)
    {
        var rows = new List<RowOccurrence>();
        var extras = new List<RowOccurrence>();
        var pending = new List<(TableToken Label, List<TableToken> Values)>();
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

            var (row, header, used) = MatchLabel(tokens, i, table, lastGroup);
            bool approximate = false;
            if (row is null && !header && firstLine is not null && LooksLikeRowLabel(token))
            {
                row = Similar(LabelText.Normalize(token.Text), table, lastGroup, rows);
                approximate = row is not null;
            }

            int next = i + used;
            var values = new List<TableToken>();
            while (next < tokens.Count && tokens[next].Kind != TokenKind.Label)
            {
                if (tokens[next].Kind == TokenKind.Value)
                {
                    values.Add(tokens[next]);
                }

                next++;
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
                leftovers.AddRange(values.Where(v => !CellValueParser.IsBlank(v.Text)));
            }
            else if (values.Count > 0 && firstLine is not null && LooksLikeRowLabel(token))
            {
                pending.Add((token, values));
            }
            else if (firstLine is not null && values.Any(v => v.FromCell))
            {
                leftovers.AddRange(values.Where(v => !CellValueParser.IsBlank(v.Text)));
            }

            i = next;
        }

        // Unknown labels with values become extra rows when they sit inside the table (before its last
        // matched row) or are table cells themselves; anything else is prose.
        int lastRowLine = rows.Count > 0 ? rows.Max(r => r.Line) : -1;
        foreach (var (label, values) in pending)
        {
            if (label.Line <= lastRowLine || label.FromCell)
            {
                extras.Add(new RowOccurrence(null, label.Text, label.Line, values));
            }
        }

        return new MatchResult(rows, extras, leftovers, firstLine, headerSeen);
    }

    /// <summary>Whether a label token belongs to this table (any template): a row or a header label, whole or run together.</summary>
    public bool IsTableLabel(TableToken token, string tableKey)
    {
        var label = catalog.Resolve(token.Text);
        if (label.Entries.Any(e => e.Table.Table == tableKey))
        {
            return true;
        }

        return label.Decomposed
            && label.Last.Concat(label.Before.SelectMany(p => p)).Any(e => e.Table.Table == tableKey);
    }

    /// <summary>Whether a label is a label of any table at all.</summary>
    public bool IsKnownLabel(TableToken token)
    {
        var label = catalog.Resolve(token.Text);
        return label.Entries.Count > 0 || label.Decomposed;
    }

    private (TemplateRow? Row, bool Header, int Used) MatchLabel(IReadOnlyList<TableToken> tokens, int i, TableTemplate table, string? lastGroup)
    {
        var (row, header) = MatchText(tokens[i].Text, table, lastGroup);
        if (row is not null || header)
        {
            return (row, header, 1);
        }

        // A label wrapped onto two lines or split into two cells: try it joined with the next label.
        if (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Label && tokens[i + 1].Line - tokens[i].Line <= 1)
        {
            var (joined, joinedHeader) = MatchText(tokens[i].Text + tokens[i + 1].Text, table, lastGroup);
            if (joined is not null || joinedHeader)
            {
                return (joined, joinedHeader, 2);
            }
        }

        return (null, false, 1);
    }

    private (TemplateRow? Row, bool Header) MatchText(string text, TableTemplate table, string? lastGroup)
    {
        var label = catalog.Resolve(text);
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

        var row = entries.FirstOrDefault(e => e.Table == table && e.Row is not null && (e.Row.After is null || e.Row.After == lastGroup))?.Row;
        bool header = row is null && entries.Any(e => e.Table.Table == table.Table);
        return (row, header);
    }

    /// <summary>
    /// A template row whose label (or an alias) is within one edit of <paramref name="normalized"/>
    /// (two for labels of ten characters or more), not yet found, and the only such row: sites mistype
    /// labels ("属于三类内容事务信息" for 内部). Ambiguous or distant labels stay unknown (extra rows).
    /// </summary>
    private static TemplateRow? Similar(string normalized, TableTemplate table, string? lastGroup, List<RowOccurrence> found)
    {
        if (normalized.Length < 4)
        {
            return null;
        }

        int limit = normalized.Length >= 10 ? 2 : 1;
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
                int distance = EditDistance(normalized, candidate, limit);
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

    /// <summary>Levenshtein distance, or <paramref name="limit"/> + 1 once it is certain to exceed the limit.</summary>
    private static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private bool LooksLikeRowLabel(TableToken token) =>
        token.Text.Length <= MaxExtraLabelLength && !token.Text.Contains('。') && !IsKnownLabel(token);
}
