using Simulation.Core;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>report.html of a sweep.</summary>
public static class SweepReport
{
    /// <summary>
    /// The page of a sweep over one or two levers; <paramref name="points"/> are (first lever value, second lever value or NaN, result).
    /// </summary>
    public static string Render(Scenario scenario, IReadOnlyList<Metric> metrics, string firstLever, string? secondLever,
        IReadOnlyList<(double First, double Second, MonteCarloResult Result)> points, IReadOnlyList<RenderedChart> charts,
        IReadOnlyList<Threshold>? thresholds = null, IReadOnlyList<HorizonProbability>? probabilities = null)
    {
        string levers = secondLever is null ? SweepPlotter.Words(firstLever, points) : $"{SweepPlotter.Words(firstLever, points)} and {SweepPlotter.Words(secondLever, points)}";
        var report = new HtmlReport($"laborsim sweep: {scenario.Name}")
            .Header($"Sweep over {levers}: {scenario.Name}", scenario.Description)
            .Paragraph($"{points.Count} grid points x {scenario.Runs:N0} runs, common random numbers (seed {scenario.Seed}); laborsim {EngineInfo.Version}.", "meta");
        report.Paragraph(NumberText.ErrorNote, "note");
        foreach (var metric in metrics)
        {
            report.Section(OutputCatalogue.Of(metric).Title)
                .Table(secondLever is null ? [firstLever, "mean ± se", "p5", "median", "p95"] : [firstLever, secondLever, "mean ± se", "p5", "median", "p95"],
                    points.Select(p =>
                    {
                        var st = p.Result.Of(metric).Statistics;
                        var cells = new List<string> { NumberText.AsGiven(p.First) };
                        if (secondLever is not null)
                        {
                            cells.Add(NumberText.AsGiven(p.Second));
                        }
                        cells.AddRange([NumberText.WithError(st, metric),
                            NumberText.Of(st.P5, metric), NumberText.Of(st.P50, metric), NumberText.Of(st.P95, metric)]);
                        return (IReadOnlyList<string>)cells;
                    }), textColumns: 0)
                .Figure(charts.Named(SweepPlotter.FileName(metric)));
        }
        foreach (var probability in probabilities ?? [])
        {
            report.Section(OutputCatalogue.Of(probability).Label)
                .Paragraph(ProbabilityRange(probability, points), "headline")
                .Table(secondLever is null ? [firstLever, "probability ± se"] : [firstLever, secondLever, "probability ± se"],
                    points.Select(p =>
                    {
                        var cells = new List<string> { NumberText.AsGiven(p.First) };
                        if (secondLever is not null)
                        {
                            cells.Add(NumberText.AsGiven(p.Second));
                        }
                        cells.Add(NumberText.WithError(p.Result.Probability(probability), p.Result.ProbabilitySe(probability), OutputKind.ZeroOne));
                        return (IReadOnlyList<string>)cells;
                    }), textColumns: 0, caption: "Share of all of each grid point's runs, with one Monte Carlo standard error.")
                .Figure(charts.Named(SweepPlotter.FileName(probability)));
        }
        foreach (var threshold in thresholds ?? [])
        {
            var definition = OutputCatalogue.Of(threshold.Metric);
            report.Section($"P({definition.Label} > {NumberText.Of(threshold.Value, definition.Kind)})")
                .Paragraph(ThresholdRange(threshold, points), "headline")
                .Table(secondLever is null ? [firstLever, "probability ± se"] : [firstLever, secondLever, "probability ± se"],
                    points.Select(p =>
                    {
                        var exceeds = p.Result.Exceeds(threshold.Metric, threshold.Value);
                        var cells = new List<string> { NumberText.AsGiven(p.First) };
                        if (secondLever is not null)
                        {
                            cells.Add(NumberText.AsGiven(p.Second));
                        }
                        cells.Add(NumberText.WithError(exceeds.Probability, exceeds.StandardError, OutputKind.ZeroOne));
                        return (IReadOnlyList<string>)cells;
                    }), textColumns: 0, caption: "Share of each grid point's runs in which the outcome exceeds the value, with one Monte Carlo standard error.");
        }
        // The swept levers take the grid's values, not the file's: say so where the file's value would stand.
        var swept = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [firstLever] = Values(points.Select(p => p.First)),
        };
        if (secondLever is not null)
        {
            swept[secondLever] = Values(points.Select(p => p.Second));
        }
        report.Section("Assumptions").Table(["parameter", "value or distribution", "unit", "meaning"],
            RunReport.Parameters(scenario).Select(row => swept.TryGetValue(row[0], out string? values)
                ? (IReadOnlyList<string>)[row[0], $"swept: {values}", row[2], row[3]]
                : row), textColumns: 4);
        report.Section("What the model leaves out").List(ModelLimits.Items);
        return report.Render();
    }

    private static string Values(IEnumerable<double> values)
    {
        var distinct = values.Distinct().Order().ToList();
        string F(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
        return distinct.Count <= 6 ? string.Join(", ", distinct.Select(F)) : $"{F(distinct[0])} to {F(distinct[^1])} in {distinct.Count} steps";
    }

    /// <summary>"P(enforcement hits the scheme by the horizon) ranges from 41% ± 1.1 points (at 0.2) to 67% ± 1.0 (at 1) over the grid."</summary>
    public static string ProbabilityRange(HorizonProbability probability, IReadOnlyList<(double First, double Second, MonteCarloResult Result)> points)
    {
        var values = points.Select(p => p.Result.Probability(probability)).ToList();
        int low = values.IndexOf(values.Min()), high = values.IndexOf(values.Max());
        string At(int i) => points[i].Second is var second && double.IsNaN(second) ? NumberText.AsGiven(points[i].First) : $"{NumberText.AsGiven(points[i].First)}, {NumberText.AsGiven(second)}";
        string With(int i) => NumberText.WithError(values[i], points[i].Result.ProbabilitySe(probability), OutputKind.ZeroOne);
        return values[low] == values[high]
            ? $"{OutputCatalogue.Of(probability).Label} is {With(low)} at every point of the grid (common random numbers: the levers do not change it)."
            : $"{OutputCatalogue.Of(probability).Label} ranges from {With(low)} (at {At(low)}) to {With(high)} (at {At(high)}) over the grid.";
    }

    /// <summary>"P(total remittances &gt; $1B) ranges from 3.1% to 12% over the grid (at 0.2 ... at 1)."</summary>
    public static string ThresholdRange(Threshold threshold, IReadOnlyList<(double First, double Second, MonteCarloResult Result)> points)
    {
        var definition = OutputCatalogue.Of(threshold.Metric);
        var probabilities = points.Select(p => p.Result.Exceeds(threshold.Metric, threshold.Value).Probability).ToList();
        int low = probabilities.IndexOf(probabilities.Min());
        int high = probabilities.IndexOf(probabilities.Max());
        string At(int i) => double.IsNaN(points[i].Second) ? Values([points[i].First]) : $"{Values([points[i].First])}, {Values([points[i].Second])}";
        return $"P({definition.Label} > {NumberText.Of(threshold.Value, definition.Kind)}) ranges from {NumberText.Percent(probabilities[low])} (at {At(low)}) to {NumberText.Percent(probabilities[high])} (at {At(high)}) over the grid.";
    }

    /// <summary>"Remittances, total over the horizon: mean from $210M ± $3.1M (at 1) to $356M ± $4.0M (at 0) over the grid."</summary>
    public static string MetricRange(Metric metric, IReadOnlyList<(double First, double Second, MonteCarloResult Result)> points)
    {
        var means = points.Select(p => p.Result.Of(metric).Statistics.Mean).ToList();
        int low = means.IndexOf(means.Min());
        int high = means.IndexOf(means.Max());
        string At(int i) => double.IsNaN(points[i].Second) ? Values([points[i].First]) : $"{Values([points[i].First])}, {Values([points[i].Second])}";
        string Mean(int i) => NumberText.WithError(points[i].Result.Of(metric).Statistics, metric);
        string label = OutputCatalogue.Of(metric).Title;
        return low == high
            ? $"{label}: mean {Mean(low)} at every point of the grid."
            : $"{label}: mean from {Mean(low)} (at {At(low)}) to {Mean(high)} (at {At(high)}) over the grid.";
    }
}
