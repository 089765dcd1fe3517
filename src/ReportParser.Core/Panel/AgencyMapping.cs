using System.Text;
using System.Text.RegularExpressions;
using ReportParser.Text;

namespace ReportParser.Panel;

/// <summary>One line of a mapping file: a path pattern (with <c>*</c>, <c>?</c> or <c>/</c>) or an agency name, and the agency id it gives.</summary>
internal sealed record AgencyMappingEntry(string Match, string AgencyId, int Line, Regex? PathPattern, string? NameKey);

/// <summary>
/// The user's mapping file (<c>--agencies FILE</c>): CSV of <c>match,agency_id</c>, an optional header line
/// (<c>match,agency</c> or <c>pattern,agency_id</c>), <c>#</c> comment lines. A match with <c>*</c>, <c>?</c> or <c>/</c>
/// is a path pattern (<c>**</c> any folders, <c>*</c> within one name; one without <c>/</c> is matched against the
/// file name); any other is an agency name, compared as <see cref="AgencyNames.Normalize"/> compares them.
/// The first matching line wins.
/// </summary>
internal sealed class AgencyMapping
{
    private readonly IReadOnlyList<AgencyMappingEntry> _entries;

    private AgencyMapping(IReadOnlyList<AgencyMappingEntry> entries) => _entries = entries;

    /// <summary>Reads a mapping; <paramref name="errors"/> gets one message per unusable line (with its number).</summary>
    public static AgencyMapping Read(TextReader reader, List<string> errors)
    {
        var entries = new List<AgencyMappingEntry>();
        bool first = true;
        int line = 0;
        for (string? text = reader.ReadLine(); text is not null; text = reader.ReadLine())
        {
            line++;
            if (text.Trim().Length == 0 || text.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var record = Fields(text);
            bool header = first && record[0] is "match" or "pattern";
            first = false;
            if (header)
            {
                continue;
            }

            if (record.Count < 2 || record[0].Length == 0 || record[1].Length == 0)
            {
                errors.Add($"line {line}: expected two fields, a path pattern or agency name and an agency id; found \"{text}\"");
                continue;
            }

            string match = record[0];
            bool isPath = match.AsSpan().IndexOfAny("*?/\\") >= 0;
            entries.Add(new AgencyMappingEntry(match, record[1], line, isPath ? Glob(match) : null, isPath ? null : AgencyNames.Normalize(match)));
        }

        return new AgencyMapping(entries);
    }

    /// <summary>The fields of one CSV line (RFC 4180 quoting within the line), each trimmed.</summary>
    private static List<string> Fields(string text)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(sb.ToString().Trim());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        fields.Add(sb.ToString().Trim());
        return fields;
    }

    /// <summary>The first line that matches the report's path or its agency name, or null.</summary>
    public AgencyMappingEntry? Find(string path, string? agency)
    {
        string slashed = path.Replace('\\', '/');
        string fileName = slashed[(slashed.LastIndexOf('/') + 1)..];
        string? nameKey = AgencyNames.Normalize(agency);
        foreach (var entry in _entries)
        {
            if (entry.PathPattern is { } pattern)
            {
                string target = entry.Match.Contains('/', StringComparison.Ordinal) ? slashed : fileName;
                if (pattern.IsMatch(target) || (target == slashed && pattern.IsMatch(slashed.TrimStart('.', '/'))))
                {
                    return entry;
                }
            }
            else if (nameKey is not null && entry.NameKey == nameKey)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>A path glob as an anchored expression: <c>**</c> any text, <c>*</c> any text without <c>/</c>, <c>?</c> one such character.</summary>
    private static Regex Glob(string pattern)
    {
        var sb = new StringBuilder("^");
        string p = pattern.Replace('\\', '/');
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                sb.Append(".*");
                i++;
                if (i + 1 < p.Length && p[i + 1] == '/')
                {
                    i++;
                    sb.Append("/?");
                }
            }
            else if (p[i] == '*')
            {
                sb.Append("[^/]*");
            }
            else if (p[i] == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(p[i].ToString()));
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
