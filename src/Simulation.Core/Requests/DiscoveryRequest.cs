using Simulation.Core.Discovery;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Requests;

/// <summary>
/// Scenario discovery (PRIM): which ranges of the uncertain inputs concentrate the runs meeting a condition, on the
/// runs of <see cref="Scenario"/> made here, or on a table of runs made before (<see cref="Runs"/>).
/// </summary>
public sealed record DiscoveryRequest(OutcomeCondition Condition, PrimOptions Prim)
{
    /// <summary>The scenario to run, keeping every run; null when <see cref="Runs"/> is given.</summary>
    public Scenario? Scenario { get; init; }

    /// <summary>Runs made before (a folder of <c>laborsim run --save-runs</c>); null when <see cref="Scenario"/> is run.</summary>
    public RunTable? Runs { get; init; }

    /// <summary>The step of the trajectory to show; null for the one balancing coverage and density.</summary>
    public int? Box { get; init; }

    /// <summary>Seed of the resamples that test the box's reproducibility.</summary>
    public long Seed { get; init; }

    /// <summary>Every reason this request cannot run; empty when it can.</summary>
    public IReadOnlyList<RequestProblem> Validate(ResourceBudget budget)
    {
        var problems = new List<RequestProblem>();
        Fraction(problems, "peel-alpha", Prim.PeelAlpha, 0.5, 0.05);
        Fraction(problems, "paste-alpha", Prim.PasteAlpha, 0.5, 0.05);
        Fraction(problems, "mass-min", Prim.MassMin, 1, 0.05);
        if (Box is < 0)
        {
            problems.Add(RequestProblem.Option("box", Box, "is a step of the trajectory, counted from 0"));
        }
        if (Scenario is { } scenario)
        {
            if (budget.HorizonRefusal(scenario) is { } horizon)
            {
                problems.Add(horizon);
            }
            if (budget.RunTableRefusal(scenario.Runs, RunRequest.RunTableColumns(scenario), RunRequest.MaxSavedRunBytes) is { } table)
            {
                problems.Add(new RequestProblem("--runs", $"discover keeps every run, and {table}; run fewer runs with --runs"));
            }
        }
        return problems;
    }

    private static void Fraction(List<RequestProblem> problems, string option, double value, double below, double fallback)
    {
        if (!(value > 0 && value < below))
        {
            string limit = below.ToString(System.Globalization.CultureInfo.InvariantCulture);
            problems.Add(RequestProblem.Option(option, value, $"must lie strictly between 0 and {limit} (default {fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)})"));
        }
    }

    /// <summary>
    /// Runs the scenario (unless runs were given) and PRIM. Refuses (<see cref="RequestRefusedException"/>) a condition
    /// that no run, or every run, meets, and a box beyond the trajectory.
    /// </summary>
    public DiscoveryResult Execute(int threads, Action<RunProgress>? progress, CancellationToken cancellation)
    {
        var table = Runs ?? MonteCarloRunner.Run(Scenario!, new RunnerOptions { Threads = threads, SaveRuns = true, Progress = progress, Cancellation = cancellation }).RunTable!;
        var data = ScenarioDiscovery.Points(table, Condition);
        if (data.HitCount == 0 || data.HitCount == data.Count || data.Dimensions == 0)
        {
            string why = data.Dimensions == 0 ? "no input varies across the runs"
                : data.HitCount == 0 ? $"no run meets {Condition}" : $"every run meets {Condition}";
            throw new RequestRefusedException(new RequestProblem($"--where \"{Condition}\"",
                $"{why} in {data.Count:N0} runs, so there is nothing to tell apart; loosen or tighten the condition (or run more runs)"));
        }
        var trajectory = Discovery.Prim.Run(data, Prim);
        if (Box is { } asked && asked >= trajectory.Steps.Count)
        {
            throw new RequestRefusedException(RequestProblem.Option("box", asked,
                $"the trajectory has steps 0 to {trajectory.Steps.Count - 1}; pick one of them (prim_trajectory.csv lists them)"));
        }
        return ScenarioDiscovery.Analyse(data, Condition.ToString(), Prim, trajectory, Box, Seed);
    }
}
