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
        foreach (var metric in metrics)
        {
            report.Section(OutputCatalogue.Of(metric).Name)
                .Table(secondLever is null ? [firstLever, "mean ± se", "p5", "median", "p95"] : [firstLever, secondLever, "mean ± se", "p5", "median", "p95"],
                    points.Select(p =>
                    {
                        var st = p.Result.Of(metric).Statistics;
                        var cells = new List<string> { ReportFormat.Number(p.First) };
                        if (secondLever is not null)
                        {
                            cells.Add(ReportFormat.Number(p.Second));
                        }
                        cells.AddRange([$"{ReportFormat.Value(st.Mean, metric)} ± {ReportFormat.Value(st.Se, metric)}",
                            ReportFormat.Value(st.P5, metric), ReportFormat.Value(st.P50, metric), ReportFormat.Value(st.P95, metric)]);
                        return (IReadOnlyList<string>)cells;
                    }), textColumns: 0)
                .Figure(PlotStyle.ToSvg(SweepPlotter.Plot(scenario.Name, metric, firstLever, secondLever, points)),
                    $"{OutputCatalogue.Of(metric).Name} against {firstLever}.");
        }
        report.Section("Assumptions").Table(["parameter", "value or distribution", "unit", "meaning"], RunReport.Parameters(scenario), textColumns: 4);
        report.Section("What the model leaves out").List(ModelLimits.Items);
        return report.Render();
    }
}
