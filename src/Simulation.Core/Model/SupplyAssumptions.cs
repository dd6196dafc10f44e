using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>How fast, and how many, workers the sending state can dispatch (docs/model.md, steps 3 and 8).</summary>
/// <param name="DispatchPerMonth">Most workers sent in one month (&gt;= 0).</param>
/// <param name="Pool">Most workers abroad at once (&gt;= 0).</param>
/// <param name="InitialWorkers">Workers already on site at month 0 (&gt;= 0, rounded to a whole number).</param>
public sealed record SupplyAssumptions(InputDistribution DispatchPerMonth, InputDistribution Pool, InputDistribution InitialWorkers)
{
    /// <summary>
    /// Most returns and forced exits in one month (docs/model.md, step 8; floored to a whole number); 0 closes the borders
    /// to departures. Unlimited by default.
    /// </summary>
    public InputDistribution DepartureCapacity { get; init; } = InputDistribution.Fixed(double.PositiveInfinity);
}
