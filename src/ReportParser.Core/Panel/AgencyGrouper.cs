using ReportParser.Diagnostics;
using ReportParser.Model;
using ReportParser.Text;

namespace ReportParser.Panel;

/// <summary>
/// Groups reports by agency, with evidence in this order: the user's mapping file; the 索引号 prefix; the
/// source URL's host and folder; the normalised agency name. A 索引号 prefix or URL folder groups reports only
/// together with the name: one folder holding reports under two names (a county bureau filed under the zone
/// department that took it over) is kept apart as two agencies with an RP5001 diagnostic, and so is one name
/// under two folders. Nothing is merged on a name alone unless the report has no stronger key at all.
/// </summary>
internal sealed class AgencyGrouper
{
    private readonly AgencyMapping? _mapping;

    public AgencyGrouper(AgencyMapping? mapping) => _mapping = mapping;

    /// <summary>The agency of each document (in input order); conflicts and reports without identity go to <paramref name="diagnostics"/>.</summary>
    public IReadOnlyList<AgencyAssignment> Group(IReadOnlyList<ReportDocument> documents, List<PanelDiagnostic> diagnostics)
    {
        var keys = new ReportKeys[documents.Count];
        for (int i = 0; i < documents.Count; i++)
        {
            keys[i] = ReportKeys.Of(documents[i], _mapping);
        }

        FillMissingNames(keys);
        JoinByName(keys, diagnostics);
        ReportConflicts(keys, diagnostics);

        // One id per group; a name shared by groups that stay apart gets its key appended.
        var groupsByName = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var k in keys)
        {
            if (k.Evidence != AgencyEvidence.Mapping && k.NameKey is not null)
            {
                if (!groupsByName.TryGetValue(k.NameKey, out var set))
                {
                    groupsByName[k.NameKey] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(k.GroupKey);
            }
        }

        var result = new AgencyAssignment[documents.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            var k = keys[i];
            string id = k.Evidence switch
            {
                AgencyEvidence.Mapping => k.StrongKey!,
                AgencyEvidence.None => "?" + documents[i].Source.Path,
                _ when k.NameKey is null => k.StrongKey!,
                _ when groupsByName[k.NameKey].Count > 1 => $"{k.NameKey} @{k.StrongKey ?? k.JoinedKey ?? "name"}",
                _ => k.NameKey,
            };
            result[i] = new AgencyAssignment(id, documents[i].Metadata?.Agency, k.Evidence, k.EvidenceKey);
            if (k.Evidence == AgencyEvidence.None)
            {
                diagnostics.Add(new PanelDiagnostic(DiagnosticCodes.NoAgencyIdentity.Severity, DiagnosticCodes.NoAgencyIdentity.Code,
                    "no mapping line, 索引号, source URL or agency name: the report stands alone in the panel", [documents[i].Source.Path]));
            }
        }

        return result;
    }

    /// <summary>A report with a strong key but no name joins the one name its key holds, if it holds exactly one.</summary>
    private static void FillMissingNames(ReportKeys[] keys)
    {
        var namesByStrong = NamesByStrongKey(keys);
        foreach (var k in keys)
        {
            if (k.NameKey is null && k.StrongKey is not null && k.Evidence != AgencyEvidence.Mapping
                && namesByStrong.TryGetValue(k.StrongKey, out var names) && names.Count == 1)
            {
                k.NameKey = names.Keys.First();
            }
        }
    }

    /// <summary>
    /// A report known by its name alone (no mapping line, 索引号 or URL: an HTML twin of a crawled page) joins
    /// the one group with a stronger key under that name; under several it stays alone, with RP5001.
    /// </summary>
    private static void JoinByName(ReportKeys[] keys, List<PanelDiagnostic> diagnostics)
    {
        var strongByName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var k in keys)
        {
            if (k.Evidence is AgencyEvidence.IndexNumber or AgencyEvidence.Url && k.NameKey is not null)
            {
                if (!strongByName.TryGetValue(k.NameKey, out var list))
                {
                    strongByName[k.NameKey] = list = [];
                }

                if (!list.Contains(k.StrongKey!))
                {
                    list.Add(k.StrongKey!);
                }
            }
        }

        foreach (var k in keys)
        {
            if (k.Evidence != AgencyEvidence.Name || !strongByName.TryGetValue(k.NameKey!, out var strongs))
            {
                continue;
            }

            if (strongs.Count == 1)
            {
                k.JoinedKey = strongs[0];
            }
            else
            {
                diagnostics.Add(new PanelDiagnostic(DiagnosticCodes.AgencyEvidenceConflict.Severity, DiagnosticCodes.AgencyEvidenceConflict.Code,
                    $"the report has only its agency name \"{k.NameKey}\", and that name comes with {strongs.Count} URL folders or 索引号 prefixes ({string.Join(", ", strongs)}); kept alone",
                    [k.Path]));
            }
        }
    }

    private static void ReportConflicts(ReportKeys[] keys, List<PanelDiagnostic> diagnostics)
    {
        foreach (var (strong, names) in NamesByStrongKey(keys))
        {
            if (names.Count > 1)
            {
                var files = new List<string>();
                var parts = new List<string>();
                foreach (var (name, members) in names)
                {
                    files.AddRange(members);
                    parts.Add($"{name} ({string.Join(", ", members)})");
                }

                diagnostics.Add(new PanelDiagnostic(DiagnosticCodes.AgencyEvidenceConflict.Severity, DiagnosticCodes.AgencyEvidenceConflict.Code,
                    $"one {Kind(keys, strong)} \"{strong}\" holds {names.Count} agency names; kept apart as {names.Count} agencies (give --agencies to merge them): {string.Join("; ", parts)}",
                    files));
            }
        }

        var strongByName = new SortedDictionary<string, SortedDictionary<string, List<string>>>(StringComparer.Ordinal);
        foreach (var k in keys)
        {
            if (k.Evidence is AgencyEvidence.IndexNumber or AgencyEvidence.Url && k.NameKey is not null)
            {
                Add(strongByName, k.NameKey, k.StrongKey!, k.Path);
            }
        }

        foreach (var (name, strongs) in strongByName)
        {
            if (strongs.Count > 1)
            {
                var files = new List<string>();
                var parts = new List<string>();
                foreach (var (strong, members) in strongs)
                {
                    files.AddRange(members);
                    parts.Add($"{strong} ({string.Join(", ", members)})");
                }

                diagnostics.Add(new PanelDiagnostic(DiagnosticCodes.AgencyEvidenceConflict.Severity, DiagnosticCodes.AgencyEvidenceConflict.Code,
                    $"the agency name \"{name}\" comes with {strongs.Count} different 索引号 prefixes or URL folders; kept apart (give --agencies to merge them): {string.Join("; ", parts)}",
                    files));
            }
        }
    }

    private static string Kind(ReportKeys[] keys, string strong)
    {
        foreach (var k in keys)
        {
            if (k.StrongKey == strong)
            {
                return k.Evidence == AgencyEvidence.IndexNumber ? "索引号 prefix" : "URL folder";
            }
        }

        return "key";
    }

    private static SortedDictionary<string, SortedDictionary<string, List<string>>> NamesByStrongKey(ReportKeys[] keys)
    {
        var map = new SortedDictionary<string, SortedDictionary<string, List<string>>>(StringComparer.Ordinal);
        foreach (var k in keys)
        {
            if (k.Evidence is AgencyEvidence.IndexNumber or AgencyEvidence.Url && k.NameKey is not null)
            {
                Add(map, k.StrongKey!, k.NameKey, k.Path);
            }
        }

        return map;
    }

    private static void Add(SortedDictionary<string, SortedDictionary<string, List<string>>> map, string outer, string inner, string path)
    {
        if (!map.TryGetValue(outer, out var byInner))
        {
            map[outer] = byInner = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        }

        if (!byInner.TryGetValue(inner, out var list))
        {
            byInner[inner] = list = [];
        }

        list.Add(path);
    }

    /// <summary>The 索引号 prefix a site assigns per agency: the part before the first <c>/</c>, when it holds a letter or digit and is not a year.</summary>
    internal static string? IndexPrefix(string? indexNumber)
    {
        if (string.IsNullOrWhiteSpace(indexNumber))
        {
            return null;
        }

        string folded = TextFold.ForMatching(indexNumber);
        int slash = folded.IndexOf('/');
        if (slash < 2)
        {
            return null;
        }

        string prefix = folded[..slash];
        bool allDigits = true;
        foreach (char c in prefix)
        {
            allDigits &= char.IsAsciiDigit(c);
        }

        return allDigits && prefix.Length <= 4 ? null : prefix;
    }

    /// <summary>The URL's host and folder: the file name and trailing date folders (all digits) left out, host lower-case.</summary>
    internal static string? UrlFolder(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return null;
        }

        var segments = new List<string>(uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries));
        if (segments.Count > 0 && !uri.AbsolutePath.EndsWith('/') && segments[^1].Contains('.', StringComparison.Ordinal))
        {
            segments.RemoveAt(segments.Count - 1);
        }

        while (segments.Count > 0 && IsDateFolder(segments[^1]))
        {
            segments.RemoveAt(segments.Count - 1);
        }

        return segments.Count == 0 ? uri.Host.ToLowerInvariant() : uri.Host.ToLowerInvariant() + "/" + string.Join('/', segments);

        static bool IsDateFolder(string segment)
        {
            foreach (char c in segment)
            {
                if (!char.IsAsciiDigit(c) && c is not '-' and not '_')
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The keys one report offers, strongest first; <see cref="NameKey"/> may be filled in later.</summary>
    private sealed class ReportKeys
    {
        public required string Path { get; init; }

        public required string Evidence { get; init; }

        public string? StrongKey { get; init; }

        public string? NameKey { get; set; }

        /// <summary>For a mapping: the line and match that gave the agency id, as the evidence key says it.</summary>
        public string? MappingLine { get; init; }

        /// <summary>For a report known by name alone: the stronger key of the one group it joined under that name.</summary>
        public string? JoinedKey { get; set; }

        public string EvidenceKey => Evidence switch
        {
            AgencyEvidence.Mapping => MappingLine!,
            AgencyEvidence.IndexNumber or AgencyEvidence.Url => StrongKey!,
            AgencyEvidence.Name => JoinedKey is null ? NameKey! : $"{NameKey} (joins {JoinedKey})",
            _ => "",
        };

        public string GroupKey => Evidence switch
        {
            AgencyEvidence.Mapping => "m:" + StrongKey,
            AgencyEvidence.None => "f:" + Path,
            _ => $"{StrongKey ?? JoinedKey}|{NameKey}",
        };

        public static ReportKeys Of(ReportDocument document, AgencyMapping? mapping)
        {
            string path = document.Source.Path;
            string? agency = document.Metadata?.Agency;
            string? nameKey = AgencyNames.Normalize(agency);
            if (mapping?.Find(path, agency) is { } entry)
            {
                return new ReportKeys
                {
                    Path = path,
                    Evidence = AgencyEvidence.Mapping,
                    StrongKey = entry.AgencyId,
                    NameKey = nameKey,
                    MappingLine = $"line {entry.Line}: {entry.Match}",
                };
            }

            if (IndexPrefix(document.Metadata?.IndexNumber) is { } prefix)
            {
                return new ReportKeys { Path = path, Evidence = AgencyEvidence.IndexNumber, StrongKey = prefix, NameKey = nameKey };
            }

            if (UrlFolder(document.Source.Url) is { } folder)
            {
                return new ReportKeys { Path = path, Evidence = AgencyEvidence.Url, StrongKey = folder, NameKey = nameKey };
            }

            return nameKey is null
                ? new ReportKeys { Path = path, Evidence = AgencyEvidence.None }
                : new ReportKeys { Path = path, Evidence = AgencyEvidence.Name, NameKey = nameKey };
        }
    }
}
