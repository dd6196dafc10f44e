using ScottPlot;
using Simulation.Core.Analysis;
using Simulation.Core.Model;

namespace Simulation.Plotting;

/// <summary>Charts of a comparison: overlaid fan charts and histograms, one colour per scenario.</summary>
public static class ComparisonPlotter
{
    /// <summary>The files <see cref="WriteAll"/> writes.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        "compare_fan_workers.png", "compare_fan_remittances_usd.png", "compare_fan_cumulative_remittances_usd.png",
        "compare_hist_peak_workers.png", "compare_hist_remittances_usd.png",
    ];

    /// <summary>Writes all comparison charts into <paramref name="folder"/>.</summary>
    public static void WriteAll(ComparisonResult comparison, string folder)
    {
        PlotStyle.Save(Fans(comparison, Series.Workers, "Workers abroad at month end", "workers", money: false), folder, FileNames[0]);
        PlotStyle.Save(Fans(comparison, Series.RemittancesUsd, "Remittances to the sending state per month", "USD per month", money: true), folder, FileNames[1]);
        PlotStyle.Save(Fans(comparison, Series.CumulativeRemittancesUsd, "Cumulative remittances to the sending state", "USD since start", money: true), folder, FileNames[2]);
        PlotStyle.Save(Histograms(comparison, Metric.PeakWorkers, "Peak workers abroad over the horizon", "peak workers", money: false), folder, FileNames[3]);
        PlotStyle.Save(Histograms(comparison, Metric.RemittancesUsd, "Total remittances over the horizon", "USD", money: true), folder, FileNames[4]);
    }

    /// <summary>Each scenario's median line and 90% band of one series.</summary>
    public static Plot Fans(ComparisonResult comparison, Series series, string title, string yLabel, bool money)
    {
        var plot = PlotStyle.NewPlot($"{title}: scenarios compared", "month", yLabel);
        for (int k = 0; k < comparison.Results.Count; k++)
        {
            var result = comparison.Results[k];
            var data = FanChartData.From(result, series);
            double[] xs = PlotStyle.MonthAxis(result.Scenario.Start, result.Months);
            // Outlines, not translucent fills: overlapping fills mix into colours no legend names and hide each other.
            foreach (double[] edge in new[] { data.P5, data.P95 })
            {
                var line = plot.Add.ScatterLine(xs, edge);
                line.Color = PlotStyle.Series(k);
                line.LineWidth = 1.5f;
                line.LinePattern = LinePattern.Dashed;
            }
            var median = plot.Add.ScatterLine(xs, data.Median);
            median.Color = PlotStyle.Series(k);
            median.LineWidth = 2.5f;
            median.LegendText = $"{result.Scenario.Name}: median (solid), 90% of runs (dashed)";
        }
        var first = comparison.Results[0];
        PlotStyle.FormatLeftAxis(plot, money);
        plot.Axes.Margins(bottom: 0);
        PlotStyle.CalendarAxis(plot, first.Scenario.Start, first.Months);
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>Each scenario's histogram of one metric as an outline on shared bins, with its mean marked.</summary>
    public static Plot Histograms(ComparisonResult comparison, Metric metric, string title, string xLabel, bool money)
    {
        var plot = PlotStyle.NewPlot($"{title}: scenarios compared", xLabel, "share of runs");
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var result in comparison.Results)
        {
            var s = result.Of(metric).Statistics;
            if (s.Count > 0)
            {
                min = Math.Min(min, result.Of(metric).Distribution.Quantile(0.005));
                max = Math.Max(max, result.Of(metric).Distribution.Quantile(0.995));
            }
        }
        if (!double.IsFinite(min))
        {
            plot.Add.Annotation("no run produced this metric");
            return plot;
        }
        for (int k = 0; k < comparison.Results.Count; k++)
        {
            var summary = comparison.Results[k].Of(metric);
            if (summary.Statistics.Count == 0)
            {
                continue;
            }
            var data = HistogramData.From(summary.Distribution, min, max);
            var xs = new double[2 * data.Counts.Length];
            var ys = new double[2 * data.Counts.Length];
            for (int i = 0; i < data.Counts.Length; i++)
            {
                xs[2 * i] = data.BinLefts[i];
                xs[2 * i + 1] = data.BinLefts[i] + data.BinWidth;
                ys[2 * i] = ys[2 * i + 1] = data.Counts[i] / data.Total;
            }
            var outline = plot.Add.ScatterLine(xs, ys);
            outline.Color = PlotStyle.Series(k);
            outline.LineWidth = 2;
            outline.LegendText = $"{comparison.Results[k].Scenario.Name}: mean {PlotStyle.FormatValue(summary.Statistics.Mean, money)}";
            var mean = plot.Add.VerticalLine(summary.Statistics.Mean);
            mean.Color = PlotStyle.Series(k);
            mean.LinePattern = LinePattern.Dashed;
            mean.LineWidth = 1.5f;
        }
        PlotStyle.FormatBottomAxis(plot, money);
        PlotStyle.FormatLeftAxis(plot, money: false, probability: true);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
