namespace ReportParser.Templates;

/// <summary>What a normalised label means: a row or a header label of one table in one template.</summary>
internal sealed record LabelEntry(TableTemplate Table, TemplateRow? Row);

/// <summary>
/// A label as the matchers see it: its normalised text, the entries of <see cref="LabelIndex.Lookup"/>,
/// and the outcome of <see cref="LabelIndex.TryDecompose"/> (<see cref="Decomposed"/>, <see cref="Last"/>, <see cref="Before"/>).
/// </summary>
internal sealed record ResolvedLabel(
    string Normalized,
    IReadOnlyList<LabelEntry> Entries,
    bool Decomposed,
    IReadOnlyList<LabelEntry> Last,
    IReadOnlyList<IReadOnlyList<LabelEntry>> Before);

/// <summary>
/// An index from normalised labels (<see cref="LabelText"/>) to what they mean in the template tables:
/// every row label and alias, header label and column label of every table of every template.
/// </summary>
internal sealed class LabelIndex
{
    /// <summary>Longer labels are not decomposed into pieces (the search is quadratic in the length).</summary>
    public const int MaxDecomposedLength = 800;

    private readonly Dictionary<string, List<LabelEntry>> _labels = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pieces = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _pieceLookup;
    private readonly int _longestPiece;

    // Resolve's memo. The same labels recur in every report and every template is matched several
    // times per table, so most lookups are hits. Cleared when full: memory stays bounded whatever the input.
    private const int MaxResolved = 4096;
    private const int MaxResolvedLength = 200;
    // A plain dictionary under a lock: lookups are short, and ConcurrentDictionary.Count (needed for
    // the bound) takes every lock of the dictionary.
    private readonly Dictionary<string, ResolvedLabel> _resolved = new(StringComparer.Ordinal);
    private readonly Lock _resolvedLock = new();

    // Plain loops rather than LINQ here and in AddLabel: the index is built once per process, and on
    // a one-report run the generic LINQ and frozen-set code it would need (compiled at run time) costs
    // more than the parse.
    public LabelIndex(IReadOnlyList<TableTemplate> tables)
    {
        foreach (var table in tables)
        {
            foreach (var row in table.Rows)
            {
                AddLabel(row.Label, new LabelEntry(table, row));
                foreach (string alias in row.Aliases)
                {
                    AddLabel(alias, new LabelEntry(table, row));
                }
            }

            foreach (string label in table.HeaderLabels)
            {
                AddLabel(label, new LabelEntry(table, null));
            }

            foreach (var column in table.Columns)
            {
                AddLabel(column.Label, new LabelEntry(table, null));
                foreach (string alias in column.Aliases)
                {
                    AddLabel(alias, new LabelEntry(table, null));
                }
            }
        }

        _pieceLookup = _pieces.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (string piece in _pieces)
        {
            _longestPiece = Math.Max(_longestPiece, piece.Length);
        }
    }

    /// <summary>The label text (as it stands in the report) normalised, looked up and decomposed; memoised.</summary>
    public ResolvedLabel Resolve(string label)
    {
        lock (_resolvedLock)
        {
            if (_resolved.TryGetValue(label, out var known))
            {
                return known;
            }
        }

        string normalized = LabelText.Normalize(label);
        bool decomposed = TryDecompose(normalized, out var last, out var before);
        var resolved = new ResolvedLabel(normalized, Lookup(normalized), decomposed, last, before);
        if (label.Length <= MaxResolvedLength)
        {
            lock (_resolvedLock)
            {
                if (_resolved.Count >= MaxResolved)
                {
                    _resolved.Clear();
                }

                _resolved.TryAdd(label, resolved);
            }
        }

        return resolved;
    }

    /// <summary>Entries for a label matched as a whole (after normalisation, with or without ordinal and trailing parenthetical).</summary>
    public IReadOnlyList<LabelEntry> Lookup(string normalized)
    {
        foreach (string form in LabelText.LookupForms(normalized))
        {
            if (_labels.TryGetValue(form, out var entries))
            {
                return entries;
            }
        }

        return [];
    }

    /// <summary>
    /// For a label token that ran together with header labels (text without separators), the start of
    /// the last piece: the text before it must be made only of known labels, ordinals and parentheticals.
    /// Returns the entries of the last piece and those of each piece before it, or false.
    /// </summary>
    public bool TryDecompose(string normalized, out IReadOnlyList<LabelEntry> last, out IReadOnlyList<IReadOnlyList<LabelEntry>> before)
    {
        last = [];
        before = [];
        if (normalized.Length > MaxDecomposedLength)
        {
            return false;
        }

        // reach[j]: normalized[..j] is made of known pieces; from[j]: where the piece ending at j starts.
        var reach = new bool[normalized.Length + 1];
        var from = new int[normalized.Length + 1];
        reach[0] = true;
        for (int j = 0; j < normalized.Length; j++)
        {
            if (!reach[j])
            {
                continue;
            }

            int ordinal = LabelText.OrdinalLength(normalized, j);
            if (ordinal > 0)
            {
                Mark(j, j + ordinal);
            }

            int paren = LabelText.SkipParenthetical(normalized, j);
            if (paren > 0)
            {
                Mark(j, paren);
            }

            var rest = normalized.AsSpan(j);
            for (int len = Math.Min(_longestPiece, rest.Length); len >= 1; len--)
            {
                if (_pieceLookup.Contains(rest[..len]))
                {
                    Mark(j, j + len);
                }
            }
        }

        for (int start = 1; start < normalized.Length; start++)
        {
            if (!reach[start])
            {
                continue;
            }

            var entries = Lookup(normalized[start..]);
            if (entries.Count == 0)
            {
                continue;
            }

            var pieces = new List<IReadOnlyList<LabelEntry>>();
            for (int end = start; end > 0; end = from[end])
            {
                pieces.Add(Lookup(normalized[from[end]..end]));
            }

            pieces.Reverse();
            last = entries;
            before = pieces;
            return true;
        }

        return false;

        void Mark(int start, int end)
        {
            if (!reach[end])
            {
                reach[end] = true;
                from[end] = start;
            }
        }
    }

    private void AddLabel(string label, LabelEntry entry)
    {
        string normalized = LabelText.Normalize(label);
        if (normalized.Length == 0)
        {
            return;
        }

        _pieces.Add(normalized);
        _pieces.Add(LabelText.Core(normalized));
        foreach (string form in LabelText.LookupForms(normalized))
        {
            if (!_labels.TryGetValue(form, out var list))
            {
                _labels[form] = list = [];
            }

            // The same table and row (objects unique in the catalogue) reached through another alias.
            if (!list.Exists(e => ReferenceEquals(e.Table, entry.Table) && ReferenceEquals(e.Row, entry.Row)))
            {
                list.Add(entry);
            }
        }
    }
}
