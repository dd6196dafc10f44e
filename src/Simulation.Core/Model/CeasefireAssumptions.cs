using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>When the war stops (docs/model.md, step 2).</summary>
/// <param name="MonthsAfterStart">Ceasefire month counted from <c>start</c>; floored, and a draw below 0 counts as 0.</param>
/// <param name="NeverProbability">Probability, in [0, 1], that no ceasefire comes at all.</param>
public sealed record CeasefireAssumptions(InputDistribution MonthsAfterStart, InputDistribution NeverProbability);
