using System.Diagnostics;
using System.Globalization;

namespace ReportParser.Cli;

/// <summary>How progress is shown on stderr (<c>--progress</c>).</summary>
internal enum ProgressStyle
{
    None,

    /// <summary>A whole line every <see cref="ProgressReporter.PlainInterval"/>, for logs (a CI job, a cluster job's stderr file).</summary>
    Plain,

    /// <summary>One line redrawn in place, for a terminal.</summary>
    Bar,
}

/// <summary>
/// Shows <c>[done/total] rate files/s, ETA</c> on stderr: as a bar redrawn in place at most four times a
/// second (<see cref="ProgressStyle.Bar"/>), or as a line of its own every <see cref="PlainInterval"/>
/// (<see cref="ProgressStyle.Plain"/>), which a log keeps readable.
/// </summary>
internal sealed class ProgressReporter(TextWriter stderr, int total, ProgressStyle style = ProgressStyle.Bar, TimeSpan? plainInterval = null)
{
    /// <summary>How often a plain progress line is written: often enough that a job's log shows it is alive, seldom enough that an hour is 360 lines.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan BarInterval = TimeSpan.FromMilliseconds(250);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastDraw;
    private int _width;

    public void Update(int done)
    {
        var now = _clock.Elapsed;
        if (style == ProgressStyle.Plain)
        {
            var interval = plainInterval ?? PlainInterval;
            if (now - (_lastDraw ?? TimeSpan.Zero) < interval)
            {
                return;
            }

            _lastDraw = now;
            stderr.WriteLine("reportparser: " + Line(done, now));
            stderr.Flush();
            return;
        }

        if (done < total && _lastDraw is { } last && now - last < BarInterval)
        {
            return;
        }

        _lastDraw = now;
        string line = Line(done, now);
        stderr.Write('\r' + line.PadRight(_width));
        _width = line.Length;
        stderr.Flush();
    }

    /// <summary>Erases the progress bar so the summary starts on a clean line.</summary>
    public void Clear()
    {
        if (_width > 0)
        {
            stderr.Write('\r' + new string(' ', _width) + '\r');
            stderr.Flush();
            _width = 0;
        }
    }

    private string Line(int done, TimeSpan now)
    {
        double rate = now.TotalSeconds > 0 ? done / now.TotalSeconds : 0;
        string eta = rate > 0 && done < total ? FormatDuration(TimeSpan.FromSeconds((total - done) / rate)) : "--:--";
        return string.Create(CultureInfo.InvariantCulture, $"[{done}/{total}] {rate:0.0} files/s, ETA {eta}");
    }

    private static string FormatDuration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes}:{t.Seconds:00}";
}
