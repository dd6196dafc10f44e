using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>Contract length (docs/model.md, step 6).</summary>
/// <param name="MeanMonths">Mean months a worker stays (&gt;= 1); each month a worker leaves with probability 1 / MeanMonths.</param>
public sealed record ContractAssumptions(InputDistribution MeanMonths);
