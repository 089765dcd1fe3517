using ReportParser.Model;
using ReportParser.Templates;
using ReportParser.Text;

namespace ReportParser.Panel;

/// <summary>How a sentence of the newer report was found in the older one.</summary>
internal static class ReuseKind
{
    /// <summary>The same sentence (after the matching fold).</summary>
    public const string Verbatim = "verbatim";

    /// <summary>The same sentence but for its numbers.</summary>
    public const string NumbersChanged = "numbers_changed";

    /// <summary>Nearly the same (<see cref="ReportComparer.NearVerbatimSimilarity"/>), numbers aside.</summary>
    public const string Near = "near";
}

/// <summary>A sentence of the newer report found in the older one, with the older sentence and how alike they are (bigram Dice, numbers masked).</summary>
internal sealed record ReusedSentence(string Kind, string Text, string OldText, int OldSection, double Similarity);

/// <summary>One top-level section of the newer report: its sentences, those that are table text, and those found in the older report.</summary>
internal sealed record SectionReuse(int Number, string? Key, string Title, int Line, int Sentences, int TableText, IReadOnlyList<ReusedSentence> Reused)
{
    /// <summary>The prose sentences (table text left out).</summary>
    public int Prose => Sentences - TableText;

    /// <summary>The share of the prose sentences found in the older report (0 when there is no prose).</summary>
    public double Share => Prose == 0 ? 0 : (double)Reused.Count / Prose;
}

/// <summary>A table cell whose value differs between the two reports (a cell one report lacks counts as blank).</summary>
internal sealed record CellDelta(string Cell, decimal? Old, decimal? New, int? OldLine, int? NewLine)
{
    public decimal? Delta => Old is { } o && New is { } n ? n - o : null;
}

/// <summary>A reused sentence whose numbers changed: the numbers in order on each side.</summary>
internal sealed record ProseNumberChange(int Section, string OldText, string NewText, IReadOnlyList<string> OldNumbers, IReadOnlyList<string> NewNumbers);

/// <summary>The comparison of two reports (usually one agency's consecutive years).</summary>
internal sealed record ReportComparison(string OldFile, string NewFile, int? OldYear, int? NewYear,
    IReadOnlyList<SectionReuse> Sections, IReadOnlyList<CellDelta> CellDeltas, IReadOnlyList<ProseNumberChange> ProseNumbers)
{
    public int Prose => Sum(s => s.Prose);

    public int Reused => Sum(s => s.Reused.Count);

    private int Sum(Func<SectionReuse, int> part)
    {
        int n = 0;
        foreach (var s in Sections)
        {
            n += part(s);
        }

        return n;
    }
}

/// <summary>
/// Compares an older and a newer report: per section of the newer one, which of its prose sentences
/// appear in the older one verbatim, with only their numbers changed, or nearly (boilerplate reuse);
/// which table cells changed and by how much; and which numbers changed in the sentences that were
/// reused. Table text that ran into a section's prose (a sentence holding two or more of the templates'
/// row or column labels) is counted apart, not as prose.
/// </summary>
internal sealed class ReportComparer
{
    /// <summary>Character-bigram Dice similarity (numbers masked) at or above which a sentence counts as nearly verbatim: 0.8 keeps a changed phrase or two, not a rewrite.</summary>
    public const double NearVerbatimSimilarity = 0.8;

    /// <summary>Sentences shorter than this many characters (after the fold) are left out: 一、总体情况 or 无。 say nothing about reuse.</summary>
    public const int MinSentenceLength = 8;

    /// <summary>How many template labels make a "sentence" table text.</summary>
    public const int TableLabelHits = 2;

    private static readonly Lazy<string[]> Labels = new(() => TemplateLabels(TemplateCatalog.Default));

    public ReportComparison Compare(ReportDocument older, ReportDocument newer)
    {
        var oldSentences = new List<Candidate>();
        foreach (var section in older.Sections ?? [])
        {
            foreach (string sentence in SectionSentences(section))
            {
                if (Prepare(sentence, section.Number) is { IsTable: false } candidate)
                {
                    oldSentences.Add(candidate);
                }
            }
        }

        var exact = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var masked = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var c in oldSentences)
        {
            exact.TryAdd(c.Folded, c);
            masked.TryAdd(c.Masked, c);
        }

        var sections = new List<SectionReuse>();
        var numberChanges = new List<ProseNumberChange>();
        foreach (var section in newer.Sections ?? [])
        {
            int count = 0;
            int table = 0;
            var reused = new List<ReusedSentence>();
            foreach (string sentence in SectionSentences(section))
            {
                if (Prepare(sentence, section.Number) is not { } candidate)
                {
                    continue;
                }

                count++;
                if (candidate.IsTable)
                {
                    table++;
                    continue;
                }

                var match = Find(candidate, exact, masked, oldSentences);
                if (match is null)
                {
                    continue;
                }

                reused.Add(match.Value.Reused);
                if (match.Value.Reused.Kind != ReuseKind.Verbatim && NumbersDiffer(match.Value.Old.Text, sentence) is { } change)
                {
                    numberChanges.Add(change with { Section = section.Number });
                }
            }

            sections.Add(new SectionReuse(section.Number, section.Key, section.Title, section.Line, count, table, reused));
        }

        return new ReportComparison(older.Source.Path, newer.Source.Path, older.Metadata?.ReportYear, newer.Metadata?.ReportYear,
            sections, CellDeltas(older, newer), numberChanges);
    }

    private static (ReusedSentence Reused, Candidate Old)? Find(Candidate sentence, Dictionary<string, Candidate> exact, Dictionary<string, Candidate> masked, List<Candidate> all)
    {
        if (exact.TryGetValue(sentence.Folded, out var same))
        {
            return (new ReusedSentence(ReuseKind.Verbatim, sentence.Text, same.Text, same.Section, 1), same);
        }

        if (masked.TryGetValue(sentence.Masked, out var numbers))
        {
            return (new ReusedSentence(ReuseKind.NumbersChanged, sentence.Text, numbers.Text, numbers.Section, 1), numbers);
        }

        Candidate? best = null;
        double bestScore = 0;
        foreach (var old in all)
        {
            // Dice cannot reach the bound when the lengths differ too much: 2·min / (a + b).
            int a = sentence.Bigrams.Count, b = old.Bigrams.Count;
            if (2.0 * Math.Min(a, b) / (a + b) < NearVerbatimSimilarity)
            {
                continue;
            }

            double score = Dice(sentence.Bigrams, old.Bigrams);
            if (score > bestScore)
            {
                bestScore = score;
                best = old;
            }
        }

        return best is not null && bestScore >= NearVerbatimSimilarity
            ? (new ReusedSentence(ReuseKind.Near, sentence.Text, best.Text, best.Section, Math.Round(bestScore, 3)), best)
            : null;
    }

    private static double Dice(HashSet<string> a, HashSet<string> b)
    {
        int common = 0;
        foreach (string x in a)
        {
            if (b.Contains(x))
            {
                common++;
            }
        }

        return a.Count + b.Count == 0 ? 1 : 2.0 * common / (a.Count + b.Count);
    }

    private static ProseNumberChange? NumbersDiffer(string oldText, string newText)
    {
        var oldNumbers = Sentences.Numbers(oldText).ConvertAll(n => n.Text + (n.Percent ? "%" : ""));
        var newNumbers = Sentences.Numbers(newText).ConvertAll(n => n.Text + (n.Percent ? "%" : ""));
        return oldNumbers.SequenceEqual(newNumbers) ? null : new ProseNumberChange(0, oldText, newText, oldNumbers, newNumbers);
    }

    /// <summary>
    /// The cells both reports' tables have (across a template change, the cells only one template has are
    /// not compared), where the values differ (a blank cell is null), in the newer report's table order.
    /// </summary>
    private static List<CellDelta> CellDeltas(ReportDocument older, ReportDocument newer)
    {
        var oldCells = Cells(older);
        var deltas = new List<CellDelta>();
        foreach (var (key, cell) in Cells(newer))
        {
            if (oldCells.TryGetValue(key, out var old) && old.Value != cell.Value)
            {
                deltas.Add(new CellDelta(key, old.Value, cell.Value, old.Line, cell.Line));
            }
        }

        return deltas;
    }

    private static Dictionary<string, (decimal? Value, int? Line)> Cells(ReportDocument document)
    {
        var cells = new Dictionary<string, (decimal?, int?)>(StringComparer.Ordinal);
        foreach (var table in document.Tables ?? [])
        {
            if (table.Status == TableStatus.Absent)
            {
                continue;
            }

            foreach (var row in table.Rows)
            {
                foreach (var (column, value) in row.Values)
                {
                    cells.TryAdd($"{table.Key}.{row.Key}.{column}", (value, row.Line));
                }
            }
        }

        return cells;
    }

    private static IEnumerable<string> SectionSentences(Section section)
    {
        foreach (string s in Sentences.Split(section.Text))
        {
            yield return s;
        }

        foreach (var sub in section.Subsections)
        {
            foreach (string s in Sentences.Split(sub.Heading + sub.Text))
            {
                yield return s;
            }
        }
    }

    private static Candidate? Prepare(string sentence, int section)
    {
        string folded = TextFold.ForMatching(sentence);
        if (folded.Length < MinSentenceLength)
        {
            return null;
        }

        int hits = 0;
        foreach (string label in Labels.Value)
        {
            if (folded.Contains(label, StringComparison.Ordinal) && ++hits >= TableLabelHits)
            {
                break;
            }
        }

        string masked = Sentences.MaskDigits(folded);
        var bigrams = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < masked.Length; i++)
        {
            bigrams.Add(masked.Substring(i, 2));
        }

        return new Candidate(sentence, section, folded, masked, bigrams, hits >= TableLabelHits);
    }

    /// <summary>The row, column and block labels of every template table, folded, of four characters or more.</summary>
    private static string[] TemplateLabels(TemplateCatalog catalog)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (string template in catalog.Templates)
        {
            foreach (string table in TableKeys.All)
            {
                var t = catalog.Get(table, template);
                foreach (var row in t.Rows)
                {
                    Add(row.Label);
                    foreach (var column in row.Columns)
                    {
                        Add(column.Label);
                    }
                }

                foreach (var column in t.Columns)
                {
                    Add(column.Label);
                }
            }
        }

        return [.. labels];

        void Add(string label)
        {
            string folded = TextFold.ForMatching(label);
            if (folded.Length >= 4)
            {
                labels.Add(folded);
            }
        }
    }

    private sealed record Candidate(string Text, int Section, string Folded, string Masked, HashSet<string> Bigrams, bool IsTable);
}
