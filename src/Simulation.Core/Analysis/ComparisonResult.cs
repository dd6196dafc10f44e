using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Analysis;

/// <summary>Each scenario's result and, for every scenario after the first, the paired differences of each metric against the first.</summary>
public sealed record ComparisonResult(IReadOnlyList<MonteCarloResult> Results, IReadOnlyList<IReadOnlyList<PairedDifference>> Differences, bool CommonRandomNumbers);
