using System.Diagnostics;
using System.Globalization;
using Simulation.Core.Calibration;

namespace Simulation.Cli;

/// <summary>
/// The progress line of a calibration on standard error: generation, tolerance, particles accepted, acceptance rate
/// and the time left in the generation; live on a terminal, a plain line every few seconds otherwise.
/// </summary>
internal sealed class CalibrationProgress
{
    private readonly TextWriter _error;
    private readonly bool _live;
    private readonly TimeSpan _interval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastPrinted = TimeSpan.Zero;
    private TimeSpan _generationStart = TimeSpan.Zero;
    private int _generation = -1;
    private bool _printedLive;

    public CalibrationProgress(TextWriter error, bool live)
    {
        _error = error;
        _live = live;
        _interval = live ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);
    }

    /// <summary>Called from the calibrating thread after each batch.</summary>
    public void Report(AbcProgress progress)
    {
        var now = _clock.Elapsed;
        if (progress.Generation != _generation)
        {
            _generation = progress.Generation;
            _generationStart = now;
        }
        if (now - _lastPrinted < _interval)
        {
            return;
        }
        _lastPrinted = now;
        string line = Describe(progress, now - _generationStart);
        if (_live)
        {
            _error.Write($"\r{line}   ");
            _printedLive = true;
        }
        else
        {
            _error.WriteLine(line);
        }
    }

    public void Finish()
    {
        if (_printedLive)
        {
            _error.WriteLine();
        }
    }

    internal static string Describe(AbcProgress progress, TimeSpan inGeneration)
    {
        double perParticle = progress.Accepted > 0 ? inGeneration.TotalSeconds / progress.Accepted : double.NaN;
        double weighing = progress.WeightStep?.TotalSeconds ?? 0;
        double left = perParticle * (progress.Particles - progress.Accepted) + weighing;
        string tolerance = double.IsInfinity(progress.Tolerance) ? "none (prior)" : progress.Tolerance.ToString("0.000", CultureInfo.InvariantCulture);
        string weighText = weighing >= 1 ? $", {Duration(weighing)} of it weighing the particles" : "";
        string leftText = double.IsFinite(left) ? $"  about {Duration(left)} left in this generation{weighText}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"generation {progress.Generation}  tolerance {tolerance}  accepted {progress.Accepted:N0}/{progress.Particles:N0}  acceptance {100 * progress.AcceptanceRate:0.0}%  {progress.TotalCandidates:N0} model runs{leftText}");
    }

    /// <summary>Seconds in the largest unit that keeps them readable: 45s, 12 min, 13.5 h.</summary>
    internal static string Duration(double seconds) => seconds switch
    {
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0}s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
    };
}
