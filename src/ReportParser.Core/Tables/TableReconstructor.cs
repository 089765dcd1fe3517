using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Reading;
using ReportParser.Sectioning;
using ReportParser.Templates;

namespace ReportParser.Tables;

/// <summary>
/// Rebuilds 表二/表三/表四 from the blocks of sections 二, 三 and 四 against the official templates.
/// Each table is looked for in its own section (by key, else by number in gov reports); when its
/// labels are not there, in the other sections. A section without its table gives an <c>absent</c>
/// table; a missing section gives none. Each table's template is decided from its own labels.
/// </summary>
internal sealed class TableReconstructor
{
    private static readonly (string Table, string SectionKey, int Number)[] Homes =
    [
        (TableKeys.Table2, "active_disclosure", 2),
        (TableKeys.Table3, "applications", 3),
        (TableKeys.Table4, "review_litigation", 4),
    ];

    private readonly TemplateCatalog _catalog;
    private readonly RegionTokenizer _tokenizer = new();
    private readonly RowTableBuilder _rows;
    private readonly Table4Builder _table4;
    private readonly RowMatcher _matcher;

    // The cells of the narrowest 表四 grid: a region with that many cell values holds 表四.
    private readonly int _table4Cells;

    public TableReconstructor()
        : this(TemplateCatalog.Default)
    {
    }

    public TableReconstructor(TemplateCatalog catalog)
    {
        _catalog = catalog;
        _rows = new RowTableBuilder();
        _table4 = new Table4Builder(catalog);
        _matcher = new RowMatcher(catalog);
        _table4Cells = Narrowest(catalog.GridWidths(TableKeys.Table4));
    }

    public IReadOnlyList<StatTable> Reconstruct(SplitDocument document, DiagnosticBag bag)
    {
        var sections = document.Sections;
        var tables = new List<StatTable>();
        var matches = new MatchMemo(_matcher, _catalog);
        // Each section is read once; each table then only settles its pipe-only lines (see RegionTokenizer.Read).
        var lines = new RegionLines?[sections.Count];
        string documentTemplate = document.Metadata.Template;
        bool govDocument = _catalog.Has(documentTemplate);
        IReadOnlyList<TablePart>? parts = null;

        foreach (var (table, sectionKey, number) in Homes)
        {
            // Tokens depend on the table's grid widths (padding vs blank cells), so each table has its own.
            var tokens = new IReadOnlyList<TableToken>?[sections.Count];
            int home = FindHome(sections, sectionKey, number, govDocument);
            TableRegion? region = null;
            if (home >= 0)
            {
                var homeTokens = RegionOf(sections, home, table, tokens, lines);
                if (IsPresent(homeTokens, table, strict: false, matches))
                {
                    region = new TableRegion(homeTokens, sections[home].Number, FirstLine(sections[home]));
                }
            }

            // An appended statistics part is looked for in a report on the official templates only
            // (the tables here are theirs), and only once a table is not in its own section.
            if (region is null && govDocument && (parts ??= TablePartFinder.Find(sections)).FirstOrDefault(p => p.Key == sectionKey) is { } part)
            {
                var partTokens = _tokenizer.Tokenize(part.Blocks, _catalog.GridWidths(table));
                if (IsPresent(partTokens, table, strict: false, matches))
                {
                    var last = sections[^1];
                    region = new TableRegion(partTokens, last.Number, part.Line);
                    bag.Report(DiagnosticCodes.TableElsewhere,
                        $"{TableKeys.Name(table)} was found in the statistics part {part.Heading} (line {part.Line}) after section {last.Number} ({last.Heading}), not in its own section", part.Line);
                }
            }

            if (region is null)
            {
                for (int i = 0; i < sections.Count && region is null; i++)
                {
                    if (i == home)
                    {
                        continue;
                    }

                    var other = TokensOf(sections, i, table, tokens, lines);
                    if (IsPresent(other, table, strict: true, matches))
                    {
                        region = new TableRegion(other, sections[i].Number, FirstLine(sections[i]));
                        bag.Report(DiagnosticCodes.TableElsewhere,
                            $"{TableKeys.Name(table)} was found in section {sections[i].Number} ({sections[i].Heading}), not in its own section", FirstLine(sections[i]));
                    }
                }
            }

            if (region is null)
            {
                if (home >= 0 && documentTemplate != TemplateNames.Legacy)
                {
                    bag.Report(DiagnosticCodes.TableAbsent,
                        $"section {sections[home].Heading} has no {TableKeys.Name(table)}; the table is reported as absent (no values)", sections[home].Line);
                    tables.Add(TableText.Absent(table, sections[home].Number, govDocument ? documentTemplate : TemplateNames.Unknown));
                }

                continue;
            }

            tables.Add(Build(table, region, document.Metadata, bag, matches));
        }

        ReportMixture(tables, bag);
        return tables;
    }

    private StatTable Build(string table, TableRegion region, ReportMetadata metadata, DiagnosticBag bag, MatchMemo matches)
    {
        string template = DecideTemplate(table, region.Tokens, metadata, matches);
        var tableTemplate = _catalog.Get(table, template);
        var match = matches.Match(region.Tokens, tableTemplate);
        return table == TableKeys.Table4
            ? _table4.Build(region, tableTemplate, bag, match)
            : _rows.Build(region, tableTemplate, bag, match);
    }

    /// <summary>
    /// The template whose labels the region shows (spec §8): labels only one template has, rows
    /// that carry values in only one template (（六）其他处理 followed by numbers), and rows whose value
    /// count fits only one template. Ties fall back to the document template, then to the report year.
    /// </summary>
    private string DecideTemplate(string table, IReadOnlyList<TableToken> tokens, ReportMetadata metadata, MatchMemo matches)
    {
        var templateNames = _catalog.Templates;
        var votes = new int[templateNames.Count];
        var labels = matches.Labels(tokens);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Label)
            {
                continue;
            }

            var label = labels.Label(i);
            if (label.Entries.Count > 0 || !label.Decomposed)
            {
                Vote(label.Entries);
                continue;
            }

            // A label run together with header labels: each piece votes.
            foreach (var piece in label.Before)
            {
                Vote(piece);
            }

            Vote(label.Last);
        }

        for (int t = 0; t < templateNames.Count; t++)
        {
            var match = matches.Match(tokens, _catalog.Get(table, templateNames[t]));
            foreach (var occurrence in match.Rows)
            {
                if (occurrence.Values.Count == 0)
                {
                    continue;
                }

                if (occurrence.Row!.IsData)
                {
                    votes[t]++;
                }

                bool oneRun = occurrence.Values.Count == 1 && occurrence.Values[0].IsDigitRun;
                if (occurrence.Values.Count == occurrence.Row.Columns.Count && !oneRun)
                {
                    votes[t]++;
                }
            }
        }

        int best = 0;
        foreach (int v in votes)
        {
            best = Math.Max(best, v);
        }

        int leader = -1;
        int leaders = 0;
        for (int t = 0; t < votes.Length; t++)
        {
            if (votes[t] == best)
            {
                leader = t;
                leaders++;
            }
        }

        if (leaders == 1)
        {
            return templateNames[leader];
        }

        if (_catalog.Has(metadata.Template))
        {
            return metadata.Template;
        }

        return _catalog.Years.Fallback(metadata.ReportYear);

        void Vote(IReadOnlyList<LabelEntry> entries)
        {
            if (OnlyTemplate(entries, table) is { } only)
            {
                votes[IndexOf(templateNames, only)]++;
            }
        }
    }

    /// <summary>The template of <paramref name="table"/> that the entries name, when they name exactly one; else null.</summary>
    private static string? OnlyTemplate(IReadOnlyList<LabelEntry> entries, string table)
    {
        string? only = null;
        // Indexed: foreach over the interface would allocate an enumerator per call.
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Table.Table != table)
            {
                continue;
            }

            if (only is null)
            {
                only = entry.Table.Template;
            }
            else if (only != entry.Table.Template)
            {
                return null;
            }
        }

        return only;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"the template {name} is not in the catalog");
    }

    private bool IsPresent(IReadOnlyList<TableToken> tokens, string table, bool strict, MatchMemo matches)
    {
        if (table == TableKeys.Table4)
        {
            return strict ? CountTableLabels(matches.Labels(tokens), table) >= 3 : Table4Builder.IsPresent(matches.Labels(tokens), _table4Cells);
        }

        int rowsWithValues = 0;
        bool header = false;
        foreach (string template in _catalog.Templates)
        {
            var match = matches.Match(tokens, _catalog.Get(table, template));
            int withValues = 0;
            foreach (var row in match.Rows)
            {
                withValues += row.Values.Count > 0 ? 1 : 0;
            }

            rowsWithValues = Math.Max(rowsWithValues, withValues);
            header |= match.HeaderSeen;
        }

        return strict ? rowsWithValues >= 3 : rowsWithValues > 0 || header;
    }

    private static int CountTableLabels(TokenLabels labels, string table)
    {
        int count = 0;
        for (int i = 0; i < labels.Tokens.Count; i++)
        {
            if (labels.Tokens[i].Kind == TokenKind.Label && RowMatcher.IsTableLabel(labels.Label(i), table))
            {
                count++;
            }
        }

        return count;
    }

    private static int FindHome(IReadOnlyList<SplitSection> sections, string key, int number, bool govDocument)
    {
        for (int i = 0; i < sections.Count; i++)
        {
            if (sections[i].Key == key)
            {
                return i;
            }
        }

        if (!govDocument)
        {
            return -1;
        }

        for (int i = 0; i < sections.Count; i++)
        {
            if (sections[i].Number == number && sections[i].Key is null)
            {
                return i;
            }
        }

        return -1;
    }

    private IReadOnlyList<TableToken> TokensOf(IReadOnlyList<SplitSection> sections, int index, string table,
        IReadOnlyList<TableToken>?[] cache, RegionLines?[] lines) =>
        cache[index] ??= _tokenizer.Tokenize(lines[index] ??= RegionTokenizer.Read(sections[index].Blocks), _catalog.GridWidths(table));

    /// <summary>
    /// The section's tokens; when the next section's heading is in fact a row label of this table
    /// (四、结转下年度继续办理 taken for a section heading), that section is read as part of the table.
    /// </summary>
    private IReadOnlyList<TableToken> RegionOf(IReadOnlyList<SplitSection> sections, int home, string table,
        IReadOnlyList<TableToken>?[] cache, RegionLines?[] lines)
    {
        var tokens = TokensOf(sections, home, table, cache, lines);
        if (home + 1 >= sections.Count)
        {
            return tokens;
        }

        var next = sections[home + 1];
        bool isRow = _catalog.Labels.Resolve(next.Heading).Entries
            .Any(e => e.Table.Table == table && e.Row is not null);
        if (!isRow)
        {
            return tokens;
        }

        return [.. tokens, .. _tokenizer.Tokenize([new TextLine(next.Heading, next.Line), .. next.Blocks], _catalog.GridWidths(table))];
    }

    private static int Narrowest(IReadOnlySet<int> widths)
    {
        int narrowest = int.MaxValue;
        foreach (int width in widths)
        {
            narrowest = Math.Min(narrowest, width);
        }

        return narrowest;
    }

    private static int? FirstLine(SplitSection section) => section.Blocks.Count > 0 ? section.Blocks[0].Line : section.Line;

    /// <summary>
    /// The match results of one document: presence tests, the template vote and the builders match
    /// the same token lists (by reference: they are not changed once made) against the same templates,
    /// and look up the labels of the same lists.
    /// </summary>
    private sealed class MatchMemo(RowMatcher matcher, TemplateCatalog catalog)
    {
        // A class rather than a tuple: generic code over it is precompiled (over a tuple of references it is compiled at run time).
        private sealed record Known(IReadOnlyList<TableToken> Tokens, TableTemplate Template, MatchResult Result);

        private readonly List<Known> _results = [];
        private readonly Dictionary<IReadOnlyList<TableToken>, TokenLabels> _labels = new(ReferenceEqualityComparer.Instance);

        public MatchResult Match(IReadOnlyList<TableToken> tokens, TableTemplate template)
        {
            for (int i = 0; i < _results.Count; i++)
            {
                var known = _results[i];
                if (ReferenceEquals(known.Tokens, tokens) && ReferenceEquals(known.Template, template))
                {
                    return known.Result;
                }
            }

            var match = matcher.Match(Labels(tokens), template);
            _results.Add(new Known(tokens, template, match));
            return match;
        }

        public TokenLabels Labels(IReadOnlyList<TableToken> tokens)
        {
            if (!_labels.TryGetValue(tokens, out var labels))
            {
                _labels[tokens] = labels = new TokenLabels(tokens, catalog);
            }

            return labels;
        }
    }

    /// <summary>RP3009 when the reconstructed tables follow different templates (an old 表二 with a new 表三).</summary>
    private static void ReportMixture(List<StatTable> tables, DiagnosticBag bag)
    {
        var built = tables.Where(t => t.Status != TableStatus.Absent && t.Key != TableKeys.Table4).ToList();
        if (built.Select(t => t.Template).Distinct().Count() > 1)
        {
            string detail = string.Join(", ", built.Select(t => $"{TableKeys.Name(t.Key)} {t.Template}"));
            bag.Report(DiagnosticCodes.TemplateMixture, $"the tables follow different templates: {detail}", built[0].Line);
        }
    }
}
