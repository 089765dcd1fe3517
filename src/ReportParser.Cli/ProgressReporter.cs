using System.Diagnostics;
using System.Globalization;

namespace ReportParser.Cli;

/// <summary>
/// Draws <c>[done/total] rate files/s ETA</c> on one line of stderr, redrawn in place at most four
/// times a second. Only used when stderr is a terminal and the run has several inputs.
/// </summary>
internal sealed class ProgressReporter(TextWriter stderr, int total)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastDraw;
    private int _width;

    public void Update(int done)
    {
        var now = _clock.Elapsed;
        if (done < total && _lastDraw is { } last && now - last < Interval)
        {
            return;
        }

        _lastDraw = now;
        double rate = now.TotalSeconds > 0 ? done / now.TotalSeconds : 0;
        string eta = rate > 0 && done < total ? FormatDuration(TimeSpan.FromSeconds((total - done) / rate)) : "--:--";
        string line = string.Create(CultureInfo.InvariantCulture, $"[{done}/{total}] {rate:0.0} files/s, ETA {eta}");
        stderr.Write('\r' + line.PadRight(_width));
        _width = line.Length;
        stderr.Flush();
    }

    /// <summary>Erases the progress line so the summary starts on a clean line.</summary>
    public void Clear()
    {
        if (_width > 0)
        {
            stderr.Write('\r' + new string(' ', _width) + '\r');
            stderr.Flush();
            _width = 0;
        }
    }

    private static string FormatDuration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes}:{t.Seconds:00}";
}
