using Simulation.Core.Catalogue;

namespace Simulation.Core.Model;

/// <summary>The outcome metrics of one run (docs/model.md), indexed by <see cref="Metric"/>; censored metrics are NaN.</summary>
public struct RunOutcome
{
    private MetricValues _values;

    /// <summary>The value of <paramref name="metric"/>; NaN when censored.</summary>
    public double this[Metric metric]
    {
        readonly get => _values[(int)metric];
        set => _values[(int)metric] = value;
    }

    /// <summary>The value of <paramref name="metric"/>; NaN when censored.</summary>
    public readonly double Value(Metric metric) => _values[(int)metric];
}
