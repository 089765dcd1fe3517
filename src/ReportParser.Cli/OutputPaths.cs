namespace ReportParser.Cli;

/// <summary>
/// Maps inputs to output files inside an output directory for <c>-f json -o DIR</c>, mirroring the
/// input's relative path (<c>a/b.txt</c> → <c>DIR/a/b.txt.json</c>). The result is always inside
/// the directory: <c>..</c>, <c>.</c>, roots and drive letters are dropped, characters that are not
/// valid in file names become <c>_</c>, and a path through a symbolic link is refused when written.
/// Inputs that map to the same file (names equal but for case or for characters made <c>_</c>, or one
/// relative path under two directory arguments) are told apart by their identity, never by their order:
/// the one whose identity (the path as given) sorts first keeps the name, each other one gets
/// <c>~</c> and the first 8 hex digits of its identity's SHA-256 before the extension. So adding,
/// removing or reordering arguments never hands one input's output name to another.
/// </summary>
internal sealed class OutputPaths
{
    private static readonly char[] InvalidNameChars = [.. Path.GetInvalidFileNameChars(), ':', '*', '?', '"', '<', '>', '|', '\\'];
    private readonly string _root;
    /// <summary>Hex digits of the identity's hash a distinguishing suffix takes (more only if those collide too).</summary>
    public const int SuffixHexDigits = 8;

    public OutputPaths(string directory)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
    }

    public string Root => _root;

    /// <summary>
    /// The output paths of inputs given as (mirrored relative path, identity) pairs, all distinct (compared
    /// ignoring case, for file systems that do). The result depends on the set of inputs, not their order.
    /// </summary>
    public string[] MapAll(IReadOnlyList<(string RelativePath, string Identity)> inputs, string extension = ".json")
    {
        var plain = inputs.Select(i => Map(i.RelativePath, extension)).ToArray();
        var result = new string[inputs.Count];
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        // The first identity (ordinal) of each group of inputs with one plain name keeps it.
        var groups = Enumerable.Range(0, inputs.Count).GroupBy(i => plain[i], StringComparer.OrdinalIgnoreCase).ToArray();
        foreach (var group in groups)
        {
            int keeper = group.OrderBy(i => inputs[i].Identity, StringComparer.Ordinal).First();
            result[keeper] = plain[keeper];
            taken.Add(plain[keeper]);
        }

        // The others, in identity order (so a longer suffix, if ever needed, does not depend on input order).
        foreach (int i in groups.SelectMany(g => g).Where(i => result[i] is null).OrderBy(i => inputs[i].Identity, StringComparer.Ordinal))
        {
            string hash = HashHex(inputs[i].Identity);
            string stem = plain[i][..^extension.Length];
            for (int digits = SuffixHexDigits; ; digits = Math.Min(hash.Length, digits * 2))
            {
                string candidate = $"{stem}~{hash[..digits]}{extension}";
                if (taken.Add(candidate))
                {
                    result[i] = candidate;
                    break;
                }

                if (digits == hash.Length)
                {
                    throw new InvalidOperationException($"two inputs are both named {inputs[i].Identity}"); // identities are distinct paths
                }
            }
        }

        return result;
    }

    /// <summary>The plain output path of an input whose mirrored path is <paramref name="relativePath"/> (before telling equal names apart).</summary>
    public string Map(string relativePath, string extension = ".json")
    {
        var segments = relativePath
            .Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s is not ("." or ".."))
            .Select(Sanitize)
            .Where(s => s.Length > 0)
            .ToList();
        if (segments.Count > 0 && segments[0].Length == 2 && segments[0][1] == '_' && char.IsAsciiLetter(segments[0][0]) && relativePath.Length > 1 && relativePath[1] == ':')
        {
            segments.RemoveAt(0); // a drive letter (C:) after sanitising
        }

        if (segments.Count == 0)
        {
            segments.Add("input");
        }

        string name = FitName(segments[^1], extension);
        string directory = Path.Combine([_root, .. segments.Take(segments.Count - 1)]);
        string candidate = Path.Combine(directory, name + extension);
        string full = Path.GetFullPath(candidate);
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"output path {full} escapes {_root}"); // unreachable after sanitising; guards refactoring
        }

        return full;
    }

    /// <summary>
    /// The name, cut when the output name (name, a possible <c>~</c> and <see cref="SuffixHexDigits"/> hex digits
    /// telling equal names apart, and the extension) would pass <see cref="AtomicFile.MaxNameBytes"/>: then it keeps
    /// what fits on a character boundary and ends in <c>~</c> and hex digits of its whole name's hash, so two
    /// long names that share their start stay apart. Shorter names are returned as they are.
    /// </summary>
    private static string FitName(string name, string extension)
    {
        int suffixBytes = 1 + SuffixHexDigits;
        int budget = AtomicFile.MaxNameBytes - System.Text.Encoding.UTF8.GetByteCount(extension) - suffixBytes;
        if (System.Text.Encoding.UTF8.GetByteCount(name) <= budget)
        {
            return name;
        }

        return $"{AtomicFile.CutToBytes(name, budget - suffixBytes)}~{HashHex(name)[..SuffixHexDigits]}";
    }

    /// <summary>The SHA-256 of the text's UTF-8 bytes, lower-case hex.</summary>
    private static string HashHex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>Throws <see cref="IOException"/> when a directory between the root and <paramref name="path"/> is a symbolic link (it could point outside).</summary>
    public void CheckNoLinks(string path)
    {
        string? directory = Path.GetDirectoryName(path);
        while (directory is not null && directory.Length > _root.Length)
        {
            var info = new DirectoryInfo(directory);
            if (info.Exists && info.LinkTarget is not null)
            {
                throw new IOException($"{directory} is a symbolic link; refusing to write through it");
            }

            directory = Path.GetDirectoryName(directory);
        }
    }

    private static string Sanitize(string segment)
    {
        var chars = segment.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (Array.IndexOf(InvalidNameChars, chars[i]) >= 0 || char.IsControl(chars[i]))
            {
                chars[i] = '_';
            }
        }

        // A name made only of dots would mean "here" or "up" on some systems.
        string name = new string(chars).TrimEnd(' ');
        return name.Trim('.').Length == 0 ? "" : name;
    }
}
