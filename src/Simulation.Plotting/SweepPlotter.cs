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

    /// <summary>
    /// <paramref name="points"/> are (first lever value, second lever value or NaN, result), in grid order with the
    /// first lever varying fastest.
    /// </summary>
    public static Plot Plot(string scenario, Metric metric, string firstLever, string? secondLever,
        IReadOnlyList<(double First, double Second, MonteCarloResult Result)> points)
    {
        bool money = metric == Metric.RemittancesUsd;
        var plot = PlotStyle.NewPlot($"{OutputCatalogue.Of(metric).Name} against {firstLever}: {scenario}", firstLever,
            $"{OutputCatalogue.Of(metric).Name} ({OutputCatalogue.Of(metric).Unit})");
        var groups = points.GroupBy(p => p.Second).ToList();
        for (int g = 0; g < groups.Count; g++)
        {
            var group = groups[g].OrderBy(p => p.First).ToList();
            double[] xs = group.Select(p => p.First).ToArray();
            double[] median = group.Select(p => p.Result.Of(metric).Statistics.P50).ToArray();
            double[] low = group.Select(p => p.Result.Of(metric).Statistics.P5).ToArray();
            double[] high = group.Select(p => p.Result.Of(metric).Statistics.P95).ToArray();
            if (median.Any(double.IsNaN))
            {
                continue;
            }
            var color = PlotStyle.Series(g);
            if (groups.Count == 1)
            {
                // One band reads well; several overlapping bands do not, so a grid shows medians only.
                var band = plot.Add.FillY(xs, low, high);
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
            }
            var line = plot.Add.Scatter(xs, median);
            line.Color = color;
            line.LineWidth = 2.5f;
            line.MarkerSize = 6;
            line.LegendText = secondLever is null
                ? "median (band: 90% of runs)"
                : $"median, {secondLever} = {groups[g].Key.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)}";
        }
        PlotStyle.FormatLeftAxis(plot, money);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Saves a chart.</summary>
    public static void Save(Plot plot, string folder, string file) => PlotStyle.Save(plot, folder, file);
}
