using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>
/// A place workers are sent to (docs/model.md, "Destinations", model version 3): Russia proper, Kursk, occupied Donbas.
/// Channels (legal covers) and destinations (places) are crossed: a worker has one of each.
/// </summary>
/// <param name="Name">Letters, digits and '_'.</param>
/// <param name="Share">Weight of arrivals sent there, when destinations have no demand of their own.</param>
public sealed record Destination(string Name, InputDistribution Share)
{
    /// <summary>Its own demand curve (wartime, peak, ramp tied to the one ceasefire); then arrivals go by unmet demand.</summary>
    public DemandAssumptions? Demand { get; init; }

    /// <summary>The wage there, or null for pay.wage.</summary>
    public InputDistribution? Wage { get; init; }

    /// <summary>Factor on the enforcement hazard's worker term for workers there.</summary>
    public InputDistribution HazardFactor { get; init; } = InputDistribution.Fixed(1);

    /// <summary>The death rate there, or null for attrition.death_rate.</summary>
    public InputDistribution? DeathRate { get; init; }

    /// <summary>The destination in words for charts and reports ("occupied Donbas"); null for its name.</summary>
    public string? Label { get; init; }

    /// <summary>Visibility to monitors, multiplying the channel's.</summary>
    public InputDistribution Visibility { get; init; } = InputDistribution.Fixed(1);
}
