using System.Diagnostics;
using ReportParser.Model;

namespace ReportParser.Cli;

/// <summary>
/// The outcome of one input: its document, or <see cref="Skipped"/> when its output already existed.
/// <see cref="Rendered"/> is the document already formatted by <see cref="BatchRunner.Render"/>, when there is one.
/// </summary>
internal sealed record BatchResult(int Index, InputItem Item, ReportDocument? Document, byte[]? Rendered = null)
{
    public bool Skipped => Document is null;
}

/// <summary>
/// Parses inputs in parallel on the thread pool and hands the results to a consumer, on the calling
/// thread and in input order, as soon as each one and all before it are done. At most the parallelism
/// of parses run at once and at most <see cref="WindowSize"/> results are in flight (parsed or being
/// parsed but not yet consumed), so memory does not grow with the number of inputs.
/// Every input yields one result: the pipeline's document or error record, an error record for an
/// exception (<see cref="ErrorRecords.InternalErrorCode"/>) or for a parse that outlived the
/// timeout (<see cref="ErrorRecords.TimeoutCode"/>). A timed-out parse is cancelled through its token
/// (the pipeline stops at its next check: the read at once, otherwise when the stage running ends) and
/// keeps its worker slot until it has stopped, so at most the parallelism of parses run at any time,
/// timed out or not; the run goes on with the other slots meanwhile.
/// </summary>
/// <remarks>
/// Synchronous on purpose: the caller's thread waits on a monitor rather than awaiting tasks, which on a
/// one-report run saves the start-up cost of the async machinery (compiled at run time for each state machine).
/// </remarks>
internal sealed class BatchRunner
{
    private readonly Func<InputItem, CancellationToken, ReportDocument> _parse;
    private readonly int _parallelism;
    private readonly TimeSpan _timeout;

    /// <param name="parse">Parses one input, stopping (by throwing <see cref="OperationCanceledException"/>) when its token is cancelled; must be thread-safe (one shared <see cref="ReportPipeline"/>).</param>
    /// <param name="parallelism">How many inputs are parsed at once (at least 1).</param>
    /// <param name="timeout">How long one parse may take; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    public BatchRunner(Func<InputItem, CancellationToken, ReportDocument> parse, int parallelism, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        _parse = parse;
        _parallelism = parallelism;
        _timeout = timeout;
    }

    /// <summary>
    /// How many inputs may be claimed and not yet consumed: parsed results wait here for a slow head, so
    /// this bounds memory; wide enough that workers seldom stop and restart for a consumer behind them.
    /// </summary>
    internal int WindowSize => 8 * _parallelism;

    /// <summary>Called (on a worker thread) with the exception of a parse that threw, before it becomes an error record.</summary>
    public Action<InputItem, Exception>? OnException { get; init; }

    /// <summary>
    /// Formats a parsed document on the worker thread (its result goes to <see cref="BatchResult.Rendered"/>),
    /// so that output formatting runs in parallel rather than on the consumer. Null (or a null or failed
    /// result) leaves formatting to the consumer.
    /// </summary>
    public Func<ReportDocument, byte[]?>? Render { get; init; }

    /// <summary>
    /// Runs every input. <paramref name="skip"/> (called on worker threads, with the token the parse would
    /// get) says which inputs need no parse; <paramref name="consume"/> is called on the calling thread, in input order; if it throws,
    /// no further input is started and the exception propagates.
    /// Cancelling stops starting new inputs and returns after the results already consumed; it throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public void Run(IReadOnlyList<InputItem> items, Func<InputItem, CancellationToken, bool>? skip, Action<BatchResult> consume, CancellationToken cancellationToken = default)
    {
        var run = new RunState(this, items, skip, cancellationToken);
        using var wake = cancellationToken.Register(run.Wake);
        while (true)
        {
            BatchResult result;
            Job? abandoned = null;
            lock (run)
            {
                while (true)
                {
                    run.StartWorkers();
                    cancellationToken.ThrowIfCancellationRequested();
                    if (run.Window.Count == 0)
                    {
                        if (run.AllClaimed)
                        {
                            return;
                        }

                        Monitor.Wait(run);
                        continue;
                    }

                    // The head stays in the window until consumed: the window bounds what is in memory.
                    var head = run.Window.Peek();
                    if (head.Result is not null)
                    {
                        result = head.Result;
                        break;
                    }

                    if (_timeout == Timeout.InfiniteTimeSpan)
                    {
                        Monitor.Wait(run);
                        continue;
                    }

                    // The clock starts when the parse starts, not when it is claimed: a head not
                    // started yet is looked at again after a whole timeout.
                    if (head.Started == 0)
                    {
                        Monitor.Wait(run, _timeout);
                        continue;
                    }

                    var waited = Stopwatch.GetElapsedTime(head.Started);
                    if (waited >= _timeout)
                    {
                        // Abandoned: the parse is cancelled (below, outside the lock) and its worker keeps
                        // its slot until the parse has stopped; the run goes on without waiting for it.
                        head.Abandoned = true;
                        abandoned = head;
                        result = new BatchResult(head.Index, head.Item, ErrorRecords.Timeout(head.Item, _timeout));
                        break;
                    }

                    Monitor.Wait(run, _timeout - waited);
                }
            }

            abandoned?.Cancel();
            try
            {
                consume(result);
            }
            catch
            {
                lock (run)
                {
                    run.Stopped = true; // workers claim nothing more
                }

                throw;
            }

            lock (run)
            {
                run.Window.Dequeue();
            }
        }
    }

    private sealed class Job(int index, InputItem item, CancellationToken runToken)
    {
        // Cancelled when the job times out or the run is cancelled; made only when the job starts.
        private CancellationTokenSource? _cancel;
        private bool _cancelled;

        public int Index { get; } = index;
        public InputItem Item { get; } = item;

        /// <summary>The token the parse runs with; called once, by the worker, before parsing.</summary>
        public CancellationToken Token()
        {
            lock (this)
            {
                _cancel = CancellationTokenSource.CreateLinkedTokenSource(runToken);
                if (_cancelled)
                {
                    _cancel.Cancel();
                }

                return _cancel.Token;
            }
        }

        /// <summary>Asks the parse to stop (it may not have started yet).</summary>
        public void Cancel()
        {
            lock (this)
            {
                _cancelled = true;
                _cancel?.Cancel();
            }
        }

        /// <summary>Releases the token source once the parse has ended.</summary>
        public void Finish()
        {
            lock (this)
            {
                _cancel?.Dispose();
                _cancel = null;
            }
        }

        // Written under the run's lock. Started: the timestamp the parse began at, 0 until then.
        public long Started { get; set; }
        public BatchResult? Result { get; set; }
        public bool Abandoned { get; set; }
    }

    /// <summary>
    /// The state of one <see cref="Run"/>; its monitor guards it and signals the consumer. A worker is a
    /// thread-pool work item that parses the input it was started with, then claims the next one itself
    /// (in input order) until none may be claimed: all are claimed, the window is full, or the run is
    /// cancelled. The consumer starts workers again when there is room, so a worker with more to do
    /// never waits for a hand-off from the consumer.
    /// </summary>
    private sealed class RunState(BatchRunner runner, IReadOnlyList<InputItem> items, Func<InputItem, CancellationToken, bool>? skip, CancellationToken cancellationToken)
    {
        private int _next;

        /// <summary>Claimed inputs in input order, parsed or being parsed, not yet consumed: at most <see cref="WindowSize"/>.</summary>
        public Queue<Job> Window { get; } = new();

        /// <summary>Workers running, timed out or not: at most the parallelism.</summary>
        public int Workers { get; set; }

        public bool AllClaimed => _next >= items.Count;

        /// <summary>Set when the consumer failed: the run is over.</summary>
        public bool Stopped { get; set; }

        private bool CanClaim => !AllClaimed && !Stopped && Window.Count < runner.WindowSize && !cancellationToken.IsCancellationRequested;

        /// <summary>Starts workers, each with an input, up to the parallelism; under the lock.</summary>
        public void StartWorkers()
        {
            while (Workers < runner._parallelism && CanClaim)
            {
                Workers++;
                ThreadPool.UnsafeQueueUserWorkItem(Work, Claim());
            }
        }

        public void Wake()
        {
            lock (this)
            {
                Monitor.PulseAll(this);
            }
        }

        // Wakes the consumer when it has a batch to write (half a window of results in input order
        // from the head) or when this worker stops claiming; not for every result, which on a small
        // machine costs a thread switch per input.
        private void SignalResult()
        {
            if (!CanClaim)
            {
                Monitor.PulseAll(this);
                return;
            }

            int ready = 0;
            foreach (var job in Window)
            {
                if (job.Result is null || ++ready >= runner.WindowSize / 2)
                {
                    break;
                }
            }

            if (ready >= runner.WindowSize / 2)
            {
                Monitor.PulseAll(this);
            }
        }

        private Job Claim()
        {
            var job = new Job(_next, items[_next], cancellationToken);
            _next++;
            Window.Enqueue(job);
            return job;
        }

        private void Work(object? state)
        {
            var job = (Job)state!;
            lock (this)
            {
                job.Started = Stopwatch.GetTimestamp();
            }

            while (true)
            {
                BatchResult result;
                try
                {
                    result = runner.Process(job, skip);
                }
                catch (Exception ex)
                {
                    // Process catches what parsing throws; this is for what is left (out of memory):
                    // the consumer waits for every claimed input, so each one must get a result.
                    result = new BatchResult(job.Index, job.Item, ErrorRecords.InternalError(job.Item, ex));
                }
                finally
                {
                    job.Finish();
                }

                lock (this)
                {
                    job.Result = result;
                    SignalResult();
                    if (job.Abandoned)
                    {
                        // The consumer has written its timeout record; the slot is free only now that the parse has stopped.
                        Workers--;
                        Monitor.PulseAll(this);
                        return;
                    }

                    if (!CanClaim)
                    {
                        Workers--;
                        return;
                    }

                    job = Claim();
                    job.Started = Stopwatch.GetTimestamp();
                }
            }
        }
    }

    /// <summary>Asks <paramref name="skip"/> and parses, both with the job's token: the timeout covers the check too (it may read the input).</summary>
    private BatchResult Process(Job job, Func<InputItem, CancellationToken, bool>? skip)
    {
        int index = job.Index;
        var item = job.Item;
        var token = job.Token();
        try
        {
            if (skip is not null && skip(item, token))
            {
                return new BatchResult(index, item, null);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return new BatchResult(index, item, ErrorRecords.Timeout(item, _timeout));
        }
        catch (Exception ex)
        {
            return new BatchResult(index, item, ErrorRecords.InternalError(item, ex));
        }

        var document = ParseSafely(item, token);
        return new BatchResult(index, item, document, RenderSafely(document));
    }

    private byte[]? RenderSafely(ReportDocument document)
    {
        if (Render is null)
        {
            return null;
        }

        try
        {
            return Render(document);
        }
        catch (Exception)
        {
            return null; // the consumer formats it again and reports the failure there
        }
    }

    private ReportDocument ParseSafely(InputItem item, CancellationToken cancellationToken)
    {
        try
        {
            return _parse(item, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Timed out (the consumer has written the record already) or the run was cancelled.
            return ErrorRecords.Timeout(item, _timeout);
        }
        catch (Exception ex)
        {
            OnException?.Invoke(item, ex);
            return ErrorRecords.InternalError(item, ex);
        }
    }
}
