using System.Globalization;
using Simulation.Application.Publishing;
using Simulation.Core;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.IO.Analysis;
using Simulation.IO.Scenarios;
using Simulation.Plotting;
using Simulation.Reporting;

namespace Simulation.Application.Verbs;

/// <summary>The output folder of <c>laborsim compare</c>.</summary>
public static class ComparisonPublication
{
    /// <summary>The marker's verb.</summary>
    public const string Verb = "compare";

    /// <summary>
    /// Everything a comparison publishes; <paramref name="asRun"/> are the scenarios' documents as compared (the first
    /// scenario's calendar, horizon, runs and seed), in the comparison's order.
    /// </summary>
    public static Publication Of(ComparisonResult comparison, IReadOnlyList<ScenarioDocument> asRun)
    {
        var culture = CultureInfo.InvariantCulture;
        var files = new List<OutputFile>
        {
            OutputFile.Text(ComparisonWriter.MetricsFile, writer => ComparisonWriter.WriteMetricsCsv(comparison, writer)),
            OutputFile.Text(ComparisonWriter.DifferencesFile, writer => ComparisonWriter.WriteDifferencesCsv(comparison, writer)),
            new(ComparisonWriter.JsonFile, stream => ComparisonWriter.WriteJson(comparison, stream)),
        };
        for (int k = 0; k < asRun.Count; k++)
        {
            string name = comparison.Results[k].Scenario.Name;
            string header = $"Scenario {name} as compared by laborsim {EngineInfo.Version}: start, months, runs and seed are the first scenario's, overrides applied, defaults written out.";
            files.AddRange(RunPublication.AsRun(asRun[k], header, $"{name}.scenario.yaml"));
        }
        var first = comparison.Results[0].Scenario;
        bool paired = comparison.CommonRandomNumbers;
        string streams = paired ? "paired runs" : "runs of each";
        string runs = paired ? "runs" : "pairs of unrelated runs";
        var headline = new List<string>
        {
            string.Create(culture, $"compared {string.Join(", ", comparison.Results.Select(r => r.Scenario.Name))}: {first.Runs:N0} {streams} x {first.Months} months ({(paired ? "common random numbers" : "independent streams")})"),
        };
        foreach (var differences in comparison.Differences)
        {
            foreach (var metric in new[] { Metric.PeakWorkers, Metric.RemittancesUsd })
            {
                var d = differences[(int)metric];
                var kind = OutputCatalogue.Of(metric).Kind;
                headline.Add(string.Create(culture,
                    $"  {d.Scenario} minus {d.Baseline}, {OutputCatalogue.Of(metric).Label}: mean {NumberText.WithError(d.Statistics.Mean, d.Statistics.Se, kind)}, 90% of {runs} {NumberText.Of(d.Statistics.P5, kind)} to {NumberText.Of(d.Statistics.P95, kind)}, higher in {100 * d.ProbabilityGreater:0.0}% of {runs}"));
            }
            foreach (var d in differences.Where(d => d.IsProbability))
            {
                headline.Add(string.Create(culture, $"  {d.Scenario} minus {d.Baseline}, {ComparisonReport.Label(d)}: {100 * d.Statistics.Mean:+0.0;-0.0;0.0} points ± {NumberText.Points(d.Statistics.Se)}"));
            }
        }
        headline.Add(paired
            ? "  ± is one Monte Carlo standard error of the paired mean difference"
            : "  ± is one Monte Carlo standard error of the difference of two independent means");
        return new Publication
        {
            Verb = Verb,
            Files = files,
            Charts = () => ComparisonPlotter.Charts(comparison),
            Report = charts => ComparisonReport.Render(comparison, charts),
            Headline = headline,
        };
    }
}
