using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Templates;

namespace ReportParser.Panel;

/// <summary>
/// Builds a panel from parsed reports: groups them by agency (<see cref="AgencyGrouper"/>), lists one row
/// per (agency, year, report) in agency and year order, flags a second report of one agency-year (both are
/// listed, none merged), and runs the cross-year rules (<see cref="CrossYearChecker"/>) between every report of
/// year y−1 and every report of year y of one agency; a report with a previous year also gets the share of
/// its prose reused from it (<see cref="ReportComparer"/>, against the first report of that year).
/// </summary>
internal sealed class PanelBuilder
{
    private readonly AgencyGrouper _grouper;
    private readonly CrossYearChecker _checker;
    private readonly ReportComparer _comparer = new();

    public PanelBuilder(AgencyMapping? mapping = null, TemplateCatalog? catalog = null)
    {
        _grouper = new AgencyGrouper(mapping);
        _checker = new CrossYearChecker(catalog ?? TemplateCatalog.Default);
    }

    public ReportPanel Build(IReadOnlyList<ReportDocument> documents)
    {
        var diagnostics = new List<PanelDiagnostic>();
        var assignments = _grouper.Group(documents, diagnostics);
        var order = new int[documents.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            int c = string.CompareOrdinal(assignments[a].AgencyId, assignments[b].AgencyId);
            if (c == 0)
            {
                c = (documents[a].Metadata?.ReportYear ?? int.MaxValue).CompareTo(documents[b].Metadata?.ReportYear ?? int.MaxValue);
            }

            return c != 0 ? c : string.CompareOrdinal(documents[a].Source.Path, documents[b].Source.Path);
        });

        // (agency, year) → the documents, in row order.
        var byAgencyYear = new Dictionary<(string, int), List<int>>();
        foreach (int i in order)
        {
            if (documents[i].Metadata?.ReportYear is { } year)
            {
                var key = (assignments[i].AgencyId, year);
                if (!byAgencyYear.TryGetValue(key, out var list))
                {
                    byAgencyYear[key] = list = [];
                }

                list.Add(i);
            }
            else
            {
                diagnostics.Add(Diagnostic(DiagnosticCodes.PanelNoYear, "no report year: listed, but in no cross-year rule", [documents[i].Source.Path]));
            }
        }

        foreach (var ((agency, year), members) in byAgencyYear)
        {
            if (members.Count > 1)
            {
                var files = Paths(documents, members);
                diagnostics.Add(Diagnostic(DiagnosticCodes.DuplicateAgencyYear,
                    $"{members.Count} reports for {agency} {year}: {string.Join(", ", files)}; all listed, none merged", files));
            }
        }

        var allChecks = new List<CrossYearResult>();
        var rows = new List<PanelRow>(documents.Count);
        foreach (int i in order)
        {
            var document = documents[i];
            string agency = assignments[i].AgencyId;
            IReadOnlyList<string> duplicates = [];
            IReadOnlyList<string> previous = [];
            ReportComparison? reuse = null;
            var checks = new List<CrossYearResult>();
            if (document.Metadata?.ReportYear is { } year)
            {
                duplicates = Others(documents, byAgencyYear[(agency, year)], i);
                if (byAgencyYear.TryGetValue((agency, year - 1), out var older))
                {
                    previous = Paths(documents, older);
                    foreach (int o in older)
                    {
                        checks.AddRange(_checker.Check(agency, documents[o], document));
                    }

                    if (documents[older[0]].Sections is not null && document.Sections is not null)
                    {
                        reuse = _comparer.Compare(documents[older[0]], document);
                    }
                }
            }

            allChecks.AddRange(checks);
            rows.Add(new PanelRow(assignments[i], document, duplicates, previous, checks, Concerning(diagnostics, document.Source.Path)) { Reuse = reuse });
        }

        return new ReportPanel(rows, allChecks, diagnostics);
    }

    private static PanelDiagnostic Diagnostic(DiagnosticDescriptor descriptor, string message, IReadOnlyList<string> files) =>
        new(descriptor.Severity, descriptor.Code, message, files);

    private static List<string> Paths(IReadOnlyList<ReportDocument> documents, List<int> members)
    {
        var paths = new List<string>(members.Count);
        foreach (int m in members)
        {
            paths.Add(documents[m].Source.Path);
        }

        return paths;
    }

    private static List<string> Others(IReadOnlyList<ReportDocument> documents, List<int> members, int self)
    {
        var paths = new List<string>();
        foreach (int m in members)
        {
            if (m != self)
            {
                paths.Add(documents[m].Source.Path);
            }
        }

        return paths;
    }

    private static List<PanelDiagnostic> Concerning(List<PanelDiagnostic> diagnostics, string path)
    {
        var list = new List<PanelDiagnostic>();
        foreach (var d in diagnostics)
        {
            if (d.Files.Contains(path))
            {
                list.Add(d);
            }
        }

        return list;
    }
}
