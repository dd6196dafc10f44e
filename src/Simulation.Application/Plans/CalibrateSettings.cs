namespace Simulation.Application.Plans;

/// <summary>
/// What <c>laborsim calibrate</c> was asked, as the user gave it: a front end maps its options here and
/// <see cref="CalibratePlanner"/> checks them together and makes the plan. Null means not given (the default applies).
/// </summary>
public sealed record CalibrateSettings : VerbSettings
{
    /// <summary>The scenario files: one to calibrate, several for model choice among them.</summary>
    public required IReadOnlyList<string> ScenarioFiles { get; init; }

    /// <summary>The observation files (at least one).</summary>
    public required IReadOnlyList<string> ObservationFiles { get; init; }

    /// <summary>abc-smc, rejection or history-matching, as typed.</summary>
    public string Method { get; init; } = "abc-smc";

    public int? Particles { get; init; }

    public double? Quantile { get; init; }

    public double? MinAcceptance { get; init; }

    public int? MaxGenerations { get; init; }

    /// <summary>History-match first, then start ABC from the region not ruled out.</summary>
    public bool HistoryMatch { get; init; }

    public int? Candidates { get; init; }

    public int? Replicates { get; init; }

    public double? Cutoff { get; init; }

    public double? Discrepancy { get; init; }

    public int? Waves { get; init; }

    /// <summary>The models' prior probabilities, comma-separated, as typed.</summary>
    public string? ModelPrior { get; init; }

    /// <summary>Whether --runs was given: then the posterior predictive runs are the scenario's runs, not the default cap.</summary>
    public bool RunsGiven { get; init; }
}
