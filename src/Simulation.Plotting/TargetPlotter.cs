using ScottPlot;
using Simulation.Core.Catalogue;
using Simulation.Core.Decisions;

namespace Simulation.Plotting;

/// <summary>
/// Charts of <c>laborsim target</c>: P(condition) against the lever with its 95% band, the bound and the answer
/// marked; with two levers, the frontier of the weakest second-lever setting for each value of the first.
/// </summary>
public static class TargetPlotter
{
    /// <summary>File of the probability chart (one lever).</summary>
    public const string ProbabilityFile = "target.png";

    /// <summary>File of the frontier chart (two levers).</summary>
    public const string FrontierFile = "frontier.png";

    /// <summary>The chart, with the caption a report puts under it.</summary>
    public static IReadOnlyList<NamedChart> Charts(TargetAnalysis analysis)
    {
        string goal = $"P({ConditionWords.Of(analysis.Condition, analysis.Scenario)}) at most {NumberText.PercentAsGiven(analysis.Options.AtMost)}";
        if (analysis.Single is { } single)
        {
            return [new(ProbabilityFile, Probability(analysis, single),
                $"P({ConditionWords.Of(analysis.Condition, analysis.Scenario)}) at each setting of {InputWords.Label(analysis.Scenario, analysis.Levers[0].KeyPath)} evaluated, "
                + $"every setting on the same {analysis.Futures:N0} futures, with its 95% Monte Carlo band; the dashed line is the bound ({goal}), the vertical line the weakest setting meeting it, "
                + "judged by the one-sided upper confidence bound (crosses).")];
        }
        return [new(FrontierFile, Frontier(analysis),
            $"For each setting of {InputWords.Label(analysis.Scenario, analysis.Levers[0].KeyPath)}, the weakest setting of {InputWords.Label(analysis.Scenario, analysis.Levers[1].KeyPath)} "
            + $"that keeps {goal} (judged by the upper confidence bound): every pair on the stronger side of the line meets it, if P falls as each lever strengthens.")];
    }

    private static Plot Probability(TargetAnalysis analysis, TargetResult search)
    {
        var s = analysis.Scenario;
        string lever = analysis.Levers[0].KeyPath;
        var plot = PlotStyle.NewPlot($"P({ConditionWords.Of(analysis.Condition, s)}) against {InputWords.Label(s, lever)}",
            SweepPlotter.LeverAxis(s, lever), "probability");
        var sorted = search.Points.OrderBy(p => p.Value).ToList();
        double[] xs = [.. sorted.Select(p => p.Value)];
        PlotStyle.ProbabilityWithBand(plot, xs, [.. sorted.Select(p => p.P)], [.. sorted.Select(p => p.Se)], "P at each setting evaluated").MarkerSize = 6;
        var upper = plot.Add.ScatterPoints(xs, sorted.Select(p => p.Upper).ToArray());
        upper.MarkerShape = MarkerShape.Cross;
        upper.MarkerSize = 8;
        upper.Color = PlotStyle.Muted;
        upper.LegendText = analysis.Options.Confidence is { } c ? $"upper {NumberText.Tick(c, OutputKind.ZeroOne)} bound that judges it" : "the estimate judges it";
        var bound = plot.Add.HorizontalLine(analysis.Options.AtMost);
        bound.Color = PlotStyle.Accent;
        bound.LinePattern = LinePattern.Dashed;
        bound.LineWidth = 2;
        bound.LegendText = $"bound: {NumberText.PercentAsGiven(analysis.Options.AtMost)}";
        if (search.Answer is { } answer)
        {
            var line = plot.Add.VerticalLine(answer);
            line.Color = PlotStyle.Accent;
            line.LineWidth = 2;
            line.LegendText = $"weakest setting meeting it: {NumberText.Plain(answer)}";
        }
        else
        {
            plot.Add.Annotation("no setting in the lever's range meets the bound", Alignment.UpperCenter);
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => NumberText.Tick(v, OutputKind.ZeroOne) };
        double top = Math.Max(analysis.Options.AtMost, sorted.Max(p => Math.Max(p.Upper, p.P + 1.96 * p.Se)));
        plot.Axes.SetLimitsY(0, Math.Min(1.02, top * 1.1 + 0.005));
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    private static Plot Frontier(TargetAnalysis analysis)
    {
        var s = analysis.Scenario;
        string first = analysis.Levers[0].KeyPath, second = analysis.Levers[1].KeyPath;
        var plot = PlotStyle.NewPlot($"Weakest {InputWords.Bare(s, second)} for each {InputWords.Bare(s, first)}: {s.Name}",
            $"{InputWords.Label(s, first)} ({first})", $"{InputWords.Label(s, second)}");
        var found = analysis.Frontier.Where(f => f.Search.Answer is not null).OrderBy(f => f.First).ToList();
        var range = analysis.Options;
        double strongestSecond = range.StrongestIsLower ? range.Low : range.High;
        if (found.Count > 0)
        {
            var region = plot.Add.FillY(found.Select(f => f.First).ToArray(), found.Select(f => f.Search.Answer!.Value).ToArray(),
                found.Select(_ => strongestSecond).ToArray());
            region.FillColor = PlotStyle.Main.WithAlpha(0.15);
            region.LineWidth = 0;
            region.LegendText = $"P({ConditionWords.Of(analysis.Condition, s)}) at most {NumberText.PercentAsGiven(range.AtMost)}";
            var line = plot.Add.Scatter(found.Select(f => f.First).ToArray(), found.Select(f => f.Search.Answer!.Value).ToArray());
            line.Color = PlotStyle.Main;
            line.LineWidth = 2.5f;
            line.MarkerSize = 8;
            line.LegendText = "weakest setting of the second lever meeting the bound";
        }
        var never = analysis.Frontier.Where(f => f.Search.Answer is null).ToList();
        if (never.Count > 0)
        {
            var missing = plot.Add.ScatterPoints(never.Select(f => f.First).ToArray(), never.Select(_ => strongestSecond).ToArray());
            missing.MarkerShape = MarkerShape.Eks;
            missing.MarkerSize = 12;
            missing.Color = PlotStyle.Accent;
            missing.LegendText = "no setting of the second lever meets it";
        }
        var firstRange = analysis.FirstLever!;
        double padX = (firstRange.High - firstRange.Low) * 0.03, padY = (range.High - range.Low) * 0.03;
        plot.Axes.SetLimits(firstRange.Low - padX, firstRange.High + padX, range.Low - padY, range.High + padY);
        PlotStyle.LegendBelow(plot);
        return plot;
    }
}
