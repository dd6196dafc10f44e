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

    /// <summary>Runs <paramref name="scenario"/> as its <see cref="Scenario.Runs"/> says.</summary>
    public static MonteCarloResult Run(Scenario scenario, RunnerOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1);
        var stopwatch = Stopwatch.StartNew();
        var compiled = new CompiledScenario(scenario);
        long runs = scenario.Runs;
        int months = scenario.Months;
        int cells = SummaryAccumulator.CellCount(months);
        long blocks = (runs + BlockSize - 1) / BlockSize;
        int threads = (int)Math.Min(options.Threads, Math.Max(1, blocks));

        var inputNames = new string[compiled.UncertainParameterIndices.Length];
        for (int i = 0; i < inputNames.Length; i++)
        {
            inputNames[i] = compiled.ParameterNames[compiled.UncertainParameterIndices[i]];
        }
        RunTable? table = options.SaveRuns ? new RunTable(inputNames, runs) : null;

        var merger = new OrderedMomentMerger(cells);
        var accumulators = new SummaryAccumulator[threads];
        long nextBlock = -1;
        long completedRuns = 0;
        Exception? failure = null;

        void Work(int worker)
        {
            try
            {
                var accumulator = new SummaryAccumulator(months);
                accumulators[worker] = accumulator;
                var inputs = new double[compiled.Parameters.Length];
                while (true)
                {
                    long block = Interlocked.Increment(ref nextBlock);
                    if (block >= blocks || Volatile.Read(ref failure) is not null)
                    {
                        return;
                    }
                    options.Cancellation.ThrowIfCancellationRequested();
                    var moments = merger.Rent();
                    accumulator.BeginBlock(moments);
                    long first = block * BlockSize;
                    long end = Math.Min(first + BlockSize, runs);
                    for (long run = first; run < end; run++)
                    {
                        LaborMigrationModel.SampleInputs(compiled, run, inputs);
                        int offset = 0;
                        if (table is not null)
                        {
                            offset = checked((int)(run * table.Columns));
                            for (int i = 0; i < compiled.UncertainParameterIndices.Length; i++)
                            {
                                table.Values[offset + i] = inputs[compiled.UncertainParameterIndices[i]];
                            }
                            offset += compiled.UncertainParameterIndices.Length;
                        }
                        var sink = new SummarySink(accumulator, table?.Values, offset);
                        LaborMigrationModel.Simulate(compiled, run, inputs, ref sink);
                    }
                    accumulator.EndBlock();
                    merger.Complete(block, moments);
                    long done = Interlocked.Add(ref completedRuns, end - first);
                    options.Progress?.Invoke(done);
                }
            }
            catch (Exception exception)
            {
                Interlocked.CompareExchange(ref failure, exception, null);
            }
        }

        var helpers = new Thread[threads - 1];
        for (int i = 0; i < helpers.Length; i++)
        {
            int worker = i + 1;
            helpers[i] = new Thread(() => Work(worker)) { IsBackground = true, Name = $"laborsim worker {worker}" };
            helpers[i].Start();
        }
        Work(0);
        foreach (var helper in helpers)
        {
            helper.Join();
        }
        if (failure is not null)
        {
            if (failure is OperationCanceledException)
            {
                throw new OperationCanceledException("The run was cancelled.", failure, options.Cancellation);
            }
            throw new InvalidOperationException("A Monte Carlo worker failed: " + failure.Message, failure);
        }

        var sketches = accumulators[0].Sketches;
        for (int worker = 1; worker < threads; worker++)
        {
            var other = accumulators[worker].Sketches;
            for (int cell = 0; cell < cells; cell++)
            {
                sketches[cell].Merge(other[cell]);
            }
        }
        return Summarise(scenario, runs, merger.Total, sketches, table, stopwatch.Elapsed);
    }

    private static MonteCarloResult Summarise(Scenario scenario, long runs, MomentSummary[] moments, QuantileSketch[] sketches, RunTable? table, TimeSpan elapsed)
    {
        int months = scenario.Months;
        var series = new SummaryStatistics[OutputNames.SeriesCount][];
        for (int s = 0; s < series.Length; s++)
        {
            series[s] = new SummaryStatistics[months];
            for (int t = 0; t < months; t++)
            {
                int cell = s * months + t;
                series[s][t] = SummaryStatistics.From(moments[cell], sketches[cell]);
            }
        }
        var metrics = new MetricSummary[OutputNames.MetricCount];
        for (int m = 0; m < metrics.Length; m++)
        {
            int cell = OutputNames.SeriesCount * months + m;
            var statistics = SummaryStatistics.From(moments[cell], sketches[cell]);
            metrics[m] = new MetricSummary((Metric)m, statistics, (double)statistics.Count / runs, sketches[cell]);
        }
        return new MonteCarloResult(scenario, runs, series, metrics, table, elapsed);
    }
}
