using System.Globalization;
using System.Text;
using Simulation.Core;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;
using Simulation.Plotting;

namespace Simulation.Cli.Commands;

internal static class RunCommand
{
    // runs.csv holds every run in memory until written; refuse what would not fit comfortably.
    private const long MaxSavedRunBytes = 4L << 30;

    public static int Execute(RunOptions options, Terminal terminal, CancellationToken cancellation)
    {
        var overrides = new List<ScenarioOverride>();
        var problems = new List<ScenarioProblem>();
        foreach (string assignment in options.Set)
        {
            var change = ScenarioOverride.Parse(assignment);
            if (change is null)
            {
                problems.Add(new ScenarioProblem(new($"--set {assignment}", 0, 0), "", "must be key.path=VALUE, e.g. --set enforcement.deterrence=0.3"));
                continue;
            }
            overrides.Add(change);
        }
        if (options.Runs is not null) overrides.Add(new("runs", options.Runs, $"--runs {options.Runs}"));
        if (options.Seed is not null) overrides.Add(new("seed", options.Seed, $"--seed {options.Seed}"));
        if (options.Months is not null) overrides.Add(new("months", options.Months, $"--months {options.Months}"));
        if (options.Threads is < 1 or > 1024)
        {
            problems.Add(new ScenarioProblem(new($"--threads {options.Threads}", 0, 0), "", "must be a whole number from 1 to 1024"));
        }

        var loaded = ScenarioReader.LoadFile(options.Scenario, overrides);
        problems.AddRange(loaded.Problems);
        if (problems.Count > 0 || loaded.Scenario is null || loaded.Document is null)
        {
            ProblemPrinter.Print(terminal, problems, "nothing was run");
            return ExitCodes.BadInput;
        }
        var scenario = loaded.Scenario;
        if (options.SaveRuns)
        {
            long columns = new CompiledScenario(scenario).UncertainParameterIndices.Length + OutputNames.MetricCount;
            long bytes = scenario.Runs * columns * sizeof(double);
            if (bytes > MaxSavedRunBytes || scenario.Runs * columns > int.MaxValue)
            {
                terminal.Error.WriteLine($"--save-runs: {scenario.Runs:N0} runs x {columns} columns would need {bytes / (1 << 20):N0} MiB in memory "
                    + $"(at most {MaxSavedRunBytes >> 20:N0} MiB); run fewer runs with --runs, or leave out --save-runs. Nothing was run.");
                return ExitCodes.BadInput;
            }
        }

        string outPath = options.Out ?? Path.Combine("out", scenario.Name);
        var progress = options.Quiet ? null : new ProgressReporter(terminal.Error, terminal.ErrorIsTerminal, scenario.Runs);
        var runnerOptions = new RunnerOptions
        {
            Threads = options.Threads ?? Environment.ProcessorCount,
            SaveRuns = options.SaveRuns,
            Progress = progress is null ? null : progress.Report,
            Cancellation = cancellation,
        };

        MonteCarloResult result;
        try
        {
            result = MonteCarloRunner.Run(scenario, runnerOptions);
        }
        catch (OperationCanceledException)
        {
            progress?.Finish();
            terminal.Error.WriteLine("Interrupted; no output was written.");
            return ExitCodes.Interrupted;
        }
        progress?.Finish();

        using (var folder = OutputFolder.Begin(outPath))
        {
            WriteFiles(result, loaded.Document, folder, options);
            folder.Commit();
        }
        PrintHeadline(result, outPath, terminal);
        return ExitCodes.Ok;
    }

    private static void WriteFiles(MonteCarloResult result, ScenarioDocument document, OutputFolder folder, RunOptions options)
    {
        using (var stream = File.Create(folder.File("summary.json")))
        {
            SummaryJsonWriter.Write(result, stream);
        }
        WriteText(folder.File("series.csv"), writer => SeriesCsvWriter.Write(result, writer));
        WriteText(folder.File("metrics.csv"), writer => MetricsCsvWriter.Write(result, writer));
        if (result.RunTable is { } table)
        {
            WriteText(folder.File("runs.csv"), writer => RunsCsvWriter.Write(table, writer));
        }
        string header = $"Scenario {result.Scenario.Name} as run by laborsim {EngineInfo.Version}: overrides applied, defaults written out.";
        File.WriteAllText(folder.File("scenario.yaml"), document.ToYaml(header), new UTF8Encoding(false));
        if (!options.NoPlots)
        {
            ResultPlotter.WriteAll(result, folder.StagingPath);
        }
    }

    private static void WriteText(string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        write(writer);
    }

    private static void PrintHeadline(MonteCarloResult result, string outPath, Terminal terminal)
    {
        var peak = result.Of(Metric.PeakWorkers).Statistics;
        var money = result.Of(Metric.RemittancesUsd).Statistics;
        var culture = CultureInfo.InvariantCulture;
        terminal.Out.WriteLine(string.Create(culture, $"{result.Scenario.Name}: {result.Runs:N0} runs x {result.Months} months in {result.Elapsed.TotalSeconds:0.00} s"));
        terminal.Out.WriteLine(string.Create(culture, $"  peak workers       median {peak.P50:N0}  (90% of runs: {peak.P5:N0} to {peak.P95:N0})"));
        terminal.Out.WriteLine(string.Create(culture, $"  remittances (USD)  median {money.P50:N0}  (90% of runs: {money.P5:N0} to {money.P95:N0})"));
        terminal.Out.WriteLine(string.Create(culture, $"  P(enforced by horizon) {100 * result.EnforcedByHorizon:0.0}%   P(ceasefire by horizon) {100 * result.CeasefireByHorizon:0.0}%"));
        terminal.Out.WriteLine($"  wrote {outPath}");
    }
}
