using ScottPlot;
using Simulation.Core.Calibration;
using Simulation.Core.Catalogue;

namespace Simulation.Plotting;

/// <summary>The chart of a model choice: each scenario's posterior probability with its 95% band, against its prior.</summary>
public static class ModelChoicePlotter
{
    /// <summary>File of the chart.</summary>
    public const string ProbabilitiesFile = "model_probabilities.png";

    /// <summary>Every chart with its caption.</summary>
    public static IReadOnlyList<NamedChart> Charts(ModelChoiceCalibration choice) =>
    [
        new(ProbabilitiesFile, Probabilities(choice),
            "Each scenario's probability given the record (bars, with 95% bands: 1.96 standard errors of the weighted particles) against its probability before it (diamonds). "
                + "A scenario whose particles all died out has probability 0."),
    ];

    private static Plot Probabilities(ModelChoiceCalibration choice)
    {
        var result = choice.Choice;
        var plot = PlotStyle.NewPlot("Which scenario the record favours", "probability", "");
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var bars = new List<Bar>();
        int count = choice.Scenarios.Count;
        for (int m = 0; m < count; m++)
        {
            double y = count - 1 - m;
            double p = result.Probabilities[m], band = 1.959963984540054 * result.StandardErrors[m];
            bars.Add(new Bar
            {
                Position = y,
                Value = p,
                FillColor = PlotStyle.Series(m).WithAlpha(0.7),
                Size = 0.6,
                LineWidth = 1.5f,
                LineColor = Colors.Black,
                Error = band,
                ErrorSize = 0.2,
            });
            ticks.AddMajor(y, LabelWrap.Lines(choice.Scenarios[m].Name, '-', 18));
            var label = plot.Add.Text(result.DiedIn[m] is { } g ? $"0 (died out in generation {g})" : NumberText.Percent(p), Math.Min(p + band, 1) + 0.01, y);
            label.LabelFontSize = 12;
            label.LabelAlignment = Alignment.MiddleLeft;
            var prior = plot.Add.Marker(result.Prior[m], y, MarkerShape.FilledDiamond, 10);
            prior.Color = PlotStyle.Accent;
            if (m == 0)
            {
                prior.LegendText = "prior probability";
            }
        }
        var added = plot.Add.Bars(bars);
        added.Horizontal = true;
        plot.Axes.Left.TickGenerator = ticks;
        var shareTicks = new ScottPlot.TickGenerators.NumericManual();
        // Every 20%: eleven labels run into each other on a phone's narrower chart.
        for (int fifth = 0; fifth <= 5; fifth++)
        {
            shareTicks.AddMajor(fifth / 5.0, NumberText.Tick(fifth / 5.0, OutputKind.ZeroOne));
        }
        plot.Axes.Bottom.TickGenerator = shareTicks;
        plot.Axes.SetLimits(0, 1.3, -0.6, count - 0.4);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "given the record (whiskers: 95%)", FillColor = PlotStyle.Main.WithAlpha(0.7) });
        PlotStyle.LegendBelow(plot);
        return plot;
    }
}
