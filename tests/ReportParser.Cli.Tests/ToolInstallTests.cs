using System.Diagnostics;
using System.Text.Json;

namespace ReportParser.Tests.Cli;

/// <summary>
/// The command line is a .NET tool: <c>dotnet pack</c> of the CLI project, then <c>dotnet tool install</c> from
/// that folder, gives a <c>reportparser</c> command that parses a seed. Installed into a temporary tool path,
/// from the packed folder alone (a NuGet configuration that clears every other source).
/// </summary>
public class ToolInstallTests
{
    /// <summary>The folder holding ReportParser.sln above the test output.</summary>
    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReportParser.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ReportParser.sln not found above " + AppContext.BaseDirectory);
    }

    private static (int Exit, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took over 5 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Pack_and_tool_install_give_a_reportparser_command_that_parses_a_seed()
    {
        using var dir = new TempDir();
        string project = Path.Combine(RepositoryRoot(), "src", "ReportParser.Cli", "ReportParser.Cli.csproj");
        var pack = Run("dotnet", "pack", project, "-c", "Release", "-o", dir["nupkg"], "-v", "quiet", "-nologo");
        Assert.True(pack.Exit == 0, $"dotnet pack failed:\n{pack.Stdout}\n{pack.Stderr}");
        Assert.Single(Directory.GetFiles(dir["nupkg"], "reportparser.*.nupkg"));

        dir.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{dir["nupkg"]}" />
              </packageSources>
            </configuration>
            """);
        var install = Run("dotnet", "tool", "install", "reportparser", "--tool-path", dir["tools"], "--configfile", dir["nuget.config"]);
        Assert.True(install.Exit == 0, $"dotnet tool install failed:\n{install.Stdout}\n{install.Stderr}");

        string seed = Seeds.Files[0];
        var run = Run(dir["tools/reportparser"], "parse", seed);
        Assert.True(run.Exit == 0, $"reportparser parse failed:\n{run.Stderr}");
        var record = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(seed, record.GetProperty("source").GetProperty("path").GetString());
        Assert.Equal(Cli.Run("parse", seed).Stdout, run.Stdout);
    }
}
