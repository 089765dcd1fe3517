using Xunit;

namespace ReportParser.Cli.Tests;

/// <summary>
/// <c>-o /dev/null</c> (or any device) is written in place: the rename that makes file outputs atomic
/// would replace the device with a regular file. Tested through a link to /dev/null, so that a
/// regression replaces the link in the test directory, never the machine's /dev/null.
/// </summary>
public sealed class DeviceOutputTests
{
    [Fact]
    public void Devices_are_recognised_through_links_and_files_are_not()
    {
        using var dir = new TempDir();
        string link = dir["null-link"];
        File.CreateSymbolicLink(link, "/dev/null");
        Assert.True(AtomicFile.IsDevice("/dev/null"));
        Assert.True(AtomicFile.IsDevice(link));
        Assert.False(AtomicFile.IsDevice(dir.Write("file.txt", "x")));
        Assert.False(AtomicFile.IsDevice(dir["missing.txt"]));
    }

    [Theory]
    [InlineData("parse")]
    [InlineData("normalize")]
    public void Output_to_a_device_leaves_the_device_in_place(string command)
    {
        using var dir = new TempDir();
        string link = dir["null-link"];
        File.CreateSymbolicLink(link, "/dev/null");
        var run = Cli.Run(command, Path.Combine(Seeds.Directory, "002_ed5f9074cb8b6cc8.txt"), "-o", link);
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.NotNull(new FileInfo(link).LinkTarget); // still the link, not a regular file renamed over it
        Assert.Single(Directory.GetFileSystemEntries(dir.Path)); // and no temporary left beside it
    }
}
