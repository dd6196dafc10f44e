using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.Summaries;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// Everything a Monte Carlo run of one scenario keeps between blocks: the compiled scenario, the ordered merge
/// of moments, each worker's sketches and input buffer, and the optional run table. Blocks may be run in several
/// rounds (precision targets); block indices keep counting across rounds.
/// </summary>
internal sealed class ScenarioSummaryState
{
    private readonly OrderedMomentMerger _merger;
    private readonly SummaryAccumulator?[] _accumulators;
    private readonly double[]?[] _inputs;
    private readonly double[]?[] _laneInputs;
    private readonly bool _sideBySide;
    private readonly long _seed;
    private long _completedRuns;
    private readonly int _neverColumn = -1;
    private readonly Threshold[] _thresholds;
    private readonly long[]?[] _exceeded;

    private readonly SeriesWindows? _record;
    private readonly double[]?[] _recordBuffers;

    public ScenarioSummaryState(Scenario scenario, int threads, long maxRuns, bool saveRuns, long seed, long firstBlock = 0, int keepPaths = 0,
        IReadOnlyList<Threshold>? thresholds = null, SeriesWindows? record = null, int recordRuns = 0)
    {
        _thresholds = [.. thresholds ?? []];
        _exceeded = new long[]?[threads];
        Compiled = CompiledScenario.Of(scenario);
        Layout = SummaryLayout.Of(Compiled);
        _seed = seed;
        _merger = new OrderedMomentMerger(Layout.Cells, firstBlock);
        FirstBlock = firstBlock;
        _accumulators = new SummaryAccumulator?[threads];
        _inputs = new double[]?[threads];
        _laneInputs = new double[]?[threads];
        // Saved runs keep each run's inputs in the table: those go one by one.
        _sideBySide = !saveRuns && LaneModel.Applies(Compiled);
        if (saveRuns)
        {
            var names = Compiled.RecordedInputNames;
            _neverColumn = names.ToList().IndexOf(ParameterCatalogue.CeasefireNever.KeyPath);
            var peaks = new string[Layout.PeakSeries.Count];
            for (int p = 0; p < peaks.Length; p++)
            {
                peaks[p] = "peak_" + Compiled.Series[Layout.PeakSeries[p]].Name;
            }
            Table = new RunTable([.. names], maxRuns, peaks);
        }
        if (keepPaths > 0)
        {
            Paths = new SamplePaths((int)Math.Min(keepPaths, maxRuns), scenario.Months, Compiled.Series);
        }
        _recordBuffers = new double[]?[threads];
        if (record is { Count: > 0 } && recordRuns > 0)
        {
            _record = record;
            RecordValues = new double[record.Count][];
            for (int i = 0; i < record.Count; i++)
            {
                RecordValues[i] = new double[recordRuns];
            }
        }
    }

    /// <summary>Each record observation's model value in the first runs (<see cref="RunnerOptions.RecordRuns"/>), when asked for.</summary>
    public double[][]? RecordValues { get; }

    /// <summary>The whole runs kept, when asked for.</summary>
    public SamplePaths? Paths { get; }

    public CompiledScenario Compiled { get; }

    /// <summary>Where each summarised quantity of a run sits among the summary cells.</summary>
    public SummaryLayout Layout { get; }

    public long FirstBlock { get; }

    public RunTable? Table { get; }

    public MomentSummary[] Moments => _merger.Total;

    /// <summary>
    /// Runs <paramref name="firstRun"/> .. <paramref name="endRun"/> - 1 as block <paramref name="block"/> on worker
    /// <paramref name="worker"/>, four side by side (<see cref="LaneModel"/>) when <paramref name="sideBySide"/> and the
    /// scenario allows: the same values as one by one, so the same summaries.
    /// </summary>
    public void RunBlock(int worker, long block, long firstRun, long endRun, bool sideBySide = true)
    {
        var accumulator = _accumulators[worker] ??= new SummaryAccumulator(Compiled.Series, Layout, Compiled.AlwaysZero, Compiled.SeriesCopies);
        var inputs = _inputs[worker] ??= new double[Compiled.Parameters.Length];
        var moments = _merger.Rent();
        accumulator.BeginBlock(moments);
        long run = firstRun;
        // Runs whose paths or record values are kept (the first runs of the whole run) go one by one, and so does the
        // rest of their block: the lanes fill four consecutive chunk slots from the block's first.
        long keptRuns = Math.Max(Paths?.Runs ?? 0, RecordValues is null ? 0 : RecordValues[0].Length);
        if (sideBySide && _sideBySide && firstRun >= keptRuns)
        {
            run = RunSideBySide(worker, accumulator, firstRun, endRun);
        }
        for (; run < endRun; run++)
        {
            RunOne(worker, accumulator, inputs, run);
        }
        accumulator.EndBlock();
        _merger.Complete(block, moments);
    }

    /// <summary>Runs <paramref name="firstRun"/> onwards four at a time, while four are left; returns the first run not done.</summary>
    private long RunSideBySide(int worker, SummaryAccumulator accumulator, long firstRun, long endRun)
    {
        int parameters = Compiled.Parameters.Length;
        var inputs = _laneInputs[worker] ??= new double[LaneModel.Lanes * parameters];
        Span<RunOutcome> outcomes = stackalloc RunOutcome[LaneModel.Lanes];
        var sink = new SummaryLaneSink(accumulator);
        long run = firstRun;
        for (; run + LaneModel.Lanes <= endRun; run += LaneModel.Lanes)
        {
            for (int lane = 0; lane < LaneModel.Lanes; lane++)
            {
                LaborMigrationModel.SampleInputs(Compiled, _seed, run + lane, inputs.AsSpan(lane * parameters, parameters));
            }
            LaneModel.Simulate(Compiled, _seed, run, inputs, ref sink, outcomes);
            for (int lane = 0; lane < LaneModel.Lanes; lane++)
            {
                accumulator.AddRun(outcomes[lane]);
                CountExceedances(worker, outcomes[lane]);
            }
        }
        return run;
    }

    /// <summary>
    /// Runs blocks [<paramref name="firstBlock"/>, <paramref name="endBlock"/>) (runs up to <paramref name="endRun"/>) on the
    /// scheduler's threads, reporting progress as (runs done by this state, <paramref name="total"/>, <paramref name="halfWidth"/>).
    /// Returns the end of the prefix of blocks done.
    /// </summary>
    public long RunRange(long firstBlock, long endBlock, long endRun, RunnerOptions options, long total, double? halfWidth) =>
        BlockScheduler.Run(firstBlock, endBlock, options.Threads, options.Cancellation, (worker, block) =>
        {
            long first = block * MonteCarloRunner.BlockSize;
            long end = Math.Min(first + MonteCarloRunner.BlockSize, endRun);
            RunBlock(worker, block, first, end, options.SideBySide);
            long done = Interlocked.Add(ref _completedRuns, end - first);
            options.Progress?.Invoke(new RunProgress(done, total, halfWidth));
        });

    /// <summary>Runs completed through <see cref="RunRange"/>.</summary>
    public long CompletedRuns => Interlocked.Read(ref _completedRuns);

    /// <summary>Starts a block on <paramref name="worker"/> for callers that interleave runs of several scenarios.</summary>
    public SummaryAccumulator BeginBlock(int worker)
    {
        var accumulator = _accumulators[worker] ??= new SummaryAccumulator(Compiled.Series, Layout, Compiled.AlwaysZero, Compiled.SeriesCopies);
        accumulator.BeginBlock(_merger.Rent());
        return accumulator;
    }

    /// <summary>Runs one run into a block begun with <see cref="BeginBlock"/>; returns its metrics.</summary>
    public RunOutcome RunOne(int worker, long run)
    {
        var inputs = _inputs[worker] ??= new double[Compiled.Parameters.Length];
        return RunOne(worker, _accumulators[worker]!, inputs, run);
    }

    /// <summary>Ends a block begun with <see cref="BeginBlock"/>.</summary>
    public void EndBlock(int worker, long block)
    {
        var accumulator = _accumulators[worker]!;
        var moments = accumulator.CurrentBlock;
        accumulator.EndBlock();
        _merger.Complete(block, moments);
    }

    private RunOutcome RunOne(int worker, SummaryAccumulator accumulator, double[] inputs, long run)
    {
        LaborMigrationModel.SampleInputs(Compiled, _seed, run, inputs);
        int offset = 0;
        if (Table is not null)
        {
            offset = checked((int)(run * Table.Columns));
            int[] uncertain = Compiled.UncertainParameterIndices;
            for (int i = 0; i < uncertain.Length; i++)
            {
                Table.Values[offset + i] = inputs[uncertain[i]];
            }
            if (_neverColumn >= 0)
            {
                Table.Values[offset + _neverColumn] = LaborMigrationModel.NoCeasefire(_seed, run, inputs) ? 1 : 0;
            }
            offset += Table.InputNames.Count;
        }
        var sink = Paths is { } paths && run < paths.Runs
            ? new SummarySink(accumulator, Table?.Values, offset, paths.Values, paths.Offset(run))
            : new SummarySink(accumulator, Table?.Values, offset);
        if (_record is { } windows && RecordValues is { } recordValues && run < recordValues[0].Length)
        {
            // The record's values from this same pass: the runs and streams a second pass would use, so the same values.
            var values = _recordBuffers[worker] ??= new double[recordValues.Length];
            var both = new RecordingSummarySink(sink, windows.Sink(values));
            LaborMigrationModel.Simulate(Compiled, _seed, run, inputs, ref both);
            sink = both.Summary;
            for (int i = 0; i < values.Length; i++)
            {
                recordValues[i][run] = values[i];
            }
        }
        else
        {
            LaborMigrationModel.Simulate(Compiled, _seed, run, inputs, ref sink);
        }
        if (Table is not null && Table.ExtraMetricNames.Count > 0)
        {
            accumulator.LastPeaks.CopyTo(Table.Values.AsSpan(offset + OutputCatalogue.MetricCount, Table.ExtraMetricNames.Count));
        }
        CountExceedances(worker, sink.Outcome);
        return sink.Outcome;
    }

    /// <summary>Counts the thresholds <paramref name="outcome"/> exceeds.</summary>
    private void CountExceedances(int worker, in RunOutcome outcome)
    {
        if (_thresholds.Length > 0)
        {
            // Exceedances of the thresholds asked for, counted exactly (the sketch knows a value only to its bucket).
            var counts = _exceeded[worker] ??= new long[_thresholds.Length];
            for (int t = 0; t < _thresholds.Length; t++)
            {
                if (outcome.Value(_thresholds[t].Metric) > _thresholds[t].Value)
                {
                    counts[t]++;
                }
            }
        }
    }

    /// <summary>Each threshold's exceedances over every run done, summed over the workers.</summary>
    private IReadOnlyList<(Threshold Threshold, long Count)> CountedExceedances()
    {
        var counted = new (Threshold, long)[_thresholds.Length];
        for (int t = 0; t < counted.Length; t++)
        {
            long count = 0;
            foreach (var counts in _exceeded)
            {
                count += counts?[t] ?? 0;
            }
            counted[t] = (_thresholds[t], count);
        }
        return counted;
    }

    /// <summary>The mergeable state of the blocks completed so far (call between rounds of blocks, not during).</summary>
    public SummaryState Export(long runs)
    {
        var sketches = MergedSketches();
        var data = new SketchData[sketches.Length];
        for (int cell = 0; cell < data.Length; cell++)
        {
            data[cell] = sketches[cell].Export();
        }
        return new SummaryState(Compiled.Months, FirstBlock, _merger.Tree.EndBlock, runs, [.. _merger.Tree.Nodes], data);
    }

    /// <summary>
    /// The result over the runs done so far; <paramref name="whole"/> says every run done belongs to it (no block
    /// finished beyond an interruption), so that the exact counts of exceedances can be given with it.
    /// </summary>
    public MonteCarloResult ToResult(long runs, TimeSpan elapsed, PrecisionReport? precision, long plannedRuns = 0, bool whole = true)
    {
        var result = Summarise(Compiled.Scenario with { Runs = runs }, _merger.Total, MergedSketches(), Table, elapsed, precision, plannedRuns);
        result.Paths = Paths?.Prefix(runs);
        if (whole)
        {
            result.CountedExceedances = CountedExceedances();
        }
        return result;
    }

    /// <summary>The result of a complete state.</summary>
    public static MonteCarloResult Summarise(Scenario scenario, MomentSummary[] moments, QuantileSketch[] sketches, RunTable? table, TimeSpan elapsed,
        PrecisionReport? precision, long plannedRuns = 0)
    {
        long runs = scenario.Runs;
        int months = scenario.Months;
        var definitions = CompiledScenario.SeriesOf(scenario);
        var series = new SummaryStatistics[definitions.Count][];
        for (int s = 0; s < series.Length; s++)
        {
            series[s] = new SummaryStatistics[months];
            for (int t = 0; t < months; t++)
            {
                int cell = s * months + t;
                series[s][t] = SummaryStatistics.From(moments[cell], sketches[cell]);
            }
        }
        var layout = SummaryLayout.Of(CompiledScenario.Of(scenario));
        MetricSummary[] Metrics(int firstCell, long over)
        {
            var summaries = new MetricSummary[OutputCatalogue.MetricCount];
            for (int m = 0; m < summaries.Length; m++)
            {
                int cell = firstCell + m;
                var statistics = SummaryStatistics.From(moments[cell], sketches[cell]);
                summaries[m] = new MetricSummary((Metric)m, statistics, over > 0 ? (double)statistics.Count / over : double.NaN, sketches[cell]);
            }
            return summaries;
        }
        var metrics = Metrics(layout.FirstMetric, runs);
        var conditional = new ConditionalResult[SummaryLayout.Conditions.Count];
        for (int c = 0; c < conditional.Length; c++)
        {
            // Every run where the condition holds has a peak (never censored): its count is the condition's runs.
            long holding = SummaryStatistics.From(moments[layout.ConditionalMetric(c, (int)Metric.PeakWorkers)], sketches[layout.ConditionalMetric(c, (int)Metric.PeakWorkers)]).Count;
            conditional[c] = new ConditionalResult(SummaryLayout.Conditions[c], holding, runs > 0 ? (double)holding / runs : double.NaN, Metrics(layout.ConditionalMetric(c, 0), holding));
        }
        var annual = new AnnualSummary[layout.Years];
        for (int y = 0; y < annual.Length; y++)
        {
            int cell = layout.FirstYearCell + y;
            var (first, last) = layout.MonthsOfYear(y);
            annual[y] = new AnnualSummary(layout.FirstYear + y, first, last, SummaryStatistics.From(moments[cell], sketches[cell]));
        }
        var peaks = new PeakSummary[layout.PeakSeries.Count];
        for (int p = 0; p < peaks.Length; p++)
        {
            int cell = layout.PeakCell(p);
            peaks[p] = new PeakSummary(definitions[layout.PeakSeries[p]], SummaryStatistics.From(moments[cell], sketches[cell]), sketches[cell]);
        }
        return new MonteCarloResult(scenario, runs, definitions, series, metrics, table, elapsed, precision, plannedRuns)
        {
            Conditional = conditional,
            AnnualRemittances = annual,
            DestinationPeaks = peaks,
        };
    }

    private QuantileSketch[] MergedSketches()
    {
        int cells = Layout.Cells;
        var sketches = new QuantileSketch[cells];
        for (int cell = 0; cell < cells; cell++)
        {
            sketches[cell] = new QuantileSketch();
        }
        foreach (var accumulator in _accumulators)
        {
            if (accumulator is null)
            {
                continue;
            }
            for (int cell = 0; cell < cells; cell++)
            {
                sketches[cell].Merge(accumulator.Sketches[cell]);
            }
        }
        Layout.CopySketches(sketches, Compiled.SeriesCopies);
        return sketches;
    }
}
