using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>Sanctions enforcement (docs/model.md, steps 3, 9 and 12).</summary>
/// <param name="BaseMonthlyHazard">Enforcement events per month regardless of scale (&gt;= 0).</param>
/// <param name="BaseHazardChanges">Piecewise multipliers of the base hazard, in calendar order.</param>
/// <param name="MonthlyHazardPer1000Workers">Extra events per month for each 1,000 workers on site (&gt;= 0).</param>
/// <param name="ExpelFraction">Share of workers on site expelled by one event, in [0, 1].</param>
/// <param name="Deterrence">Factor on intended dispatch once any event has happened, in [0, 1].</param>
/// <param name="ChannelCost">Share of remittances lost once any event has happened, in [0, 1].</param>
public sealed record EnforcementAssumptions(
    InputDistribution BaseMonthlyHazard,
    IReadOnlyList<HazardChange> BaseHazardChanges,
    InputDistribution MonthlyHazardPer1000Workers,
    InputDistribution ExpelFraction,
    InputDistribution Deterrence,
    InputDistribution ChannelCost)
{
    /// <summary>
    /// True restores model version 1's rule that the base hazard runs while no worker is abroad (a pre-emptive
    /// crackdown on the deal itself); by default (version 2) enforcement strikes only a scheme that exists.
    /// </summary>
    public bool BeforeDeployment { get; init; }
}
