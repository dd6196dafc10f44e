using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.Summaries;

namespace Simulation.Core.MonteCarlo;

/// <summary>The probability that <paramref name="Metric"/> exceeds a threshold asked for (--threshold).</summary>
public sealed record ThresholdProbability(Metric Metric, ExceedanceProbability Probability)
{
    /// <summary>P(metric &gt; value) in <paramref name="result"/>.</summary>
    public static ThresholdProbability Of(MonteCarloResult result, Metric metric, double value) => new(metric, result.Exceeds(metric, value));

    /// <summary>The probability of <paramref name="threshold"/> in <paramref name="result"/>.</summary>
    public static ThresholdProbability Of(MonteCarloResult result, Threshold threshold) => Of(result, threshold.Metric, threshold.Value);
}
