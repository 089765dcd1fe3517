using ReportParser.Checks;
using ReportParser.Panel;
using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Normalization;
using ReportParser.Reading;
using ReportParser.Sectioning;
using ReportParser.Tables;

namespace ReportParser;

/// <summary>
/// Parses government information-disclosure annual reports: read, normalise, split sections,
/// reconstruct tables, check them. Immutable and thread-safe; reuse one instance for many documents.
/// </summary>
public sealed class ReportPipeline
{
    private readonly ReportParserOptions _options;
    private readonly SourceReader _reader;
    private readonly Normalizer _normalizer;
    private readonly SectionSplitter _splitter = new();
    private readonly TableReconstructor _tables = new();
    private readonly TableChecker _checker = new();
    private readonly LegacyTableReader _legacy = new();
    private readonly LegacyChecker _legacyChecker = new();
    private readonly ProseFactExtractor _facts = new();
    private readonly ProseFactChecker _factChecker = new();

    public ReportPipeline(ReportParserOptions? options = null)
    {
        _options = options ?? ReportParserOptions.Default;
        _reader = new SourceReader(_options);
        _normalizer = new Normalizer(_options);
    }

    public ReportParserOptions Options => _options;

    /// <summary>Parses one input. Never throws for content problems: they become diagnostics or an error record.</summary>
    public ParseResult Parse(ReportSource source) => Parse(source, CancellationToken.None);

    /// <summary>
    /// Parses one input, stopping cooperatively when <paramref name="cancellationToken"/> is cancelled: the read
    /// returns at once (even from a pipe that blocks) and each stage checks before it starts; cancelling throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    internal ParseResult Parse(ReportSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var bag = new DiagnosticBag();
        var (text, info, error) = _reader.Read(source, bag, cancellationToken);
        if (text is null)
        {
            return new ParseResult(new ReportDocument { Source = info, Error = error, Diagnostics = bag.ToSortedList() });
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (normalized, normalization) = _normalizer.Normalize(text);
        cancellationToken.ThrowIfCancellationRequested();
        var split = _splitter.Split(normalized, bag);
        if (split is null)
        {
            var notReport = new ParseError(DiagnosticCodes.NotAReport.Code,
                "the text does not mention 政府信息公开 or 政务公开 and has no report sections: not an information-disclosure annual report");
            bag.Report(DiagnosticCodes.NotAReport, notReport.Message);
            return new ParseResult(new ReportDocument { Source = info, Normalization = normalization, Error = notReport, Diagnostics = bag.ToSortedList() });
        }

        cancellationToken.ThrowIfCancellationRequested();
        var tables = _tables.Reconstruct(split, bag);
        cancellationToken.ThrowIfCancellationRequested();
        var checks = _checker.Check(tables, bag);
        // A 2008–2018 report's own statistics table; a report on a national template has none.
        var legacy = split.Metadata.Template is TemplateNames.Legacy or TemplateNames.Unknown ? _legacy.Read(split, bag) : null;
        if (legacy is not null)
        {
            checks = [.. checks, .. _legacyChecker.Check(legacy, bag)];
        }

        var document = DocumentAssembler.Assemble(info, normalization, split, tables, checks, bag) with { LegacyStats = legacy };

        // The prose is read once its text is rendered (the assembled sections): facts and their P_* checks.
        var facts = _facts.Extract(document);
        if (facts.Count == 0)
        {
            return new ParseResult(document);
        }

        var factChecks = _factChecker.Check(document, facts, bag);
        return new ParseResult(document with { Facts = facts, Checks = [.. checks, .. factChecks], Diagnostics = bag.ToSortedList() });
    }
}
