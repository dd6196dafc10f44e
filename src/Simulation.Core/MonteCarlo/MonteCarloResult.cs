using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.Summaries;

namespace Simulation.Core.MonteCarlo;

/// <summary>The summarised outcome of all runs of a scenario.</summary>
public sealed class MonteCarloResult
{
    internal MonteCarloResult(Scenario scenario, long runs, IReadOnlyList<OutputDefinition> seriesDefinitions, SummaryStatistics[][] series, MetricSummary[] metrics, RunTable? runTable, TimeSpan elapsed, PrecisionReport? precision, long plannedRuns = 0)
    {
        Scenario = scenario;
        Runs = runs;
        Series = seriesDefinitions;
        SeriesByMonth = series;
        Metrics = metrics;
        RunTable = runTable;
        Elapsed = elapsed;
        Precision = precision;
        PlannedRuns = Math.Max(plannedRuns, runs);
    }

    /// <summary>Runs that were planned; more than <see cref="Runs"/> when the run was interrupted.</summary>
    public long PlannedRuns { get; }

    /// <summary>True when the run was interrupted and this result covers only the runs completed.</summary>
    public bool IsPartial => PlannedRuns > Runs && Precision is null;

    /// <summary>The precision target and what was achieved, when one was given.</summary>
    public PrecisionReport? Precision { get; }

    /// <summary>The scenario run.</summary>
    public Scenario Scenario { get; }

    /// <summary>Number of runs.</summary>
    public long Runs { get; }

    /// <summary>Horizon in months.</summary>
    public int Months => Scenario.Months;

    /// <summary>The series reported, in the order of <see cref="SeriesByMonth"/>; the first are <see cref="Catalogue.Series"/>'s, in its order.</summary>
    public IReadOnlyList<OutputDefinition> Series { get; }

    /// <summary>Indexed by [series][month], series in the order of <see cref="Series"/>.</summary>
    public SummaryStatistics[][] SeriesByMonth { get; }

    /// <summary>Indexed by (int)Metric.</summary>
    public MetricSummary[] Metrics { get; }

    /// <summary>The metrics again over the runs where each condition of <see cref="SummaryLayout.Conditions"/> holds.</summary>
    public IReadOnlyList<ConditionalResult> Conditional { get; internal init; } = [];

    /// <summary>Remittances summed over each calendar year the horizon touches (the first and last may be partial).</summary>
    public IReadOnlyList<AnnualSummary> AnnualRemittances { get; internal init; } = [];

    /// <summary>With destinations (model version 3): the peak of each destination's workers over the runs, in destination order.</summary>
    public IReadOnlyList<PeakSummary> DestinationPeaks { get; internal init; } = [];

    /// <summary>Whole runs kept month by month, when asked for (<see cref="RunnerOptions.KeepPaths"/>).</summary>
    public SamplePaths? Paths { get; internal set; }

    /// <summary>
    /// Each observation of <see cref="RunnerOptions.Record"/>: its model value in runs 0 .. <see cref="RunnerOptions.RecordRuns"/> - 1,
    /// when asked for and all those runs were done; null otherwise.
    /// </summary>
    public IReadOnlyList<double[]>? RecordValues { get; internal set; }

    /// <summary>Per-run rows, when asked for.</summary>
    public RunTable? RunTable { get; }

    /// <summary>Wall-clock time of the simulation (not of writing outputs).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The summaries of one series, month by month.</summary>
    public IReadOnlyList<SummaryStatistics> Of(Catalogue.Series series) => SeriesByMonth[(int)series];

    /// <summary>The summaries of the series called <paramref name="name"/> (e.g. "workers.study"), or null.</summary>
    public IReadOnlyList<SummaryStatistics>? Of(string name)
    {
        for (int s = 0; s < Series.Count; s++)
        {
            if (Series[s].Name == name)
            {
                return SeriesByMonth[s];
            }
        }
        return null;
    }

    /// <summary>The summary of one metric.</summary>
    public MetricSummary Of(Metric metric) => Metrics[(int)metric];

    /// <summary>P(<paramref name="metric"/> &gt; <paramref name="threshold"/>) over all runs; a censored metric's missing values do not exceed.</summary>
    public ExceedanceProbability Exceeds(Metric metric, double threshold)
    {
        foreach (var (counted, count) in CountedExceedances)
        {
            if (counted.Metric == metric && counted.Value == threshold)
            {
                return Exceedance.Counted(threshold, count, Runs);
            }
        }
        var statistics = Of(metric).Statistics;
        // Every metric but money counts whole workers, events or months.
        return Exceedance.Above(Of(metric).Distribution, threshold, Runs, wholeNumbers: !OutputCatalogue.Of(metric).IsMoney, statistics.Min, statistics.Max);
    }

    /// <summary>
    /// Exceedances counted exactly in every run for the thresholds asked for before running (<see cref="RunnerOptions.Thresholds"/>);
    /// empty for results merged from shards or checkpoints, whose thresholds come later and are read from the sketch.
    /// </summary>
    public IReadOnlyList<(Threshold Threshold, long Count)> CountedExceedances { get; internal set; } = [];

    /// <summary>The share of runs in which <paramref name="probability"/>'s event has happened by the horizon.</summary>
    public double Probability(HorizonProbability probability) => SeriesByMonth[(int)OutputCatalogue.Of(probability).Series][Months - 1].Mean;

    /// <summary>The Monte Carlo standard error of <see cref="Probability"/>.</summary>
    public double ProbabilitySe(HorizonProbability probability) => SeriesByMonth[(int)OutputCatalogue.Of(probability).Series][Months - 1].Se;

    /// <summary>P(an enforcement event by the end of the horizon).</summary>
    public double EnforcedByHorizon => Probability(HorizonProbability.Enforced);

    /// <summary>Standard error of <see cref="EnforcedByHorizon"/>.</summary>
    public double EnforcedByHorizonSe => ProbabilitySe(HorizonProbability.Enforced);

    /// <summary>P(ceasefire by the last month of the horizon).</summary>
    public double CeasefireByHorizon => Probability(HorizonProbability.Ceasefire);

    /// <summary>Standard error of <see cref="CeasefireByHorizon"/>.</summary>
    public double CeasefireByHorizonSe => ProbabilitySe(HorizonProbability.Ceasefire);
}
