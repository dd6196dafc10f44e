using Simulation.Core.Model;

namespace Simulation.IO.Scenarios;

/// <summary>
/// A loaded scenario and its document, or the problems that stop it from running; and warnings, which do not (a
/// timeline change dated outside the horizon).
/// </summary>
public sealed record ScenarioLoadResult(Scenario? Scenario, ScenarioDocument? Document, IReadOnlyList<ScenarioProblem> Problems)
{
    /// <summary>Things the scenario says that probably do not do what was meant, though it can run.</summary>
    public IReadOnlyList<ScenarioProblem> Warnings { get; init; } = [];

    /// <summary>True when the scenario can run.</summary>
    public bool IsValid => Scenario is not null && Problems.Count == 0;
}
