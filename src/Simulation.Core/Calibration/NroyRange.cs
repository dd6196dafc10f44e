using Simulation.Core.Distributions;

namespace Simulation.Core.Calibration;

/// <summary>
/// One input's range among the candidates not ruled out, against its prior: the share of the prior's probability
/// between the kept candidates' smallest and largest value (1 when the record rules out none of it).
/// </summary>
/// <remarks>
/// The region (<see cref="RegionLowQuantile"/> to <see cref="RegionHighQuantile"/> of the prior) is where a further
/// wave, or ABC after <c>--history-match</c>, draws from: the kept range widened by a tenth and half a stratum.
/// </remarks>
public sealed record NroyRange(string KeyPath, double PriorP5, double PriorP95, double Min, double Max, double PriorShare)
{
    /// <summary>The prior's quantile where the region starts.</summary>
    public double RegionLowQuantile { get; init; }

    /// <summary>The prior's quantile where the region ends.</summary>
    public double RegionHighQuantile { get; init; } = 1;

    /// <summary>The region's smallest value (the prior's support minimum when it starts at quantile 0).</summary>
    public double RegionMin { get; init; }

    /// <summary>The region's largest value.</summary>
    public double RegionMax { get; init; }

    /// <summary>Each input's range among <paramref name="match"/>'s kept candidates, in the order of its keys.</summary>
    public static IReadOnlyList<NroyRange> Of(ScenarioHistoryMatch match)
    {
        var ranges = new NroyRange[match.Keys.Count];
        for (int j = 0; j < ranges.Length; j++)
        {
            var prior = match.Priors[j];
            var column = match.Result.Column(j);
            double min = double.NaN, max = double.NaN;
            foreach (double x in column)
            {
                min = double.IsNaN(min) ? x : Math.Min(min, x);
                max = double.IsNaN(max) ? x : Math.Max(max, x);
            }
            double share = column.Length == 0 ? 0 : prior.Cdf(max) - prior.Cdf(Math.BitDecrement(min));
            double low = match.Result.RegionLow[j], high = match.Result.RegionHigh[j];
            var (regionMin, regionMax) = RestrictedDistribution.Bounds(prior, low, high);
            ranges[j] = new NroyRange(match.Keys[j], prior.Quantile(0.05), prior.Quantile(0.95), min, max, share)
            {
                RegionLowQuantile = low,
                RegionHighQuantile = high,
                RegionMin = regionMin,
                RegionMax = regionMax,
            };
        }
        return ranges;
    }
}
