using Simulation.Core.Calibration;
using Simulation.Core.Model;

namespace Simulation.Core.Requests;

/// <summary>History matching of a scenario's uncertain inputs to observations (docs/calibration.md, "History matching").</summary>
public sealed record HistoryMatchRequest(Scenario Scenario, IReadOnlyList<Observation> Observations, HistoryMatchOptions Options)
{
    /// <summary>Most candidates per wave: each keeps its inputs and one value per observation in memory.</summary>
    public const int MaxCandidates = 10_000_000;

    /// <summary>Most model runs per candidate.</summary>
    public const int MaxReplicates = 10_000;

    /// <summary>Every reason this request cannot run; empty when it can.</summary>
    public IReadOnlyList<RequestProblem> Validate(ResourceBudget budget)
    {
        var problems = new List<RequestProblem>();
        problems.AddRange(OptionProblems(Options, Scenario, budget));
        if (Scenario.Posterior is not null)
        {
            problems.Add(new RequestProblem("", "posterior: the scenario is already calibrated; history-match the scenario it came from (without 'posterior:')"));
        }
        else if (Scenario.UncertainInputs() is { Count: 0 })
        {
            problems.Add(new RequestProblem("", "has no uncertain inputs to match: give the inputs the data should rule on a distribution (the range searched)"));
        }
        if (Scenario.Correlations.Count > 0)
        {
            problems.Add(new RequestProblem("", "correlations: history matching searches each input's own range, so it cannot honour correlated inputs; match the scenario without 'correlations:'"));
        }
        if (budget.HorizonRefusal(Scenario) is { } horizon)
        {
            problems.Add(horizon);
        }
        return problems;
    }

    /// <summary>
    /// What is wrong with <paramref name="options"/> for <paramref name="scenario"/>: the settings alone, also when
    /// history matching comes before ABC (<c>--history-match</c>).
    /// </summary>
    public static IReadOnlyList<RequestProblem> OptionProblems(HistoryMatchOptions options, Scenario scenario, ResourceBudget budget)
    {
        var problems = new List<RequestProblem>();
        if (options.Candidates < 10 || options.Candidates > MaxCandidates)
        {
            problems.Add(RequestProblem.Option("candidates", options.Candidates, $"must be a whole number from 10 to {MaxCandidates:N0}"));
        }
        else if (budget.RunTableRefusal(options.Candidates, Math.Max(1, scenario.UncertainInputs().Count) * 2L + 2) is { } memory)
        {
            problems.Add(RequestProblem.Option("candidates", options.Candidates, $"each wave keeps every candidate's inputs: {memory}; use fewer --candidates"));
        }
        if (options.Replicates < 1 || options.Replicates > MaxReplicates)
        {
            problems.Add(RequestProblem.Option("replicates", options.Replicates, $"must be a whole number from 1 to {MaxReplicates:N0} (runs per candidate, for E[y] and the model's own variance)"));
        }
        if (!(options.Cutoff > 0) || double.IsInfinity(options.Cutoff))
        {
            problems.Add(RequestProblem.Option("cutoff", options.Cutoff, "must be a number above 0, e.g. 3 (Pukelsheim's 3-sigma rule)"));
        }
        if (!(options.Discrepancy >= 0) || double.IsInfinity(options.Discrepancy))
        {
            problems.Add(RequestProblem.Option("discrepancy", options.Discrepancy, "must be 0 or more: the model discrepancy's sd as a share of each observed value, e.g. 0.1"));
        }
        if (options.MaxWaves < 1 || options.MaxWaves > 100)
        {
            problems.Add(RequestProblem.Option("waves", options.MaxWaves, "must be a whole number from 1 to 100"));
        }
        return problems;
    }

    /// <summary>Matches; <paramref name="threads"/> and <paramref name="cancellation"/> change no result.</summary>
    public ScenarioHistoryMatch Execute(int threads, CancellationToken cancellation) =>
        ScenarioHistoryMatch.Run(Scenario, Observations, Options with { Threads = threads, Cancellation = cancellation });
}
