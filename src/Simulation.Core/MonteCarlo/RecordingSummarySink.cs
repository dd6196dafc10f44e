using Simulation.Core.Model;

namespace Simulation.Core.MonteCarlo;

/// <summary>A run's summaries and its values of the record's observations, from one pass of the model.</summary>
internal struct RecordingSummarySink(SummarySink summary, SeriesWindowSink observations) : IRunSink
{
    public SummarySink Summary = summary;
    private readonly SeriesWindowSink _observations = observations;

    public void Month(int month, ReadOnlySpan<double> values)
    {
        Summary.Month(month, values);
        _observations.Month(month, values);
    }

    public void End(in RunOutcome outcome) => Summary.End(outcome);
}
