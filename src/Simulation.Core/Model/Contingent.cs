using Simulation.Core.Calendar;
using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>
/// A block of workers sent by a state-to-state deal (docs/model.md, step 5), on top of the channel's Poisson arrivals
/// and whatever the demand.
/// </summary>
/// <param name="Month">The month the first part arrives.</param>
/// <param name="Workers">How many arrive in all (&gt;= 0; a draw is rounded to a whole number).</param>
/// <param name="Channel">The channel they arrive in.</param>
/// <param name="SpreadMonths">Monthly parts k (&gt;= 1): equal parts, the remainder one each in the first months.</param>
public sealed record Contingent(YearMonth Month, InputDistribution Workers, string Channel, int SpreadMonths)
{
    /// <summary>USD paid to the state per member per month abroad (model version 3), reported apart from labor revenue.</summary>
    public InputDistribution PayPerMonth { get; init; } = InputDistribution.Fixed(0);

    /// <summary>The destination they are sent to (model version 3), or null for the first.</summary>
    public string? Destination { get; init; }
}
