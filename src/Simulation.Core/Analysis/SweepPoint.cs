using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Analysis;

/// <summary>One point of a sweep grid: the levers' values and the run's result.</summary>
public sealed record SweepPoint(IReadOnlyList<double> LeverValues, MonteCarloResult Result);
