using System.Diagnostics;
using Simulation.Core.Decisions;
using Simulation.Core.Discovery;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Requests;

/// <summary>
/// Every policy of a scenario on the same futures (docs/decisions.md, "laborsim robust"): the robustness metrics of
/// each policy on each measure, and which futures break each policy.
/// </summary>
public sealed record RobustRequest(Scenario Scenario, IReadOnlyList<Measure> Measures)
{
    /// <summary>The condition a policy meets in a future (<c>--satisfice</c>), or null.</summary>
    public OutcomeCondition? Satisfice { get; init; }

    /// <summary>A policy fails in a future where its regret on the first measure exceeds this (<c>--regret</c>), or null.</summary>
    public double? Regret { get; init; }

    /// <summary>Hurwicz's weight on the worst outcome (<c>--hurwicz</c>).</summary>
    public double Hurwicz { get; init; } = 0.5;

    /// <summary>Only shard <c>Index</c> of <c>Count</c> (its futures, for <c>laborsim merge</c>); null for all.</summary>
    public (int Index, int Count)? Shard { get; init; }

    /// <summary>PRIM's options for the failure boxes.</summary>
    public PrimOptions Prim { get; init; } = new();

    /// <summary>The policies compared: the scenario's, the status quo first unless the file names it.</summary>
    public IReadOnlyList<Policy> Policies => Scenario.PoliciesWithStatusQuo();

    /// <summary>Bytes the futures table takes: each future's inputs, and each policy's measures, signpost month and satisficing.</summary>
    public long TableBytes => Scenario.Runs * (Scenario.RecordedInputNames().Count + (long)Policies.Count * (Measures.Count + 2)) * sizeof(double);

    /// <summary>Every reason this request cannot run; empty when it can.</summary>
    public IReadOnlyList<RequestProblem> Validate(ResourceBudget budget)
    {
        var problems = new List<RequestProblem>();
        if (Scenario.Policy is { } policy)
        {
            problems.Add(new RequestProblem("--policy", $"robust runs every policy; the scenario is set to {policy.Name} (drop --policy, or policy: from the file)"));
        }
        if (Scenario.Policies.Count == 0)
        {
            problems.Add(new RequestProblem("", "has no policies: declare levers: and policies: (docs/decisions.md) for robust to compare"));
        }
        if (Measures.Count == 0 || Measures.Select(m => m.Name).Distinct().Count() != Measures.Count)
        {
            problems.Add(new RequestProblem("--measure", "must name each measure once"));
        }
        if (!(Hurwicz >= 0 && Hurwicz <= 1))
        {
            problems.Add(RequestProblem.Option("hurwicz", Hurwicz, "must be between 0 (judge by the best case) and 1 (by the worst)"));
        }
        if (Regret is { } regret && !(regret >= 0 && double.IsFinite(regret)))
        {
            problems.Add(RequestProblem.Option("regret", regret, "must be a regret of 0 or more, in the first measure's unit"));
        }
        if (Regret is not null && Satisfice is not null)
        {
            problems.Add(new RequestProblem("--regret", "and --satisfice both say when a policy fails; give one"));
        }
        if (Shard is { } shard && (shard.Count < 1 || shard.Count > 100_000 || shard.Index < 0 || shard.Index >= shard.Count))
        {
            problems.Add(new RequestProblem($"--shard {shard.Index}/{shard.Count}", $"needs 1 <= N <= 100,000 and 0 <= I < N (shards count from 0), got {shard.Index}/{shard.Count}"));
        }
        if (Scenario.Runs > int.MaxValue / 4 || TableBytes > budget.MemoryBytes)
        {
            problems.Add(RequestProblem.Option("runs", Scenario.Runs, $"robust keeps every future of every policy ({TableBytes >> 20:N0} MiB), more than half of the {budget.MemoryBytes >> 19:N0} MiB here; use fewer --runs"));
        }
        if (budget.HorizonRefusal(Scenario) is { } horizon)
        {
            problems.Add(horizon);
        }
        return problems;
    }

    /// <summary>The runs this request makes: all, or its shard's.</summary>
    public (long First, long End) RunRange()
    {
        if (Shard is not { } shard)
        {
            return (0, Scenario.Runs);
        }
        var (firstBlock, endBlock) = MonteCarloRunner.ShardBlocks(Scenario.Runs, shard.Index, shard.Count);
        return (Math.Min(firstBlock * MonteCarloRunner.BlockSize, Scenario.Runs), Math.Min(endBlock * MonteCarloRunner.BlockSize, Scenario.Runs));
    }

    /// <summary>The futures of <see cref="RunRange"/> under every policy.</summary>
    public FuturesTable Futures(int threads, Action<RunProgress>? progress, CancellationToken cancellation)
    {
        var (first, end) = RunRange();
        return RobustAnalysis.Run(Scenario, Policies, Measures, Satisfice, first, end, threads, progress, cancellation);
    }

    /// <summary>Runs every future and judges the policies.</summary>
    public RobustResult Execute(int threads, Action<RunProgress>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var table = Futures(threads, progress, cancellation);
        return Evaluate(table, TimeSpan.Zero, threads) with { Elapsed = clock.Elapsed };
    }

    /// <summary>
    /// Judges the policies on a whole futures table (one run's, or shards' joined): the same numbers, bit for bit, for
    /// any thread count and any split into shards. Each policy's failures are searched on their own thread (PRIM is the
    /// slow part at 100,000 futures), each from the same seed, so the order they finish in changes nothing.
    /// </summary>
    /// <param name="table">Every future under every policy.</param>
    /// <param name="elapsed">Time already spent making <paramref name="table"/>; the result's time adds the judging.</param>
    /// <param name="threads">Threads for the failure searches.</param>
    public RobustResult Evaluate(FuturesTable table, TimeSpan elapsed, int threads = 1)
    {
        var clock = Stopwatch.StartNew();
        var scores = RobustAnalysis.Score(table, Hurwicz, Satisfice is not null);
        int p = table.Policies.Count;
        var found = new FailureAnalysis?[p];
        Parallel.For(0, p, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, policy =>
        {
            if (Regret is { } bound)
            {
                found[policy] = RobustAnalysis.Failures(table, policy, f => RobustAnalysis.RegretOf(table, f, policy, 0) > bound,
                    $"regret on {Measures[0].Name} above {bound.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", Prim, Scenario.Seed);
            }
            else if (Satisfice is { } condition)
            {
                found[policy] = RobustAnalysis.Failures(table, policy, f => !table.Satisfied[f * p + policy], $"not {condition}", Prim, Scenario.Seed);
            }
        });
        var failures = new List<FailureAnalysis>();
        foreach (var failure in found)
        {
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }
        return new RobustResult(Scenario, Policies, table, scores, failures)
        {
            Hurwicz = Hurwicz,
            Satisfice = Satisfice,
            Regret = Regret,
            Elapsed = elapsed + clock.Elapsed,
        };
    }
}
