using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Requests;

/// <summary>
/// A Monte Carlo run of one scenario as asked for: what to keep (every run, whole paths), when to stop (a precision
/// target), which probabilities to report, and whether it is one shard of a larger run or checkpointed. It checks its
/// own ranges and memory before anything runs (<see cref="Validate"/>).
/// </summary>
public sealed record RunRequest(Scenario Scenario)
{
    /// <summary>Most whole runs --paths keeps.</summary>
    public const int MaxPaths = 1000;

    /// <summary>Most memory the table of every run (--save-runs) may take, whatever the machine has.</summary>
    public const long MaxSavedRunBytes = 4L << 30;

    /// <summary>Runs --precision makes at most unless --max-runs says.</summary>
    public const long DefaultMaxRuns = 10_000_000;

    /// <summary>Keep every run's inputs and metrics (runs.csv).</summary>
    public bool SaveRuns { get; init; }

    /// <summary>Keep runs 0 .. N-1 whole (paths.csv); null keeps none.</summary>
    public int? KeepPaths { get; init; }

    /// <summary>Run until this precision is reached instead of the scenario's run count.</summary>
    public PrecisionTarget? Precision { get; init; }

    /// <summary>On interruption, keep what was done (flagged partial).</summary>
    public bool KeepPartial { get; init; }

    /// <summary>Probabilities P(metric &gt; value) to report.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>Only shard <c>Index</c> of <c>Count</c>, written as mergeable state; null for the whole run.</summary>
    public (int Index, int Count)? Shard { get; init; }

    /// <summary>Saves completed blocks to a checkpoint as it goes.</summary>
    public bool Checkpointed { get; init; }

    /// <summary>Runs to make: the scenario's, or the precision target's cap.</summary>
    public long PlannedRuns => Precision?.MaxRuns ?? Scenario.Runs;

    /// <summary>Every reason this request cannot run on a machine with <paramref name="budget"/>; empty when it can.</summary>
    public IReadOnlyList<RequestProblem> Validate(ResourceBudget budget)
    {
        var problems = new List<RequestProblem>();
        if (KeepPaths is { } kept && (kept < 1 || kept > MaxPaths))
        {
            problems.Add(RequestProblem.Option("paths", kept, $"must be a whole number from 1 to {MaxPaths:N0}"));
        }
        if (KeepPaths is not null && (Shard is not null || Checkpointed))
        {
            problems.Add(RequestProblem.Option("paths", null, "cannot be combined with --shard, --checkpoint or --resume, which keep summaries, not runs"));
        }
        if (SaveRuns && Checkpointed)
        {
            problems.Add(RequestProblem.Option("save-runs", null, "cannot be combined with --checkpoint or --resume: a checkpoint keeps summaries, not every run"));
        }
        if (Precision is { } target)
        {
            ValidatePrecision(target, problems);
        }
        if (Shard is { } shard)
        {
            var subject = $"--shard {shard.Index}/{shard.Count}";
            if (shard.Count < 1 || shard.Count > 100_000 || shard.Index < 0 || shard.Index >= shard.Count)
            {
                problems.Add(new RequestProblem(subject, $"needs 1 <= N <= 100,000 and 0 <= I < N (shards count from 0), got {shard.Index}/{shard.Count}"));
            }
            else if (Thresholds.Count > 0)
            {
                problems.Add(new RequestProblem(subject, "writes a shard's state, not results: give --threshold to 'laborsim merge', which makes them"));
            }
            else if (Precision is not null || SaveRuns || Checkpointed)
            {
                problems.Add(new RequestProblem(subject, "cannot be combined with --precision, --save-runs, --checkpoint or --resume"));
            }
        }
        if (budget.HorizonRefusal(Scenario) is { } horizon)
        {
            problems.Add(horizon);
        }
        if (SaveRuns && SavedRunsRefusal(budget) is { } saved)
        {
            problems.Add(new RequestProblem("--save-runs", saved + "; run fewer runs with --runs, or leave out --save-runs"));
        }
        return problems;
    }

    /// <summary>Why the table of every run would not fit in memory, or null.</summary>
    public string? SavedRunsRefusal(ResourceBudget budget) =>
        budget.RunTableRefusal(Scenario.Runs, RunTableColumns(Scenario), MaxSavedRunBytes);

    /// <summary>Columns of a run's row in the table of every run: its recorded inputs and every metric.</summary>
    public static long RunTableColumns(Scenario scenario) =>
        scenario.RecordedInputNames().Count + OutputCatalogue.MetricCount + (scenario.Destinations.Count >= 2 ? scenario.Destinations.Count : 0);

    private void ValidatePrecision(PrecisionTarget target, List<RequestProblem> problems)
    {
        bool isProbability = target.IsProbability;
        double precision = target.HalfWidth;
        if (!(precision > 0) || (isProbability && precision >= 0.5) || double.IsInfinity(precision))
        {
            problems.Add(RequestProblem.Option("precision", precision,
                "must be above 0 (a relative half-width such as 0.01 for a metric; an absolute one below 0.5 for a probability)"));
        }
        if (target.MaxRuns < 1 || target.MaxRuns > 1_000_000_000)
        {
            problems.Add(RequestProblem.Option("max-runs", target.MaxRuns, "must be a whole number from 1 to 1,000,000,000"));
        }
        if (SaveRuns)
        {
            problems.Add(RequestProblem.Option("save-runs", null, "cannot be combined with --precision, which decides the number of runs as it goes"));
        }
        if (Checkpointed)
        {
            problems.Add(RequestProblem.Option("checkpoint", null, "cannot be combined with --precision"));
        }
        if (Scenario.Sampling == Sampling.SamplingMethod.LatinHypercube)
        {
            problems.Add(RequestProblem.Option("precision", precision,
                "adds runs until its target is met, but a Latin hypercube is built for a fixed number of runs; give --runs N instead, or use sampling: {method: sobol}, which extends"));
        }
    }

    /// <summary>
    /// The thresholds to count in every run: those asked for, and those the scenario's claims need (so that a claim
    /// about a share is judged on the exact count, not on the sketch).
    /// </summary>
    public IReadOnlyList<Threshold> CountedThresholds()
    {
        var counted = new List<Threshold>(Thresholds);
        foreach (var claim in Scenario.Expectations)
        {
            if (claim.CountedThreshold is { } needed && !counted.Contains(new Threshold(needed.Metric, needed.Value)))
            {
                counted.Add(new Threshold(needed.Metric, needed.Value));
            }
        }
        return counted;
    }

    /// <summary>The runner's options for this request, with how the caller runs it.</summary>
    public RunnerOptions RunnerOptions(int threads, Action<RunProgress>? progress, CancellationToken cancellation) => new()
    {
        Threads = threads,
        SaveRuns = SaveRuns,
        KeepPaths = KeepPaths ?? 0,
        Precision = Precision,
        KeepPartial = KeepPartial,
        Thresholds = CountedThresholds(),
        Progress = progress,
        Cancellation = cancellation,
    };
}
