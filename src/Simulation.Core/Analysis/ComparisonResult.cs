using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Analysis;

/// <summary>Each scenario's result and, for every scenario after the first, the paired differences of each metric against the first.</summary>
public sealed record ComparisonResult(IReadOnlyList<MonteCarloResult> Results, IReadOnlyList<IReadOnlyList<PairedDifference>> Differences, bool CommonRandomNumbers)
{
    /// <summary>The thresholds asked for (--threshold): each scenario's P(metric &gt; value) is in its result, their paired differences among <see cref="Differences"/>.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];
}
