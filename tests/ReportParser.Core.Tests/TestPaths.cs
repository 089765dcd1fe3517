namespace ReportParser.Tests;

/// <summary>Locations of the test data copied next to the test assembly, and of the source tree for regeneration.</summary>
internal static class TestPaths
{
    public static string Output => AppContext.BaseDirectory;

    public static string Seeds => Path.Combine(Output, "seeds");

    public static string Samples => Path.Combine(Output, "samples");

    /// <summary>The repository root (the folder holding ReportParser.sln), for writing regenerated golden files.</summary>
    public static string? RepositoryRoot()
    {
        var dir = new DirectoryInfo(Output);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReportParser.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }
}
