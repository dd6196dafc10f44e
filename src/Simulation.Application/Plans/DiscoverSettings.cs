namespace Simulation.Application.Plans;

/// <summary>
/// What <c>laborsim discover</c> was asked, as the user gave it: a front end maps its options here and
/// <see cref="DiscoverPlanner"/> checks them and makes the plan. Null means not given (the default applies).
/// </summary>
public sealed record DiscoverSettings : VerbSettings
{
    /// <summary>A scenario file to run, or an output folder of 'laborsim run --save-runs'.</summary>
    public required string Source { get; init; }

    /// <summary>The condition on the metrics, as typed (--where).</summary>
    public required string Where { get; init; }

    /// <summary>The step of the peeling trajectory to show instead of the balanced one.</summary>
    public int? Box { get; init; }

    public double? PeelAlpha { get; init; }

    public double? PasteAlpha { get; init; }

    public double? MassMin { get; init; }

    /// <summary>The seed as typed: for a folder, it replaces the as-run scenario's seed (a scenario file takes it as an override).</summary>
    public string? Seed { get; init; }

    /// <summary>Whether --set, --runs or --months were given, which apply to a scenario file only.</summary>
    public bool ScenarioOverridesGiven { get; init; }
}
