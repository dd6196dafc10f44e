using System.Globalization;
using ScottPlot;
using Simulation.Core.Calibration;
using Simulation.Core.Catalogue;
using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Plotting;

/// <summary>
/// Charts of a calibration: each input's prior against its posterior, the posterior's pairs, and for each observed
/// series the posterior predictive with the observations and their errors on top.
/// </summary>
public static class CalibrationPlotter
{
    /// <summary>File of the prior-against-posterior chart.</summary>
    public const string MarginalsFile = "posterior_marginals.png";

    /// <summary>File of the pairs chart.</summary>
    public const string PairsFile = "posterior_pairs.png";

    /// <summary>Most inputs in the pairs chart: more cells than this are too small to read.</summary>
    public const int MaxPairInputs = 5;

    /// <summary>File of the fit chart of <paramref name="series"/>.</summary>
    public static string FitFile(string series) => $"fit_{series}.png";

    /// <summary>Every chart with its caption, in report order.</summary>
    public static IReadOnlyList<NamedChart> Charts(CalibrationResult result)
    {
        var charts = new List<NamedChart>();
        foreach (string series in ObservedSeries(result))
        {
            bool level = ObservationSet.IsLevelSeries(Definition(result, series));
            charts.Add(new(FitFile(series), Fit(result, series), level
                ? $"The calibrated scenario's {Definition(result, series).Label} month by month (median, 50% and 90% of {result.PredictiveRuns.Runs:N0} runs) with the observations and their 90% error intervals; a bound is an arrow pointing to the side it allows."
                : $"The calibrated scenario's {Definition(result, series).Label} summed over each observed period (box: 50% and 90% of {result.PredictiveRuns.Runs:N0} runs, line: median) with the observations and their 90% error intervals; a bound is an arrow pointing to the side it allows."));
        }
        charts.Add(new(MarginalsFile, Marginals(result),
            "Each calibrated input's posterior 90% interval and median (dark) on its prior's 90% interval (light, scaled to the same width for every input), inputs the data pin down most on top."));
        charts.Add(new(PairsFile, Pairs(result),
            $"Posterior particles (resampled by weight) of the {Math.Min(MaxPairInputs, result.Inputs.Count)} inputs the data pin down most, pair by pair: a slanted cloud means the data fix a combination of the two, not each alone."));
        if (result.HistoryMatch is { } match)
        {
            charts.AddRange(HistoryMatchPlotter.Charts(match));
        }
        return charts;
    }

    /// <summary>The file names of <see cref="Charts"/>.</summary>
    public static IReadOnlyList<string> FileNames(CalibrationResult result) =>
        [.. ObservedSeries(result).Select(FitFile), MarginalsFile, PairsFile, .. result.HistoryMatch is { Result.Count: >= 2 } ? [HistoryMatchPlotter.PairsFile] : Array.Empty<string>()];

    /// <summary>Observed series in order of first appearance.</summary>
    public static IReadOnlyList<string> ObservedSeries(CalibrationResult result) =>
        result.Observations.Observations.Select(o => o.Series).Distinct().ToList();

    /// <summary>Each input's posterior 90% interval within its prior's, most narrowed first.</summary>
    public static Plot Marginals(CalibrationResult result)
    {
        var plot = PlotStyle.NewPlot($"What the data say about each input: {result.Prior.Name}", "position within the prior's 90% interval (0 = prior p5, 1 = prior p95)", "");
        var inputs = result.Inputs.OrderBy(i => double.IsNaN(i.WidthRatio) ? 2 : i.WidthRatio).ToList();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            double y = inputs.Count - 1 - i;
            double low = input.Prior.P5, width = input.Prior.Width90 > 0 ? input.Prior.Width90 : 1;
            double Scale(double v) => (v - low) / width;
            var prior = plot.Add.Rectangle(0, 1, y - 0.3, y + 0.3);
            prior.FillColor = PlotStyle.Muted.WithAlpha(0.15);
            prior.LineWidth = 0;
            var posterior = plot.Add.Rectangle(Scale(input.Posterior.P5), Scale(input.Posterior.P95), y - 0.18, y + 0.18);
            posterior.FillColor = PlotStyle.Main.WithAlpha(0.8);
            posterior.LineWidth = 0;
            var median = plot.Add.Marker(Scale(input.Posterior.P50), y, MarkerShape.FilledDiamond, 9);
            median.Color = PlotStyle.Accent;
            var text = plot.Add.Text($"{NumberText.Plain(input.Posterior.P5)} to {NumberText.Plain(input.Posterior.P95)} (prior {NumberText.Plain(input.Prior.P5)} to {NumberText.Plain(input.Prior.P95)})",
                1.04, y);
            text.LabelFontSize = 11;
            text.LabelAlignment = Alignment.MiddleLeft;
            ticks.AddMajor(y, Capital(InputWords.Label(result.Prior, input.KeyPath)));
            if (i == 0)
            {
                prior.LegendText = "prior, 90% interval";
                posterior.LegendText = "posterior, 90% interval";
                median.LegendText = "posterior median";
            }
        }
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        double left = Math.Min(-0.1, inputs.Count > 0 ? inputs.Min(i => (i.Posterior.P5 - i.Prior.P5) / Math.Max(i.Prior.Width90, 1e-300)) - 0.05 : -0.1);
        plot.Axes.SetLimits(left, 1.9, -0.7, inputs.Count - 0.3);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([new Tick(0, "0"), new Tick(0.5, "0.5"), new Tick(1, "1")]);
        PlotStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>A scatter matrix of the most narrowed inputs' posterior, drawn in one chart: cell (row, column) plots input row against input column.</summary>
    public static Plot Pairs(CalibrationResult result)
    {
        var chosen = result.Inputs.Select((input, index) => (input, index))
            .OrderBy(p => double.IsNaN(p.input.WidthRatio) ? 2 : p.input.WidthRatio).Take(MaxPairInputs).ToList();
        var plot = PlotStyle.NewPlot($"How the calibrated inputs move together (posterior): {result.Prior.Name}", "", "");
        var abc = result.Abc;
        // Particles have weights; a fixed resample by weight shows the posterior itself.
        var alias = new AliasTable(abc.Weights);
        var rng = StreamKey.Generator(1, 0, 1);
        int points = Math.Min(600, abc.Count * 2);
        var drawn = new int[points];
        for (int p = 0; p < points; p++)
        {
            drawn[p] = alias.Sample(ref rng);
        }
        var diagonal = chosen.Select(c => $"{Wrap(Capital(InputWords.Label(result.Prior, c.input.KeyPath)))}\n{NumberText.Plain(c.input.Posterior.P5)} to {NumberText.Plain(c.input.Posterior.P95)}").ToList();
        PairsMatrix.Draw(plot, diagonal, points, (p, a) => abc.Value(drawn[p], chosen[a].index),
            "each cell: the column's input across, the row's input up, each over its posterior range (diagonal)");
        return plot;
    }

    /// <summary>The posterior predictive of one observed series with the observations on top.</summary>
    public static Plot Fit(CalibrationResult result, string series) =>
        RecordPlotter.Fit(result.PredictiveRuns, result.Fits, series, $"{Capital(Definition(result, series).Label)}: calibrated {result.Prior.Name} and the record");

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A key path broken at dots into lines of at most about 24 characters, to fit a cell.</summary>
    internal static string Wrap(string label) => LabelWrap.Lines(label, ' ', 24);

    private static OutputDefinition Definition(CalibrationResult result, string series) => result.PredictiveRuns.Series[IndexOf(result.PredictiveRuns.Series, series)];

    private static int IndexOf(IReadOnlyList<OutputDefinition> series, string name) => RecordPlotter.IndexOf(series, name);
}
