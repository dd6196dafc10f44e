using ScottPlot;
using Simulation.Core.Calibration;
using Simulation.Core.Catalogue;
using Simulation.Core.Decisions;
using Simulation.Core.Model;

namespace Simulation.Plotting;

/// <summary>
/// Charts of <c>laborsim voi</c>: the share of the forecast's variance each input and each planned observation would
/// remove, ranked, with 95% intervals; and, with policies, what learning each input is worth to the decision.
/// </summary>
public static class VoiPlotter
{
    /// <summary>File of the inputs' chart.</summary>
    public const string InputsFile = "voi_inputs.png";

    /// <summary>File of the planned observations' chart.</summary>
    public const string ObservationsFile = "voi_observations.png";

    /// <summary>File of the decision's chart.</summary>
    public const string DecisionFile = "voi_decision.png";

    /// <summary>Every chart, with its caption.</summary>
    public static IReadOnlyList<NamedChart> Charts(VoiAnalysis analysis)
    {
        var s = analysis.Scenario;
        string measure = analysis.Measure.Label;
        var charts = new List<NamedChart>();
        if (analysis.Observations.Count > 0)
        {
            charts.Add(new(ObservationsFile, Bars($"What each planned observation would tell: {s.Name}",
                    $"share of the variance of {measure} it would remove", OutputKind.ZeroOne,
                    analysis.Observations.Select(o => (ObservationWords(s, o.Observation), o.Estimate.Value / analysis.Variance, o.Estimate.Se / analysis.Variance)).ToList(), null),
                $"Each planned observation, simulated with its error in every run: the share of the variance of {measure} that seeing it would remove (Var(E[M | D]) / Var(M)), with a 95% interval."));
        }
        if (analysis.Inputs.Count > 0)
        {
            charts.Add(new(InputsFile, Bars($"What learning each input exactly would tell: {s.Name}",
                    $"share of the variance of {measure} it would remove", OutputKind.ZeroOne,
                    analysis.Inputs.Select(i => (InputWords.Label(s, i.Input), i.Estimate.Value / analysis.Variance, i.Estimate.Se / analysis.Variance)).ToList(), null),
                $"Each uncertain input learnt exactly: the share of the variance of {measure} removed (Var(E[M | X]) / Var(M), the first-order Sobol index), with a 95% interval. An upper limit on what any observation of that input can do."));
        }
        if (analysis.Evpi is { } evpi)
        {
            charts.Add(new(DecisionFile, Bars($"What learning each input is worth to the choice of policy: {s.Name}",
                    $"expected {measure} saved by choosing with it known", analysis.Measure.Kind,
                    analysis.DecisionInputs.Select(i => (InputWords.Label(s, i.Input), i.Estimate.Value, i.Estimate.Se)).ToList(), (evpi.Value, "everything known (EVPI)")),
                $"The expected improvement in {measure} from choosing among the {analysis.Policies.Count} policies knowing each input (EVPPI), against choosing {analysis.BestOnAverage} "
                + "(best on average) now; the dashed line is the value of knowing everything (EVPI). 95% intervals."));
        }
        return charts;
    }

    /// <summary>A planned observation in words: "arrivals (study), 2027Q1, ±10%".</summary>
    public static string ObservationWords(Scenario scenario, Observation observation)
    {
        var definition = scenario.SeriesDefinitions().FirstOrDefault(d => d.Name == observation.Series);
        string label = definition?.Label ?? observation.Series;
        // A flow observed over more than a month is its sum over the period, not a monthly figure.
        string series = definition is not null && !ObservationSet.IsLevelSeries(definition) && observation.First != observation.Last
            ? $"{label.Replace(" per month", "", StringComparison.Ordinal)} summed over {observation.Period}"
            : $"{label}, {observation.Period}";
        string error = observation.ErrorKind switch
        {
            ObservationErrorKind.Relative => $"±{NumberText.PercentAsGiven(observation.Error)}",
            ObservationErrorKind.LogNormal => $"log error {NumberText.Plain(observation.Error)}",
            ObservationErrorKind.Poisson => "counting noise",
            ObservationErrorKind.Upper => $"an upper bound (up to {NumberText.PercentAsGiven(observation.Error)} over)",
            _ => $"a lower bound (up to {NumberText.PercentAsGiven(observation.Error)} under)",
        };
        return $"{series}, {error}";
    }

    private static Plot Bars(string title, string axis, OutputKind kind, List<(string Label, double Value, double Se)> rows, (double Value, string Label)? reference)
    {
        var plot = PlotStyle.NewPlot(title, axis, "");
        var ranked = rows.OrderByDescending(r => r.Value).ToList();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var bars = new List<Bar>();
        double top = reference?.Value ?? 0;
        for (int k = 0; k < ranked.Count; k++)
        {
            double y = ranked.Count - 1 - k;
            var (label, value, se) = ranked[k];
            double band = 1.959963984540054 * se;
            bars.Add(new Bar
            {
                Position = y,
                Value = value,
                FillColor = PlotStyle.Main.WithAlpha(0.75),
                Size = 0.6,
                LineWidth = 1.5f,
                LineColor = Colors.Black,
                Error = band,
                ErrorSize = 0.2,
            });
            ticks.AddMajor(y, LabelWrap.Lines(label, ' ', 28));
            var text = plot.Add.Text(kind == OutputKind.ZeroOne ? NumberText.Percent(value) : NumberText.Of(value, kind), value + band, y);
            text.LabelFontSize = 12;
            text.LabelAlignment = Alignment.MiddleLeft;
            text.OffsetX = 6;
            top = Math.Max(top, value + band);
        }
        var added = plot.Add.Bars(bars);
        added.Horizontal = true;
        if (reference is { } line)
        {
            var marker = plot.Add.VerticalLine(line.Value);
            marker.Color = PlotStyle.Accent;
            marker.LinePattern = LinePattern.Dashed;
            marker.LineWidth = 2;
            marker.LegendText = $"{line.Label}: {NumberText.Of(line.Value, kind)}";
            PlotStyle.LegendBelow(plot);
        }
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        // Room on the right for the value written beside the longest bar; a share's ticks stop at 100%, which none exceeds.
        double right = Math.Max(top, 1e-12) * 1.25;
        if (kind == OutputKind.ZeroOne)
        {
            right = Math.Min(right, 1.15);
            var shares = new ScottPlot.TickGenerators.NumericManual();
            double step = right > 0.5 ? 0.1 : right > 0.2 ? 0.05 : 0.02;
            for (double t = 0; t <= Math.Min(1, right) + 1e-9; t += step)
            {
                shares.AddMajor(t, NumberText.Tick(t, kind));
            }
            plot.Axes.Bottom.TickGenerator = shares;
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => NumberText.Tick(v, kind) };
        }
        plot.Axes.SetLimits(0, right, -0.6, Math.Max(1, ranked.Count) - 0.4);
        return plot;
    }
}
