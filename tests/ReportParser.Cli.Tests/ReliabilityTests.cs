using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace ReportParser.Cli.Tests;

/// <summary>The adversarial probes of issue 21, one or more per defect, run in-process.</summary>
public sealed class ReliabilityTests
{
    [Fact]
    public void Stdin_over_the_limit_is_an_error_record_read_only_to_the_limit()
    {
        var run = Cli.RunWithStdinStream(() => new InfiniteZeros(), "parse", "-", "--max-bytes", "1000");
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("RP1005", json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void Stdin_that_never_closes_times_out_into_a_record()
    {
        using var never = new ManualResetEventSlim();
        var clock = Stopwatch.StartNew();
        var run = Cli.RunWithStdinStream(() => new NeverEnding(never), "parse", "-", "--timeout", "0.3");
        never.Set();
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(ErrorRecords.TimeoutCode, json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    /// <summary>Zeros forever.</summary>
    internal sealed class InfiniteZeros : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            return count;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A pipe whose writer never writes nor closes: reads block until released.</summary>
    internal sealed class NeverEnding(ManualResetEventSlim release) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            release.Wait();
            return 0;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
