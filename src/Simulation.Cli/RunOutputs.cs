using System.Globalization;
using System.Text;
using Simulation.Core;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;
using Simulation.Plotting;

namespace Simulation.Cli;

/// <summary>The output folder of a run (also of a merge): files, charts and the headline on standard output.</summary>
internal static class RunOutputs
{
    public static void Write(MonteCarloResult result, ScenarioDocument document, string outPath, bool noPlots)
    {
        using var folder = OutputFolder.Begin(outPath);
        TextFiles.WriteStream(folder.File("summary.json"), stream => SummaryJsonWriter.Write(result, stream));
        TextFiles.Write(folder.File("series.csv"), writer => SeriesCsvWriter.Write(result, writer));
        TextFiles.Write(folder.File("metrics.csv"), writer => MetricsCsvWriter.Write(result, writer));
        if (result.RunTable is { } table)
        {
            TextFiles.Write(folder.File("runs.csv"), writer => RunsCsvWriter.Write(table, writer));
        }
        string header = $"Scenario {result.Scenario.Name} as run by laborsim {EngineInfo.Version}: overrides applied, defaults written out.";
        File.WriteAllText(folder.File("scenario.yaml"), document.ToYaml(header), new UTF8Encoding(false));
        if (!noPlots)
        {
            ResultPlotter.WriteAll(result, folder.StagingPath);
        }
        File.WriteAllText(folder.File("report.html"), Simulation.Reporting.RunReport.Render(result), new UTF8Encoding(false));
        folder.Commit();
    }

    public static void PrintHeadline(MonteCarloResult result, string outPath, Terminal terminal)
    {
        var peak = result.Of(Metric.PeakWorkers).Statistics;
        var money = result.Of(Metric.RemittancesUsd).Statistics;
        var culture = CultureInfo.InvariantCulture;
        terminal.Out.WriteLine(string.Create(culture, $"{result.Scenario.Name}: {result.Runs:N0} runs x {result.Months} months in {result.Elapsed.TotalSeconds:0.00} s"));
        terminal.Out.WriteLine(string.Create(culture, $"  peak workers       median {peak.P50:N0}  (90% of runs: {peak.P5:N0} to {peak.P95:N0})"));
        terminal.Out.WriteLine(string.Create(culture, $"  remittances (USD)  median {money.P50:N0}  (90% of runs: {money.P5:N0} to {money.P95:N0})"));
        terminal.Out.WriteLine(string.Create(culture, $"  P(enforced by horizon) {100 * result.EnforcedByHorizon:0.0}%{(result.Scenario.Enforcement.BeforeDeployment ? " (even before deployment)" : " (once workers are abroad)")}   P(ceasefire by horizon) {100 * result.CeasefireByHorizon:0.0}%"));
        if (result.Precision is { } precision)
        {
            terminal.Out.WriteLine(string.Create(culture,
                $"  precision: 95% half-width of {precision.Target.Quantity} {precision.AchievedHalfWidth:G3} (target {precision.Target.HalfWidth:G3}) {(precision.Met ? "met" : "NOT met: hit --max-runs")}"));
        }
        terminal.Out.WriteLine($"  wrote {outPath}");
    }
}
