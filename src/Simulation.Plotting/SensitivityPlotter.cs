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

    /// <summary>Most inputs a tornado chart shows, largest swings first: more rows than this are too small to read.</summary>
    public const int MaxTornadoInputs = 15;

    /// <summary>The tornado chart of each metric, with the caption a report puts under it.</summary>
    public static IReadOnlyList<NamedChart> TornadoCharts(Scenario scenario, IReadOnlyList<Metric> metrics, IReadOnlyList<InputSensitivity> results,
        Func<Metric, double> overallMean) =>
        [.. metrics.Select(metric => new NamedChart(TornadoFile(metric), Tornado(scenario, metric, results, overallMean(metric)),
            $"Tornado chart of {OutputCatalogue.Of(metric).Label}: each bar spans the metric's mean from the input's lowest to its highest decile."
            + (results.Count(r => r.Metric == metric && double.IsFinite(r.Swing)) is var count && count > MaxTornadoInputs
                ? $" The chart shows the {MaxTornadoInputs} inputs of largest swing; the other {count - MaxTornadoInputs} are in sensitivity.csv."
                : "")))];

    /// <summary>Most factors a Sobol chart shows: more labels than this overlap on a chart's width.</summary>
    public const int MaxSobolFactors = 10;

    /// <summary>The Sobol chart of each metric, with the caption a report puts under it.</summary>
    public static IReadOnlyList<NamedChart> SobolCharts(Scenario scenario, IReadOnlyList<(Metric Metric, SobolIndices Indices)> results) =>
        [.. results.Select(r => new NamedChart(SobolFile(r.Metric), Sobol(scenario, r.Metric, r.Indices),
            $"First-order and total Sobol indices of {OutputCatalogue.Of(r.Metric).Label}, with 95% intervals from {r.Indices.IntervalMethod}; faded bars are not distinguishable from 0."
            + Rest(r.Indices)))];

    /// <summary>The factors a chart shows: all, or the <see cref="MaxSobolFactors"/> of largest total index, largest first.</summary>
    private static List<int> Shown(SobolIndices indices)
    {
        var all = Enumerable.Range(0, indices.Factors.Count).ToList();
        return all.Count <= MaxSobolFactors ? all : [.. all.OrderByDescending(i => double.IsFinite(indices.Total[i]) ? indices.Total[i] : double.NegativeInfinity).Take(MaxSobolFactors)];
    }

    /// <summary>What a chart leaves out, said in its caption.</summary>
    private static string Rest(SobolIndices indices)
    {
        var shown = Shown(indices);
        var rest = Enumerable.Range(0, indices.Factors.Count).Except(shown).ToList();
        return rest.Count == 0 ? "" : $" The chart shows the {shown.Count} factors of largest total index; the other {rest.Count} each have a total index below "
            + $"{NumberText.Percent(rest.Max(i => Math.Max(indices.Total[i], indices.TotalInterval[i].High)))} (its 95% interval included; all are in sobol.csv).";
    }

    /// <summary>
    /// One horizontal bar per input from the metric's mean over the input's lowest decile to its mean over the highest,
    /// around the overall mean, largest swing on top.
    /// </summary>
    public static Plot Tornado(Scenario scenario, Metric metric, IReadOnlyList<InputSensitivity> results, double overallMean)
    {
        var kind = OutputCatalogue.Of(metric).Kind;
        var plot = PlotStyle.NewPlot($"What drives {OutputCatalogue.Of(metric).Label}:\n{scenario.Name}",
            $"mean ({OutputCatalogue.Of(metric).Unit}) when the input is in its lowest / highest decile", "");
        var rows = results.Where(r => r.Metric == metric && double.IsFinite(r.Swing)).OrderByDescending(r => Math.Abs(r.Swing)).Take(MaxTornadoInputs).ToList();
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
                // An input whose swing could be 0 (its bootstrap interval holds 0) is drawn faded: no effect shown.
                FillColor = (r.Swing >= 0 ? PlotStyle.Main : PlotStyle.Accent).WithAlpha(r.SwingIncludesZero ? 0.3 : 1),
                Size = 0.7,
                LineWidth = 0,
            });
            ticks.Add(new Tick(position, $"{Words(scenario, r.Input)}  (rho {r.Spearman.ToString("0.00", CultureInfo.InvariantCulture)})"));
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        for (int i = 0; i < rows.Count; i++)
        {
            // Drawn over the bars, so that the part of an interval inside a bar shows too.
            Whisker(plot, rows.Count - 1 - i, rows[i].LowDecileInterval);
            Whisker(plot, rows.Count - 1 - i, rows[i].HighDecileInterval);
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => NumberText.Axis(v, kind) };
        var mean = plot.Add.VerticalLine(overallMean);
        mean.Color = PlotStyle.Muted;
        mean.LinePattern = LinePattern.Dashed;
        mean.LegendText = $"overall mean {NumberText.Axis(overallMean, kind)}";
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "input's high decile raises the metric", FillColor = PlotStyle.Main });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "input's high decile lowers the metric", FillColor = PlotStyle.Accent });
        if (rows.Any(r => double.IsFinite(r.SwingInterval.Low)))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "whiskers: 95% bootstrap interval of each decile's mean", LineColor = PlotStyle.Muted, LineWidth = 1.5f });
        }
        if (rows.Any(r => r.SwingIncludesZero))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "faded: swing not distinguishable from 0", FillColor = PlotStyle.Muted.WithAlpha(0.3) });
        }
        if (rows.Count > 0)
        {
            // Horizontal bars' bases are not in ScottPlot's automatic limits: set them from the data.
            double low = Math.Min(overallMean, rows.Min(r => Lowest(r.LowDecileMean, r.HighDecileMean, r.LowDecileInterval.Low, r.HighDecileInterval.Low)));
            double high = Math.Max(overallMean, rows.Max(r => Highest(r.LowDecileMean, r.HighDecileMean, r.LowDecileInterval.High, r.HighDecileInterval.High)));
            double margin = Math.Max(1e-9, 0.05 * (high - low));
            plot.Axes.SetLimits(low - margin, high + margin, -0.6, rows.Count - 0.4);
        }
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static void Whisker(Plot plot, double position, (double Low, double High) interval)
    {
        if (!double.IsFinite(interval.Low) || !double.IsFinite(interval.High))
        {
            return;
        }
        var line = plot.Add.Line(interval.Low, position, interval.High, position);
        line.Color = PlotStyle.Muted;
        line.LineWidth = 1.5f;
        foreach (double end in new[] { interval.Low, interval.High })
        {
            var cap = plot.Add.Line(end, position - 0.15, end, position + 0.15);
            cap.Color = PlotStyle.Muted;
            cap.LineWidth = 1.5f;
        }
    }

    /// <summary>An input in words with its dates ("dispatch from 2026-01"); the model's own randomness by its meaning.</summary>
    public static string Label(Scenario scenario, string factor) =>
        factor == ModelSobolAnalysis.NoiseFactor ? "the model's own randomness" : InputWords.Label(scenario, factor);

    /// <summary><see cref="Label"/> with a capital, to start a chart's row or a table's cell.</summary>
    public static string Words(Scenario scenario, string factor)
    {
        string label = Label(scenario, factor);
        return label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
    }

    private static double Lowest(params double[] values) => values.Where(double.IsFinite).Min();

    private static double Highest(params double[] values) => values.Where(double.IsFinite).Max();

    /// <summary>
    /// First-order and total Sobol indices per factor with their 95% intervals. An index is a share of
    /// variance and cannot be negative: a negative estimate is sampling noise around a true value near 0, so its bar is
    /// drawn at 0 and an index whose interval holds 0 is drawn faded, "not distinguishable from 0".
    /// </summary>
    public static Plot Sobol(Scenario scenario, Metric metric, SobolIndices indices)
    {
        var plot = PlotStyle.NewPlot($"Sobol indices of {OutputCatalogue.Of(metric).Label}: {scenario.Name}", "", "share of output variance");
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        double top = 0;
        bool anyZero = false;
        var intervals = new List<(double X, double Low, double High)>();
        var shown = Shown(indices);
        for (int k = 0; k < shown.Count; k++)
        {
            int i = shown[k];
            double center = 3 * k;
            foreach (var (offset, value, interval, color) in new[]
            {
                (-0.5, indices.FirstOrder[i], indices.FirstOrderInterval[i], PlotStyle.Main),
                (0.5, indices.Total[i], indices.TotalInterval[i], PlotStyle.Series(1)),
            })
            {
                bool zero = !(interval.Low > 0);
                anyZero |= zero;
                bars.Add(new Bar
                {
                    Position = center + offset,
                    Value = Math.Max(0, value),
                    Size = 0.9,
                    FillColor = color.WithAlpha(zero ? 0.25 : 1),
                    LineWidth = zero ? 1 : 0,
                    LineColor = color,
                });
                if (double.IsFinite(interval.Low) && double.IsFinite(interval.High))
                {
                    intervals.Add((center + offset, interval.Low, interval.High));
                    top = Math.Max(top, interval.High);
                }
                top = Math.Max(top, value);
            }
            ticks.Add(new Tick(center, LabelWrap.Lines(Words(scenario, indices.Factors[i]), ' ', 14)));
        }
        plot.Add.Bars(bars);
        foreach (var (x, low, high) in intervals)
        {
            // From 0 up where the interval reaches below it: a share of variance has no negative values.
            var line = plot.Add.Line(x, Math.Max(0, low), x, high);
            line.Color = PlotStyle.Muted;
            line.LineWidth = 1.5f;
            foreach (double end in low > 0 ? new[] { low, high } : [high])
            {
                var cap = plot.Add.Line(x - 0.3, end, x + 0.3, end);
                cap.Color = PlotStyle.Muted;
                cap.LineWidth = 1.5f;
            }
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        PlotStyle.FormatLeftAxis(plot, OutputKind.ZeroOne);
        plot.Axes.SetLimitsY(0, Math.Min(1.05, top * 1.1 + 0.02));
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "first order S_i (alone)", FillColor = PlotStyle.Main });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "total S_Ti (with interactions)", FillColor = PlotStyle.Series(1) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = indices.Replicates > 0 ? "lines: 95% interval (independent scramblings)" : "lines: 95% bootstrap interval", LineColor = PlotStyle.Muted, LineWidth = 1.5f });
        if (anyZero)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "faded: not distinguishable from 0 (negative estimates drawn at 0)", FillColor = PlotStyle.Muted.WithAlpha(0.25) });
        }
        PlotStyle.LegendBelow(plot);
        return plot;
    }

}
