using Simulation.Core;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Summaries;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>report.html of a run: scenario, headline in words, metrics with standard errors, every chart, parameters, limits.</summary>
public static class RunReport
{
    /// <summary>The page for <paramref name="result"/>.</summary>
    public static string Render(MonteCarloResult result)
    {
        var s = result.Scenario;
        var end = s.Start.AddMonths(s.Months - 1);
        var report = new HtmlReport($"laborsim: {s.Name}")
            .Header(s.Name, s.Description)
            .Paragraph($"{result.Runs:N0} Monte Carlo runs of {s.Months} months, {s.Start} to {end}; seed {s.Seed}; laborsim {EngineInfo.Version}, model version {EngineInfo.ModelVersion}."
                + (result.IsPartial ? $" PARTIAL: the run was interrupted after {result.Runs:N0} of {result.PlannedRuns:N0} planned runs." : ""), "meta");

        report.Section("In short").List(Headlines(result), "headline");

        report.Section("Outcomes").Table(
            ["metric", "unit", "runs with it", "mean ± se", "p5", "median", "p95", "min", "max"],
            result.Metrics.Select(m => (IReadOnlyList<string>)
            [
                OutputCatalogue.Of(m.Metric).Name, OutputCatalogue.Of(m.Metric).Unit, $"{m.Statistics.Count:N0}",
                $"{ReportFormat.Value(m.Statistics.Mean, m.Metric)} ± {ReportFormat.Value(m.Statistics.Se, m.Metric)}",
                ReportFormat.Value(m.Statistics.P5, m.Metric), ReportFormat.Value(m.Statistics.P50, m.Metric), ReportFormat.Value(m.Statistics.P95, m.Metric),
                ReportFormat.Value(m.Statistics.Min, m.Metric), ReportFormat.Value(m.Statistics.Max, m.Metric),
            ]), textColumns: 2, caption: "Each metric over the runs; censored metrics (first enforcement, ceasefire) over the runs where the event happened.");
        report.Paragraph($"± gives the Monte Carlo standard error of the mean. Percentiles come from a sketch whose relative error is below {100 * QuantileSketch.RelativeAccuracy:0.00}%; means, minima and maxima are exact.", "note");

        report.Section("Charts");
        string name = s.Name;
        report.Figure(PlotStyle.ToSvg(ResultPlotter.FanChart(result, Series.Workers, $"Workers abroad at month end: {name}", "workers", money: false)),
                "Workers abroad at the end of each month: median, and the bands holding 50% and 90% of runs.")
            .Figure(PlotStyle.ToSvg(ResultPlotter.FanChart(result, Series.RemittancesUsd, $"Remittances to the sending state per month: {name}", "USD per month", money: true)),
                "Money reaching the sending state each month (USD).")
            .Figure(PlotStyle.ToSvg(ResultPlotter.FanChart(result, Series.CumulativeRemittancesUsd, $"Cumulative remittances to the sending state: {name}", "USD since start", money: true)),
                "Money reaching the sending state since the start (USD).")
            .Figure(PlotStyle.ToSvg(ResultPlotter.Histogram(result, Metric.PeakWorkers, $"Peak workers abroad over the horizon: {name}", "peak workers", money: false)),
                "Distribution of the largest number of workers abroad at once, with the mean, p5 and p95 marked.")
            .Figure(PlotStyle.ToSvg(ResultPlotter.Histogram(result, Metric.RemittancesUsd, $"Total remittances over the horizon: {name}", "USD", money: true)),
                "Distribution of the total money reaching the sending state over the horizon.")
            .Figure(PlotStyle.ToSvg(ResultPlotter.ProbabilityCurve(result, Series.Enforced, $"P(sanctions enforced by month): {name}", "P(at least one enforcement event)")),
                "Probability that at least one enforcement event has hit the scheme by each month, with its 95% Monte Carlo band.")
            .Figure(PlotStyle.ToSvg(ResultPlotter.ProbabilityCurve(result, Series.Postwar, $"P(ceasefire by month): {name}", "P(ceasefire has come)")),
                "Probability that the ceasefire has come by each month.");
        var channels = ResultPlotter.Channels(result);
        if (channels.Count > 0)
        {
            report.Figure(PlotStyle.ToSvg(ResultPlotter.ChannelStack(result)),
                $"Mean workers abroad under each legal cover ({string.Join(", ", channels)}), stacked: the top is the mean of all workers abroad; the dashed line is their median.");
            foreach (string channel in channels)
            {
                report.Figure(PlotStyle.ToSvg(ResultPlotter.ChannelFanChart(result, channel)), $"Workers abroad on the {channel} channel: median, 50% and 90% bands.");
            }
        }

        report.Section("Assumptions").Table(["parameter", "value or distribution (sampled once per run)", "unit", "meaning"],
            Parameters(s), textColumns: 4);
        report.Section("What the model leaves out").List(ModelLimits.Items);
        report.Paragraph($"Reproduce: laborsim run with this scenario and seed {s.Seed} gives these numbers on any machine and for any thread count. The model is described in docs/model.md of the laborsim repository.", "note");
        return report.Render();
    }

    internal static IEnumerable<string> Headlines(MonteCarloResult result)
    {
        var s = result.Scenario;
        string end = s.Start.AddMonths(s.Months - 1).ToString();
        var peak = result.Of(Metric.PeakWorkers).Statistics;
        var money = result.Of(Metric.RemittancesUsd).Statistics;
        var first = result.Of(Metric.FirstEnforcementMonth);
        var ceasefire = result.Of(Metric.CeasefireMonth);
        yield return $"In 90% of runs between {ReportFormat.Number(peak.P5)} and {ReportFormat.Number(peak.P95)} workers are deployed at the peak (median {ReportFormat.Number(peak.P50)}, mean {ReportFormat.Number(peak.Mean)} ± {ReportFormat.Number(peak.Se)}).";
        yield return $"The sending state receives between {ReportFormat.Value(money.P5, Metric.RemittancesUsd)} and {ReportFormat.Value(money.P95, Metric.RemittancesUsd)} from {s.Start} to {end} in 90% of runs (median {ReportFormat.Value(money.P50, Metric.RemittancesUsd)}, mean {ReportFormat.Value(money.Mean, Metric.RemittancesUsd)} ± {ReportFormat.Value(money.Se, Metric.RemittancesUsd)}).";
        string rule = s.Enforcement.BeforeDeployment
            ? " (under model version 1's rule, enforcement can strike before any worker is deployed)"
            : " (enforcement strikes only once workers are abroad)";
        yield return $"Sanctions enforcement hits the scheme by {end} in {ReportFormat.Percent(result.EnforcedByHorizon)} of runs (± {ReportFormat.PercentPoints(result.EnforcedByHorizonSe)} points){rule}"
            + (first.Statistics.Count > 0 ? $"; when it does, the first event comes in {s.Start.AddMonths((int)first.Statistics.P50)} (median)." : ".");
        yield return $"A ceasefire comes by {end} in {ReportFormat.Percent(result.CeasefireByHorizon)} of runs (± {ReportFormat.PercentPoints(result.CeasefireByHorizonSe)} points)"
            + (ceasefire.Statistics.Count > 0 ? $"; its median month is {s.Start.AddMonths((int)ceasefire.Statistics.P50)}." : ".");
    }

    internal static IEnumerable<IReadOnlyList<string>> Parameters(Scenario scenario)
    {
        foreach (var parameter in scenario.Parameters())
        {
            var definition = parameter.Definition;
            string meaning = parameter.From is { } from ? $"{definition.Meaning} (from {from})" : definition.Meaning;
            yield return [parameter.KeyPath, parameter.Distribution.ToString(), definition.Unit, meaning];
        }
    }
}
