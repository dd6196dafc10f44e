using Simulation.Core.Calibration;
using Simulation.Core.MonteCarlo;

namespace Simulation.Application.Execution;

/// <summary>Where a verb reports progress (the terminal's bar or lines; nothing when quiet).</summary>
public interface IProgressSink
{
    /// <summary>A callback for runs done out of <paramref name="total"/>; null when nothing is shown.</summary>
    /// <param name="total">Runs the verb will make.</param>
    /// <param name="relativeHalfWidth">True when a precision target's half-width is relative to a mean, false for a probability's points.</param>
    Action<RunProgress>? Runs(long total, bool relativeHalfWidth = true);

    /// <summary>A callback for a calibration's generations; null when nothing is shown.</summary>
    Action<AbcProgress>? Calibration();

    /// <summary>Ends the progress display (a live bar's line).</summary>
    void Finish();
}
