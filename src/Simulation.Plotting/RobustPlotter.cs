using ScottPlot;
using Simulation.Core.Catalogue;
using Simulation.Core.Decisions;

namespace Simulation.Plotting;

/// <summary>
/// Charts of <c>laborsim robust</c>: each measure's distribution under every policy on one axis, the regret of each
/// policy, the satisficing shares with their 95% bands, and where each policy fails.
/// </summary>
public static class RobustPlotter
{
    /// <summary>File of a measure's distributions.</summary>
    public static string DistributionFile(Measure measure) => $"robust_{measure.Name}.png";

    /// <summary>File of a measure's regrets.</summary>
    public static string RegretFile(Measure measure) => $"regret_{measure.Name}.png";

    /// <summary>File of the satisficing shares.</summary>
    public const string SatisficingFile = "satisficing.png";

    /// <summary>File of a policy's failure box.</summary>
    public static string FailureFile(string policy) => $"failures_{policy}.png";

    /// <summary>Every chart, in report order, with its caption.</summary>
    public static IReadOnlyList<NamedChart> Charts(RobustResult result)
    {
        var charts = new List<NamedChart>();
        string name = result.Scenario.Name;
        for (int j = 0; j < result.Table.Measures.Count; j++)
        {
            var measure = result.Table.Measures[j];
            int m = j;
            string better = measure.Goal == Goal.Minimise ? "lower is better" : "higher is better";
            if (measure.Kind != OutputKind.ZeroOne)
            {
                charts.Add(new(DistributionFile(measure),
                    Boxes($"{Capital(measure.Label)} under each policy: {name}", measure.Kind, result, k => Sorted(result.Table, k, m), $"{measure.Label} ({better})"),
                    $"{Capital(measure.Label)} in the same {result.Table.Runs:N0} futures under each policy: the box holds the middle half of the futures, the whiskers 90%, the line is the median and the dot the mean ({better})."));
            }
            charts.Add(new(RegretFile(measure),
                Boxes($"Regret on {measure.Label}: {name}", measure.Kind, result, k => Regrets(result.Table, k, m), $"regret: how much worse than the best policy in the same future"),
                $"Regret on {measure.Label}: in each future, how much worse each policy does than the best policy in that future (0 = the best there). Box: middle half of the futures; whiskers: 90%; dot: mean."));
        }
        if (result.Satisfice is { } condition)
        {
            charts.Add(new(SatisficingFile, Satisficing(result),
                $"Share of futures in which each policy meets the goal ({ConditionWords.Of(condition, result.Scenario)}), with its 95% Monte Carlo band."));
        }
        foreach (var failure in result.Failures.Where(f => f.Box is not null))
        {
            var plot = DiscoveryPlotter.Limits(failure.Box!, name, result.Scenario);
            plot.Axes.Title.Label.Text = $"Where {failure.Policy} fails: {name}";
            charts.Add(new(FailureFile(failure.Policy), plot,
                $"The futures where {failure.Policy} {Failing(result)} ({NumberText.Percent(failure.Share)} of futures) concentrate where each input lies in its dark range (PRIM's box, as discover finds it)."));
        }
        return charts;
    }

    /// <summary>
    /// What failing means in this analysis, as a verb phrase: "misses the goal (remittances, total over the horizon below
    /// $1B)", or "falls more than $200M short of the best policy in the same future on remittances, total over the horizon".
    /// </summary>
    /// <param name="result">The analysis.</param>
    /// <param name="brief">"misses the goal" alone, where the goal is stated nearby.</param>
    public static string Failing(RobustResult result, bool brief = false)
    {
        if (result.Satisfice is { } condition)
        {
            return brief ? "misses the goal" : $"misses the goal ({ConditionWords.Of(condition, result.Scenario)})";
        }
        var measure = result.Table.Measures[0];
        return result.Regret is { } bound
            ? $"falls more than {NumberText.Tick(bound, measure.Kind)} short of the best policy in the same future on {measure.Label}"
            : "fails";
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static double[] Sorted(FuturesTable table, int policy, int measure)
    {
        var values = new List<double>(table.Runs);
        for (int f = 0; f < table.Runs; f++)
        {
            double v = table.Value(f, policy, measure);
            if (!double.IsNaN(v))
            {
                values.Add(v);
            }
        }
        values.Sort();
        return [.. values];
    }

    private static double[] Regrets(FuturesTable table, int policy, int measure)
    {
        var regrets = new List<double>(table.Runs);
        for (int f = 0; f < table.Runs; f++)
        {
            double r = RobustAnalysis.RegretOf(table, f, policy, measure);
            if (!double.IsNaN(r))
            {
                regrets.Add(r);
            }
        }
        regrets.Sort();
        return [.. regrets];
    }

    /// <summary>Horizontal boxes, one per policy (first on top): p25-p75 box, p5-p95 whiskers, median line, mean dot.</summary>
    private static Plot Boxes(string title, OutputKind kind, RobustResult result, Func<int, double[]> values, string axis)
    {
        var plot = PlotStyle.NewPlot(title, axis, "");
        var policies = result.Table.Policies;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (int k = 0; k < policies.Count; k++)
        {
            var sorted = values(k);
            double y = policies.Count - 1 - k;
            ticks.AddMajor(y, Wrap(policies[k]));
            if (sorted.Length == 0)
            {
                continue;
            }
            double P(double q) => RobustAnalysis.Percentile(sorted, q);
            double mean = sorted.Average();
            var whisker = plot.Add.Line(P(0.05), y, P(0.95), y);
            whisker.Color = PlotStyle.Muted;
            whisker.LineWidth = 1.5f;
            var box = plot.Add.Rectangle(P(0.25), Math.Max(P(0.75), P(0.25)), y - 0.25, y + 0.25);
            box.FillColor = PlotStyle.Series(k).WithAlpha(0.45);
            box.LineColor = PlotStyle.Series(k);
            box.LineWidth = 1;
            var median = plot.Add.Line(P(0.5), y - 0.25, P(0.5), y + 0.25);
            median.Color = PlotStyle.Series(k);
            median.LineWidth = 3;
            var dot = plot.Add.Marker(mean, y, MarkerShape.FilledCircle, 9);
            dot.Color = Colors.Black;
            if (k == 0)
            {
                box.LegendText = "middle 50% of futures";
                whisker.LegendText = "90% of futures";
                dot.LegendText = "mean";
            }
            low = Math.Min(low, P(0.05));
            high = Math.Max(high, P(0.95));
        }
        plot.Axes.Left.TickGenerator = ticks;
        PlotStyle.FormatBottomAxis(plot, kind);
        if (double.IsFinite(low))
        {
            double margin = Math.Max(1e-9, 0.05 * (high - low));
            plot.Axes.SetLimits(Math.Min(0, low) - (low >= 0 ? 0 : margin), high + margin, -0.6, policies.Count - 0.4);
        }
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>Each policy's satisficing share with its 95% band (1.96 standard errors), as horizontal bars.</summary>
    private static Plot Satisficing(RobustResult result)
    {
        var plot = PlotStyle.NewPlot($"Futures meeting the goal ({ConditionWords.Of(result.Satisfice!, result.Scenario)}): {result.Scenario.Name}", "share of futures", "");
        var scores = result.ScoresOf(result.Table.Measures[0]);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var bars = new List<Bar>();
        for (int k = 0; k < scores.Count; k++)
        {
            double y = scores.Count - 1 - k;
            double share = scores[k].Satisficing ?? double.NaN;
            double band = 1.959963984540054 * (scores[k].SatisficingSe ?? 0);
            bars.Add(new Bar
            {
                Position = y,
                Value = share,
                FillColor = PlotStyle.Series(k).WithAlpha(0.7),
                Size = 0.6,
                // The error whiskers take the bar's line.
                LineWidth = 1.5f,
                LineColor = Colors.Black,
                Error = band,
                ErrorSize = 0.2,
            });
            ticks.AddMajor(y, Wrap(scores[k].Policy));
            var label = plot.Add.Text(NumberText.Percent(share), Math.Min(share + band, 1) + 0.01, y);
            label.LabelFontSize = 12;
            label.LabelAlignment = Alignment.MiddleLeft;
        }
        var added = plot.Add.Bars(bars);
        added.Horizontal = true;
        plot.Axes.Left.TickGenerator = ticks;
        // The axis runs past 100% only to make room for the labels; its ticks stop at 100%, which no share exceeds.
        var shareTicks = new ScottPlot.TickGenerators.NumericManual();
        for (int tenth = 0; tenth <= 10; tenth++)
        {
            shareTicks.AddMajor(tenth / 10.0, NumberText.Tick(tenth / 10.0, OutputKind.ZeroOne));
        }
        plot.Axes.Bottom.TickGenerator = shareTicks;
        plot.Axes.SetLimits(0, 1.12, -0.6, scores.Count - 0.4);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "share of futures meeting the condition; whiskers: 95% Monte Carlo band", FillColor = PlotStyle.Main.WithAlpha(0.7) });
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>A policy's name on lines of at most about 16 characters, broken at its dashes.</summary>
    public static string Wrap(string name) => LabelWrap.Lines(name, '-', 16);
}
