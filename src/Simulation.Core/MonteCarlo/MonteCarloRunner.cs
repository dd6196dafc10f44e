using System.Diagnostics;
using Simulation.Core.Model;
using Simulation.Core.Summaries;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// Runs every run of a scenario on several threads and summarises them in bounded memory.
/// </summary>
/// <remarks>
/// Runs are cut into blocks of <see cref="BlockSize"/> consecutive indices, a size that never depends on the
/// thread count; threads take blocks in turn. Each run's randomness depends only on (seed, run index), sketches
/// merge by adding counts, and moments are merged in block order, so the result is bit-identical for any
/// thread count and schedule.
/// </remarks>
public static class MonteCarloRunner
{
    /// <summary>Runs per block: large enough that merging is negligible, small enough for smooth progress.</summary>
    public const int BlockSize = 1024;

    /// <summary>
    /// Runs <paramref name="scenario"/>: <see cref="Scenario.Runs"/> runs, or with
    /// <see cref="RunnerOptions.Precision"/> until the target is met at a checkpoint.
    /// </summary>
    public static MonteCarloResult Run(Scenario scenario, RunnerOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1);
        var target = options.Precision;
        if (target is not null && options.SaveRuns)
        {
            throw new ArgumentException("A precision target and saved runs cannot be combined: the number of runs is not known in advance.");
        }
        var stopwatch = Stopwatch.StartNew();
        long plannedRuns = target?.MaxRuns ?? scenario.Runs;
        var state = new ScenarioSummaryState(scenario, options.Threads, plannedRuns, options.SaveRuns, scenario.Seed);
        long completed = 0;
        double? halfWidth = null;

        void RunUpTo(long endRun)
        {
            long start = completed;
            long firstBlock = start / BlockSize;
            long endBlock = (endRun + BlockSize - 1) / BlockSize;
            BlockScheduler.Run(firstBlock, endBlock, options.Threads, options.Cancellation, (worker, block) =>
            {
                long first = block * BlockSize;
                long end = Math.Min(first + BlockSize, endRun);
                state.RunBlock(worker, block, first, end);
                long done = Interlocked.Add(ref completed, end - first);
                options.Progress?.Invoke(new RunProgress(done, plannedRuns, halfWidth));
            });
        }

        PrecisionReport? report = null;
        if (target is null)
        {
            RunUpTo(scenario.Runs);
        }
        else
        {
            foreach (long checkpoint in target.Checkpoints())
            {
                RunUpTo(checkpoint);
                halfWidth = HalfWidth(target.Quantity, state.Moments, scenario.Months);
                report = new PrecisionReport(target, halfWidth.Value, halfWidth.Value <= target.HalfWidth);
                if (report.Met)
                {
                    break;
                }
            }
        }
        return state.ToResult(completed, stopwatch.Elapsed, report);
    }

    /// <summary>The 95% half-width of a quantity from merged moments: relative for metrics, absolute for probabilities.</summary>
    internal static double HalfWidth(string quantity, MomentSummary[] moments, int months)
    {
        const double z = 1.959963984540054;
        int probability = quantity switch
        {
            "enforced_by_horizon" => (int)Series.Enforced,
            "ceasefire_by_horizon" => (int)Series.Postwar,
            _ => -1,
        };
        if (probability >= 0)
        {
            return z * moments[probability * months + months - 1].StandardError;
        }
        for (int m = 0; m < OutputNames.MetricCount; m++)
        {
            if (OutputNames.Of((Metric)m) == quantity)
            {
                var cell = moments[OutputNames.SeriesCount * months + m];
                double mean = Math.Abs(cell.Mean);
                // A metric that is always 0 has no relative width; its interval is already exact.
                return cell.StandardError == 0 ? 0 : mean > 0 ? z * cell.StandardError / mean : double.PositiveInfinity;
            }
        }
        throw new ArgumentException($"'{quantity}' is neither a metric nor one of {string.Join(", ", PrecisionTarget.Probabilities)}");
    }
}
