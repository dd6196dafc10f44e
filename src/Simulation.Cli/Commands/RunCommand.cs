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

    private const long DefaultMaxRuns = 10_000_000;

    public static int Execute(RunOptions options, Terminal terminal, CancellationToken cancellation)
    {
        var problems = new List<ScenarioProblem>();
        var overrides = ScenarioLoading.Overrides(options, problems);
        PrecisionTarget? target = null;
        if (options.Precision is { } precision)
        {
            target = PrecisionOption(options, precision, problems);
        }
        else if (options.MaxRuns is not null)
        {
            problems.Add(new ScenarioProblem(new("--max-runs", 0, 0), "", "goes with --precision; to set the number of runs use --runs"));
        }
        var loaded = ScenarioLoading.Load(options.Scenario, overrides, problems);
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
        var progress = ScenarioLoading.Progress(options, terminal, target?.MaxRuns ?? scenario.Runs);
        var runnerOptions = new RunnerOptions
        {
            Threads = options.Threads ?? Environment.ProcessorCount,
            SaveRuns = options.SaveRuns,
            Progress = progress is null ? null : progress.Report,
            Cancellation = cancellation,
            Precision = target,
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

    private static PrecisionTarget? PrecisionOption(RunOptions options, double precision, List<ScenarioProblem> problems)
    {
        bool ok = true;
        bool isProbability = PrecisionTarget.Probabilities.Contains(options.PrecisionMetric);
        bool isMetric = Enumerable.Range(0, OutputNames.MetricCount).Any(m => OutputNames.Of((Metric)m) == options.PrecisionMetric);
        if (!isProbability && !isMetric)
        {
            var names = Enumerable.Range(0, OutputNames.MetricCount).Select(m => OutputNames.Of((Metric)m)).Concat(PrecisionTarget.Probabilities).ToList();
            string? suggestion = Spelling.Closest(options.PrecisionMetric, names);
            problems.Add(new ScenarioProblem(new($"--precision-metric {options.PrecisionMetric}", 0, 0), "",
                $"unknown{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")} (one of {string.Join(", ", names)})"));
            ok = false;
        }
        if (!(precision > 0) || (isProbability && precision >= 0.5) || double.IsInfinity(precision))
        {
            problems.Add(new ScenarioProblem(new($"--precision {precision.ToString(CultureInfo.InvariantCulture)}", 0, 0), "",
                "must be above 0 (a relative half-width such as 0.01 for a metric; an absolute one below 0.5 for a probability)"));
            ok = false;
        }
        long maxRuns = options.MaxRuns ?? DefaultMaxRuns;
        if (maxRuns < 1 || maxRuns > 1_000_000_000)
        {
            problems.Add(new ScenarioProblem(new($"--max-runs {maxRuns}", 0, 0), "", "must be a whole number from 1 to 1,000,000,000"));
            ok = false;
        }
        if (options.SaveRuns)
        {
            problems.Add(new ScenarioProblem(new("--save-runs", 0, 0), "", "cannot be combined with --precision, which decides the number of runs as it goes"));
            ok = false;
        }
        return ok ? new PrecisionTarget(options.PrecisionMetric, precision, maxRuns) : null;
    }

    private static void WriteFiles(MonteCarloResult result, ScenarioDocument document, OutputFolder folder, RunOptions options)
    {
        TextFiles.WriteStream(folder.File("summary.json"), stream => SummaryJsonWriter.Write(result, stream));
        TextFiles.Write(folder.File("series.csv"), writer => SeriesCsvWriter.Write(result, writer));
        TextFiles.Write(folder.File("metrics.csv"), writer => MetricsCsvWriter.Write(result, writer));
        if (result.RunTable is { } table)
        {
            TextFiles.Write(folder.File("runs.csv"), writer => RunsCsvWriter.Write(table, writer));
        }
        string header = $"Scenario {result.Scenario.Name} as run by laborsim {EngineInfo.Version}: overrides applied, defaults written out.";
        File.WriteAllText(folder.File("scenario.yaml"), document.ToYaml(header), new UTF8Encoding(false));
        if (!options.NoPlots)
        {
            ResultPlotter.WriteAll(result, folder.StagingPath);
        }
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
        if (result.Precision is { } precision)
        {
            terminal.Out.WriteLine(string.Create(culture,
                $"  precision: 95% half-width of {precision.Target.Quantity} {precision.AchievedHalfWidth:G3} (target {precision.Target.HalfWidth:G3}) {(precision.Met ? "met" : "NOT met: hit --max-runs")}"));
        }
        terminal.Out.WriteLine($"  wrote {outPath}");
    }
}
