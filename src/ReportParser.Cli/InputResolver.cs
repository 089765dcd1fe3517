using System.IO.Enumeration;
using System.Text.RegularExpressions;

namespace ReportParser.Cli;

/// <summary>
/// Turns the <c>&lt;input&gt;</c> arguments into the ordered list of inputs of a run: files as given,
/// directories searched recursively (sorted by path, ordinal; hidden entries and symbolic-link
/// directories skipped; a directory that cannot be read is named in a warning), <c>-</c> for
/// standard input. A file named twice is processed once.
/// </summary>
internal sealed class InputResolver
{
    /// <summary>Extensions a directory search takes when no <c>--include</c> glob is given.</summary>
    public static readonly IReadOnlyList<string> DefaultExtensions = [".txt", ".htm", ".html", ".shtml"];

    private readonly Regex[] _fileNameGlobs;
    private readonly Regex[] _pathGlobs;

    /// <param name="includeGlobs">
    /// Globs that replace the default extensions (case-insensitive; <c>*</c> and <c>?</c> stay within one
    /// path segment, <c>**</c> spans segments). A glob with a <c>/</c> matches the path relative to the
    /// directory argument, one without matches the file name.
    /// </param>
    public InputResolver(IReadOnlyList<string>? includeGlobs = null)
    {
        var globs = includeGlobs ?? [];
        _fileNameGlobs = globs.Where(g => !g.Contains('/')).Select(GlobToRegex).ToArray();
        _pathGlobs = globs.Where(g => g.Contains('/')).Select(g => GlobToRegex(g.TrimStart('/'))).ToArray();
    }

    /// <summary>How many edits an unknown option may be from a known one to be offered as "did you mean" (<c>--formt</c>, <c>--skip-exisitng</c>).</summary>
    public const int OptionSuggestionEdits = 2;

    /// <summary>
    /// Fails with a usage error naming every argument that is neither an existing path nor <c>-</c>; an unknown
    /// option within <see cref="OptionSuggestionEdits"/> of one of <paramref name="optionNames"/> gets a "did you mean".
    /// </summary>
    public static void CheckExist(IReadOnlyList<string> arguments, IReadOnlyList<string>? optionNames = null)
    {
        var missing = arguments.Where(a => a != InputItem.StdinName && !File.Exists(a) && !Directory.Exists(a)).ToArray();
        if (missing.Length > 0)
        {
            // System.CommandLine hands unknown options to the input argument: name them as options.
            throw new UsageException(string.Join(Environment.NewLine, missing.Select(m =>
                m.StartsWith('-') ? $"unrecognised option: {m}{Suggest(m, optionNames ?? [])}" : $"no such file or directory: {m}")));
        }

        if (arguments.Count(a => a == InputItem.StdinName) > 1)
        {
            throw new UsageException("standard input (-) can be named only once");
        }
    }

    private static string Suggest(string unknown, IReadOnlyList<string> optionNames)
    {
        string? best = null;
        int bestDistance = OptionSuggestionEdits + 1;
        foreach (string name in optionNames)
        {
            int distance = ReportParser.Templates.LabelText.EditDistance(unknown.ToLowerInvariant(), name, OptionSuggestionEdits);
            if (distance < bestDistance && name.Length > 2)
            {
                best = name;
                bestDistance = distance;
            }
        }

        return best is null ? "" : $" (did you mean {best}?)";
    }

    /// <summary>True when the run has exactly one input named as a file or <c>-</c> (not a directory).</summary>
    public static bool IsSingleInput(IReadOnlyList<string> arguments) =>
        arguments.Count == 1 && (arguments[0] == InputItem.StdinName || File.Exists(arguments[0]));

    /// <summary>
    /// Lists the inputs in argument order. A directory search never takes the run's own outputs: files under
    /// <paramref name="skipDirectory"/> (the <c>-o DIR</c>, when it lies inside an input directory), the
    /// outputs of other inputs when it is the input directory itself (<c>x.txt.json</c> beside
    /// <c>x.txt</c>), and <paramref name="skipFile"/> (the <c>-o FILE</c>). Standard input is only named
    /// here: it is read when parsed. A directory without matching files is reported through
    /// <paramref name="warn"/>; no input at all is a usage error.
    /// </summary>
    public IReadOnlyList<InputItem> Resolve(IReadOnlyList<string> arguments, CliConsole console, string? skipDirectory, Action<string> warn, string? skipFile = null)
    {
        CheckExist(arguments);
        var items = new List<InputItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? skip = skipDirectory is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(skipDirectory));
        if (skipFile is not null)
        {
            seen.Add(Path.GetFullPath(skipFile)); // as if already taken: a search passes over it
        }

        var emptyDirectories = new List<string>();
        foreach (string argument in arguments)
        {
            if (argument == InputItem.StdinName)
            {
                items.Add(new InputItem(InputItem.StdinName, null, "stdin", console.OpenStdin));
            }
            else if (Directory.Exists(argument))
            {
                int before = items.Count;
                var found = Search(argument, skip, warn, out bool unreadable);
                foreach (var file in found)
                {
                    if (seen.Add(file.Full))
                    {
                        items.Add(new InputItem(Path.Join(argument, file.Relative), file.Full, file.Relative.Replace('\\', '/'),
                            file.RawPath is { } raw ? () => RawFileNames.Open(raw) : null));
                    }
                }

                if (found.Count == 0 && !unreadable) // not "items.Count == before": a directory named twice has files
                {
                    emptyDirectories.Add(argument);
                }
            }
            else
            {
                string full = Path.GetFullPath(argument);
                if (seen.Add(full))
                {
                    items.Add(new InputItem(argument, full, argument.Replace('\\', '/')));
                }
            }
        }

        string what = _fileNameGlobs.Length + _pathGlobs.Length == 0
            ? string.Join(" ", DefaultExtensions) + " files (use --include to match other names)"
            : "files matching --include";
        if (items.Count == 0)
        {
            throw new UsageException(emptyDirectories.Count == 0
                ? "no input files: the directories given could not be read"
                : emptyDirectories.Count == 1
                ? $"no input files: directory {emptyDirectories[0]} has no {what}"
                : $"no input files: the directories have no {what}");
        }

        foreach (string directory in emptyDirectories)
        {
            warn($"directory {directory} has no {what}; skipped");
        }

        return items;
    }

    /// <summary>
    /// A file found by a directory search: its absolute path and its path relative to the directory argument;
    /// for a name that is not valid UTF-8 these are escaped (<see cref="RawFileNames"/>) and <see cref="RawPath"/> opens it.
    /// </summary>
    private sealed class FoundFile(string full, string relative, byte[]? rawPath = null)
    {
        public string Full { get; } = full;
        public string Relative { get; } = relative;
        public byte[]? RawPath { get; } = rawPath;
    }

    /// <summary>
    /// A directory entry as the search sees it (a class: generic code over it is precompiled, over a tuple it
    /// is compiled at run time). Recurse is asked of directories only: a file's attributes cost a stat call.
    /// </summary>
    private sealed class Entry(string full, bool recurse, bool isDirectory)
    {
        public string Full { get; } = full;
        public bool Recurse { get; } = recurse;
        public bool IsDirectory { get; } = isDirectory;
    }

    /// <summary>
    /// The matching files under <paramref name="directory"/>, sorted. A directory that cannot be read
    /// (permissions, vanished) is named through <paramref name="warn"/> with the reason; the rest of the tree is still searched.
    /// </summary>
    private List<FoundFile> Search(string directory, string? skip, Action<string> warn, out bool rootUnreadable)
    {
        rootUnreadable = false;
        string root = Path.GetFullPath(directory);
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = false,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };
        var files = new List<FoundFile>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string current = pending.Pop();
            var entries = new List<Entry>();
            try
            {
                // Read whole before use: an unreadable directory then adds nothing.
                entries.AddRange(new FileSystemEnumerable<Entry>(current,
                    (ref FileSystemEntry e) => new Entry(e.ToFullPath(), e.IsDirectory && (e.Attributes & FileAttributes.ReparsePoint) == 0, e.IsDirectory), options));
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException or ArgumentException)
            {
                // ArgumentException: a path past the system's limit (.NET reports it as an empty path).
                rootUnreadable |= current == root;
                string shown = current == root ? directory : Path.Join(directory, Path.GetRelativePath(root, current));
                string reason = ex is ArgumentException ? $"its path is {current.Length:N0} characters, too long to open" : ex.Message.TrimEnd('.');
                warn($"cannot read directory {Shorten(shown)}: {reason}; its files were not parsed");
                continue;
            }

            if (entries.Any(e => e.Full.Contains('\uFFFD')))
            {
                // Some names may not be UTF-8: take those from the raw listing, by their bytes.
                foreach (var raw in RawFileNames.Undecodable(current))
                {
                    entries.RemoveAll(e => Path.GetFileName(e.Full) == raw.DecodedName);
                    string full = Path.Join(current, raw.EscapedName);
                    string relative = Path.GetRelativePath(root, full);
                    if (raw.IsDirectory)
                    {
                        warn($"cannot search directory {Shorten(Path.Join(directory, relative))}: its name is not UTF-8; its files were not parsed");
                    }
                    else if (Matches(relative.Replace('\\', '/')))
                    {
                        files.Add(new FoundFile(full, relative, raw.Path));
                    }
                }
            }

            foreach (var entry in entries)
            {
                if (entry.Full.Length == 0)
                {
                    // .NET gives an empty path for an entry whose path is past the system's limit.
                    string shown = current == root ? directory : Path.Join(directory, Path.GetRelativePath(root, current));
                    warn($"cannot read an entry of directory {Shorten(shown)}: its path is too long; it was not parsed");
                    continue;
                }

                if (!entry.IsDirectory)
                {
                    string relative = Path.GetRelativePath(root, entry.Full);
                    if (Matches(relative.Replace('\\', '/')))
                    {
                        files.Add(new FoundFile(entry.Full, relative));
                    }
                }
                else if (entry.Recurse && (skip is null || !string.Equals(entry.Full, skip, StringComparison.Ordinal)))
                {
                    pending.Push(entry.Full);
                }
            }
        }

        if (skip is not null && string.Equals(Path.TrimEndingDirectorySeparator(root), skip, StringComparison.Ordinal))
        {
            files = WithoutOutputsOfOthers(files);
        }

        // Relative paths are distinct, so an unstable sort gives one order.
        files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return files;
    }

    /// <summary>
    /// The files less those that are another file's output in a <c>-o DIR</c> run into the directory searched:
    /// <c>R.json</c> or <c>R~&lt;hex&gt;.json</c> beside a file <c>R</c> (so <c>x.txt.json.json</c> goes too, beside
    /// <c>x.txt.json</c>). A lone <c>report.json</c> with no <c>report</c> beside it stays an input.
    /// </summary>
    private static List<FoundFile> WithoutOutputsOfOthers(List<FoundFile> files)
    {
        var relatives = files.Select(f => f.Relative).ToHashSet(StringComparer.Ordinal);
        return files.Where(f => OutputOf(f.Relative) is not { } source || !relatives.Contains(source)).ToList();

        static string? OutputOf(string relative)
        {
            if (!relative.EndsWith(".json", StringComparison.Ordinal))
            {
                return null;
            }

            string stem = relative[..^".json".Length];
            int tilde = stem.LastIndexOf('~');
            return tilde > 0 && stem.Length - tilde - 1 >= OutputPaths.SuffixHexDigits && stem[(tilde + 1)..].All(char.IsAsciiHexDigitLower)
                ? stem[..tilde] // R~<hex>.json: the output of R when another input had its name
                : stem;
        }
    }

    /// <summary>Characters of a path a warning shows at most, so that one warning stays one readable line.</summary>
    private const int MaxShownPathChars = 300;

    /// <summary>The path, with its middle elided when it is longer than <see cref="MaxShownPathChars"/>.</summary>
    private static string Shorten(string path) =>
        path.Length <= MaxShownPathChars ? path : $"{path[..(MaxShownPathChars / 2)]}…{path[^(MaxShownPathChars / 2)..]}";

    private bool Matches(string relativePath)
    {
        string name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        if (_fileNameGlobs.Length + _pathGlobs.Length == 0)
        {
            return DefaultExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase);
        }

        return _fileNameGlobs.Any(g => g.IsMatch(name)) || _pathGlobs.Any(g => g.IsMatch(relativePath));
    }

    internal static Regex GlobToRegex(string glob)
    {
        var pattern = new System.Text.StringBuilder("^");
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                bool slash = i + 2 < glob.Length && glob[i + 2] == '/';
                pattern.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                pattern.Append("[^/]*");
            }
            else if (c == '?')
            {
                pattern.Append("[^/]");
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
