using System.Diagnostics;
using Simulation.Core.Catalogue;
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
        var state = new ScenarioSummaryState(scenario, options.Threads, plannedRuns, options.SaveRuns, scenario.Seed, keepPaths: options.KeepPaths, thresholds: options.Thresholds,
            record: options.Record, recordRuns: options.RecordRuns);
        double? halfWidth = null;

        bool RunUpTo(long endRun)
        {
            long endBlock = BlockCount(endRun);
            return endBlock == state.RunRange(state.CompletedRuns / BlockSize, endBlock, endRun, options, plannedRuns, halfWidth);
        }

        PrecisionReport? report = null;
        bool finished = true;
        if (target is null)
        {
            finished = RunUpTo(scenario.Runs);
        }
        else
        {
            foreach (long checkpoint in target.Checkpoints())
            {
                if (!RunUpTo(checkpoint))
                {
                    finished = false;
                    break;
                }
                halfWidth = HalfWidth(target.Quantity, state.Moments, state.Compiled.Series.Count, scenario.Months);
                report = new PrecisionReport(target, halfWidth.Value, halfWidth.Value <= target.HalfWidth);
                if (report.Met)
                {
                    break;
                }
            }
        }
        long completed = state.CompletedRuns;
        if (!finished && !options.KeepPartial)
        {
            throw new OperationCanceledException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The run was cancelled after {completed:N0} of {plannedRuns:N0} runs."), options.Cancellation);
        }
        var result = state.ToResult(completed, stopwatch.Elapsed, finished ? report : null, plannedRuns, whole: finished);
        if (state.RecordValues is { } recordValues && completed >= recordValues[0].Length)
        {
            result.RecordValues = recordValues;
        }
        return result;
    }

    /// <summary>The blocks [first, end) of shard <paramref name="index"/> of <paramref name="count"/> for <paramref name="runs"/> runs: contiguous, as equal as whole blocks allow.</summary>
    public static (long FirstBlock, long EndBlock) ShardBlocks(long runs, int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        long blocks = BlockCount(runs);
        return (blocks * index / count, blocks * (index + 1) / count);
    }

    /// <summary>Blocks in a run of <paramref name="runs"/> runs.</summary>
    public static long BlockCount(long runs) => (runs + BlockSize - 1) / BlockSize;

    /// <summary>
    /// Runs only blocks [<paramref name="firstBlock"/>, <paramref name="endBlock"/>) of <paramref name="scenario"/> (a shard
    /// or what is left after a checkpoint) and returns their mergeable state. Runs keep their (seed, run index) streams.
    /// </summary>
    public static SummaryState RunBlocks(Scenario scenario, long firstBlock, long endBlock, RunnerOptions options, Action<SummaryState>? checkpoint = null, long checkpointBlocks = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1);
        long runs = scenario.Runs;
        endBlock = Math.Min(endBlock, BlockCount(runs));
        var state = new ScenarioSummaryState(scenario, options.Threads, runs, saveRuns: false, scenario.Seed, firstBlock);
        long total = Math.Max(0, Math.Min(endBlock * BlockSize, runs) - firstBlock * BlockSize);
        long block = firstBlock;
        while (block < endBlock)
        {
            long roundEnd = checkpoint is null || checkpointBlocks <= 0 ? endBlock : Math.Min(endBlock, block + checkpointBlocks);
            long done = state.RunRange(block, roundEnd, runs, options, total, halfWidth: null);
            block = done;
            if (done < roundEnd)
            {
                // Interrupted: what is done is a prefix of the blocks; save it so that a resume continues from here.
                var partial = state.Export(state.CompletedRuns);
                checkpoint?.Invoke(partial);
                if (options.KeepPartial)
                {
                    return partial;
                }
                throw new OperationCanceledException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The run was cancelled after {state.CompletedRuns:N0} of {total:N0} runs."), options.Cancellation);
            }
            if (checkpoint is not null && block < endBlock)
            {
                checkpoint(state.Export(state.CompletedRuns));
            }
        }
        return state.Export(state.CompletedRuns);
    }

    /// <summary>
    /// About how much memory one worker thread's summaries take for <paramref name="scenario"/>: a quantile sketch and a
    /// chunk of <see cref="SummaryAccumulator.ChunkRuns"/> values per summary cell (measured: 177 MB a thread for 1,200
    /// months of the baseline; 16 KB a cell is the conservative round figure for the sketch. With 256-run chunks, GNU
    /// time's peak for 4,000 runs of it was 262 MB on one thread and 359 MB on two, 18 and 37 MB more than 64-run chunks).
    /// </summary>
    public static long ThreadMemoryBytes(Scenario scenario) =>
        (long)SummaryLayout.Of(CompiledScenario.Of(scenario)).Cells * (16 * 1024 + SummaryAccumulator.ChunkRuns * sizeof(double));

    /// <summary>
    /// The result of a state that covers every block of <paramref name="scenario"/> (shards combined, or a resumed run),
    /// or with <paramref name="allowPartial"/> a prefix of them (an interrupted run; the result is flagged partial).
    /// </summary>
    public static MonteCarloResult Complete(Scenario scenario, SummaryState state, TimeSpan elapsed, bool allowPartial = false)
    {
        long blocks = BlockCount(scenario.Runs);
        int cells = SummaryLayout.Of(CompiledScenario.Of(scenario)).Cells;
        if (state.Sketches.Count != cells)
        {
            throw new ArgumentException($"the state has {state.Sketches.Count} cells but the scenario's outputs need {cells}");
        }
        bool prefix = allowPartial && state.FirstBlock == 0 && state.EndBlock <= blocks && state.Runs <= scenario.Runs && state.Months == scenario.Months;
        if (!prefix && (state.FirstBlock != 0 || state.EndBlock != blocks || state.Runs != scenario.Runs || state.Months != scenario.Months))
        {
            throw new ArgumentException($"the state covers blocks {state.FirstBlock} to {state.EndBlock - 1} ({state.Runs} runs) but the scenario has blocks 0 to {blocks - 1} ({scenario.Runs} runs)");
        }
        var tree = new DyadicMomentTree(state.Sketches.Count);
        foreach (var node in state.Nodes)
        {
            tree.Push(node);
        }
        var sketches = state.Sketches.Select(QuantileSketch.Import).ToArray();
        return ScenarioSummaryState.Summarise(scenario with { Runs = state.Runs }, tree.Total(), sketches, null, elapsed, null, scenario.Runs);
    }

    /// <summary>The 95% half-width of a quantity from merged moments: relative for metrics, absolute for probabilities.</summary>
    internal static double HalfWidth(string quantity, MomentSummary[] moments, int seriesCount, int months)
    {
        const double z = 1.959963984540054;
        int probability = OutputCatalogue.TryParseProbability(quantity, out var horizon) ? (int)OutputCatalogue.Of(horizon).Series : -1;
        if (probability >= 0)
        {
            return z * moments[probability * months + months - 1].StandardError;
        }
        if (OutputCatalogue.TryParseMetric(quantity, out var metric))
        {
            var cell = moments[seriesCount * months + (int)metric];
            double mean = Math.Abs(cell.Mean);
            // A metric that is always 0 has no relative width; its interval is already exact.
            return cell.StandardError == 0 ? 0 : mean > 0 ? z * cell.StandardError / mean : double.PositiveInfinity;
        }
        throw new ArgumentException($"'{quantity}' is neither a metric nor one of {string.Join(", ", OutputCatalogue.ProbabilityNames)}");
    }
}
