using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Requests;

/// <summary>A scenario run over a grid of one or two levers, every point with the same seed (common random numbers).</summary>
public sealed record SweepRequest(Scenario Scenario, IReadOnlyList<SweepLever> Levers, IReadOnlyList<Metric> Metrics)
{
    /// <summary>Most grid points a sweep runs.</summary>
    public const int MaxPoints = 10_000;

    /// <summary>Probabilities P(metric &gt; value) to give at every grid point.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>Probabilities by the horizon over all runs (enforced_by_horizon, ceasefire_by_horizon) to chart at every grid point.</summary>
    public IReadOnlyList<HorizonProbability> Probabilities { get; init; } = [];

    /// <summary>Points of the grid.</summary>
    public long Points
    {
        get
        {
            long points = 1;
            foreach (var lever in Levers)
            {
                points *= lever.Values.Count;
            }
            return points;
        }
    }

    /// <summary>Every reason this request cannot run; empty when it can.</summary>
    public IReadOnlyList<RequestProblem> Validate(ResourceBudget budget)
    {
        var problems = new List<RequestProblem>();
        if (Levers.Count is 0 or > 2)
        {
            problems.Add(new RequestProblem("--over", Levers.Count == 0 ? "is missing: give a lever and its values, e.g. --over enforcement.deterrence=0.2:1:5" : $"at most two levers make a grid, got {Levers.Count}"));
        }
        if (Levers.Count == 2 && Levers[0].KeyPath == Levers[1].KeyPath)
        {
            problems.Add(new RequestProblem("--over", $"{Levers[0].KeyPath}: is given twice; sweep two different levers"));
        }
        if (Points > MaxPoints)
        {
            problems.Add(new RequestProblem("--over", $"the grid has {Points:N0} points, more than {MaxPoints:N0}; use fewer values"));
        }
        if (budget.HorizonRefusal(Scenario) is { } horizon)
        {
            problems.Add(horizon);
        }
        return problems;
    }

    /// <summary>Runs every point; progress counts runs over the whole grid.</summary>
    public IReadOnlyList<SweepPoint> Execute(int threads, Action<RunProgress>? progress, CancellationToken cancellation) =>
        SweepAnalysis.Run(Scenario, Levers, new RunnerOptions { Threads = threads, Progress = progress, Cancellation = cancellation });
}
