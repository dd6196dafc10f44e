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
        IReadOnlyList<(double First, double Second, MonteCarloResult Result)> points)
    {
        string levers = secondLever is null ? firstLever : $"{firstLever} and {secondLever}";
        var report = new HtmlReport($"laborsim sweep: {scenario.Name}")
            .Header($"Sweep over {levers}: {scenario.Name}", scenario.Description)
            .Paragraph($"{points.Count} grid points x {scenario.Runs:N0} runs, common random numbers (seed {scenario.Seed}); laborsim {EngineInfo.Version}.", "meta");
        report.Paragraph(ReportFormat.ErrorNote, "note");
        foreach (var metric in metrics)
        {
            report.Section(OutputCatalogue.Of(metric).Title)
                .Table(secondLever is null ? [firstLever, "mean ± se", "p5", "median", "p95"] : [firstLever, secondLever, "mean ± se", "p5", "median", "p95"],
                    points.Select(p =>
                    {
                        var st = p.Result.Of(metric).Statistics;
                        var cells = new List<string> { ReportFormat.Number(p.First) };
                        if (secondLever is not null)
                        {
                            cells.Add(ReportFormat.Number(p.Second));
                        }
                        cells.AddRange([ReportFormat.MeanWithError(st, metric),
                            ReportFormat.Value(st.P5, metric), ReportFormat.Value(st.P50, metric), ReportFormat.Value(st.P95, metric)]);
                        return (IReadOnlyList<string>)cells;
                    }), textColumns: 0)
                .Figure(SweepPlotter.Plot(scenario.Name, metric, firstLever, secondLever, points),
                    secondLever is null
                        ? $"{OutputCatalogue.Of(metric).Label} against {firstLever}: median and 90% band at each value."
                        : $"Median {OutputCatalogue.Of(metric).Label} at each pair of values of {firstLever} and {secondLever}.");
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
}
