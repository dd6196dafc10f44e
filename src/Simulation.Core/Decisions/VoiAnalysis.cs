using Simulation.Core.Calibration;
using Simulation.Core.Model;

namespace Simulation.Core.Decisions;

/// <summary>
/// What <c>laborsim voi</c> found for <see cref="Measure"/> on <see cref="Scenario"/>: its variance over the runs, the
/// share of it each uncertain input and each planned observation would remove, and, where the scenario has policies,
/// the expected value of perfect information for the choice among them.
/// </summary>
public sealed record VoiAnalysis(Scenario Scenario, Measure Measure, long Runs, double Variance)
{
    /// <summary>Var(E[M | input]) per uncertain input that varies, in input order.</summary>
    public IReadOnlyList<(string Input, VoiEstimate Estimate)> Inputs { get; init; } = [];

    /// <summary>Var(E[M | D]) per planned observation, in file order.</summary>
    public IReadOnlyList<(Observation Observation, VoiEstimate Estimate)> Observations { get; init; } = [];

    /// <summary>The policies compared (the status quo first), or empty when the scenario has none.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];

    /// <summary>EVPI of the choice among <see cref="Policies"/>, in the measure's unit; null without policies.</summary>
    public VoiEstimate? Evpi { get; init; }

    /// <summary>The policy best on average (the choice made without more information); null without policies.</summary>
    public string? BestOnAverage { get; init; }

    /// <summary>EVPPI per uncertain input for that choice.</summary>
    public IReadOnlyList<(string Input, VoiEstimate Estimate)> DecisionInputs { get; init; } = [];

    /// <summary>Wall-clock time.</summary>
    public TimeSpan Elapsed { get; init; }
}
