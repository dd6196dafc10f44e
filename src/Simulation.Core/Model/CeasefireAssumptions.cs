using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>When the war stops (docs/model.md, step 2).</summary>
/// <param name="MonthsAfterStart">Ceasefire month counted from <c>start</c>; floored, and a draw below 0 counts as 0.</param>
/// <param name="NeverProbability">Probability, in [0, 1], that no ceasefire comes at all.</param>
public sealed record CeasefireAssumptions(InputDistribution MonthsAfterStart, InputDistribution NeverProbability)
{
    /// <summary>
    /// The first month a ceasefire may come (<c>ceasefire.not_before</c>): what is known today, that none has come
    /// before it. Every run draws from the distributions conditional on that: the ceasefire month from its distribution
    /// truncated below this month, and "no ceasefire at all" with its probability given none so far. Null: no condition.
    /// </summary>
    public Simulation.Core.Calendar.YearMonth? NotBefore { get; init; }
}
