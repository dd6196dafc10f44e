using Simulation.Core;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>report.html of a comparison.</summary>
public static class ComparisonReport
{
    /// <summary>The page for <paramref name="comparison"/>.</summary>
    public static string Render(ComparisonResult comparison)
    {
        var first = comparison.Results[0].Scenario;
        string names = string.Join(", ", comparison.Results.Select(r => r.Scenario.Name));
        var report = new HtmlReport($"laborsim: {names}")
            .Header($"Scenarios compared: {names}", "Differences are against " + first.Name + ", run by run.")
            .Paragraph($"{first.Runs:N0} paired runs of {first.Months} months from {first.Start}; seed {first.Seed}; "
                + (comparison.CommonRandomNumbers ? "common random numbers (run r of every scenario uses the same random streams)" : "independent random streams")
                + $"; laborsim {EngineInfo.Version}.", "meta");

        report.Section("In short").List(comparison.Differences.SelectMany(d => d).Where(d => d.Metric is Metric.PeakWorkers or Metric.RemittancesUsd).Select(d =>
            $"{d.Scenario} minus {d.Baseline}, {OutputCatalogue.Of(d.Metric).Name}: mean {ReportFormat.Value(d.Statistics.Mean, d.Metric)} ± {ReportFormat.Value(d.Statistics.Se, d.Metric)}; "
            + $"in 90% of runs between {ReportFormat.Value(d.Statistics.P5, d.Metric)} and {ReportFormat.Value(d.Statistics.P95, d.Metric)}; higher in {ReportFormat.Percent(d.ProbabilityGreater)} of runs."), "headline");

        report.Section("Metrics side by side").Table(
            ["metric", "scenario", "runs with it", "mean ± se", "p5", "median", "p95"],
            Enumerable.Range(0, OutputCatalogue.MetricCount).SelectMany(m => comparison.Results.Select(r => (IReadOnlyList<string>)
            [
                OutputCatalogue.Of((Metric)m).Name, r.Scenario.Name, $"{r.Metrics[m].Statistics.Count:N0}",
                $"{ReportFormat.Value(r.Metrics[m].Statistics.Mean, (Metric)m)} ± {ReportFormat.Value(r.Metrics[m].Statistics.Se, (Metric)m)}",
                ReportFormat.Value(r.Metrics[m].Statistics.P5, (Metric)m), ReportFormat.Value(r.Metrics[m].Statistics.P50, (Metric)m), ReportFormat.Value(r.Metrics[m].Statistics.P95, (Metric)m),
            ])), textColumns: 2);

        report.Section("Paired differences").Table(
            ["metric", "scenario minus baseline", "runs", "mean ± se", "p5", "median", "p95", "P(higher)"],
            comparison.Differences.SelectMany(d => d).Select(d => (IReadOnlyList<string>)
            [
                OutputCatalogue.Of(d.Metric).Name, $"{d.Scenario} − {d.Baseline}", $"{d.Statistics.Count:N0}",
                $"{ReportFormat.Value(d.Statistics.Mean, d.Metric)} ± {ReportFormat.Value(d.Statistics.Se, d.Metric)}",
                ReportFormat.Value(d.Statistics.P5, d.Metric), ReportFormat.Value(d.Statistics.P50, d.Metric), ReportFormat.Value(d.Statistics.P95, d.Metric),
                ReportFormat.Percent(d.ProbabilityGreater),
            ]), textColumns: 2, caption: "Run-by-run differences over the runs where both scenarios have the metric.");

        report.Section("Charts")
            .Figure(PlotStyle.ToSvg(ComparisonPlotter.Fans(comparison, Series.Workers, "Workers abroad at month end", "workers", money: false)), "Workers abroad: median and 90% band of each scenario.")
            .Figure(PlotStyle.ToSvg(ComparisonPlotter.Fans(comparison, Series.RemittancesUsd, "Remittances to the sending state per month", "USD per month", money: true)), "Money reaching the sending state each month.")
            .Figure(PlotStyle.ToSvg(ComparisonPlotter.Fans(comparison, Series.CumulativeRemittancesUsd, "Cumulative remittances to the sending state", "USD since start", money: true)), "Money reaching the sending state since the start.")
            .Figure(PlotStyle.ToSvg(ComparisonPlotter.Histograms(comparison, Metric.PeakWorkers, "Peak workers abroad over the horizon", "peak workers", money: false)), "Distribution of peak workers in each scenario.")
            .Figure(PlotStyle.ToSvg(ComparisonPlotter.Histograms(comparison, Metric.RemittancesUsd, "Total remittances over the horizon", "USD", money: true)), "Distribution of total remittances in each scenario.");

        foreach (var result in comparison.Results)
        {
            report.Section($"Assumptions: {result.Scenario.Name}").Paragraph(result.Scenario.Description)
                .Table(["parameter", "value or distribution", "unit", "meaning"], RunReport.Parameters(result.Scenario), textColumns: 4);
        }
        report.Section("What the model leaves out").List(ModelLimits.Items);
        return report.Render();
    }
}
