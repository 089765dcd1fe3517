using System.Diagnostics;
using ReportParser.Model;
using ReportParser.Diagnostics;

namespace ReportParser.Tests.Reading;

/// <summary>
/// Every kind of input goes through one bounded reader (issue 21, defects 1 and 7): an input without a
/// size in advance (a device, a pipe, stdin) is read at most one chunk past <c>MaxBytes</c>, and a read
/// that blocks returns as soon as the parse is cancelled.
/// </summary>
public sealed class BoundedReadTests
{
    private static readonly ReportParserOptions Small = new() { MaxBytes = 1000 };

    [Fact]
    public void A_device_without_a_size_is_read_only_up_to_the_limit()
    {
        // /dev/zero reports size 0 and never ends: before the fix it was read until memory ran out.
        var clock = Stopwatch.StartNew();
        var document = new ReportPipeline(Small).Parse(ReportSource.FromFile("/dev/zero")).Document;
        Assert.Equal(DiagnosticCodes.TooLarge.Code, document.Error!.Code);
        Assert.Contains("reading stopped there", document.Error.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void An_endless_stream_is_read_at_most_one_chunk_past_the_limit()
    {
        var endless = new TestStreams.EndlessZeros();
        var document = new ReportPipeline(Small).Parse(ReportSource.FromStream("-", () => endless)).Document;
        Assert.Equal(DiagnosticCodes.TooLarge.Code, document.Error!.Code);
        Assert.InRange(endless.Given, Small.MaxBytes + 1, Small.MaxBytes + 1 + ReportSource.ChunkBytes);
        Assert.True(endless.Disposed);
    }

    [Theory]
    [InlineData(999)]
    [InlineData(1000)]
    [InlineData(1001)]
    public void A_stream_at_the_limit_is_read_and_one_byte_over_is_too_large(int size)
    {
        byte[] bytes = new byte[size];
        Array.Fill(bytes, (byte)'a');
        var read = ReportSource.ReadBounded(new MemoryStream(bytes), 1000, out long length);
        Assert.Equal(size <= 1000, read is not null);
        Assert.Equal(size, length);
    }

    [Fact]
    public void A_read_that_blocks_returns_when_the_parse_is_cancelled()
    {
        using var never = new ManualResetEventSlim();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new ReportPipeline().Parse(ReportSource.FromStream("-", () => new TestStreams.BlockingStream(never)), cancel.Token));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        never.Set();
    }

    [Fact]
    public void Stream_sources_give_the_same_document_as_bytes()
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(TestPaths.Seeds, "002_ed5f9074cb8b6cc8.txt"));
        var fromBytes = new ReportPipeline().Parse(ReportSource.FromBytes("-", bytes)).Document;
        var fromStream = new ReportPipeline().Parse(ReportSource.FromStream("-", () => new MemoryStream(bytes)), new CancellationTokenSource().Token).Document;
        Assert.Equal(ReportParser.Output.JsonReportWriter.Serialize(fromBytes), ReportParser.Output.JsonReportWriter.Serialize(fromStream));
    }

    [Fact]
    public void One_NUL_byte_in_a_report_leaves_it_a_report_and_binary_data_stays_binary()
    {
        // Issue 21, defect 10: one NUL byte made a valid report a "binary" error record.
        byte[] seed = File.ReadAllBytes(Path.Combine(TestPaths.Seeds, "002_ed5f9074cb8b6cc8.txt"));
        byte[] withNul = [.. seed[..200], 0, .. seed[200..]];
        var document = new ReportPipeline().Parse(ReportSource.FromBytes("nul.txt", withNul)).Document;
        Assert.Null(document.Error);
        Assert.NotEmpty(document.Tables!);

        var random = new Random(7);
        byte[] noise = new byte[4096];
        random.NextBytes(noise);
        Assert.Equal(DiagnosticCodes.BinaryInput.Code, new ReportPipeline().Parse(ReportSource.FromBytes("noise.bin", noise)).Document.Error!.Code);
    }
}
