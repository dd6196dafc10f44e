using Simulation.Core;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>report.html of a sensitivity analysis.</summary>
public static class SensitivityReport
{
    /// <summary>The page of a tornado analysis.</summary>
    public static string RenderTornado(MonteCarloResult result, IReadOnlyList<Metric> metrics, IReadOnlyList<InputSensitivity> sensitivities, IReadOnlyList<RenderedChart> charts)
    {
        var s = result.Scenario;
        var report = new HtmlReport($"laborsim sensitivity: {s.Name}")
            .Header($"What drives the outcomes: {s.Name}", s.Description)
            .Paragraph($"One Monte Carlo run of {result.Runs:N0} runs; seed {s.Seed}; laborsim {EngineInfo.Version}. For each uncertain input: Spearman's rank correlation with the metric, and the metric's mean over the runs whose input fell in its lowest and highest deciles.", "meta");
        report.Section("In short").List(metrics.Select(metric =>
        {
            var top = sensitivities.First(x => x.Metric == metric);
            return $"{Capital(OutputCatalogue.Of(metric).Label)} moves most with {SensitivityPlotter.Label(s, top.Input)}: its mean goes from {NumberText.Of(top.LowDecileMean, metric)} to {NumberText.Of(top.HighDecileMean, metric)} between the input's lowest and highest deciles (rank correlation {top.Spearman:0.00}).";
        }), "headline");
        foreach (var metric in metrics)
        {
            report.Section(OutputCatalogue.Of(metric).Title)
                .Table(["input", "Spearman rho", "mean, lowest decile", "mean, highest decile", "swing", "swing, 95% interval"],
                    sensitivities.Where(x => x.Metric == metric).Select(x => (IReadOnlyList<string>)
                    [
                        SensitivityPlotter.Words(result.Scenario, x.Input), NumberText.Index(x.Spearman),
                        NumberText.Of(x.LowDecileMean, metric), NumberText.Of(x.HighDecileMean, metric), NumberText.Of(x.Swing, metric),
                        double.IsFinite(x.SwingInterval.Low)
                            ? $"{NumberText.Of(x.SwingInterval.Low, metric)} to {NumberText.Of(x.SwingInterval.High, metric)}{(x.SwingIncludesZero ? " (not distinguishable from 0)" : "")}"
                            : "—",
                    ]), caption: $"Intervals: Poisson bootstrap, {TornadoAnalysis.DefaultReplicates} replicates.")
                .Figure(charts.Named(SensitivityPlotter.TornadoFile(metric)));
        }
        report.Section("Assumptions").Table(["parameter", "value or distribution", "unit", "meaning"], RunReport.Parameters(s), textColumns: 4);
        report.Section("What the model leaves out").List(ModelLimits.Items);
        return report.Render();
    }

    /// <summary>The page of a Sobol analysis.</summary>
    public static string RenderSobol(Scenario scenario, IReadOnlyList<(Metric Metric, SobolIndices Indices)> results, IReadOnlyList<RenderedChart> charts, bool quasiRandom = true)
    {
        var report = new HtmlReport($"laborsim Sobol indices: {scenario.Name}")
            .Header($"Sobol indices: {scenario.Name}", scenario.Description)
            .Paragraph((quasiRandom ? "Saltelli's design on Owen-scrambled Sobol' points (quasi-random, as SALib does)" : "Saltelli's design on independent random draws")
                + $" with Jansen's estimators (Saltelli et al. 2010, Computer Physics Communications 181:259-270), {results[0].Indices.BaseSamples:N0} base samples, "
                + $"95% intervals from {results[0].Indices.IntervalMethod}; seed {scenario.Seed}; laborsim {EngineInfo.Version}. "
                + "The model's own randomness is the factor \"(model noise)\".", "meta")
            .Paragraph("An index is the share of the output's variance due to a factor, so it lies between 0 and 1. Estimates are sums over random samples: "
                + "one whose 95% interval holds 0 is marked \"not distinguishable from 0\", and an estimate below 0 is sampling noise around a true index near 0, "
                + "not a negative share (more base samples, --samples, narrow the intervals).", "note");
        foreach (var (metric, indices) in results)
        {
            report.Section(OutputCatalogue.Of(metric).Title)
                .Table(["factor", "first order S_i", "S_i, 95% interval", "total S_Ti", "S_Ti, 95% interval"],
                    Enumerable.Range(0, indices.Factors.Count).Select(i => (IReadOnlyList<string>)
                    [
                        SensitivityPlotter.Words(scenario, indices.Factors[i]), Estimate(NumberText.FirstOrderShown(indices.FirstOrder[i], indices.Total[i]), indices.FirstOrderInterval[i])
                            + (indices.FirstOrder[i] > indices.Total[i] ? " (estimate above the total, shown at it)" : ""),
                        $"{Index(indices.FirstOrderInterval[i].Low)} to {Index(indices.FirstOrderInterval[i].High)}",
                        Estimate(indices.Total[i], indices.TotalInterval[i]), $"{Index(indices.TotalInterval[i].Low)} to {Index(indices.TotalInterval[i].High)}",
                    ]))
                .Figure(charts.Named(SensitivityPlotter.SobolFile(metric)));
        }
        report.Section("Assumptions").Table(["parameter", "value or distribution", "unit", "meaning"], RunReport.Parameters(scenario), textColumns: 4);
        report.Section("What the model leaves out").List(ModelLimits.Items);
        return report.Render();
    }

    private static string Estimate(double value, (double Low, double High) interval) =>
        interval.Low <= 0 ? $"{Index(value)} (not distinguishable from 0)" : Index(value);

    private static string Index(double value) => NumberText.Index(value);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
