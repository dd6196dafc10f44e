using System.Diagnostics;
using System.Globalization;
using Simulation.Core.MonteCarlo;

namespace Simulation.Cli;

/// <summary>
/// Progress on standard error: a live bar with runs done, rate and time left on a terminal, a plain line
/// every few seconds otherwise, nothing when quiet. Called from worker threads; prints at most a few times
/// a second.
/// </summary>
internal sealed class ProgressReporter
{
    private readonly TextWriter _error;
    private readonly bool _live;
    private readonly long _total;
    private readonly TimeSpan _interval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private TimeSpan _lastPrinted = TimeSpan.Zero;
    private bool _printedLive;
    private double? _halfWidth;

    /// <summary>True when the precision target is a metric's mean (a half-width relative to it), false for a probability.</summary>
    public bool RelativeHalfWidth { get; init; } = true;

    public ProgressReporter(TextWriter error, bool live, long total)
    {
        _error = error;
        _live = live;
        _total = total;
        _interval = live ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);
    }

    public void Report(RunProgress progress)
    {
        long done = progress.Done;
        _halfWidth = progress.HalfWidth;
        TimeSpan now = _clock.Elapsed;
        if (now - _lastPrinted < _interval && done < _total)
        {
            return;
        }
        lock (_gate)
        {
            if (now - _lastPrinted < _interval && done < _total)
            {
                return;
            }
            _lastPrinted = now;
            string line = Describe(done, now);
            if (_live)
            {
                int filled = (int)(30 * done / Math.Max(1, _total));
                _error.Write($"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {line}   ");
                _printedLive = true;
            }
            else if (done < _total)
            {
                _error.WriteLine(line);
            }
        }
    }

    public void Finish()
    {
        if (_printedLive)
        {
            _error.WriteLine();
        }
    }

    internal string Describe(long done, TimeSpan elapsed)
    {
        double rate = done / Math.Max(elapsed.TotalSeconds, 1e-9);
        double left = rate > 0 ? (_total - done) / rate : double.NaN;
        string leftText = double.IsFinite(left) ? $"{left:0}s left" : "";
        string width = _halfWidth is not { } w ? ""
            : RelativeHalfWidth ? string.Create(CultureInfo.InvariantCulture, $"  95% interval ±{100 * w:0.00}% of the mean")
            : string.Create(CultureInfo.InvariantCulture, $"  95% interval ±{100 * w:0.00} points");
        return string.Create(CultureInfo.InvariantCulture, $"{done:N0}/{_total:N0} runs  {rate:N0} runs/s  {leftText}{width}").TrimEnd();
    }
}
