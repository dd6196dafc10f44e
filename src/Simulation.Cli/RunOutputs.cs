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
    public static void Write(MonteCarloResult result, ScenarioDocument document, string outPath, bool noPlots, IReadOnlyList<string>? overrides = null,
        IReadOnlyList<(Metric Metric, double Value)>? thresholds = null, bool force = false)
    {
        overrides ??= [];
        var probabilities = ThresholdOption.Evaluate(result, thresholds ?? []);
        using var folder = OutputFolder.Begin(outPath, force);
        TextFiles.WriteStream(folder.File("summary.json"), stream => SummaryJsonWriter.Write(result, stream, overrides, probabilities));
        TextFiles.Write(folder.File("series.csv"), writer => SeriesCsvWriter.Write(result, writer));
        TextFiles.Write(folder.File("metrics.csv"), writer => MetricsCsvWriter.Write(result, writer));
        if (result.RunTable is { } table)
        {
            TextFiles.Write(folder.File("runs.csv"), writer => RunsCsvWriter.Write(table, writer));
            TextFiles.WriteStream(folder.File("runs.parquet"), stream => RunsParquetWriter.Write(table, stream));
        }
        if (result.Paths is { Runs: > 0 } paths)
        {
            TextFiles.Write(folder.File("paths.csv"), writer => PathsCsvWriter.Write(paths, result.Scenario.Start, writer));
        }
        string header = $"Scenario {result.Scenario.Name} as run by laborsim {EngineInfo.Version}: overrides applied, defaults written out.";
        document.WriteAsRun(folder.File("scenario.yaml"), header);
        if (!noPlots)
        {
            ResultPlotter.WriteAll(result, folder.StagingPath, probabilities);
        }
        File.WriteAllText(folder.File("report.html"), Simulation.Reporting.RunReport.Render(result, overrides, probabilities), new UTF8Encoding(false));
        folder.Commit();
    }

    public static void PrintHeadline(MonteCarloResult result, string outPath, Terminal terminal, IReadOnlyList<(Metric Metric, double Value)>? thresholds = null)
    {
        var scenario = result.Scenario;
        var peak = result.Of(Metric.PeakWorkers).Statistics;
        var money = result.Of(Metric.RemittancesUsd).Statistics;
        string end = scenario.Start.AddMonths(scenario.Months - 1).ToString();
        var culture = CultureInfo.InvariantCulture;
        string rule = scenario.Enforcement.BeforeDeployment ? "even before any worker is deployed" : "once workers are abroad";
        terminal.Out.WriteLine(string.Create(culture, $"{scenario.Name}: {result.Runs:N0} runs x {result.Months} months ({scenario.Start} to {end}) in {result.Elapsed.TotalSeconds:0.00} s"));
        terminal.Out.WriteLine($"  peak workers abroad          median {NumberText.Count(peak.P50)}; 90% of runs between {NumberText.Count(peak.P5)} and {NumberText.Count(peak.P95)}");
        terminal.Out.WriteLine($"  remittances to the state     median {NumberText.Money(money.P50)}; 90% of runs between {NumberText.Money(money.P5)} and {NumberText.Money(money.P95)} (total over the {result.Months} months)");
        terminal.Out.WriteLine($"  enforcement hits the scheme  in {NumberText.Percent(result.EnforcedByHorizon)} of runs by {end} (± {NumberText.Points(result.EnforcedByHorizonSe)} points), {rule}");
        terminal.Out.WriteLine($"  ceasefire                    in {NumberText.Percent(result.CeasefireByHorizon)} of runs by {end} (± {NumberText.Points(result.CeasefireByHorizonSe)} points)");
        foreach (var threshold in ThresholdOption.Evaluate(result, thresholds ?? []))
        {
            terminal.Out.WriteLine("  " + Simulation.Reporting.RunReport.ThresholdSentence(threshold));
        }
        if (result.Precision is { } precision)
        {
            terminal.Out.WriteLine("  " + Simulation.Reporting.RunReport.PrecisionSentence(precision));
        }
        terminal.Out.WriteLine("  ± is one Monte Carlo standard error; medians and ranges are given to three significant figures");
        terminal.Out.WriteLine($"  wrote {outPath}");
    }
}
