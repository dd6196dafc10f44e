using Simulation.Core.Calibration;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Decisions;

/// <summary>
/// A run's value of each planned observation (as calibration forms it) and its outcome, together; with
/// <paramref name="observe"/> false (no observation planned) the outcome alone.
/// </summary>
internal struct VoiSink(SeriesWindowSink observations, bool observe) : IRunSink
{
    private readonly SeriesWindowSink _observations = observations;
    private readonly bool _observe = observe;

    public RunOutcome Outcome;

    public readonly void Month(int month, ReadOnlySpan<double> values)
    {
        if (_observe)
        {
            _observations.Month(month, values);
        }
    }

    public void End(in RunOutcome outcome) => Outcome = outcome;
}
