using ReportParser.Model;
using Xunit;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

public sealed class BatchRunnerTests
{
    private static InputItem Item(int i) => new($"f{i:D3}.txt", null, $"f{i:D3}.txt", () => new MemoryStream([(byte)'x']));

    private static ReportDocument Doc(InputItem item) => new() { Source = new SourceInfo(item.DisplayName, "text", "utf-8", 1, "") };

    [Fact]
    public void Results_come_in_input_order_although_they_finish_out_of_order()
    {
        var items = Enumerable.Range(0, 60).Select(Item).ToArray();
        var runner = new BatchRunner((item, _) =>
        {
            Thread.Sleep(Random.Shared.Next(0, 15));
            return Doc(item);
        }, parallelism: 4, Timeout.InfiniteTimeSpan);
        var seen = new List<string>();
        runner.Run(items, null, r => seen.Add(r.Document!.Source.Path));
        Assert.Equal(items.Select(i => i.DisplayName), seen);
    }

    [Fact]
    public void At_most_a_window_of_results_are_in_flight()
    {
        const int parallelism = 3;
        int started = 0, consumed = 0, maxInFlight = 0, running = 0, maxRunning = 0;
        var items = Enumerable.Range(0, 50).Select(Item).ToArray();
        var runner = new BatchRunner((item, _) =>
        {
            int inFlight = Interlocked.Increment(ref started) - Volatile.Read(ref consumed);
            InterlockedMax(ref maxInFlight, inFlight);
            InterlockedMax(ref maxRunning, Interlocked.Increment(ref running));
            Thread.Sleep(2);
            Interlocked.Decrement(ref running);
            return Doc(item);
        }, parallelism, Timeout.InfiniteTimeSpan);
        runner.Run(items, null, r =>
        {
            Thread.Sleep(item0Slow(r.Index)); // a slow consumer lets parsed results pile up if nothing bounds them
            Interlocked.Increment(ref consumed);
        });
        Assert.Equal(50, consumed);
        Assert.InRange(maxInFlight, 1, runner.WindowSize);
        Assert.InRange(maxRunning, 1, parallelism);

        static int item0Slow(int index) => index == 0 ? 200 : 1;
    }

    [Fact]
    public void An_exception_becomes_an_error_record_and_the_run_goes_on()
    {
        var items = Enumerable.Range(0, 5).Select(Item).ToArray();
        var runner = new BatchRunner((item, _) => item.DisplayName == "f002.txt" ? throw new InvalidOperationException("boom") : Doc(item), 2, Timeout.InfiniteTimeSpan);
        var results = new List<BatchResult>();
        runner.Run(items, null, results.Add);
        Assert.Equal(5, results.Count);
        var error = results[2].Document!.Error!;
        Assert.Equal(ErrorRecords.InternalErrorCode, error.Code);
        Assert.Contains("System.InvalidOperationException: boom", error.Message);
        Assert.All(results.Where(r => r.Index != 2), r => Assert.Null(r.Document!.Error));
    }

    [Fact]
    public void A_stuck_parse_times_out_into_an_error_record_and_the_run_goes_on()
    {
        using var release = new ManualResetEventSlim();
        var items = Enumerable.Range(0, 6).Select(Item).ToArray();
        var runner = new BatchRunner((item, token) =>
        {
            if (item.DisplayName == "f001.txt")
            {
                release.Wait(TimeSpan.FromSeconds(30), token); // stuck until cancelled by the timeout
            }

            return Doc(item);
        }, parallelism: 1, TimeSpan.FromMilliseconds(200));
        var results = new List<BatchResult>();
        runner.Run(items, null, results.Add);
        release.Set();
        Assert.Equal(6, results.Count);
        Assert.Equal(ErrorRecords.TimeoutCode, results[1].Document!.Error!.Code);
        Assert.Equal("f001.txt", results[1].Document!.Source.Path);
        Assert.All(results.Where(r => r.Index != 1), r => Assert.Null(r.Document!.Error));
    }

    [Fact]
    public void Timed_out_parses_are_cancelled_and_keep_their_slot_until_they_stop()
    {
        // Each parse runs until cancelled and then takes a while more to stop (a stage ending): with -j 1
        // no two may ever run at once, though every one of them times out (issue 21: eight ran at once).
        int running = 0, maxRunning = 0, cancelled = 0;
        var items = Enumerable.Range(0, 4).Select(Item).ToArray();
        var runner = new BatchRunner((item, token) =>
        {
            InterlockedMax(ref maxRunning, Interlocked.Increment(ref running));
            try
            {
                token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                Interlocked.Increment(ref cancelled);
                Thread.Sleep(150);
                token.ThrowIfCancellationRequested();
                return Doc(item);
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }, parallelism: 1, TimeSpan.FromMilliseconds(100));
        var results = new List<BatchResult>();
        runner.Run(items, null, results.Add);
        Assert.All(results, r => Assert.Equal(ErrorRecords.TimeoutCode, r.Document!.Error!.Code));
        Assert.Equal(1, maxRunning);
        SpinWait.SpinUntil(() => Volatile.Read(ref running) == 0, TimeSpan.FromSeconds(5));
        Assert.Equal(4, cancelled);
    }

    [Fact]
    public void A_skip_check_that_blocks_is_stopped_by_the_timeout_like_a_parse()
    {
        // --skip-existing hashes the input: on a FIFO that read blocks, and it held the slot for good.
        var items = Enumerable.Range(0, 3).Select(Item).ToArray();
        var runner = new BatchRunner((item, _) => Doc(item), parallelism: 1, TimeSpan.FromMilliseconds(200));
        var results = new List<BatchResult>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        runner.Run(items, (item, token) =>
        {
            if (item.DisplayName == "f000.txt")
            {
                token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                token.ThrowIfCancellationRequested();
            }

            return false;
        }, results.Add);
        Assert.Equal(ErrorRecords.TimeoutCode, results[0].Document!.Error!.Code);
        Assert.All(results.Skip(1), r => Assert.Null(r.Document!.Error));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Skipped_inputs_are_not_parsed_but_still_reported()
    {
        int parsed = 0;
        var items = Enumerable.Range(0, 4).Select(Item).ToArray();
        var runner = new BatchRunner((item, _) => { Interlocked.Increment(ref parsed); return Doc(item); }, 2, Timeout.InfiniteTimeSpan);
        var results = new List<BatchResult>();
        runner.Run(items, (i, _) => i.DisplayName is "f000.txt" or "f003.txt", results.Add);
        Assert.Equal([true, false, false, true], results.Select(r => r.Skipped));
        Assert.Equal(2, parsed);
    }

    [Fact]
    public void Render_runs_once_per_document_and_its_result_reaches_the_consumer_a_failure_leaves_none()
    {
        var items = Enumerable.Range(0, 6).Select(Item).ToArray();
        var renderThreads = new System.Collections.Concurrent.ConcurrentBag<int>();
        var runner = new BatchRunner((item, _) => Doc(item), 2, Timeout.InfiniteTimeSpan)
        {
            Render = d =>
            {
                renderThreads.Add(Environment.CurrentManagedThreadId);
                return d.Source.Path == "f004.txt" ? throw new InvalidOperationException("boom") : System.Text.Encoding.UTF8.GetBytes("rendered " + d.Source.Path);
            },
        };
        var results = new List<BatchResult>();
        runner.Run(items, null, results.Add);
        Assert.Equal(6, renderThreads.Count);
        Assert.Equal(items.Select(i => i.DisplayName == "f004.txt" ? null : "rendered " + i.DisplayName), results.Select(r => r.Rendered is null ? null : System.Text.Encoding.UTF8.GetString(r.Rendered)));
        Assert.All(results, r => Assert.NotNull(r.Document));
    }

    [Fact]
    public void A_failing_consumer_stops_the_run_and_its_exception_surfaces()
    {
        var items = Enumerable.Range(0, 100).Select(Item).ToArray();
        int parsed = 0;
        var runner = new BatchRunner((item, _) => { Interlocked.Increment(ref parsed); return Doc(item); }, 2, Timeout.InfiniteTimeSpan);
        Assert.Throws<IOException>(() => runner.Run(items, null, r =>
        {
            if (r.Index == 3)
            {
                throw new IOException("disk full");
            }
        }));
        Thread.Sleep(100);
        Assert.InRange(Volatile.Read(ref parsed), 4, 4 + runner.WindowSize); // the consumed four and at most a window more
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
