using ScottPlot;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Plotting;

/// <summary>Draws every chart of the output folder of docs/scenario-format.md as PNG files.</summary>
public static class ResultPlotter
{
    /// <summary>The chart files every run gets, in order.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        "fan_workers.png", "fan_remittances_usd.png", "fan_cumulative_remittances_usd.png",
        "hist_peak_workers.png", "hist_remittances_usd.png", "p_enforced.png", "p_ceasefire.png",
        "exceed_remittances_usd.png", "exceed_peak_workers.png", "annual_remittances_usd.png",
    ];

    /// <summary>The channels of a result with two or more (each has a workers.NAME series), in order; empty otherwise.</summary>
    public static IReadOnlyList<string> Channels(MonteCarloResult result) =>
        [.. result.Series.Where(s => s.Name.StartsWith("workers.", StringComparison.Ordinal)).Select(s => s.Name["workers.".Length..])];

    /// <summary>The chart files a result gets: <see cref="FileNames"/>, and with two or more channels the stacked chart and one fan chart per channel.</summary>
    public static IReadOnlyList<string> FileNamesFor(MonteCarloResult result)
    {
        var channels = Channels(result);
        string[] paths = result.Paths is { Runs: > 0 } ? ["paths_workers.png", "paths_cumulative_remittances_usd.png"] : [];
        return [.. FileNames, .. paths, .. channels.Count == 0 ? [] : new[] { "fan_workers_by_channel.png" }, .. channels.Select(c => $"fan_workers_{c}.png"),
            .. VersionThreeCharts(result).Select(chart => chart.FileName)];
    }

    // Version 3's money where the scenario has it: delivered and lost, arrears, contingent revenue.
    private static IEnumerable<(string FileName, Func<Plot> Draw, string Caption)> VersionThreeCharts(MonteCarloResult result)
    {
        string name = result.Scenario.Name;
        var places = result.Series.Where(s => s.Name.StartsWith("workers@", StringComparison.Ordinal)).Select(s => s.Name["workers@".Length..]).ToList();
        string Words(string place) => result.Scenario.Destinations.FirstOrDefault(d => d.Name == place)?.Label ?? place;
        if (places.Count > 0)
        {
            yield return ("fan_workers_by_destination.png",
                () => MeanStack(result, $"Workers abroad by destination (mean over runs, stacked): {name}", "workers (mean)", OutputKind.Stock,
                    [.. places.Select(p => (Words(p), result.Of($"workers@{p}")!))], ("median of all workers", FanChartData.From(result, Series.Workers).Median)),
                $"Mean workers abroad at each destination ({string.Join(", ", places.Select(Words))}), stacked: the top is the mean of all workers abroad; the dashed line is their median.");
        }
        if (result.Of(OutputCatalogue.Delivered.Name) is { } delivered && result.Of(OutputCatalogue.Lost.Name) is { } lost)
        {
            yield return ("money_delivered_lost.png",
                () => MeanStack(result, $"Remittances delivered and lost on the way (mean over runs, stacked): {name}", "USD per month (mean)", OutputKind.Money,
                    [(OutputCatalogue.Delivered.Label, delivered), (OutputCatalogue.Lost.Label, lost)], null),
                "The state's revenue each month, split into what its money channels deliver and what fees and closed channels lose (means add up, so the top is the mean revenue).");
        }
        if (result.Of(OutputCatalogue.Arrears.Name) is { } arrears)
        {
            yield return ("fan_arrears_usd.png", () => FanChart(result, FanChartData.From(result, arrears), $"{OutputCatalogue.Arrears.Title}: {name}", OutputCatalogue.Arrears),
                "Pay withheld from the workers abroad and not yet paid out, at each month's end: paid at a normal return, forfeited in part at a forced one.");
        }
        if (result.Of(OutputCatalogue.ContingentRevenue.Name) is { } contingent)
        {
            yield return ("fan_contingent_revenue_usd.png", () => FanChart(result, FanChartData.From(result, contingent), $"{OutputCatalogue.ContingentRevenue.Title}: {name}", OutputCatalogue.ContingentRevenue),
                "What contingents earn the state each month, per member abroad, apart from labor revenue.");
        }
    }

    /// <summary>
    /// Every chart of a run's output, titled in words from the output catalogue: the one list that both the PNG files
    /// and report.html are drawn from.
    /// </summary>
    public static IReadOnlyList<NamedChart> Charts(MonteCarloResult result, IReadOnlyList<ThresholdProbability>? thresholds = null)
    {
        string name = result.Scenario.Name;
        string Title(Series series) => $"{OutputCatalogue.Of(series).Title}: {name}";
        string Of(Metric metric) => $"{OutputCatalogue.Of(metric).Title}: {name}";
        var charts = new List<NamedChart>
        {
            new(FileNames[0], FanChart(result, Series.Workers, Title(Series.Workers)),
                "Workers abroad at the end of each month: median, and the bands holding 50% and 90% of runs."),
            new(FileNames[1], FanChart(result, Series.RemittancesUsd, Title(Series.RemittancesUsd)),
                "Money reaching the sending state each month (USD)."),
            new(FileNames[2], FanChart(result, Series.CumulativeRemittancesUsd, Title(Series.CumulativeRemittancesUsd)),
                "Money reaching the sending state since the start (USD)."),
            new(FileNames[3], Histogram(result, Metric.PeakWorkers, Of(Metric.PeakWorkers)),
                "Distribution of the largest number of workers abroad at once, with the mean, p5 and p95 marked."),
            new(FileNames[4], Histogram(result, Metric.RemittancesUsd, Of(Metric.RemittancesUsd)),
                "Distribution of the total money reaching the sending state over the whole horizon."),
            new(FileNames[5], ProbabilityCurve(result, Series.Enforced, Title(Series.Enforced), "P(at least one enforcement event)"),
                result.Scenario.Enforcement.BeforeDeployment
                    ? "Probability that at least one enforcement event has happened by each month (version 1's rule: even before any worker is deployed), with its 95% Monte Carlo band."
                    : "Probability that at least one enforcement event has hit the scheme by each month (enforcement strikes only once workers are abroad), with its 95% Monte Carlo band."),
            new(FileNames[6], ProbabilityCurve(result, Series.Postwar, Title(Series.Postwar), "P(ceasefire has come)"),
                "Probability that the ceasefire has come by each month, with its 95% Monte Carlo band."),
            new(FileNames[7], DistributionPlotter.ExceedanceCurve(result, Metric.RemittancesUsd, $"Chance of more than x reaching the state: {name}", thresholds),
                "Share of runs in which the total reaching the sending state over the horizon exceeds each amount x, with its 95% Monte Carlo band; read off P(more than $1 billion) directly."),
            new(FileNames[8], DistributionPlotter.ExceedanceCurve(result, Metric.PeakWorkers, $"Chance of more than x workers abroad at the peak: {name}", thresholds),
                "Share of runs in which the largest number of workers abroad at once exceeds each number x, with its 95% Monte Carlo band."),
            new(FileNames[9], DistributionPlotter.AnnualRemittances(result),
                "Money reaching the sending state in each calendar year: the box holds the middle half of the runs, the whiskers 90%, the line is the median. Years the horizon covers only in part are named with their months."),
        };
        if (result.Paths is { Runs: > 0 } paths)
        {
            charts.Add(new("paths_workers.png", PathsChart(result, Series.Workers, Title(Series.Workers)),
                $"{paths.Runs:N0} single runs (thin lines, runs 0 to {paths.Runs - 1}) over the band holding 90% of runs: what one future looks like, not an average."));
            charts.Add(new("paths_cumulative_remittances_usd.png", PathsChart(result, Series.CumulativeRemittancesUsd, Title(Series.CumulativeRemittancesUsd)),
                $"Money since the start in the same {paths.Runs:N0} runs, over the band holding 90% of runs."));
        }
        var channels = Channels(result);
        if (channels.Count > 0)
        {
            charts.Add(new("fan_workers_by_channel.png", ChannelStack(result),
                $"Mean workers abroad under each legal cover ({string.Join(", ", channels)}), stacked: the top is the mean of all workers abroad; the dashed line is their median."));
            foreach (string channel in channels)
            {
                charts.Add(new($"fan_workers_{channel}.png", ChannelFanChart(result, channel), $"Workers abroad on the {channel} channel: median, 50% and 90% bands."));
            }
        }
        foreach (var (fileName, draw, caption) in VersionThreeCharts(result))
        {
            charts.Add(new(fileName, draw(), caption));
        }
        return charts;
    }

    /// <summary>Sample paths ("spaghetti") of one series over its 90% band: single futures, drawn thin so that none stands out.</summary>
    public static Plot PathsChart(MonteCarloResult result, Series series, string title)
    {
        var paths = result.Paths ?? throw new InvalidOperationException("the run kept no paths");
        var data = FanChartData.From(result, series);
        var output = OutputCatalogue.Of(series);
        var plot = PlotStyle.NewPlot($"{title}, single runs", "month", output.Axis);
        double[] xs = PlotStyle.MonthAxis(result.Scenario.Start, result.Months);
        var band = plot.Add.FillY(xs, data.P5, data.P95);
        band.FillColor = PlotStyle.Main.WithAlpha(0.15);
        band.LineWidth = 0;
        band.LegendText = "90% of runs (p5-p95)";
        double largest = data.P95.Max();
        for (int run = 0; run < paths.Runs; run++)
        {
            var ys = new double[paths.Months];
            for (int t = 0; t < ys.Length; t++)
            {
                ys[t] = paths.Value(run, t, (int)series);
            }
            largest = Math.Max(largest, ys.Max());
            var line = plot.Add.ScatterLine(xs, ys);
            line.Color = PlotStyle.Accent.WithAlpha(paths.Runs > 20 ? 0.35 : 0.7);
            line.LineWidth = 1.2f;
            if (run == 0)
            {
                line.LegendText = $"single runs ({paths.Runs:N0})";
            }
        }
        PlotStyle.FormatLeftAxis(plot, output.Kind);
        plot.Axes.Margins(bottom: 0);
        PlotStyle.NonNegativeY(plot, largest, output.Kind);
        PlotStyle.ForecastLine(plot, result.Scenario);
        PlotStyle.CalendarAxis(plot, result.Scenario.Start, result.Months);
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>A fan chart: median line, 50% and 90% bands, calendar months on the x axis.</summary>
    public static Plot FanChart(MonteCarloResult result, Series series, string title) =>
        FanChart(result, FanChartData.From(result, series), title, OutputCatalogue.Of(series));

    /// <summary>The fan chart of one channel's stock.</summary>
    public static Plot ChannelFanChart(MonteCarloResult result, string channel) =>
        FanChart(result, FanChartData.From(result, result.Of($"workers.{channel}")!), $"Workers abroad on the {channel} channel at month end: {result.Scenario.Name}", OutputCatalogue.ChannelWorkers(channel));

    /// <summary>
    /// The mean stock of each channel, stacked: means add up, so the top of the stack is the mean of all workers abroad
    /// (medians would not add up). The median of the total is drawn over it for reference.
    /// </summary>
    public static Plot ChannelStack(MonteCarloResult result) =>
        MeanStack(result, $"Workers abroad by channel (mean over runs, stacked): {result.Scenario.Name}", "workers (mean)", OutputKind.Stock,
            [.. Channels(result).Select(c => (c, result.Of($"workers.{c}")!))], ("median of all workers", FanChartData.From(result, Series.Workers).Median));

    /// <summary>
    /// Means of series stacked in order (means add up, so the top is the mean of their sum, which medians would not
    /// be), with an optional reference line drawn over them.
    /// </summary>
    private static Plot MeanStack(MonteCarloResult result, string title, string axis, OutputKind kind,
        IReadOnlyList<(string Label, IReadOnlyList<Simulation.Core.Summaries.SummaryStatistics> Statistics)> layers, (string Label, double[] Values)? reference)
    {
        var plot = PlotStyle.NewPlot(title, "month", axis);
        int months = result.Months;
        double[] xs = PlotStyle.MonthAxis(result.Scenario.Start, months);
        var below = new double[months];
        for (int c = 0; c < layers.Count; c++)
        {
            var statistics = layers[c].Statistics;
            var above = new double[months];
            for (int t = 0; t < months; t++)
            {
                above[t] = below[t] + statistics[t].Mean;
            }
            var band = plot.Add.FillY(xs, (double[])below.Clone(), above);
            band.FillColor = PlotStyle.Series(c).WithAlpha(0.55);
            band.LineWidth = 0;
            band.LegendText = layers[c].Label;
            below = above;
        }
        double top = below.Max();
        if (reference is { } line)
        {
            var total = plot.Add.ScatterLine(xs, line.Values);
            total.Color = PlotStyle.Muted;
            total.LineWidth = 2;
            total.LinePattern = LinePattern.Dashed;
            total.LegendText = line.Label;
            top = Math.Max(top, line.Values.Max());
        }
        PlotStyle.FormatLeftAxis(plot, kind);
        plot.Axes.Margins(bottom: 0);
        PlotStyle.NonNegativeY(plot, top, kind);
        PlotStyle.ForecastLine(plot, result.Scenario);
        PlotStyle.CalendarAxis(plot, result.Scenario.Start, result.Months);
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    private static Plot FanChart(MonteCarloResult result, FanChartData data, string title, OutputDefinition output)
    {
        var plot = PlotStyle.NewPlot(title, "month", output.Axis);
        double[] xs = PlotStyle.MonthAxis(result.Scenario.Start, result.Months);
        var median = PlotStyle.Fan(plot, xs, data);
        if (xs.Length == 1)
        {
            // One month has no width for bands to fill: draw them as bars around the median's marker.
            plot.Add.Line(0, data.P5[0], 0, data.P95[0]).LineWidth = 10;
            median.MarkerSize = 12;
        }
        PlotStyle.FormatLeftAxis(plot, output.Kind);
        plot.Axes.Margins(bottom: 0);
        PlotStyle.NonNegativeY(plot, data.P95.Max(), output.Kind);
        PlotStyle.ForecastLine(plot, result.Scenario);
        PlotStyle.CalendarAxis(plot, result.Scenario.Start, result.Months);
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>A histogram of a metric with its mean, p5 and p95 marked.</summary>
    public static Plot Histogram(MonteCarloResult result, Metric metric, string title)
    {
        var summary = result.Of(metric);
        var s = summary.Statistics;
        var output = OutputCatalogue.Of(metric);
        var plot = PlotStyle.NewPlot(title, output.Axis, "share of runs");
        if (s.Count == 0)
        {
            plot.Add.Annotation("no run produced this outcome (the event never happened)");
            Empty(plot);
            return plot;
        }
        if (s.Min == s.Max)
        {
            // One value in every run: a histogram would invent bins around it; say it instead.
            string value = NumberText.Of(s.Min, OutputCatalogue.Of(metric).Kind);
            plot.Add.Annotation($"every run ({NumberText.Count(s.Count)} of them) gives {value}", Alignment.MiddleCenter);
            var line = plot.Add.VerticalLine(s.Min);
            line.Color = PlotStyle.Main;
            line.LineWidth = 3;
            double span = s.Min == 0 ? 1 : Math.Abs(s.Min) * 0.1;
            plot.Axes.SetLimitsX(s.Min >= 0 ? Math.Max(0, s.Min - span) : s.Min - span, s.Min + span);
            PlotStyle.FormatBottomAxis(plot, output.Kind);
            PlotStyle.FormatLeftAxis(plot, OutputKind.ZeroOne);
            plot.Axes.SetLimitsY(0, 1);
            return plot;
        }
        var data = HistogramData.From(summary.Distribution, s.Min, s.Max);
        var bars = new List<Bar>();
        for (int i = 0; i < data.Counts.Length; i++)
        {
            bars.Add(new Bar
            {
                Position = data.BinLefts[i] + data.BinWidth / 2,
                Value = data.Counts[i] / data.Total,
                Size = data.BinWidth * 0.95,
                FillColor = PlotStyle.Main.WithAlpha(0.75),
                LineWidth = 0,
            });
        }
        plot.Add.Bars(bars);
        if (data.OutsideShare > 0)
        {
            plot.XLabel($"{output.Axis}  ({data.OutsideShare:P1} of runs lie beyond the edges)".Replace(" %", "%"), 15);
        }
        var kind = OutputCatalogue.Of(metric).Kind;
        AddMarker(plot, s.Mean, $"mean {NumberText.Of(s.Mean, kind)}", PlotStyle.Accent, LinePattern.Solid);
        AddMarker(plot, s.P5, $"p5 {NumberText.Of(s.P5, kind)}", PlotStyle.Muted, LinePattern.Dashed);
        AddMarker(plot, s.P95, $"p95 {NumberText.Of(s.P95, kind)}", PlotStyle.Muted, LinePattern.Dashed);
        PlotStyle.FormatBottomAxis(plot, output.Kind);
        PlotStyle.FormatLeftAxis(plot, OutputKind.ZeroOne);
        plot.Axes.Margins(bottom: 0);
        double tallest = data.Counts.Max() / data.Total;
        plot.Axes.SetLimitsY(0, Math.Min(1, tallest * 1.08));
        if (s.Min >= 0)
        {
            // Counts and money cannot be negative: whole-number bins start half a unit below 0, the axis at 0.
            var limits = plot.Axes.GetLimits();
            plot.Axes.SetLimitsX(Math.Max(0, Math.Min(limits.Left, data.BinLefts[0])), limits.Right);
        }
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>P(event by month) from the mean of a 0/1 series, with a 95% confidence band.</summary>
    public static Plot ProbabilityCurve(MonteCarloResult result, Series series, string title, string yLabel)
    {
        var statistics = result.Of(series);
        var plot = PlotStyle.NewPlot(title, "month", yLabel);
        int n = statistics.Count;
        double[] xs = PlotStyle.MonthAxis(result.Scenario.Start, n);
        double[] p = new double[n];
        double[] se = new double[n];
        for (int t = 0; t < n; t++)
        {
            p[t] = statistics[t].Mean;
            se[t] = statistics[t].Se;
        }
        PlotStyle.ProbabilityWithBand(plot, xs, p, se, "probability");
        PlotStyle.FormatLeftAxis(plot, OutputKind.ZeroOne);
        plot.Axes.SetLimitsY(0, 1.02);
        PlotStyle.ForecastLine(plot, result.Scenario);
        PlotStyle.CalendarAxis(plot, result.Scenario.Start, result.Months);
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    private static void Empty(Plot plot)
    {
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
    }

    private static void AddMarker(Plot plot, double x, string label, Color color, LinePattern pattern)
    {
        var line = plot.Add.VerticalLine(x);
        line.Color = color;
        line.LineWidth = 2;
        line.LinePattern = pattern;
        line.LegendText = label;
    }

}
