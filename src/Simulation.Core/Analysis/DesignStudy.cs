using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Sampling;

namespace Simulation.Core.Analysis;

/// <summary>
/// What a sampling design buys: the same scenario run with <c>seeds</c> independent seeds per design at equal runs;
/// the spread of a metric's mean across seeds is that design's standard error of the mean, measured rather than
/// estimated within one run (a within-run estimate assumes independent draws, which designs are not).
/// </summary>
public static class DesignStudy
{
    /// <summary>The metrics studied by default: the headline ones.</summary>
    public static IReadOnlyList<Metric> Headline { get; } = [Metric.PeakWorkers, Metric.RemittancesUsd, Metric.TotalDeployed];

    /// <summary>One design's result for one metric.</summary>
    public sealed record Row(SamplingMethod Design, Metric Metric, long Runs, int Seeds, double Mean, double StandardError)
    {
        /// <summary>Runs for a 95% interval of the mean within 1% of it, at this design's measured error: n (1.96 se / 0.01 mean)^2.</summary>
        public double RunsForOnePercent => Runs * Math.Pow(1.96 * StandardError / (0.01 * Math.Abs(Mean)), 2);
    }

    /// <summary>Runs <paramref name="scenario"/> under each design with seeds 1 .. <paramref name="seeds"/>, <paramref name="runs"/> runs each.</summary>
    public static IReadOnlyList<Row> Run(Scenario scenario, IReadOnlyList<SamplingMethod> designs, int seeds, long runs, IReadOnlyList<Metric>? metrics = null, int threads = 1)
    {
        metrics ??= Headline;
        var rows = new List<Row>();
        foreach (var design in designs)
        {
            var means = new double[metrics.Count][];
            for (int m = 0; m < metrics.Count; m++)
            {
                means[m] = new double[seeds];
            }
            for (int k = 0; k < seeds; k++)
            {
                var result = MonteCarloRunner.Run(scenario with { Seed = scenario.Seed + 1000 * (k + 1), Runs = runs, Sampling = design }, new RunnerOptions { Threads = threads });
                for (int m = 0; m < metrics.Count; m++)
                {
                    means[m][k] = result.Of(metrics[m]).Statistics.Mean;
                }
            }
            for (int m = 0; m < metrics.Count; m++)
            {
                double mean = means[m].Average();
                double variance = means[m].Sum(x => (x - mean) * (x - mean)) / (seeds - 1);
                rows.Add(new Row(design, metrics[m], runs, seeds, mean, Math.Sqrt(variance)));
            }
        }
        return rows;
    }
}
