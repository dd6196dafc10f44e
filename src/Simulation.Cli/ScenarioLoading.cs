using Simulation.Cli.Commands;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Scenarios;
using Simulation.IO.Yaml;

namespace Simulation.Cli;

/// <summary>Turns a command's scenario options into overrides and loads scenario files, collecting every problem.</summary>
internal static class ScenarioLoading
{
    public static List<ScenarioOverride> Overrides(ScenarioOptions options, List<ScenarioProblem> problems)
    {
        var overrides = new List<ScenarioOverride>();
        if (options.Extra.Any())
        {
            problems.Add(new ScenarioProblem(new(string.Join(' ', options.Extra), 0, 0), "",
                "is more than this command takes: it runs one SCENARIO.yaml (run several one by one, or side by side with 'laborsim compare A.yaml B.yaml')"));
        }
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
        return overrides;
    }

    /// <summary>
    /// Worker threads: --threads, or every core, but never more than the cores: extra threads buy no speed, and each
    /// keeps its own summaries, so memory would grow with them (1,200 months at 256 threads ran out of memory).
    /// </summary>
    public static int Threads(ScenarioOptions options, Terminal terminal, params Scenario[] scenarios)
    {
        int cores = Environment.ProcessorCount;
        int threads = options.Threads ?? cores;
        if (threads > cores)
        {
            terminal.Error.WriteLine($"note: --threads {threads} is more than the {cores} cores here; using {cores} (results never depend on the thread count)");
            threads = cores;
        }
        // Each thread's summaries take memory in proportion to the horizon: as many threads as half the memory holds.
        long perThread = scenarios.Length == 0 ? 0 : scenarios.Max(MonteCarloRunner.ThreadMemoryBytes);
        long budget = MemoryBudget;
        if (perThread > 0 && threads > 1 && (long)threads * perThread > budget)
        {
            int fit = (int)Math.Max(1, budget / perThread);
            terminal.Error.WriteLine($"note: {threads} threads would keep about {threads * perThread >> 20:N0} MiB of summaries, more than half of the memory here; using {fit}");
            threads = fit;
        }
        return threads;
    }

    /// <summary>What laborsim lets one run take: half the memory available to the process, leaving the rest to the system.</summary>
    public static long MemoryBudget => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    /// <summary>Why even one thread's summaries would not fit in half the memory, with the numbers, or null.</summary>
    public static string? MemoryRefusal(Scenario scenario)
    {
        long perThread = MonteCarloRunner.ThreadMemoryBytes(scenario);
        long budget = MemoryBudget;
        return perThread <= budget ? null
            : $"the summaries of a {scenario.Months}-month horizon need about {perThread >> 20:N0} MiB, more than half of the {budget >> 19:N0} MiB here; use fewer --months";
    }

    public static ScenarioLoadResult Load(string file, IReadOnlyList<ScenarioOverride> overrides, List<ScenarioProblem> problems, Terminal terminal, bool strict = false)
    {
        var loaded = ScenarioReader.LoadFile(file, overrides, strict);
        problems.AddRange(loaded.Problems);
        if (loaded.Scenario is { } scenario && MemoryRefusal(scenario) is { } memory)
        {
            problems.Add(new ScenarioProblem(new(file, 0, 0), "months", memory));
        }
        ProblemPrinter.Warn(terminal, loaded.Warnings);
        return loaded;
    }

    /// <summary>Metric names from the command line; the defaults when none were given.</summary>
    public static List<Metric> Metrics(IEnumerable<string> names, string option, List<ScenarioProblem> problems, bool allowCensored = true)
    {
        var metrics = new List<Metric>();
        var all = OutputCatalogue.MetricNames;
        foreach (string name in names)
        {
            if (!OutputCatalogue.TryParseMetric(name, out var metric))
            {
                string? suggestion = Spelling.Closest(name, all);
                problems.Add(new ScenarioProblem(new SourcePosition($"{option} {name}", 0, 0), "",
                    $"unknown metric{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")} (one of {string.Join(", ", all)})"));
                continue;
            }
            if (!allowCensored && OutputCatalogue.Of(metric).Censored)
            {
                problems.Add(new ScenarioProblem(new SourcePosition($"{option} {name}", 0, 0), "",
                    "is absent in runs where the event never happens; choose a metric every run has"));
                continue;
            }
            metrics.Add(metric);
        }
        return metrics.Count > 0 || problems.Count > 0 ? metrics : [Metric.PeakWorkers, Metric.RemittancesUsd];
    }

    /// <summary>Says that a command was interrupted before writing anything; returns the exit code.</summary>
    public static int Interrupted(ProgressReporter? progress, Terminal terminal)
    {
        progress?.Finish();
        terminal.Error.WriteLine("Interrupted; no output was written.");
        return ExitCodes.Interrupted;
    }

    public static ProgressReporter? Progress(ScenarioOptions options, Terminal terminal, long total, bool relativeHalfWidth = true) =>
        options.Quiet ? null : new ProgressReporter(terminal.Error, terminal.ErrorIsTerminal, total) { RelativeHalfWidth = relativeHalfWidth };
}
