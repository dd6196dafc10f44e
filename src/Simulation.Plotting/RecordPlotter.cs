using ScottPlot;
using Simulation.Core.Calibration;
using Simulation.Core.Catalogue;
using Simulation.Core.MonteCarlo;

namespace Simulation.Plotting;

/// <summary>Runs against the record: each observed series with the observations drawn on it, for calibrate's fit charts and run's record charts.</summary>
public static class RecordPlotter
{
    /// <summary>File of the record chart of <paramref name="series"/> in a run's folder.</summary>
    public static string FileName(string series) => $"record_{series}.png";

    /// <summary>The record chart of every observed series, with its caption.</summary>
    public static IReadOnlyList<NamedChart> Charts(MonteCarloResult runs, IReadOnlyList<ObservationFit> fits)
    {
        var charts = new List<NamedChart>();
        foreach (string series in fits.Select(f => f.Observation.Series).Distinct())
        {
            var definition = runs.Series[IndexOf(runs.Series, series)];
            bool level = ObservationSet.IsLevelSeries(definition);
            int inside = fits.Count(f => f.Observation.Series == series && f.InsideBand90);
            int count = fits.Count(f => f.Observation.Series == series);
            string what = level ? "month by month (median, 50% and 90% of runs)" : "summed over each observed period (box: 50% and 90% of runs, line: median)";
            charts.Add(new(FileName(series), Fit(runs, fits, series, $"{char.ToUpperInvariant(definition.Label[0])}{definition.Label[1..]}: {runs.Scenario.Name} and the record"),
                $"{char.ToUpperInvariant(definition.Label[0])}{definition.Label[1..]} {what}, with the record's observations and their 90% error intervals (a bound is an arrow to the side it allows): {inside} of {count} in the runs' 90% band."));
        }
        return charts;
    }

    /// <summary>
    /// A series of <paramref name="runs"/> with the observations of it on top: month by month (median, 50% and 90% bands)
    /// for a stock, and for a flow the runs' sums over each observed period; each observation with its 90% error interval,
    /// a bound as an arrow to the side it allows; a dashed line where the scenario's forecast begins.
    /// </summary>
    public static Plot Fit(MonteCarloResult runs, IReadOnlyList<ObservationFit> fits, string series, string title)
    {
        var definition = runs.Series[IndexOf(runs.Series, series)];
        bool level = ObservationSet.IsLevelSeries(definition);
        var plot = PlotStyle.NewPlot(title, "month",
            level ? definition.Unit : $"{definition.Unit.Replace(" / month", "", StringComparison.Ordinal)} summed over each observed period");
        double top = 0;
        var start = runs.Scenario.Start;
        if (level)
        {
            var data = FanChartData.From(runs, runs.SeriesByMonth[IndexOf(runs.Series, series)]);
            PlotStyle.Fan(plot, PlotStyle.MonthAxis(start, runs.Months), data, "50% of runs");
            top = data.P95.Max();
        }
        bool firstBox = true, firstPoint = true, firstBound = true;
        foreach (var fit in fits.Where(f => f.Observation.Series == series))
        {
            var o = fit.Observation;
            double first = o.First.MonthsSince(start), last = o.Last.MonthsSince(start);
            double x = level ? last : (first + last) / 2;
            if (!level)
            {
                var outer = plot.Add.Rectangle(first - 0.45, last + 0.45, fit.P5, fit.P95);
                outer.FillColor = PlotStyle.Main.WithAlpha(0.18);
                outer.LineWidth = 0;
                var inner = plot.Add.Rectangle(first - 0.45, last + 0.45, fit.P25, fit.P75);
                inner.FillColor = PlotStyle.Main.WithAlpha(0.38);
                inner.LineWidth = 0;
                var median = plot.Add.Line(first - 0.45, fit.P50, last + 0.45, fit.P50);
                median.Color = PlotStyle.Main;
                median.LineWidth = 2.5f;
                if (firstBox)
                {
                    outer.LegendText = "90% of runs (p5-p95)";
                    inner.LegendText = "50% of runs";
                    median.LegendText = "median";
                    firstBox = false;
                }
                top = Math.Max(top, fit.P95);
            }
            if (o.IsBound)
            {
                double length = Math.Max(o.Value * 0.25, 1);
                double tip = o.ErrorKind == ObservationErrorKind.Upper ? Math.Max(0, o.Value - length) : o.Value + length;
                var arrow = plot.Add.Arrow(new Coordinates(x, o.Value), new Coordinates(x, tip));
                arrow.ArrowLineColor = PlotStyle.Accent;
                arrow.ArrowFillColor = PlotStyle.Accent;
                arrow.ArrowWidth = 2;
                var bar = plot.Add.Line(x - 0.8, o.Value, x + 0.8, o.Value);
                bar.Color = PlotStyle.Accent;
                bar.LineWidth = 3;
                if (firstBound)
                {
                    bar.LegendText = o.ErrorKind == ObservationErrorKind.Upper ? "observed upper bound (arrow: allowed side)" : "observed lower bound (arrow: allowed side)";
                    firstBound = false;
                }
                top = Math.Max(top, Math.Max(o.Value, tip));
                continue;
            }
            var (low, high) = o.Interval90();
            var whisker = plot.Add.Line(x, low, x, high);
            whisker.Color = PlotStyle.Accent;
            whisker.LineWidth = 2;
            var point = plot.Add.Marker(x, o.Value, MarkerShape.FilledCircle, 9);
            point.Color = PlotStyle.Accent;
            if (firstPoint)
            {
                point.LegendText = "observed, with 90% error interval";
                firstPoint = false;
            }
            top = Math.Max(top, high);
        }
        PlotStyle.ForecastLine(plot, runs.Scenario);
        PlotStyle.FormatLeftAxis(plot, definition.Kind);
        PlotStyle.CalendarAxis(plot, start, runs.Months);
        plot.Axes.SetLimitsY(0, top > 0 ? top * 1.08 : 1);
        PlotStyle.LegendBelow(plot);
        return plot;
    }


    /// <summary>The index of the series called <paramref name="name"/>.</summary>
    internal static int IndexOf(IReadOnlyList<OutputDefinition> series, string name)
    {
        for (int s = 0; s < series.Count; s++)
        {
            if (series[s].Name == name)
            {
                return s;
            }
        }
        throw new ArgumentException($"no series {name}", nameof(name));
    }
}
