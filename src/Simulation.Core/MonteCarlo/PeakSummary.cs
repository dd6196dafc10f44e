using Simulation.Core.Catalogue;
using Simulation.Core.Summaries;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// The largest value a series takes in a run (from the forecast's first month), over the runs: with destinations,
/// peak_workers@DESTINATION, the peak of that destination's workers.
/// </summary>
/// <param name="Series">The series whose peak it is (workers@DESTINATION).</param>
/// <param name="Statistics">The peaks' statistics over the runs.</param>
/// <param name="Distribution">The peaks' quantile sketch.</param>
public sealed record PeakSummary(OutputDefinition Series, SummaryStatistics Statistics, QuantileSketch Distribution)
{
    /// <summary>Its name in metrics.csv and summary.json: peak_workers@DESTINATION for workers@DESTINATION.</summary>
    public string Name => "peak_" + Series.Name;

    /// <summary>In words: "peak workers abroad (Kursk)".</summary>
    public string Label => "peak " + Series.Label;
}
