using System.Threading.Channels;
using ReportParser.Model;

namespace ReportParser.Cli;

/// <summary>
/// The outcome of one input: its document, or <see cref="Skipped"/> when its output already existed.
/// <see cref="Rendered"/> is the document already formatted by <see cref="BatchRunner.Render"/>, when there is one.
/// </summary>
internal sealed record BatchResult(int Index, InputItem Item, ReportDocument? Document, string? Rendered = null)
{
    public bool Skipped => Document is null;
}

/// <summary>
/// Parses inputs in parallel and hands the results to a consumer in input order, as soon as each
/// one and all before it are done. At most twice the parallelism of results are in flight (parsed
/// or being parsed but not yet consumed), so memory does not grow with the number of inputs.
/// Every input yields one result: the pipeline's document or error record, an error record for an
/// exception (<see cref="ErrorRecords.InternalErrorCode"/>) or for a parse that outlived the
/// timeout (<see cref="ErrorRecords.TimeoutCode"/>). A timed-out parse cannot be stopped: it keeps
/// its thread in the background until it ends or the process exits, and its slot is given to the next input.
/// </summary>
internal sealed class BatchRunner
{
    private readonly Func<InputItem, ReportDocument> _parse;
    private readonly int _parallelism;
    private readonly TimeSpan _timeout;

    /// <param name="parse">Parses one input; must be thread-safe (one shared <see cref="ReportPipeline"/>).</param>
    /// <param name="parallelism">How many inputs are parsed at once (at least 1).</param>
    /// <param name="timeout">How long one parse may take; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    public BatchRunner(Func<InputItem, ReportDocument> parse, int parallelism, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        _parse = parse;
        _parallelism = parallelism;
        _timeout = timeout;
    }

    /// <summary>Called (on a worker thread) with the exception of a parse that threw, before it becomes an error record.</summary>
    public Action<InputItem, Exception>? OnException { get; init; }

    /// <summary>
    /// Formats a parsed document on the worker thread (its result goes to <see cref="BatchResult.Rendered"/>),
    /// so that output formatting runs in parallel rather than on the consumer. Null (or a null or failed
    /// result) leaves formatting to the consumer.
    /// </summary>
    public Func<ReportDocument, string?>? Render { get; init; }

    /// <summary>
    /// Runs every input. <paramref name="skip"/> (called on worker threads) says which inputs need no
    /// parse; <paramref name="consume"/> is called on one thread at a time, in input order.
    /// Cancelling stops starting new inputs and returns after the results already consumed; it throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task RunAsync(IReadOnlyList<InputItem> items, Func<InputItem, bool>? skip, Action<BatchResult> consume, CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Not disposed: abandoned (timed-out or cancelled) work may still release them after this returns.
        var window = new SemaphoreSlim(2 * _parallelism);
        var workers = new SemaphoreSlim(_parallelism);
        var pending = Channel.CreateUnbounded<Task<BatchResult>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                for (int i = 0; i < items.Count; i++)
                {
                    await window.WaitAsync(stop.Token).ConfigureAwait(false);
                    pending.Writer.TryWrite(ProcessAsync(i, items[i], skip, workers, stop.Token));
                }
            }
            finally
            {
                pending.Writer.Complete();
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var task in pending.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                var result = await task.ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                consume(result);
                window.Release();
            }
        }
        catch
        {
            // The consumer failed (or the run was cancelled): stop the producer before leaving.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        await producer.ConfigureAwait(false);
    }

    private async Task<BatchResult> ProcessAsync(int index, InputItem item, Func<InputItem, bool>? skip, SemaphoreSlim workers, CancellationToken cancellationToken)
    {
        try
        {
            await workers.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return new BatchResult(index, item, null);
        }

        try
        {
            if (skip is not null && skip(item))
            {
                return new BatchResult(index, item, null);
            }

            var parse = Task.Run(() =>
            {
                var document = ParseSafely(item);
                return (document, RenderSafely(document));
            }, CancellationToken.None);
            try
            {
                var (document, rendered) = await parse.WaitAsync(_timeout, cancellationToken).ConfigureAwait(false);
                return new BatchResult(index, item, document, rendered);
            }
            catch (TimeoutException)
            {
                return new BatchResult(index, item, ErrorRecords.Timeout(item, _timeout));
            }
            catch (OperationCanceledException)
            {
                return new BatchResult(index, item, null);
            }
        }
        finally
        {
            workers.Release();
        }
    }

    private string? RenderSafely(ReportDocument document)
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

    private ReportDocument ParseSafely(InputItem item)
    {
        try
        {
            return _parse(item);
        }
        catch (Exception ex)
        {
            OnException?.Invoke(item, ex);
            return ErrorRecords.InternalError(item, ex);
        }
    }
}
