using Simulation.Core.Model;

namespace Simulation.Core.Analysis;

/// <summary>Keeps only a run's metrics.</summary>
internal struct OutcomeSink : IRunSink
{
    public RunOutcome Outcome;

    public readonly void Month(int month, ReadOnlySpan<double> values)
    {
    }

    public void End(in RunOutcome outcome) => Outcome = outcome;
}
