using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Application.Verbs;

/// <summary>The probabilities asked for with --threshold METRIC=VALUE, evaluated on a result.</summary>
public static class Thresholds
{
    /// <summary>P(metric &gt; value) in <paramref name="result"/> for each threshold, in order.</summary>
    public static IReadOnlyList<ThresholdProbability> Evaluate(MonteCarloResult result, IReadOnlyList<Threshold> thresholds)
    {
        var probabilities = new ThresholdProbability[thresholds.Count];
        for (int i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = ThresholdProbability.Of(result, thresholds[i]);
        }
        return probabilities;
    }
}
