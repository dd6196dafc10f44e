using Simulation.Core.Analysis;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Requests;

/// <summary>
/// Scenarios run side by side, run by run, with paired differences against the first. Runs pair up only on one
/// calendar, horizon, run count and seed, the first scenario's: <see cref="Aligned"/> gives the scenarios as they run,
/// with a note for each one changed.
/// </summary>
public sealed record CompareRequest(IReadOnlyList<Scenario> Scenarios)
{
    /// <summary>Run r of every scenario uses the same random streams (true) or independent ones.</summary>
    public bool CommonRandomNumbers { get; init; } = true;

    /// <summary>Probabilities P(metric &gt; value) to give per scenario and paired.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>Every reason this request cannot run; empty when it can.</summary>
    public IReadOnlyList<RequestProblem> Validate(ResourceBudget budget)
    {
        var problems = new List<RequestProblem>();
        if (Scenarios.Count < 2)
        {
            problems.Add(new RequestProblem("laborsim compare", "needs two or more scenario files; differences are against the first"));
        }
        foreach (var scenario in Scenarios)
        {
            if (budget.HorizonRefusal(scenario) is { } horizon)
            {
                problems.Add(horizon with { Subject = scenario.Name });
            }
        }
        return problems;
    }

    /// <summary>
    /// The scenarios as compared: each with the first's start, months, runs and seed, and names made unique (a second
    /// "baseline" becomes "baseline-2"); <paramref name="notes"/> receives a line for each scenario whose calendar changed.
    /// </summary>
    public IReadOnlyList<Scenario> Aligned(ICollection<string> notes)
    {
        var aligned = new List<Scenario>();
        if (Scenarios.Count == 0)
        {
            return aligned;
        }
        var first = Scenarios[0];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < Scenarios.Count; k++)
        {
            var scenario = Scenarios[k];
            if (k > 0 && (scenario.Start != first.Start || scenario.Months != first.Months || scenario.Runs != first.Runs || scenario.Seed != first.Seed))
            {
                notes.Add($"note: {scenario.Name} runs with the start, months, runs and seed of {first.Name} ({first.Start}, {first.Months}, {first.Runs}, {first.Seed}) so that runs pair up");
                if (DatedBefore(scenario, first.Start) is { Count: > 0 } early)
                {
                    notes.Add($"WARNING: {scenario.Name} was written for a start in {scenario.Start}; moved to {first.Start}, its events dated before then "
                        + $"({string.Join("; ", early)}) all apply from its first month, {first.Start}, so it is no longer the scenario its file describes: "
                        + "compare scenarios written for one calendar, or put the one whose calendar should count first");
                }
            }
            string name = scenario.Name;
            for (int suffix = 2; !names.Add(name); suffix++)
            {
                name = $"{scenario.Name}-{suffix}";
            }
            aligned.Add(scenario with { Name = name, Start = first.Start, Months = first.Months, Runs = first.Runs, Seed = first.Seed });
        }
        return aligned;
    }

    /// <summary>The dated events of <paramref name="scenario"/> before <paramref name="start"/>, in words ("timeline from 2018-09").</summary>
    private static List<string> DatedBefore(Scenario scenario, Calendar.YearMonth start)
    {
        var early = new List<string>();
        void Check(Calendar.YearMonth month, string what)
        {
            if (month.CompareTo(start) < 0)
            {
                early.Add($"{what} {month}");
            }
        }
        foreach (var entry in scenario.Timeline)
        {
            Check(entry.From, "timeline from");
        }
        foreach (var order in scenario.Repatriation)
        {
            Check(order.Deadline, "repatriation deadline");
        }
        foreach (var contingent in scenario.Contingents)
        {
            Check(contingent.Month, "contingent of");
        }
        foreach (var change in scenario.Enforcement.BaseHazardChanges)
        {
            Check(change.From, "enforcement change from");
        }
        if (scenario.Ceasefire.NotBefore is { } notBefore)
        {
            Check(notBefore, "no ceasefire before");
        }
        return early;
    }

    /// <summary>Runs the aligned scenarios.</summary>
    public ComparisonResult Execute(IReadOnlyList<Scenario> aligned, int threads, Action<RunProgress>? progress, CancellationToken cancellation) =>
        ComparisonRunner.Run(aligned, new ComparisonOptions
        {
            Threads = threads,
            CommonRandomNumbers = CommonRandomNumbers,
            Thresholds = Thresholds,
            Progress = progress,
            Cancellation = cancellation,
        });
}
