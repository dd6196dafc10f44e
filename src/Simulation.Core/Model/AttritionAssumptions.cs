using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>Workers who leave the stock without a flight and without further pay (docs/model.md, step 10).</summary>
/// <param name="DeathRate">Deaths per worker per month, in [0, 1].</param>
/// <param name="DesertionRate">Desertions per worker per month, in [0, 1].</param>
public sealed record AttritionAssumptions(InputDistribution DeathRate, InputDistribution DesertionRate);
