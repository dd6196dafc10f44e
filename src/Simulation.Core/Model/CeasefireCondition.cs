using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>
/// <c>ceasefire.not_before</c> compiled for the sampler: the month index m no ceasefire comes before, the ceasefire
/// month's distribution, and F(m), its probability of a month before m.
/// </summary>
internal sealed record CeasefireCondition(int Month, InputDistribution Distribution, double ProbabilityBefore);
