using System.Diagnostics;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Random;
using Simulation.Core.Summaries;

namespace Simulation.Core.Analysis;

/// <summary>
/// Runs several scenarios run by run side by side, with common random numbers by default, and summarises each
/// scenario as <see cref="MonteCarloRunner"/> would plus the paired differences against the first scenario, in
/// bounded memory and bit-identically for any thread count.
/// </summary>
public static class ComparisonRunner
{
    /// <summary>Compares <paramref name="scenarios"/>; they must share start, months and runs (the first one's seed is used for all).</summary>
    public static ComparisonResult Run(IReadOnlyList<Scenario> scenarios, ComparisonOptions options)
    {
        if (scenarios.Count < 2)
        {
            throw new ArgumentException("A comparison needs at least two scenarios.");
        }
        var first = scenarios[0];
        foreach (var scenario in scenarios)
        {
            if (scenario.Months != first.Months || scenario.Runs != first.Runs || scenario.Start != first.Start)
            {
                throw new ArgumentException($"Scenario {scenario.Name} differs from {first.Name} in start, months or runs; align them first.");
            }
        }
        var stopwatch = Stopwatch.StartNew();
        int count = scenarios.Count;
        int threads = options.Threads;
        var states = new ScenarioSummaryState[count];
        for (int k = 0; k < count; k++)
        {
            long seed = options.CommonRandomNumbers || k == 0
                ? first.Seed
                : unchecked((long)SplitMix64.Mix((ulong)first.Seed ^ (0x9E3779B97F4A7C15UL * (ulong)k)));
            states[k] = new ScenarioSummaryState(scenarios[k] with { Seed = seed }, threads, first.Runs, saveRuns: false, seed, thresholds: options.Thresholds);
        }
        int metrics = OutputCatalogue.MetricCount;
        // Per pair: every metric, the 0/1 indicators of enforcement and ceasefire by the horizon, then of each threshold.
        var thresholds = options.Thresholds;
        int quantities = metrics + OutputCatalogue.Probabilities.Count + thresholds.Count;
        int differenceCells = (count - 1) * quantities;
        var merger = new OrderedMomentMerger(differenceCells);
        var sketches = new QuantileSketch[threads][];
        var greater = new long[threads][];
        long runs = first.Runs;
        long completed = 0;

        BlockScheduler.RunAll(0, (runs + MonteCarloRunner.BlockSize - 1) / MonteCarloRunner.BlockSize, threads, options.Cancellation, (worker, block) =>
        {
            var workerSketches = sketches[worker] ??= NewSketches(differenceCells);
            var workerGreater = greater[worker] ??= new long[differenceCells];
            var moments = merger.Rent();
            foreach (var state in states)
            {
                state.BeginBlock(worker);
            }
            long start = block * MonteCarloRunner.BlockSize;
            long end = Math.Min(start + MonteCarloRunner.BlockSize, runs);
            for (long run = start; run < end; run++)
            {
                RunOutcome baseline = states[0].RunOne(worker, run);
                for (int k = 1; k < count; k++)
                {
                    RunOutcome other = states[k].RunOne(worker, run);
                    for (int m = 0; m < quantities; m++)
                    {
                        double a = Quantity(baseline, m, thresholds);
                        double b = Quantity(other, m, thresholds);
                        if (double.IsNaN(a) || double.IsNaN(b))
                        {
                            continue;
                        }
                        int cell = (k - 1) * quantities + m;
                        workerSketches[cell].Add(b - a);
                        moments.Add(cell, b - a);
                        if (b > a)
                        {
                            workerGreater[cell]++;
                        }
                    }
                }
            }
            for (int k = 0; k < count; k++)
            {
                states[k].EndBlock(worker, block);
            }
            merger.Complete(block, moments);
            long done = Interlocked.Add(ref completed, end - start);
            options.Progress?.Invoke(new RunProgress(done, runs, null));
        });

        var results = new MonteCarloResult[count];
        for (int k = 0; k < count; k++)
        {
            results[k] = states[k].ToResult(runs, stopwatch.Elapsed, null);
        }
        var differences = new List<IReadOnlyList<PairedDifference>>();
        for (int k = 1; k < count; k++)
        {
            var list = new List<PairedDifference>();
            for (int m = 0; m < quantities; m++)
            {
                int cell = (k - 1) * quantities + m;
                var sketch = new QuantileSketch();
                long above = 0;
                for (int w = 0; w < threads; w++)
                {
                    if (sketches[w] is { } s)
                    {
                        sketch.Merge(s[cell]);
                        above += greater[w]![cell];
                    }
                }
                var statistics = SummaryStatistics.From(merger.Total[cell], sketch);
                bool isMetric = m < metrics;
                int threshold = m - metrics - OutputCatalogue.Probabilities.Count;
                string quantity = isMetric ? OutputCatalogue.Of((Metric)m).Name
                    : threshold < 0 ? OutputCatalogue.Probabilities[m - metrics].Name
                    : PairedDifference.ThresholdQuantity(thresholds[threshold]);
                list.Add(new PairedDifference(scenarios[k].Name, first.Name, quantity, isMetric ? (Metric)m : null, statistics,
                    statistics.Count > 0 ? (double)above / statistics.Count : double.NaN)
                {
                    Threshold = threshold >= 0 ? thresholds[threshold] : null,
                });
            }
            differences.Add(list);
        }
        return new ComparisonResult(results, differences, options.CommonRandomNumbers) { Thresholds = thresholds };
    }

    /// <summary>
    /// Quantity <paramref name="index"/> of a run: a metric, then 1 or 0 for enforcement and ceasefire by the horizon,
    /// then 1 or 0 for each threshold exceeded (a censored metric that never happened is not above).
    /// </summary>
    private static double Quantity(in RunOutcome outcome, int index, IReadOnlyList<Threshold> thresholds) => index switch
    {
        < OutputCatalogue.MetricCount => outcome.Value((Metric)index),
        OutputCatalogue.MetricCount => outcome[Metric.EnforcementEvents] >= 1 ? 1 : 0,
        OutputCatalogue.MetricCount + 1 => double.IsNaN(outcome[Metric.CeasefireMonth]) ? 0 : 1,
        _ => outcome.Value(thresholds[index - OutputCatalogue.MetricCount - 2].Metric) > thresholds[index - OutputCatalogue.MetricCount - 2].Value ? 1 : 0,
    };

    private static QuantileSketch[] NewSketches(int cells)
    {
        var sketches = new QuantileSketch[cells];
        for (int i = 0; i < cells; i++)
        {
            sketches[i] = new QuantileSketch();
        }
        return sketches;
    }
}
