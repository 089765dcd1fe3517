namespace ReportParser.Cli;

/// <summary>How many records of an earlier run, from the first, a resumed stream output keeps.</summary>
internal static class ResumeCheck
{
    /// <summary>
    /// The length of the longest run of <paramref name="records"/>, from the first, that are current for
    /// <paramref name="items"/> in order (<see cref="RecordIdentity.IsCurrentFor"/>): the records a clean run
    /// would write first. Inputs are read and hashed <paramref name="jobs"/> at a time, each for at most
    /// <paramref name="timeout"/> (a check that takes longer counts as not current).
    /// </summary>
    public static int CountCurrent(IReadOnlyList<RecordIdentity> records, IReadOnlyList<InputItem> items, long maxBytes, int jobs, TimeSpan timeout, CancellationToken cancellationToken)
    {
        int count = Math.Min(records.Count, items.Count);
        var current = new bool[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellationToken }, i =>
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                current[i] = records[i].IsCurrentFor(items[i], maxBytes, limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                current[i] = false;
            }
        });

        int kept = 0;
        while (kept < count && current[kept])
        {
            kept++;
        }

        return kept;
    }
}
