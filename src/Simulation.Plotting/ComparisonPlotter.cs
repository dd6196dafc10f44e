using ScottPlot;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Plotting;

/// <summary>Charts of a comparison: overlaid fan charts and histograms, one colour per scenario.</summary>
public static class ComparisonPlotter
{
    /// <summary>The files of <see cref="Charts"/>.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        "compare_fan_workers.png", "compare_fan_remittances_usd.png", "compare_fan_cumulative_remittances_usd.png",
        "compare_hist_peak_workers.png", "compare_hist_remittances_usd.png", "compare_p_enforced.png", "compare_p_ceasefire.png",
    ];

    /// <summary>Every chart of a comparison, titled from the output catalogue: what both the PNG files and report.html draw.</summary>
    public static IReadOnlyList<NamedChart> Charts(ComparisonResult comparison) =>
    [
        new(FileNames[0], Fans(comparison, Series.Workers, OutputCatalogue.Of(Series.Workers).Title),
            "Workers abroad: median (solid) and 90% band (dashed) of each scenario." + Overlaps(comparison, r => FanChartData.From(r, Series.Workers).Median, "medians")),
        new(FileNames[1], Fans(comparison, Series.RemittancesUsd, OutputCatalogue.Of(Series.RemittancesUsd).Title),
            "Money reaching the sending state each month." + Overlaps(comparison, r => FanChartData.From(r, Series.RemittancesUsd).Median, "medians")),
        new(FileNames[2], Fans(comparison, Series.CumulativeRemittancesUsd, OutputCatalogue.Of(Series.CumulativeRemittancesUsd).Title),
            "Money reaching the sending state since the start." + Overlaps(comparison, r => FanChartData.From(r, Series.CumulativeRemittancesUsd).Median, "medians")),
        new(FileNames[3], Histograms(comparison, Metric.PeakWorkers, OutputCatalogue.Of(Metric.PeakWorkers).Title),
            "Distribution of peak workers in each scenario, on the same bins."),
        new(FileNames[4], Histograms(comparison, Metric.RemittancesUsd, OutputCatalogue.Of(Metric.RemittancesUsd).Title),
            "Distribution of total remittances in each scenario, on the same bins."),
        new(FileNames[5], ProbabilityCurves(comparison, Series.Enforced, OutputCatalogue.Of(Series.Enforced).Title, "P(at least one enforcement event)"),
            "Probability that enforcement has hit the scheme by each month, in each scenario." + Overlaps(comparison, r => Means(r, Series.Enforced), "curves")),
        new(FileNames[6], ProbabilityCurves(comparison, Series.Postwar, OutputCatalogue.Of(Series.Postwar).Title, "P(ceasefire has come)"),
            "Probability that the ceasefire has come by each month, in each scenario." + Overlaps(comparison, r => Means(r, Series.Postwar), "curves")),
    ];

    private static double[] Means(MonteCarloResult result, Series series) => [.. result.Of(series).Select(m => m.Mean)];

    /// <summary>
    /// " The curves of A and B coincide ...": a sentence for each later scenario whose line lies on an earlier one's over
    /// a fifth of the months or more (a line hidden under another is otherwise read as missing); empty when none does.
    /// </summary>
    public static string Overlaps(ComparisonResult comparison, Func<MonteCarloResult, double[]> line, string what)
    {
        var said = new System.Text.StringBuilder();
        var lines = comparison.Results.Select(line).ToList();
        for (int k = 1; k < lines.Count; k++)
        {
            for (int j = 0; j < k; j++)
            {
                int months = Math.Min(lines[j].Length, lines[k].Length), same = 0;
                for (int t = 0; t < months; t++)
                {
                    double a = lines[j][t], b = lines[k][t];
                    same += a == b || Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b)) ? 1 : 0;
                }
                if (months > 0 && same * 5 >= months)
                {
                    string names = $"{comparison.Results[j].Scenario.Name} and {comparison.Results[k].Scenario.Name}";
                    said.Append(same == months
                        ? $" The {what} of {names} coincide in every month: one line hides the other."
                        : $" The {what} of {names} coincide in {same} of the {months} months, where one line hides the other.");
                    break;
                }
            }
        }
        return said.ToString();
    }

    /// <summary>Each scenario's P(event by month) of a 0/1 series.</summary>
    public static Plot ProbabilityCurves(ComparisonResult comparison, Series series, string title, string yLabel)
    {
        var plot = PlotStyle.NewPlot($"{title}: scenarios compared", "month", yLabel);
        for (int k = 0; k < comparison.Results.Count; k++)
        {
            var result = comparison.Results[k];
            var statistics = result.Of(series);
            double[] xs = PlotStyle.MonthAxis(result.Scenario.Start, result.Months);
            var line = plot.Add.ScatterLine(xs, statistics.Select(m => m.Mean).ToArray());
            line.Color = PlotStyle.Series(k);
            line.LineWidth = 2.5f;
            line.LegendText = result.Scenario.Name;
            if (xs.Length == 1)
            {
                line.MarkerSize = 10;
            }
        }
        var first = comparison.Results[0];
        PlotStyle.FormatLeftAxis(plot, OutputKind.ZeroOne);
        plot.Axes.SetLimitsY(0, 1.02);
        PlotStyle.CalendarAxis(plot, first.Scenario.Start, first.Months);
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>Each scenario's median line and 90% band of one series.</summary>
    public static Plot Fans(ComparisonResult comparison, Series series, string title)
    {
        var output = OutputCatalogue.Of(series);
        var plot = PlotStyle.NewPlot($"{title}: scenarios compared", "month", output.Axis);
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
        PlotStyle.FormatLeftAxis(plot, output.Kind);
        plot.Axes.Margins(bottom: 0);
        PlotStyle.NonNegativeY(plot, comparison.Results.Max(r => FanChartData.From(r, series).P95.Max()), output.Kind);
        PlotStyle.CalendarAxis(plot, first.Scenario.Start, first.Months);
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>Each scenario's histogram of one metric as an outline on shared bins, with its mean marked.</summary>
    public static Plot Histograms(ComparisonResult comparison, Metric metric, string title)
    {
        var output = OutputCatalogue.Of(metric);
        var plot = PlotStyle.NewPlot($"{title}: scenarios compared", output.Axis, "share of runs");
        var sketches = comparison.Results.Select(r => r.Of(metric).Distribution).ToList();
        if (sketches.All(s => s.Count == 0))
        {
            plot.Add.Annotation("no run produced this metric");
            return plot;
        }
        // One range, so the same bins, for every scenario: otherwise a "share of runs" per bin is not comparable.
        var (low, high) = HistogramData.Range(sketches, double.NegativeInfinity, double.PositiveInfinity);
        if (low == high && sketches.All(s => s.Count == 0 || (s.Quantile(0) == low && s.Quantile(1) == low)))
        {
            plot.Add.Annotation($"every run of every scenario gives {NumberText.Of(low, OutputCatalogue.Of(metric).Kind)}", Alignment.MiddleCenter);
            plot.Axes.SetLimits(low >= 0 ? Math.Max(0, low - 1) : low - 1, low + 1, 0, 1);
            PlotStyle.FormatBottomAxis(plot, output.Kind);
            PlotStyle.FormatLeftAxis(plot, OutputKind.ZeroOne);
            return plot;
        }
        double firstLeft = double.NaN;
        for (int k = 0; k < comparison.Results.Count; k++)
        {
            var summary = comparison.Results[k].Of(metric);
            if (summary.Statistics.Count == 0)
            {
                continue;
            }
            var data = HistogramData.Bin(summary.Distribution, low, high);
            firstLeft = data.BinLefts[0];
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
            outline.LegendText = $"{comparison.Results[k].Scenario.Name}: mean {NumberText.Of(summary.Statistics.Mean, OutputCatalogue.Of(metric).Kind)} (dashed)";
            var mean = plot.Add.VerticalLine(summary.Statistics.Mean);
            mean.Color = PlotStyle.Series(k);
            mean.LinePattern = LinePattern.Dashed;
            mean.LineWidth = 1.5f;
        }
        PlotStyle.FormatBottomAxis(plot, output.Kind);
        PlotStyle.FormatLeftAxis(plot, OutputKind.ZeroOne);
        plot.Axes.Margins(bottom: 0);
        if (low >= 0)
        {
            var limits = plot.Axes.GetLimits();
            plot.Axes.SetLimitsX(Math.Max(0, Math.Min(limits.Left, firstLeft)), limits.Right);
        }
        PlotStyle.LegendBelow(plot);
        return plot;
    }
}
