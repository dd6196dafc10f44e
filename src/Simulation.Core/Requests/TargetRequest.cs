using System.Diagnostics;
using Simulation.Core.Decisions;
using Simulation.Core.Discovery;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Requests;

/// <summary>
/// The weakest setting of one lever (or, for two, the frontier) at which P(<see cref="Condition"/>) is at most
/// <see cref="AtMost"/>, judged on the scenario's futures under common random numbers (docs/decisions.md).
/// </summary>
public sealed record TargetRequest(Scenario Scenario, IReadOnlyList<string> LeverKeys, OutcomeCondition Condition, double AtMost)
{
    /// <summary>Most grid points on a lever.</summary>
    public const int MaxGridPoints = 101;

    /// <summary>Confidence of the upper Clopper-Pearson bound that judges P.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Width of the final bracket in the lever's units; null for 1% of its range.</summary>
    public double? Tolerance { get; init; }

    /// <summary>Points of the coarse grid (on each lever).</summary>
    public int GridPoints { get; init; } = 9;

    /// <summary>True when the levers' smaller values are the stronger ones.</summary>
    public bool StrongestIsLower { get; init; }

    /// <summary>
    /// The month the levers take each searched value from (the months before keep the scenario's own values, so that a
    /// forecast's past stays as recorded); null for the whole horizon.
    /// </summary>
    public Simulation.Core.Calendar.YearMonth? From { get; init; }

    /// <summary>The scenario's levers named by <see cref="LeverKeys"/> (those it declares).</summary>
    public IReadOnlyList<Lever> Levers => [.. LeverKeys.Select(k => Scenario.Levers.FirstOrDefault(l => l.KeyPath == k)).OfType<Lever>()];

    /// <summary>Every reason this request cannot run; empty when it can.</summary>
    public IReadOnlyList<RequestProblem> Validate(ResourceBudget budget)
    {
        var problems = new List<RequestProblem>();
        if (Scenario.Policy is { } policy)
        {
            problems.Add(new RequestProblem("--policy", $"target searches the levers from the scenario as written; it is set to {policy.Name} (drop --policy, or policy: from the file)"));
        }
        if (LeverKeys.Count is 0 or > 2)
        {
            problems.Add(new RequestProblem("--lever", LeverKeys.Count == 0 ? "is missing: name the lever to search, e.g. --lever enforcement.expel_fraction" : $"takes one lever, or two for a frontier; got {LeverKeys.Count}"));
        }
        if (LeverKeys.Count == 2 && LeverKeys[0] == LeverKeys[1])
        {
            problems.Add(new RequestProblem($"--lever {LeverKeys[1]}", "is given twice; a frontier needs two different levers"));
        }
        foreach (string key in LeverKeys)
        {
            var lever = Scenario.Levers.FirstOrDefault(l => l.KeyPath == key);
            if (lever is null)
            {
                string declared = Scenario.Levers.Count == 0 ? "it declares none" : $"its levers: {string.Join(", ", Scenario.Levers.Select(l => l.KeyPath))}";
                problems.Add(new RequestProblem($"--lever {key}", $"is not a lever of scenario {Scenario.Name} ({declared}); declare it with 'levers: {{{key}: {{min: A, max: B}}}}'"));
            }
            else if (lever.Min is null || lever.Max is null || !(lever.Max > lever.Min))
            {
                problems.Add(new RequestProblem($"--lever {key}", $"takes {lever.Describe()}; a search needs a range, 'levers: {{{key}: {{min: A, max: B}}}}' (to compare a few values, use laborsim robust or sweep)"));
            }
        }
        if (From is { } from)
        {
            var last = Scenario.Start.AddMonths(Scenario.Months - 1);
            if (from.CompareTo(Scenario.Start) < 0 || from.CompareTo(last) > 0)
            {
                problems.Add(new RequestProblem($"--from {from}", $"is outside the horizon ({Scenario.Start} to {last})"));
            }
            foreach (string key in LeverKeys)
            {
                if (Scenario.TimelineTarget(key) is null && !Scenario.IsHazardMultiplier(key))
                {
                    problems.Add(new RequestProblem($"--from {from}", $"{key} cannot change during a run (it is drawn once for month 0), so it can be searched only over the whole horizon: drop --from"));
                }
            }
        }
        if (!(AtMost >= 0 && AtMost < 1))
        {
            problems.Add(RequestProblem.Option("at-most", AtMost, "must be a probability from 0 up to (not including) 1"));
        }
        if (!(Confidence >= 0.5 && Confidence < 1))
        {
            problems.Add(RequestProblem.Option("confidence", Confidence, "must be from 0.5 up to (not including) 1, e.g. 0.95"));
        }
        if (GridPoints < 3 || GridPoints > MaxGridPoints)
        {
            problems.Add(RequestProblem.Option("grid", GridPoints, $"must be 3 to {MaxGridPoints} points"));
        }
        if (Tolerance is { } tolerance && Levers.Count == LeverKeys.Count && Levers.Count > 0)
        {
            var searched = Levers[^1];
            if (!(tolerance > 0 && tolerance < searched.Max!.Value - searched.Min!.Value))
            {
                problems.Add(RequestProblem.Option("tolerance", tolerance, $"must be above 0 and below the range of {searched.KeyPath} ({searched.Describe()})"));
            }
        }
        if (Scenario.Runs > int.MaxValue / 4)
        {
            problems.Add(RequestProblem.Option("runs", Scenario.Runs, "is more futures than a target search holds at once; use fewer"));
        }
        if (budget.HorizonRefusal(Scenario) is { } horizon)
        {
            problems.Add(horizon);
        }
        return problems;
    }

    /// <summary>
    /// Runs a search makes when it brackets an answer: the grid, then the bisection steps to the tolerance (fewer when
    /// the bound is met at the weakest setting or nowhere), for each grid point of the first lever with two.
    /// </summary>
    public long ExpectedRuns
    {
        get
        {
            var levers = Levers;
            if (levers.Count == 0)
            {
                return 0;
            }
            var searched = Options(levers[^1]);
            int bisections = (int)Math.Ceiling(Math.Log2((searched.High - searched.Low) / (GridPoints - 1) / searched.AbsoluteTolerance));
            long perSearch = Scenario.Runs * (GridPoints + Math.Max(0, bisections));
            return levers.Count == 1 ? perSearch : perSearch * GridPoints;
        }
    }

    /// <summary>Runs the search; progress counts futures over <see cref="ExpectedRuns"/>.</summary>
    public TargetAnalysis Execute(int threads, Action<RunProgress>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var levers = Levers;
        var searched = Options(levers[^1]);
        long futures = Scenario.Runs;
        long expected = ExpectedRuns;
        long done = 0;
        var measure = new[] { Measure.Defaults[0] };

        bool[][] Simulate(IReadOnlyList<double> values, double? first)
        {
            var policies = values.Select((v, i) => new Policy($"setting-{i}",
                first is { } a ? [new PolicySetting(levers[0].KeyPath, a), new PolicySetting(levers[1].KeyPath, v)] : [new PolicySetting(levers[0].KeyPath, v)])
            { From = From }).ToList();
            long before = done;
            var table = RobustAnalysis.Run(Scenario, policies, measure, Condition, 0, futures, threads,
                progress is null ? null : p => progress(new RunProgress(before + p.Done * policies.Count, Math.Max(expected, before + futures * policies.Count), null)), cancellation);
            done += futures * policies.Count;
            var hits = new bool[policies.Count][];
            for (int k = 0; k < policies.Count; k++)
            {
                hits[k] = new bool[futures];
                for (int f = 0; f < futures; f++)
                {
                    hits[k][f] = table.Satisfied[f * policies.Count + k];
                }
            }
            return hits;
        }

        if (levers.Count == 1)
        {
            var single = TargetSearch.Run(values => Simulate(values, null), searched);
            return new TargetAnalysis(Scenario, levers, Condition, searched) { Single = single, From = From, Elapsed = clock.Elapsed };
        }
        var first = Options(levers[0]);
        var frontier = new List<FrontierPoint>();
        for (int i = 0; i < GridPoints; i++)
        {
            // The first lever from its weakest setting to its strongest, as the grid of a search on it would run.
            double fraction = (double)i / (GridPoints - 1);
            double a = StrongestIsLower ? first.High - fraction * (first.High - first.Low) : first.Low + fraction * (first.High - first.Low);
            frontier.Add(new FrontierPoint(a, TargetSearch.Run(values => Simulate(values, a), searched)));
        }
        return new TargetAnalysis(Scenario, levers, Condition, searched) { Frontier = frontier, FirstLever = first, From = From, Elapsed = clock.Elapsed };
    }

    private TargetOptions Options(Lever lever) => new()
    {
        Low = lever.Min!.Value,
        High = lever.Max!.Value,
        StrongestIsLower = StrongestIsLower,
        AtMost = AtMost,
        Confidence = Confidence,
        Tolerance = Tolerance,
        GridPoints = GridPoints,
    };
}
