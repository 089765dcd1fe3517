using Xunit;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

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

    [Fact]
    public void Kinds_come_from_the_file_type_not_the_place()
    {
        using var dir = new TempDir();
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null"));
        Assert.Equal(FileKind.Directory, FileKinds.Of(dir.Path));
        Assert.Equal(FileKind.Regular, FileKinds.Of(dir.Write("file.txt", "x")));
        Assert.Equal(FileKind.Missing, FileKinds.Of(dir["missing.txt"]));
        string shm = Path.Combine("/dev/shm", "rp-cli-tests-" + Guid.NewGuid().ToString("N")[..12]);
        File.WriteAllText(shm, "x");
        try
        {
            Assert.Equal(FileKind.Regular, FileKinds.Of(shm));
            Assert.False(AtomicFile.IsDevice(shm)); // issue 21: /dev/shm is a tmpfs of regular files
        }
        finally
        {
            File.Delete(shm);
        }
    }

    [Fact]
    public void A_longer_file_under_dev_shm_is_replaced_whole_through_a_temporary()
    {
        // Issue 21, defect 3: written in place without truncation, the old file kept a garbage tail.
        string shm = Path.Combine("/dev/shm", "rp-cli-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(shm);
        try
        {
            string target = Path.Combine(shm, "out.json");
            File.WriteAllText(target, new string('x', 2_000_000));
            var run = Cli.Run("parse", Path.Combine(Seeds.Directory, "002_ed5f9074cb8b6cc8.txt"), "-o", target);
            Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(target));
            Assert.Equal(1, json.RootElement.GetProperty("schema_version").GetInt32());
            Assert.Single(Directory.GetFiles(shm));
        }
        finally
        {
            Directory.Delete(shm, recursive: true);
        }
    }

    [Fact]
    public void A_directory_as_output_file_is_refused_with_one_line()
    {
        using var dir = new TempDir();
        var error = Assert.Throws<IOException>(() => AtomicFile.Create("/dev/shm"));
        Assert.Contains("is a directory", error.Message);
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
