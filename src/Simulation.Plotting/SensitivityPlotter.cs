using System.Globalization;
using ScottPlot;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;

namespace Simulation.Plotting;

/// <summary>Tornado charts (decile swings) and Sobol index charts.</summary>
public static class SensitivityPlotter
{
    /// <summary>File name of the tornado chart of a metric.</summary>
    public static string TornadoFile(Metric metric) => $"tornado_{OutputCatalogue.Of(metric).Name}.png";

    /// <summary>File name of the Sobol chart of a metric.</summary>
    public static string SobolFile(Metric metric) => $"sobol_{OutputCatalogue.Of(metric).Name}.png";

    /// <summary>
    /// One horizontal bar per input from the metric's mean over the input's lowest decile to its mean over the highest,
    /// around the overall mean, largest swing on top.
    /// </summary>
    public static Plot Tornado(string scenario, Metric metric, IReadOnlyList<InputSensitivity> results, double overallMean)
    {
        bool money = metric == Metric.RemittancesUsd;
        var plot = PlotStyle.NewPlot($"What drives {OutputCatalogue.Of(metric).Label}: {scenario}",
            $"mean {OutputCatalogue.Of(metric).Label} ({OutputCatalogue.Of(metric).Unit}) when the input is in its lowest / highest decile", "");
        var rows = results.Where(r => r.Metric == metric && double.IsFinite(r.Swing)).ToList();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            double position = rows.Count - 1 - i;
            bars.Add(new Bar
            {
                Position = position,
                ValueBase = r.LowDecileMean,
                Value = r.HighDecileMean,
                FillColor = r.Swing >= 0 ? PlotStyle.Main : PlotStyle.Accent,
                Size = 0.7,
                LineWidth = 0,
            });
            ticks.Add(new Tick(position, $"{r.Input}  (rho {r.Spearman.ToString("0.00", CultureInfo.InvariantCulture)})"));
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => PlotStyle.FormatValue(v, money) };
        var mean = plot.Add.VerticalLine(overallMean);
        mean.Color = PlotStyle.Muted;
        mean.LinePattern = LinePattern.Dashed;
        mean.LegendText = $"overall mean {PlotStyle.FormatValue(overallMean, money)}";
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "input's high decile raises the metric", FillColor = PlotStyle.Main });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "input's high decile lowers the metric", FillColor = PlotStyle.Accent });
        if (rows.Count > 0)
        {
            // Horizontal bars' bases are not in ScottPlot's automatic limits: set them from the data.
            double low = Math.Min(overallMean, rows.Min(r => Math.Min(r.LowDecileMean, r.HighDecileMean)));
            double high = Math.Max(overallMean, rows.Max(r => Math.Max(r.LowDecileMean, r.HighDecileMean)));
            double margin = Math.Max(1e-9, 0.05 * (high - low));
            plot.Axes.SetLimits(low - margin, high + margin, -0.6, rows.Count - 0.4);
        }
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>First-order and total Sobol indices per factor, with bootstrap 95% intervals as error bars.</summary>
    public static Plot Sobol(string scenario, Metric metric, SobolIndices indices)
    {
        var plot = PlotStyle.NewPlot($"What explains the variance of {OutputCatalogue.Of(metric).Label} (Sobol indices): {scenario}", "", "share of output variance");
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (int i = 0; i < indices.Factors.Count; i++)
        {
            double center = 3 * i;
            bars.Add(new Bar
            {
                Position = center - 0.5,
                Value = indices.FirstOrder[i],
                Size = 0.9,
                FillColor = PlotStyle.Main,
                Error = 1.96 * indices.FirstOrderSe[i],
                LineWidth = 1.5f,
                LineColor = PlotStyle.Muted,
                ErrorSize = 0.3,
                ErrorPositive = true,
                ErrorNegative = true,
            });
            bars.Add(new Bar
            {
                Position = center + 0.5,
                Value = indices.Total[i],
                Size = 0.9,
                FillColor = PlotStyle.Series(1),
                Error = 1.96 * indices.TotalSe[i],
                LineWidth = 1.5f,
                LineColor = PlotStyle.Muted,
                ErrorSize = 0.3,
                ErrorPositive = true,
                ErrorNegative = true,
            });
            ticks.Add(new Tick(center, indices.Factors[i].Replace('.', '\n')));
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        PlotStyle.FormatLeftAxis(plot, money: false, probability: true);
        plot.Axes.SetLimitsY(Math.Min(0, bars.Min(b => b.Value - b.Error)) - 0.02, Math.Min(1.05, bars.Max(b => b.Value + b.Error) * 1.15 + 0.02));
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "first order S_i (alone)", FillColor = PlotStyle.Main });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "total S_Ti (with interactions); bars: 95% bootstrap", FillColor = PlotStyle.Series(1) });
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Saves a chart.</summary>
    public static void Save(Plot plot, string folder, string file) => PlotStyle.Save(plot, folder, file);
}
