namespace ReportParser.Cli;

/// <summary>
/// Maps inputs to output files inside an output directory for <c>-f json -o DIR</c>, mirroring the
/// input's relative path (<c>a/b.txt</c> → <c>DIR/a/b.txt.json</c>). The result is always inside
/// the directory: <c>..</c>, <c>.</c>, roots and drive letters are dropped, characters that are not
/// valid in file names become <c>_</c>, and a path through a symbolic link is refused when written.
/// Two inputs that map to the same file get <c>~2</c>, <c>~3</c>… before the extension, in input order.
/// </summary>
internal sealed class OutputPaths
{
    private static readonly char[] InvalidNameChars = [.. Path.GetInvalidFileNameChars(), ':', '*', '?', '"', '<', '>', '|', '\\'];
    private readonly string _root;
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public OutputPaths(string directory)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
    }

    public string Root => _root;

    /// <summary>The output path of an input whose mirrored path is <paramref name="relativePath"/>; unique per instance.</summary>
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

        string name = segments[^1];
        string directory = Path.Combine([_root, .. segments.Take(segments.Count - 1)]);
        string candidate = Path.Combine(directory, name + extension);
        for (int n = 2; !_taken.Add(candidate); n++)
        {
            candidate = Path.Combine(directory, $"{name}~{n}{extension}");
        }

        string full = Path.GetFullPath(candidate);
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"output path {full} escapes {_root}"); // unreachable after sanitising; guards refactoring
        }

        return full;
    }

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
