using Simulation.Core.Distributions;
using Simulation.Core.Model;

namespace Simulation.Core.Calibration;

/// <summary>A scenario history-matched to observations: which of its uncertain inputs' values are not ruled out.</summary>
/// <param name="Scenario">The scenario as given: its uncertain inputs span the region searched.</param>
/// <param name="Keys">The matched inputs' key paths, in the order of <see cref="HistoryMatchResult.Kept"/>'s columns.</param>
/// <param name="Priors">The matched inputs' distributions.</param>
/// <param name="Observations">The observations, compiled against the scenario.</param>
/// <param name="Result">The waves and the candidates not ruled out.</param>
/// <param name="Options">The settings used.</param>
public sealed record ScenarioHistoryMatch(Scenario Scenario, IReadOnlyList<string> Keys, IReadOnlyList<InputDistribution> Priors, ObservationSet Observations,
    HistoryMatchResult Result, HistoryMatchOptions Options)
{
    /// <summary>History-matches <paramref name="scenario"/>'s uncertain inputs to <paramref name="observations"/>.</summary>
    public static ScenarioHistoryMatch Run(Scenario scenario, IReadOnlyList<Observation> observations, HistoryMatchOptions options)
    {
        var problem = CalibrationProblem.Of(scenario, observations, options.Threads);
        var result = HistoryMatching.Run(problem.Priors, observations, problem.Observe, options);
        return new ScenarioHistoryMatch(scenario, problem.Keys, problem.Priors, problem.Set, result, options);
    }
}
