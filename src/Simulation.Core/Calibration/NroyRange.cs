namespace Simulation.Core.Calibration;

/// <summary>
/// One input's range among the candidates not ruled out, against its prior: the share of the prior's probability
/// between the kept candidates' smallest and largest value (1 when the record rules out none of it).
/// </summary>
public sealed record NroyRange(string KeyPath, double PriorP5, double PriorP95, double Min, double Max, double PriorShare)
{
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
            ranges[j] = new NroyRange(match.Keys[j], prior.Quantile(0.05), prior.Quantile(0.95), min, max, share);
        }
        return ranges;
    }
}
