using System.Globalization;
using System.Text;
using Simulation.Core;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.IO.Analysis;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;
using Simulation.Plotting;

namespace Simulation.Cli.Commands;

internal static class CompareCommand
{
    public static int Execute(CompareOptions options, Terminal terminal, CancellationToken cancellation)
    {
        var problems = new List<ScenarioProblem>();
        var overrides = ScenarioLoading.Overrides(options, problems);
        var files = options.Scenarios.ToList();
        if (files.Count < 2)
        {
            problems.Add(new ScenarioProblem(new("laborsim compare", 0, 0), "", "needs two or more scenario files; differences are against the first"));
        }
        var loaded = files.Select(file => ScenarioLoading.Load(file, overrides, problems, terminal, options.Strict)).ToList();
        if (problems.Count > 0)
        {
            ProblemPrinter.Print(terminal, problems, "nothing was run");
            return ExitCodes.BadInput;
        }

        var culture = CultureInfo.InvariantCulture;
        // Paired runs need one calendar, horizon, run count and seed: the first scenario's.
        var first = loaded[0].Scenario!;
        var scenarios = new List<Scenario>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < loaded.Count; k++)
        {
            var scenario = loaded[k].Scenario!;
            if (k > 0 && (scenario.Start != first.Start || scenario.Months != first.Months || scenario.Runs != first.Runs || scenario.Seed != first.Seed))
            {
                terminal.Error.WriteLine($"note: {scenario.Name} runs with the start, months, runs and seed of {first.Name} ({first.Start}, {first.Months}, {first.Runs}, {first.Seed}) so that runs pair up");
            }
            string name = scenario.Name;
            for (int suffix = 2; !names.Add(name); suffix++)
            {
                name = $"{scenario.Name}-{suffix}";
            }
            scenarios.Add(scenario with { Name = name, Start = first.Start, Months = first.Months, Runs = first.Runs, Seed = first.Seed });
        }

        string outPath = options.Out ?? Path.Combine("out", DefaultFolderName(scenarios.Select(s => s.Name).ToList()));
        if (OutputTargets.Refused(outPath, options.Force, terminal))
        {
            return ExitCodes.BadInput;
        }
        var progress = ScenarioLoading.Progress(options, terminal, first.Runs);
        ComparisonResult comparison;
        try
        {
            comparison = ComparisonRunner.Run(scenarios, new ComparisonOptions
            {
                Threads = ScenarioLoading.Threads(options, terminal, [.. scenarios]),
                CommonRandomNumbers = !options.Independent,
                Progress = progress is null ? null : progress.Report,
                Cancellation = cancellation,
            });
        }
        catch (OperationCanceledException)
        {
            return ScenarioLoading.Interrupted(progress, terminal);
        }
        progress?.Finish();

        using (var folder = OutputFolder.Begin(outPath, options.Force))
        {
            TextFiles.Write(folder.File("comparison.csv"), writer => ComparisonWriter.WriteMetricsCsv(comparison, writer));
            TextFiles.Write(folder.File("differences.csv"), writer => ComparisonWriter.WriteDifferencesCsv(comparison, writer));
            TextFiles.WriteStream(folder.File("comparison.json"), stream => ComparisonWriter.WriteJson(comparison, stream));
            for (int k = 0; k < scenarios.Count; k++)
            {
                // As run: the first scenario's calendar, horizon, runs and seed (and a renamed duplicate) written into the file.
                var asRun = ScenarioReader.LoadFile(files[k], [.. overrides,
                    new("scenario", scenarios[k].Name, "compare"), new("start", first.Start.ToString(), "compare"),
                    new("months", first.Months.ToString(culture), "compare"), new("runs", first.Runs.ToString(culture), "compare"),
                    new("seed", first.Seed.ToString(culture), "compare")]);
                string header = $"Scenario {scenarios[k].Name} as compared by laborsim {EngineInfo.Version}: start, months, runs and seed are the first scenario's, overrides applied, defaults written out.";
                (asRun.Document ?? loaded[k].Document!).WriteAsRun(folder.File($"{scenarios[k].Name}.scenario.yaml"), header);
            }
            if (!options.NoPlots)
            {
                ComparisonPlotter.WriteAll(comparison, folder.StagingPath);
            }
            File.WriteAllText(folder.File("report.html"), Simulation.Reporting.ComparisonReport.Render(comparison), new UTF8Encoding(false));
            folder.Commit();
        }

        string streams = options.Independent ? "independent streams" : "common random numbers";
        terminal.Out.WriteLine(string.Create(culture, $"compared {string.Join(", ", scenarios.Select(s => s.Name))}: {first.Runs:N0} paired runs x {first.Months} months ({streams})"));
        foreach (var differences in comparison.Differences)
        {
            foreach (var metric in new[] { Metric.PeakWorkers, Metric.RemittancesUsd })
            {
                var d = differences[(int)metric];
                var kind = OutputCatalogue.Of(metric).Kind;
                terminal.Out.WriteLine(string.Create(culture,
                    $"  {d.Scenario} minus {d.Baseline}, {OutputCatalogue.Of(metric).Label}: mean {NumberText.WithError(d.Statistics.Mean, d.Statistics.Se, kind)}, 90% of runs {NumberText.Of(d.Statistics.P5, kind)} to {NumberText.Of(d.Statistics.P95, kind)}, higher in {100 * d.ProbabilityGreater:0.0}% of runs"));
            }
            foreach (var d in differences.Where(d => d.IsProbability))
            {
                string what = d.Quantity == "enforced_by_horizon" ? "P(enforced by horizon)" : "P(ceasefire by horizon)";
                terminal.Out.WriteLine(string.Create(culture, $"  {d.Scenario} minus {d.Baseline}, {what}: {100 * d.Statistics.Mean:+0.0;-0.0;0.0} points ± {NumberText.Points(d.Statistics.Se)}"));
            }
        }
        terminal.Out.WriteLine("  ± is one Monte Carlo standard error of the paired mean difference");
        terminal.Out.WriteLine($"  wrote {outPath}");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// out/compare-A-vs-B for two or three short names; otherwise the first name, how many others and a short hash of all
    /// of them, so that the folder name stays far below the file system's limit of 255 bytes.
    /// </summary>
    internal static string DefaultFolderName(IReadOnlyList<string> names)
    {
        string joined = "compare-" + string.Join("-vs-", names);
        if (joined.Length <= 80)
        {
            return joined;
        }
        string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", names))))[..8];
        string head = names[0].Length > 40 ? names[0][..40] : names[0];
        return $"compare-{head}-and-{names.Count - 1}-more-{hash}";
    }
}
