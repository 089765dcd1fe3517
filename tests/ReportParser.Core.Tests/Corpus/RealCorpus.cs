namespace ReportParser.Tests.Corpus;

/// <summary>
/// The real-report corpus in <c>../shared/corpus</c> beside the repository (CI has it; it is not
/// copied into the repository), and the hand-checked figures for it kept in <c>Corpus/Expected</c>.
/// </summary>
internal static class RealCorpus
{
    /// <summary>The corpus folder; fails the calling test with what to do when it is not there.</summary>
    public static string Root()
    {
        string? repo = TestPaths.RepositoryRoot();
        string? root = repo is null ? null : Path.GetFullPath(Path.Combine(repo, "..", "shared", "corpus"));
        if (root is null || !Directory.Exists(root))
        {
            Assert.Fail($"the real-report corpus was not found at {root ?? "../shared/corpus (no repository root above the test output)"}: "
                + "the tests read it from the shared folder beside the repository clone (shared/corpus/pingtan)");
        }

        return root!;
    }

    /// <summary>The folder of hand-checked figures, one JSON per report (see its README).</summary>
    public static string ExpectedRoot => Path.Combine(TestPaths.Output, "Corpus", "Expected");

    /// <summary>Reports whose number is a multiple of 3 are the held-out part: never tuned on, reported apart.</summary>
    public static bool IsHeldOut(string fileName) => int.TryParse(fileName.AsSpan(0, 3), out int n) && n % 3 == 0;

    /// <summary>Every text and HTML report of the corpus, relative to <see cref="Root"/> (the PDFs are listed by <see cref="PdfReports"/>).</summary>
    public static IEnumerable<string> Reports()
    {
        string? repo = TestPaths.RepositoryRoot();
        string root = repo is null ? "" : Path.GetFullPath(Path.Combine(repo, "..", "shared", "corpus"));
        if (!Directory.Exists(root))
        {
            // Listed as one entry so that the test itself fails with the message from Root().
            yield return "pingtan/(corpus missing)";
            yield break;
        }

        foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetExtension(file) is ".txt" or ".html" && !Path.GetFileName(file).StartsWith("README", StringComparison.OrdinalIgnoreCase))
            {
                yield return Path.GetRelativePath(root, file).Replace('\\', '/');
            }
        }
    }

    /// <summary>
    /// The real PDF reports (<c>pdf/*.pdf</c>) that have hand-checked figures, relative to <see cref="Root"/>;
    /// the corpus's broken sample has none and is tested for its error record instead.
    /// </summary>
    public static IEnumerable<string> PdfReports()
    {
        string? repo = TestPaths.RepositoryRoot();
        string folder = repo is null ? "" : Path.GetFullPath(Path.Combine(repo, "..", "shared", "corpus", "pdf"));
        if (!Directory.Exists(folder))
        {
            yield return "pdf/(corpus missing)";
            yield break;
        }

        foreach (string file in Directory.EnumerateFiles(folder, "*.pdf").Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(ExpectedRoot, "pdf", Path.GetFileNameWithoutExtension(file) + ".json")))
            {
                yield return "pdf/" + Path.GetFileName(file);
            }
        }
    }
}
