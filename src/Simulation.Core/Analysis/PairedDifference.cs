using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Summaries;

namespace Simulation.Core.Analysis;

/// <summary>
/// The run-by-run difference B - A of one quantity between a scenario B and the first scenario A, over the runs
/// where both observed it: a metric (<see cref="Metric"/> set), or a probability by the horizon
/// (<see cref="Catalogue.OutputCatalogue.Probabilities"/>), whose per-run values are 0 or 1 so that the mean difference is
/// the difference of the probabilities and its standard error comes from the pairs. <see cref="ProbabilityGreater"/>
/// is the share of those runs where B &gt; A.
/// </summary>
public sealed record PairedDifference(string Scenario, string Baseline, string Quantity, Metric? Metric, SummaryStatistics Statistics, double ProbabilityGreater)
{

    /// <summary>True for a difference of probabilities (0/1 per run).</summary>
    public bool IsProbability => Metric is null;

    /// <summary>The threshold whose probabilities this differences (--threshold), or null.</summary>
    public Threshold? Threshold { get; init; }

    /// <summary>The name of a threshold's probability in differences.csv: "P(remittances_usd>1000000000)".</summary>
    public static string ThresholdQuantity(Threshold threshold) =>
        $"P({Catalogue.OutputCatalogue.Of(threshold.Metric).Name}>{threshold.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})";
}
