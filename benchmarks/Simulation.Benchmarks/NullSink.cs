using Simulation.Core.Catalogue;
using Simulation.Core.Model;

namespace Simulation.Benchmarks;

/// <summary>Discards a run's outputs except one number, so the model's own cost can be timed.</summary>
public struct NullSink : IRunSink
{
    public double Checksum;

    public void Month(int month, ReadOnlySpan<double> values) => Checksum += values[(int)Series.Workers];

    public void End(in RunOutcome outcome) => Checksum += outcome[Metric.PeakWorkers];
}
