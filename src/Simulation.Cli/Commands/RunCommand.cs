using System.Globalization;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Scenarios;

namespace Simulation.Cli.Commands;

internal static class RunCommand
{
    // runs.csv holds every run in memory until written; refuse what would not fit comfortably.
    private const long MaxSavedRunBytes = 4L << 30;

    private const long DefaultMaxRuns = 10_000_000;

    private const int MaxPaths = 1000;

    public static int Execute(RunOptions options, Terminal terminal, CancellationToken cancellation)
    {
        var problems = new List<ScenarioProblem>();
        var overrides = ScenarioLoading.Overrides(options, problems);
        var thresholds = ThresholdOption.Parse(options.Threshold, problems);
        PrecisionTarget? target = null;
        if (options.Precision is { } precision)
        {
            target = PrecisionOption(options, precision, problems);
            if (options.Runs is not null)
            {
                problems.Add(new ScenarioProblem(new($"--runs {options.Runs}", 0, 0), "", "is decided by --precision, which runs until its target is met; cap it with --max-runs instead"));
            }
        }
        else if (options.PrecisionMetric is not null)
        {
            problems.Add(new ScenarioProblem(new($"--precision-metric {options.PrecisionMetric}", 0, 0), "", "goes with --precision P (e.g. --precision 0.01)"));
        }
        else if (options.MaxRuns is not null)
        {
            problems.Add(new ScenarioProblem(new("--max-runs", 0, 0), "", "goes with --precision; to set the number of runs use --runs"));
        }
        (int Index, int Count)? shard = options.Shard is null ? null : ShardOption(options, problems);
        if (options.Paths is { } kept && (kept < 1 || kept > MaxPaths))
        {
            problems.Add(new ScenarioProblem(new($"--paths {kept}", 0, 0), "", $"must be a whole number from 1 to {MaxPaths:N0}"));
        }
        if (options.Paths is not null && (options.Shard ?? options.Checkpoint ?? options.Resume) is not null)
        {
            problems.Add(new ScenarioProblem(new("--paths", 0, 0), "", "cannot be combined with --shard, --checkpoint or --resume, which keep summaries, not runs"));
        }
        if (options.SaveRuns && (options.Checkpoint ?? options.Resume) is not null)
        {
            problems.Add(new ScenarioProblem(new("--save-runs", 0, 0), "", "cannot be combined with --checkpoint or --resume: a checkpoint keeps summaries, not every run"));
        }
        if (options.Checkpoint is not null && options.Resume is not null && Path.GetFullPath(options.Checkpoint) != Path.GetFullPath(options.Resume))
        {
            problems.Add(new ScenarioProblem(new("--resume", 0, 0), "", "keeps checkpointing into its own folder; give --resume alone"));
        }
        var loaded = ScenarioLoading.Load(options.Scenario, overrides, problems, terminal, options.Strict);
        if (problems.Count > 0 || loaded.Scenario is null || loaded.Document is null)
        {
            ProblemPrinter.Print(terminal, problems, "nothing was run");
            return ExitCodes.BadInput;
        }
        var scenario = loaded.Scenario;
        if (target is not null && scenario.Sampling == Simulation.Core.Sampling.SamplingMethod.LatinHypercube)
        {
            ProblemPrinter.Print(terminal, [new ScenarioProblem(new($"--precision {options.Precision}", 0, 0), "",
                "adds runs until its target is met, but a Latin hypercube is built for a fixed number of runs; give --runs N instead, or use sampling: {method: sobol}, which extends")], "nothing was run");
            return ExitCodes.BadInput;
        }
        if (shard is { } s)
        {
            return ShardRun.Execute(scenario, loaded.Document, s.Index, s.Count, options, terminal, cancellation);
        }
        if (options.SaveRuns && SaveRunsRefusal(scenario, options.Out ?? "out") is { } refusal)
        {
            terminal.Error.WriteLine(refusal);
            return ExitCodes.BadInput;
        }

        string outPath = options.Out ?? DefaultOutput(scenario.Name, options.Set.ToList());
        // Resuming replaces the partial output the interrupted run left (--keep-partial), as its hint says, without --force.
        if (options.Resume is not null && IsPartialOutput(outPath))
        {
            options.Force = true;
        }
        if (OutputTargets.Refused(outPath, options.Force, terminal))
        {
            return ExitCodes.BadInput;
        }
        if ((options.Checkpoint ?? options.Resume) is { } checkpointFolder && Overlap(checkpointFolder, outPath) is { } overlap)
        {
            terminal.Error.WriteLine($"--checkpoint {checkpointFolder} and --out {outPath} {overlap}: the output folder is replaced whole when the run ends, so it cannot hold the checkpoint; give them separate folders. Nothing was run.");
            return ExitCodes.BadInput;
        }
        if ((options.Checkpoint ?? options.Resume) is not null)
        {
            return CheckpointedRun.Execute(scenario, loaded.Document, outPath, options, thresholds, terminal, cancellation);
        }
        var progress = ScenarioLoading.Progress(options, terminal, target?.MaxRuns ?? scenario.Runs,
            relativeHalfWidth: target is null || !PrecisionTarget.Probabilities.Contains(target.Quantity));
        var runnerOptions = new RunnerOptions
        {
            Threads = ScenarioLoading.Threads(options, terminal, scenario),
            SaveRuns = options.SaveRuns,
            Progress = progress is null ? null : progress.Report,
            Cancellation = cancellation,
            Precision = target,
            KeepPartial = options.KeepPartial,
            KeepPaths = options.Paths ?? 0,
        };

        MonteCarloResult result;
        try
        {
            result = MonteCarloRunner.Run(scenario, runnerOptions);
        }
        catch (OperationCanceledException exception)
        {
            progress?.Finish();
            terminal.Error.WriteLine($"Interrupted: {exception.Message.Replace("The run was cancelled", "stopped", StringComparison.Ordinal)} No output was written (--keep-partial keeps what was done).");
            return ExitCodes.Interrupted;
        }
        progress?.Finish();

        RunOutputs.Write(result, loaded.Document, outPath, options.NoPlots, [.. options.Set], thresholds, options.Force);
        if (result.IsPartial)
        {
            terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Interrupted after {result.Runs:N0} of {result.PlannedRuns:N0} runs; {outPath} holds their summary, flagged \"partial\": true."));
            return ExitCodes.Interrupted;
        }
        RunOutputs.PrintHeadline(result, outPath, terminal, thresholds);
        return ExitCodes.Ok;
    }

    /// <summary>True when <paramref name="folder"/> is a laborsim output whose summary.json says it is partial.</summary>
    internal static bool IsPartialOutput(string folder)
    {
        string summary = Path.Combine(folder, "summary.json");
        if (!File.Exists(Path.Combine(folder, Simulation.IO.Output.OutputFolder.MarkerFile)) || !File.Exists(summary))
        {
            return false;
        }
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(summary));
            return json.RootElement.TryGetProperty("partial", out var partial) && partial.ValueKind == System.Text.Json.JsonValueKind.True;
        }
        catch (Exception exception) when (exception is IOException or System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>How two folders overlap ("are the same folder", "one holds the other"), or null when they are apart.</summary>
    internal static string? Overlap(string first, string second)
    {
        string a = Path.GetFullPath(first).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        string b = Path.GetFullPath(second).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (a == b)
        {
            return "are the same folder";
        }
        return a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal) ? "lie one inside the other" : null;
    }

    /// <summary>
    /// out/NAME, or with values changed by --set out/NAME-modified-HASH (the hash of the assignments): a modified run never
    /// lands in, or is refused by, the folder of the file's own results.
    /// </summary>
    internal static string DefaultOutput(string scenario, IReadOnlyList<string> assignments)
    {
        if (assignments.Count == 0)
        {
            return Path.Combine("out", scenario);
        }
        string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", assignments))))[..8];
        return Path.Combine("out", $"{scenario}-modified-{hash}");
    }

    /// <summary>Why runs.csv cannot be made on this machine: the table would not fit in memory, or the file on the disk.</summary>
    internal static string? SaveRunsRefusal(Scenario scenario, string outPath)
    {
        long columns = new CompiledScenario(scenario).RecordedInputNames.Count + OutputCatalogue.MetricCount;
        long bytes = scenario.Runs * columns * sizeof(double);
        long memoryLimit = Math.Min(MaxSavedRunBytes, ScenarioLoading.MemoryBudget);
        if (bytes > memoryLimit || scenario.Runs * columns > int.MaxValue)
        {
            return $"--save-runs: {scenario.Runs:N0} runs x {columns} columns would need {bytes / (1 << 20):N0} MiB in memory "
                + $"(at most {memoryLimit >> 20:N0} MiB here); run fewer runs with --runs, or leave out --save-runs. Nothing was run.";
        }
        // About 20 characters per value in runs.csv.
        long fileBytes = scenario.Runs * (columns + 1) * 20;
        try
        {
            string full = Path.GetFullPath(outPath);
            var drive = new DriveInfo(Path.GetPathRoot(full)!);
            if (fileBytes > drive.AvailableFreeSpace)
            {
                return $"--save-runs: runs.csv would take about {fileBytes / (1 << 20):N0} MiB but {drive.RootDirectory} has {drive.AvailableFreeSpace / (1 << 20):N0} MiB free; "
                    + "run fewer runs or write elsewhere with --out. Nothing was run.";
            }
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // The free space cannot be known here; writing will tell.
        }
        return null;
    }

    private static (int, int)? ShardOption(RunOptions options, List<ScenarioProblem> problems)
    {
        string text = options.Shard!;
        var position = new Simulation.IO.Yaml.SourcePosition($"--shard {text}", 0, 0);
        string[] parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            problems.Add(new ScenarioProblem(position, "", "must be I/N with whole numbers, e.g. --shard 0/8 for the first of eight shards"));
            return null;
        }
        if (count < 1 || count > 100_000 || index >= count)
        {
            problems.Add(new ScenarioProblem(position, "", $"needs 1 <= N <= 100,000 and 0 <= I < N (shards count from 0), got {index}/{count}"));
            return null;
        }
        if (options.Threshold.Any())
        {
            problems.Add(new ScenarioProblem(position, "", "writes a shard's state, not results: give --threshold to 'laborsim merge', which makes them"));
            return null;
        }
        if (options.Precision is not null || options.SaveRuns || options.Checkpoint is not null || options.Resume is not null)
        {
            problems.Add(new ScenarioProblem(position, "", "cannot be combined with --precision, --save-runs, --checkpoint or --resume"));
            return null;
        }
        return (index, count);
    }

    private static PrecisionTarget? PrecisionOption(RunOptions options, double precision, List<ScenarioProblem> problems)
    {
        bool ok = true;
        string quantity = options.PrecisionMetric ?? "remittances_usd";
        bool isProbability = PrecisionTarget.Probabilities.Contains(quantity);
        bool isMetric = OutputCatalogue.TryParseMetric(quantity, out _);
        if (!isProbability && !isMetric)
        {
            var names = OutputCatalogue.MetricNames.Concat(PrecisionTarget.Probabilities).ToList();
            string? suggestion = Spelling.Closest(quantity, names);
            problems.Add(new ScenarioProblem(new($"--precision-metric {quantity}", 0, 0), "",
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
        if ((options.Checkpoint ?? options.Resume) is not null)
        {
            problems.Add(new ScenarioProblem(new("--checkpoint", 0, 0), "", "cannot be combined with --precision"));
            ok = false;
        }
        return ok ? new PrecisionTarget(quantity, precision, maxRuns) : null;
    }
}
