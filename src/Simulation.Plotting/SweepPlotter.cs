using ScottPlot;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Plotting;

/// <summary>Charts of a sweep: a metric's median and 90% band against the first lever, one line per value of the second.</summary>
public static class SweepPlotter
{
    /// <summary>File name of the chart of a metric.</summary>
    public static string FileName(Metric metric) => $"sweep_{OutputCatalogue.Of(metric).Name}.png";

    /// <summary>The chart of each metric over the grid, with the caption a report puts under it.</summary>
    public static IReadOnlyList<NamedChart> Charts(string scenario, IReadOnlyList<Metric> metrics, string firstLever, string? secondLever,
        IReadOnlyList<(double First, double Second, MonteCarloResult Result)> points) =>
        [.. metrics.Select(metric => new NamedChart(FileName(metric), Plot(scenario, metric, firstLever, secondLever, points),
            (secondLever is null
                ? $"{OutputCatalogue.Of(metric).Label} against {Words(firstLever, points)}: median and 90% band at each value."
                : $"Median {OutputCatalogue.Of(metric).Label} at each pair of values of {Words(firstLever, points)} and {Words(secondLever, points)}.") + CensoredNote(metric, points)))];

    /// <summary>File name of the chart of a probability by the horizon.</summary>
    public static string FileName(HorizonProbability probability) => $"sweep_{OutputCatalogue.Of(probability).Name}.png";

    /// <summary>The chart of each probability by the horizon over the grid (e.g. enforced_by_horizon), with its caption.</summary>
    public static IReadOnlyList<NamedChart> ProbabilityCharts(string scenario, IReadOnlyList<HorizonProbability> probabilities, string firstLever, string? secondLever,
        IReadOnlyList<(double First, double Second, MonteCarloResult Result)> points) =>
        [.. probabilities.Select(probability => new NamedChart(FileName(probability), ProbabilityPlot(scenario, probability, firstLever, secondLever, points),
            secondLever is null
                ? $"{OutputCatalogue.Of(probability).Label} against {Words(firstLever, points)}, over all runs at each value, with its 95% Monte Carlo band."
                : $"{OutputCatalogue.Of(probability).Label} at each pair of values of {Words(firstLever, points)} and {Words(secondLever, points)}, over all runs of each point."))];

    /// <summary>A lever in words, with its key (the name on the command line and in sweep.csv): "the deterrence factor (enforcement.deterrence)".</summary>
    public static string Words(string lever, IReadOnlyList<(double First, double Second, MonteCarloResult Result)> points)
    {
        string label = InputWords.Label(points.Count > 0 ? points[0].Result.Scenario : null, lever);
        return label == lever ? lever : $"{label} ({lever})";
    }

    private static Plot ProbabilityPlot(string scenario, HorizonProbability probability, string firstLever, string? secondLever,
        IReadOnlyList<(double First, double Second, MonteCarloResult Result)> points)
    {
        var definition = OutputCatalogue.Of(probability);
        var swept = points.Count > 0 ? points[0].Result.Scenario : null;
        if (secondLever is not null)
        {
            return HeatMap($"{definition.Label}: {scenario}", result => result.Probability(probability), OutputKind.ZeroOne,
                LeverAxis(swept, firstLever), LeverAxis(swept, secondLever), points);
        }
        var plot = PlotStyle.NewPlot($"{definition.Label}: {scenario}", LeverAxis(swept, firstLever), "share of all runs");
        var ordered = points.OrderBy(p => p.First).ToList();
        double[] xs = [.. ordered.Select(p => p.First)];
        double[] ps = [.. ordered.Select(p => p.Result.Probability(probability))];
        double[] bands = [.. ordered.Select(p => 1.959963984540054 * p.Result.ProbabilitySe(probability))];
        var band = plot.Add.FillY(xs, [.. ps.Select((p, i) => Math.Max(0, p - bands[i]))], [.. ps.Select((p, i) => Math.Min(1, p + bands[i]))]);
        band.FillColor = PlotStyle.Main.WithAlpha(0.2);
        band.LineWidth = 0;
        band.LegendText = "95% Monte Carlo band";
        var line = plot.Add.Scatter(xs, ps);
        line.Color = PlotStyle.Main;
        line.LineWidth = 2.5f;
        line.MarkerSize = 6;
        line.LegendText = "probability";
        PlotStyle.FormatLeftAxis(plot, OutputKind.ZeroOne);
        plot.Axes.SetLimitsY(0, 1);
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>
    /// For a metric that exists only where its event happened (first enforcement, ceasefire): that its statistics
    /// cover those runs only, and how many they are across the sweep; empty for the others.
    /// </summary>
    public static string CensoredNote(Metric metric, IReadOnlyList<(double First, double Second, MonteCarloResult Result)> points)
    {
        if (!OutputCatalogue.Of(metric).Censored || points.Count == 0)
        {
            return "";
        }
        double least = points.Min(p => p.Result.Of(metric).ShareObserved), most = points.Max(p => p.Result.Of(metric).ShareObserved);
        string shares = least == most ? NumberText.Percent(least) : $"{NumberText.Percent(least)} to {NumberText.Percent(most)}";
        return $" Only the runs where it happened count: {shares} of the runs, depending on the point.";
    }

    /// <summary>
    /// <paramref name="points"/> are (first lever value, second lever value or NaN, result), in grid order with the
    /// first lever varying fastest. One lever: the metric's median and 90% band against it. Two levers: a heat map of
    /// the median, each cell labelled with its value (lines of a grid with a legend cover one another).
    /// </summary>
    public static Plot Plot(string scenario, Metric metric, string firstLever, string? secondLever,
        IReadOnlyList<(double First, double Second, MonteCarloResult Result)> points)
    {
        var output = OutputCatalogue.Of(metric);
        var swept = points.Count > 0 ? points[0].Result.Scenario : null;
        return secondLever is null
            ? Lines(scenario, metric, output, InputWords.Label(swept, firstLever), LeverAxis(swept, firstLever), points)
            : HeatMap(scenario, metric, output, LeverAxis(swept, firstLever), LeverAxis(swept, secondLever), points);
    }

    /// <summary>
    /// A lever's axis title: its key (what --over takes) and what it means, because a key alone can read backwards
    /// ("enforcement.deterrence" rising means less deterrence: it is the factor on dispatch once enforced).
    /// </summary>
    public static string LeverAxis(Scenario? scenario, string lever)
    {
        string? meaning = scenario?.Find(lever)?.Definition.Meaning ?? ParameterCatalogue.Find(lever)?.Meaning;
        if (meaning is null)
        {
            return lever;
        }
        int clause = meaning.IndexOf(';');
        return $"{lever}: {(clause > 0 ? meaning[..clause] : meaning)}";
    }

    private static Plot Lines(string scenario, Metric metric, OutputDefinition output, string lever, string leverAxis,
        IReadOnlyList<(double First, double Second, MonteCarloResult Result)> points)
    {
        // A censored metric says on the chart itself that it covers only the runs where its event happened.
        var plot = PlotStyle.NewPlot($"{output.Title} against {lever}: {scenario}", leverAxis,
            $"{output.Label} ({output.Unit}){(output.Censored ? ", runs where it happened" : "")}");
        var ordered = points.OrderBy(p => p.First).Where(p => !double.IsNaN(p.Result.Of(metric).Statistics.P50)).ToList();
        double[] xs = ordered.Select(p => p.First).ToArray();
        double[] high = ordered.Select(p => p.Result.Of(metric).Statistics.P95).ToArray();
        if (xs.Length > 0)
        {
            var band = plot.Add.FillY(xs, ordered.Select(p => p.Result.Of(metric).Statistics.P5).ToArray(), high);
            band.FillColor = PlotStyle.Main.WithAlpha(0.2);
            band.LineWidth = 0;
            band.LegendText = "90% of runs (p5-p95)";
            var line = plot.Add.Scatter(xs, ordered.Select(p => p.Result.Of(metric).Statistics.P50).ToArray());
            line.Color = PlotStyle.Main;
            line.LineWidth = 2.5f;
            line.MarkerSize = 6;
            line.LegendText = "median";
        }
        PlotStyle.FormatLeftAxis(plot, output.Kind);
        plot.Axes.Margins(bottom: 0);
        PlotStyle.NonNegativeY(plot, xs.Length > 0 ? high.Max() : 0, output.Kind);
        // The lever's own range, whether or not every point has a value (a metric can be absent at some).
        double first = points.Min(p => p.First), last = points.Max(p => p.First);
        double pad = (last - first) * 0.03;
        plot.Axes.SetLimitsX(first >= 0 ? Math.Max(0, first - pad) : first - pad, last + pad);
        if (xs.Length == 0)
        {
            plot.Add.Annotation("no run produced this outcome at any point");
        }
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    private static Plot HeatMap(string scenario, Metric metric, OutputDefinition output, string firstLever, string secondLever,
        IReadOnlyList<(double First, double Second, MonteCarloResult Result)> points) =>
        HeatMap($"{output.Title}, median: {scenario}", result => result.Of(metric).Statistics.P50, output.Kind, firstLever, secondLever, points);

    // A heat map of one number per grid point, each cell labelled with it.
    private static Plot HeatMap(string title, Func<MonteCarloResult, double> value, OutputKind kind, string firstLever, string secondLever,
        IReadOnlyList<(double First, double Second, MonteCarloResult Result)> points)
    {
        var plot = PlotStyle.NewPlot(title, firstLever, secondLever);
        double[] columns = points.Select(p => p.First).Distinct().Order().ToArray();
        double[] rows = points.Select(p => p.Second).Distinct().Order().ToArray();
        var medians = points.Select(p => value(p.Result)).Where(v => !double.IsNaN(v)).ToList();
        double low = medians.Count > 0 ? medians.Min() : 0;
        double high = medians.Count > 0 ? medians.Max() : 0;
        var colormap = new ScottPlot.Colormaps.Viridis();
        foreach (var (first, second, result) in points)
        {
            int column = Array.IndexOf(columns, first);
            int row = Array.IndexOf(rows, second);
            double median = value(result);
            var cell = plot.Add.Rectangle(column - 0.5, column + 0.5, row - 0.5, row + 0.5);
            cell.LineWidth = 0;
            double fraction = double.IsNaN(median) || high <= low ? 0.5 : (median - low) / (high - low);
            cell.FillColor = double.IsNaN(median) ? Colors.LightGray : colormap.GetColor(fraction);
            var label = plot.Add.Text(NumberText.Of(median, kind), column, row);
            label.LabelAlignment = Alignment.MiddleCenter;
            label.LabelFontSize = columns.Length * rows.Length > 60 ? 10 : 14;
            label.LabelFontColor = fraction > 0.6 ? Colors.Black : Colors.White;
        }
        plot.Axes.Bottom.TickGenerator = Ticks(columns);
        plot.Axes.Left.TickGenerator = Ticks(rows);
        plot.Axes.SetLimits(-0.5, columns.Length - 0.5, -0.5, rows.Length - 0.5);
        plot.Grid.IsVisible = false;
        return plot;
    }

    private static ScottPlot.TickGenerators.NumericManual Ticks(double[] values)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < values.Length; i++)
        {
            ticks.AddMajor(i, values[i].ToString("G4", System.Globalization.CultureInfo.InvariantCulture));
        }
        return ticks;
    }

}
