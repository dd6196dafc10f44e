using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// Where each summarised quantity sits among a run's summary cells: series s in month t at s * T + t; then the
/// metrics; then the metrics again under each condition of <see cref="Conditions"/> (NaN in runs where it fails, so
/// they are summarised over the runs where it holds); then remittances summed over each calendar year the horizon
/// touches; then, with destinations, the peak of each destination's workers.
/// </summary>
public sealed class SummaryLayout
{
    /// <summary>The conditions results are also given under, in cell order.</summary>
    public static IReadOnlyList<RunCondition> Conditions { get; } = [.. OutputCatalogue.Conditions.Select(c => c.Condition)];

    /// <summary>The layout of a run of <paramref name="scenario"/>: its series over its horizon, and the peak of each destination's workers.</summary>
    internal static SummaryLayout Of(Model.CompiledScenario scenario)
    {
        var peaks = new int[scenario.DestinationSeries >= 0 ? scenario.DestinationCount : 0];
        for (int d = 0; d < peaks.Length; d++)
        {
            peaks[d] = scenario.DestinationSeries + 2 * d;
        }
        return new(scenario.Series.Count, scenario.Scenario.Start, scenario.Months) { PeakSeries = peaks, PeakFrom = scenario.CountFrom };
    }

    /// <summary>The layout of <paramref name="series"/> series over <paramref name="months"/> months from <paramref name="start"/>.</summary>
    public SummaryLayout(int series, YearMonth start, int months)
    {
        Series = series;
        Months = months;
        Start = start;
        FirstYear = start.Year;
        Years = start.AddMonths(months - 1).Year - start.Year + 1;
        YearOfMonth = new int[months];
        StartsYear = new bool[months];
        for (int t = 0; t < months; t++)
        {
            var month = start.AddMonths(t);
            YearOfMonth[t] = month.Year - FirstYear;
            StartsYear[t] = t == 0 || month.Month == 1;
        }
    }

    /// <summary>Number of series.</summary>
    public int Series { get; }

    /// <summary>Horizon in months.</summary>
    public int Months { get; }

    /// <summary>Calendar month of month 0.</summary>
    public YearMonth Start { get; }

    /// <summary>Calendar year of the first annual cell.</summary>
    public int FirstYear { get; }

    /// <summary>Calendar years the horizon touches (the first and last may be partial).</summary>
    public int Years { get; }

    /// <summary>Annual cell of each month (0 = <see cref="FirstYear"/>).</summary>
    internal int[] YearOfMonth { get; }

    /// <summary>True for the first month of the horizon and every January: the annual sum starts again.</summary>
    internal bool[] StartsYear { get; }

    /// <summary>The first metric cell.</summary>
    public int FirstMetric => Series * Months;

    /// <summary>The cell of metric <paramref name="metric"/> under condition <paramref name="condition"/> (index into <see cref="Conditions"/>).</summary>
    public int ConditionalMetric(int condition, int metric) => FirstMetric + OutputCatalogue.MetricCount * (1 + condition) + metric;

    /// <summary>The first annual cell.</summary>
    public int FirstYearCell => FirstMetric + OutputCatalogue.MetricCount * (1 + Conditions.Count);

    /// <summary>
    /// The series whose largest value over a run (from <see cref="PeakFrom"/> on, as the metrics count) is summarised
    /// as a metric of its own: each destination's workers (peak_workers@DESTINATION, model version 3).
    /// </summary>
    public IReadOnlyList<int> PeakSeries { get; init; } = [];

    /// <summary>The first month the peaks count (the forecast's first month, as the metrics).</summary>
    public int PeakFrom { get; init; }

    /// <summary>The cell of the peak of <see cref="PeakSeries"/>[<paramref name="peak"/>].</summary>
    public int PeakCell(int peak) => FirstYearCell + Years + peak;

    /// <summary>All cells.</summary>
    public int Cells => FirstYearCell + Years + PeakSeries.Count;

    /// <summary>
    /// Gives each series that copies another (<paramref name="copies"/>[s] = its source, or -1) the source's sketch in
    /// every month: the sketch its own values would have built, value for value.
    /// </summary>
    internal void CopySketches(Summaries.QuantileSketch[] sketches, int[] copies)
    {
        for (int s = 0; s < copies.Length; s++)
        {
            if (copies[s] < 0)
            {
                continue;
            }
            for (int t = 0; t < Months; t++)
            {
                var copy = new Summaries.QuantileSketch();
                copy.Merge(sketches[copies[s] * Months + t]);
                sketches[s * Months + t] = copy;
            }
        }
    }

    /// <summary>The months of annual cell <paramref name="year"/> (0-based) within the horizon, as calendar months.</summary>
    public (YearMonth First, YearMonth Last) MonthsOfYear(int year)
    {
        var first = year == 0 ? Start : new YearMonth(FirstYear + year, 1);
        var end = Start.AddMonths(Months - 1);
        var last = year == Years - 1 ? end : new YearMonth(FirstYear + year, 12);
        return (first, last);
    }
}
