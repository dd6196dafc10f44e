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
        if (scenario.Posterior is not null)
        {
            throw new ArgumentException($"scenario {scenario.Name} is already calibrated (posterior from {scenario.Posterior.Source}); history-match the scenario it came from");
        }
        var compiled = CompiledScenario.Of(scenario);
        var set = new ObservationSet(compiled, observations);
        int[] uncertain = compiled.UncertainParameterIndices;
        if (uncertain.Length == 0)
        {
            throw new ArgumentException($"nothing to match: every input of scenario {scenario.Name} is a fixed value; give the inputs to match a distribution");
        }
        var priors = new InputDistribution[uncertain.Length];
        var keys = new string[uncertain.Length];
        for (int j = 0; j < uncertain.Length; j++)
        {
            priors[j] = compiled.Parameters[uncertain[j]];
            keys[j] = compiled.ParameterNames[uncertain[j]];
        }
        var inputs = new double[options.Threads][];
        var values = new double[options.Threads][];
        for (int w = 0; w < options.Threads; w++)
        {
            inputs[w] = new double[compiled.Parameters.Length];
            for (int i = 0; i < inputs[w].Length; i++)
            {
                inputs[w][i] = compiled.Parameters[i].Mean;
            }
            values[w] = new double[set.Count];
        }
        void Simulate(ReadOnlySpan<double> theta, long streamSeed, long run, int worker, Span<double> result)
        {
            var own = inputs[worker];
            for (int j = 0; j < theta.Length; j++)
            {
                own[uncertain[j]] = theta[j];
            }
            var sink = set.Sink(values[worker]);
            LaborMigrationModel.Simulate(compiled, streamSeed, run, own, ref sink);
            values[worker].CopyTo(result);
        }
        var result = HistoryMatching.Run(priors, observations, Simulate, options);
        return new ScenarioHistoryMatch(scenario, keys, priors, set, result, options);
    }
}
