using ScottPlot;
using Simulation.Core.Catalogue;
using Simulation.Core.Discovery;
using Simulation.Core.Model;

namespace Simulation.Plotting;

/// <summary>Charts of scenario discovery: PRIM's coverage-density trade-off and the chosen box against each input's range.</summary>
public static class DiscoveryPlotter
{
    /// <summary>File of the limits chart.</summary>
    public const string LimitsFile = "prim_limits.png";

    /// <summary>File of the trade-off chart.</summary>
    public const string TradeoffFile = "prim_tradeoff.png";

    /// <summary>The limits and trade-off charts, with the captions a report puts under them.</summary>
    public static IReadOnlyList<NamedChart> Charts(DiscoveryResult result, string scenario, Scenario? words = null, string? question = null) =>
    [
        new(LimitsFile, Limits(result, scenario, words), "The box's limits within each restricted input's range in the runs, most significant first."),
        new(TradeoffFile, Tradeoff(result, scenario, question),
            "Every box PRIM passed through, from all runs (bottom right: coverage 100%, density the share among all runs) to the smallest it allows (top left), coloured by how many inputs each restricts; denser boxes hold fewer of the runs sought. prim_trajectory.csv has each box's limits."),
    ];

    /// <summary>Every box of the trajectory as coverage against density, coloured by how many inputs it restricts, the chosen box ringed.</summary>
    public static Plot Tradeoff(DiscoveryResult result, string scenario, string? question = null)
    {
        // The question in words when the caller has them ("remittances, total over the horizon above $1B").
        var plot = PlotStyle.NewPlot($"Boxes found for {question ?? result.Condition}: {scenario}", "coverage: share of all such runs inside the box", "density: share of the box's runs that are such runs");
        var steps = result.Trajectory.Steps;
        int most = steps.Max(s => s.RestrictedDimensions);
        var placed = new List<(double X, double Y)>();
        for (int restricted = 0; restricted <= most; restricted++)
        {
            var group = steps.Where(s => s.RestrictedDimensions == restricted).ToList();
            if (group.Count == 0)
            {
                continue;
            }
            var points = plot.Add.ScatterPoints(group.Select(s => s.Coverage).ToArray(), group.Select(s => s.Density).ToArray());
            points.Color = PlotStyle.Series(restricted);
            points.MarkerSize = 8;
            // The count is written beside each run of boxes rather than in a legend of up to a dozen colours; a label
            // that would sit on one already written (the first, barely restricted boxes crowd at 100% coverage) is left out.
            var middle = group[group.Count / 2];
            if (placed.Any(p => Math.Abs(p.X - middle.Coverage) < 0.12 && Math.Abs(p.Y - middle.Density) < 0.05))
            {
                // No room beside the points: the group is named in the legend instead, so every colour has its label.
                points.LegendText = restricted == 1 ? "1 input" : $"{restricted} inputs";
                continue;
            }
            placed.Add((middle.Coverage, middle.Density));
            var label = plot.Add.Text(restricted == 1 ? "1 input" : $"{restricted} inputs", middle.Coverage, middle.Density);
            label.LabelFontSize = 12;
            label.LabelFontColor = PlotStyle.Series(restricted);
            label.LabelBold = true;
            label.LabelAlignment = Alignment.UpperRight;
            label.OffsetX = -8;
            label.OffsetY = 4;
        }
        var chosen = result.Box;
        var ring = plot.Add.Marker(chosen.Coverage, chosen.Density, MarkerShape.OpenCircle, 22);
        ring.Color = PlotStyle.Accent;
        ring.LineWidth = 2.5f;
        // Short entries, so that the legend stays one row below the chart; the colours' meaning is in the caption.
        ring.LegendText = $"the box shown (step {chosen.Index}: coverage {NumberText.Percent(chosen.Coverage)}, density {NumberText.Percent(chosen.Density)})";
        var fraction = plot.Add.HorizontalLine((double)result.Data.HitCount / result.Data.Count);
        fraction.Color = PlotStyle.Muted;
        fraction.LinePattern = LinePattern.Dashed;
        fraction.LegendText = $"share among all runs ({NumberText.Percent((double)result.Data.HitCount / result.Data.Count)})";
        PlotStyle.FormatLeftAxis(plot, OutputKind.ZeroOne);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => NumberText.Tick(v, OutputKind.ZeroOne) };
        plot.Axes.SetLimits(-0.02, 1.04, 0, 1.04);
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>
    /// The chosen box's limit on each restricted input, within the range the input took in the runs, most significant
    /// first; inputs and limits in words where <paramref name="words"/>, the scenario the runs came from, is known.
    /// </summary>
    public static Plot Limits(DiscoveryResult result, string scenario, Scenario? words = null)
    {
        var plot = PlotStyle.NewPlot($"Where such runs concentrate: {scenario}", "position within the input's range in these runs (0 = smallest, 1 = largest)", "");
        var limits = result.QuasiPValues.OrderBy(p => p.PValue).ToList();
        if (limits.Count == 0)
        {
            plot.Add.Annotation("the box shown restricts no input", Alignment.MiddleCenter);
            plot.Axes.SetLimits(0, 1, 0, 1);
            return plot;
        }
        var initial = result.Trajectory.Initial;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < limits.Count; i++)
        {
            var limit = limits[i];
            double y = limits.Count - 1 - i;
            double low = initial.Lower[limit.Dimension];
            double width = initial.Upper[limit.Dimension] - low;
            double Scale(double v) => width > 0 ? (v - low) / width : 0.5;
            var range = plot.Add.Rectangle(0, 1, y - 0.3, y + 0.3);
            range.FillColor = PlotStyle.Muted.WithAlpha(0.15);
            range.LineWidth = 0;
            // A 0/1 input keeps one of its two values: drawn as that value alone ("0 only"), not as half the range.
            bool binary = result.Data.IsBinary(limit.Dimension);
            var (from, to) = !binary ? (Scale(limit.Lower), Scale(limit.Upper)) : limit.Upper < initial.Upper[limit.Dimension] ? (0.0, 0.04) : (0.96, 1.0);
            var box = plot.Add.Rectangle(from, to, y - 0.18, y + 0.18);
            box.FillColor = PlotStyle.Main.WithAlpha(0.8);
            box.LineWidth = 0;
            var reproduced = result.Reproducibility[limit.Dimension];
            string within = binary
                ? InputWords.Limit(words, result.Data, limit.Dimension, limit.Lower, limit.Upper, low, initial.Upper[limit.Dimension]) + "\n"
                : $"{InputWords.Range(words, limit.Name, limit.Lower, limit.Upper)}\nof {InputWords.Range(words, limit.Name, low, initial.Upper[limit.Dimension], unit: false)}; ";
            var text = plot.Add.Text($"{within}"
                + $"quasi-p {PValue(limit.PValue)}; in {NumberText.Percent(reproduced.ByCoverage)} of resamples", 1.04, y);
            text.LabelFontSize = 11;
            text.LabelAlignment = Alignment.MiddleLeft;
            ticks.AddMajor(y, LabelWrap.Lines(InputWords.Label(words, limit.Name), ' ', 24));
            if (i == 0)
            {
                range.LegendText = "range of the input in the runs";
                box.LegendText = "limits of the box shown";
            }
        }
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        plot.Axes.SetLimits(-0.05, 2.1, -0.7, limits.Count - 0.3);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([new Tick(0, "0"), new Tick(0.5, "0.5"), new Tick(1, "1")]);
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>A p-value to two significant figures, "&lt; 1e-300" when it underflows.</summary>
    public static string PValue(double p) =>
        // Below 1e-10 a binomial tail says only "far below any threshold"; its digits are rounding in the tail sum.
        p < 1e-10 ? "< 1e-10" : p >= 0.001 ? p.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : p.ToString("0.0e0", System.Globalization.CultureInfo.InvariantCulture);
}
