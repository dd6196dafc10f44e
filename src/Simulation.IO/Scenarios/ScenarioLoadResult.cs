using Simulation.Core.Model;

namespace Simulation.IO.Scenarios;

/// <summary>A loaded scenario and its document, or the problems that stop it from running.</summary>
public sealed record ScenarioLoadResult(Scenario? Scenario, ScenarioDocument? Document, IReadOnlyList<ScenarioProblem> Problems)
{
    /// <summary>True when the scenario can run.</summary>
    public bool IsValid => Scenario is not null && Problems.Count == 0;
}
