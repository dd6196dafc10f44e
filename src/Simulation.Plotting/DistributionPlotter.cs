using ScottPlot;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Summaries;

namespace Simulation.Plotting;

/// <summary>The charts of a run that answer "how likely is more than x?" and "how much in each year?".</summary>
public static class DistributionPlotter
{
    /// <summary>
    /// P(metric &gt; x) against x (the complementary distribution function) over all runs, as steps at the sketch's
    /// bucket edges with a 95% Monte Carlo band; thresholds asked for with --threshold are marked with their probability.
    /// </summary>
    public static Plot ExceedanceCurve(MonteCarloResult result, Metric metric, string title, IReadOnlyList<ThresholdProbability>? thresholds = null)
    {
        var summary = result.Of(metric);
        var output = OutputCatalogue.Of(metric);
        var plot = PlotStyle.NewPlot(title, $"x: {output.Axis}", "P(more than x)");
        var points = Exceedance.Curve(summary.Distribution, result.Runs);
        if (points.Count == 0)
        {
            plot.Add.Annotation("no run produced this outcome");
            plot.Axes.SetLimits(0, 1, 0, 1);
            return plot;
        }
        // Steps: just below each bucket edge the share at or above it holds, and it holds until the next edge; the
        // curve ends at the largest value, beyond which no run lies.
        var xs = new List<double>(points.Count + 2);
        var ps = new List<double>(points.Count + 2);
        double left = Math.Min(0, points[0].Value);
        xs.Add(left);
        ps.Add(points[0].Probability);
        for (int i = 0; i < points.Count; i++)
        {
            xs.Add(points[i].Value);
            ps.Add(i + 1 < points.Count ? points[i + 1].Probability : 0);
        }
        double largest = summary.Statistics.Max;
        xs.Add(Math.Max(largest, points[^1].Value));
        ps.Add(0);
        double[] x = [.. xs];
        double[] p = [.. ps];
        double[] se = new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            se[i] = Math.Sqrt(p[i] * (1 - p[i]) / result.Runs);
        }
        var line = PlotStyle.ProbabilityWithBand(plot, x, p, se, "share of runs above x");
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        var kind = OutputCatalogue.Of(metric).Kind;
        foreach (var threshold in thresholds ?? [])
        {
            if (threshold.Metric != metric)
            {
                continue;
            }
            var probability = threshold.Probability;
            var mark = plot.Add.Marker(probability.Threshold, probability.Probability);
            mark.Color = PlotStyle.Accent;
            mark.Size = 11;
            mark.LegendText = $"P(> {NumberText.Of(probability.Threshold, kind)}) = {NumberText.Percent(probability.Probability)} ± {NumberText.Points(probability.StandardError)} points";
        }
        PlotStyle.FormatBottomAxis(plot, output.Kind);
        PlotStyle.FormatLeftAxis(plot, OutputKind.ZeroOne);
        plot.Axes.SetLimitsY(0, 1.02);
        // The axis ends where the curve has all but reached 0 (0.1% of runs above), not at the largest run: a long
        // tail would otherwise squeeze the curve into the left edge of a chart that is mostly a flat line at 0.
        double right = largest;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] <= TailShare)
            {
                right = x[i];
                break;
            }
        }
        foreach (var threshold in thresholds ?? [])
        {
            if (threshold.Metric == metric)
            {
                right = Math.Max(right, Math.Min(largest, threshold.Probability.Threshold * 1.05));
            }
        }
        if (right < largest)
        {
            var note = plot.Add.Annotation($"axis ends where {NumberText.Percent(TailShare)} of runs remain above; the largest run: {NumberText.Of(largest, kind)}", Alignment.UpperRight);
            note.LabelBackgroundColor = Colors.White;
            note.LabelBorderColor = PlotStyle.Muted;
            note.LabelFontColor = PlotStyle.Muted;
            note.LabelShadowColor = Colors.Transparent;
        }
        plot.Axes.SetLimitsX(left, Math.Max(right, left + 1) * 1.02);
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>The share of runs above the end of an exceedance chart's x axis (when the largest run lies further out).</summary>
    public const double TailShare = 0.001;

    /// <summary>
    /// Remittances summed over each calendar year: a box per year (middle half of the runs, whiskers to p5 and p95, a
    /// line at the median), partial years at the ends of the horizon named with their months.
    /// </summary>
    public static Plot AnnualRemittances(MonteCarloResult result)
    {
        var plot = PlotStyle.NewPlot($"Remittances to the state per calendar year: {result.Scenario.Name}", "calendar year", "USD in the year");
        var years = result.AnnualRemittances;
        var boxes = new List<Box>(years.Count);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        double largest = 0;
        for (int y = 0; y < years.Count; y++)
        {
            var s = years[y].Statistics;
            boxes.Add(new Box
            {
                Position = y,
                BoxMin = s.P25,
                BoxMax = s.P75,
                BoxMiddle = s.P50,
                WhiskerMin = s.P5,
                WhiskerMax = s.P95,
                FillColor = PlotStyle.Main.WithAlpha(0.35),
            });
            largest = Math.Max(largest, s.P95);
            string label = years[y].IsPartial
                ? $"{years[y].Year}\n({MonthName(years[y].First.Month)}-{MonthName(years[y].Last.Month)})"
                : years[y].Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ticks.AddMajor(y, label);
        }
        var added = plot.Add.Boxes(boxes);
        added.LegendText = "box: middle 50% of runs; whiskers: 90%; line: median";
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(-0.6, years.Count - 0.4);
        PlotStyle.FormatLeftAxis(plot, OutputKind.Money);
        plot.Axes.Margins(bottom: 0);
        PlotStyle.NonNegativeY(plot, largest * 1.05, OutputKind.Money);
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    private static string MonthName(int month) =>
        System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(month);
}
