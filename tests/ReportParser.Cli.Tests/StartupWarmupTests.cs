using Xunit;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

public sealed class StartupWarmupTests
{
    [Fact]
    public void The_warm_up_work_runs_without_failing() => StartupWarmup.Warm(); // a failure would make it a silent no-op
}
