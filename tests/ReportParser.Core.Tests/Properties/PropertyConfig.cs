using System.Globalization;
using System.Runtime.CompilerServices;
using FsCheck;
using Microsoft.FSharp.Core;

namespace ReportParser.Tests.Properties;

/// <summary>
/// FsCheck settings for the property suite. Each property replays a fixed seed derived from its name,
/// so `dotnet test` (and CI) checks the same cases every run and a failure reproduces. To explore new
/// cases, set <c>REPORTPARSER_PROPERTY_SEED=random</c> (or a number); a failure prints its seed, which
/// <c>REPORTPARSER_PROPERTY_SEED=&lt;seed&gt;</c> replays.
/// </summary>
internal static class PropertyConfig
{
    public static Config Create(int tests, [CallerMemberName] string name = "")
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(tests).WithQuietOnSuccess(true);
        string? setting = Environment.GetEnvironmentVariable("REPORTPARSER_PROPERTY_SEED");
        if (string.Equals(setting, "random", StringComparison.OrdinalIgnoreCase))
        {
            return config;
        }

        ulong seed = ulong.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out ulong given) ? given : StableHash(name);
        return config.WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));
    }

    /// <summary>FNV-1a of the name: the same on every machine and run (string.GetHashCode is randomised).</summary>
    private static ulong StableHash(string name)
    {
        ulong hash = 14695981039346656037;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        return hash;
    }
}
