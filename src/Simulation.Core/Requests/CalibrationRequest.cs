using Simulation.Core.Calibration;
using Simulation.Core.Model;

namespace Simulation.Core.Requests;

/// <summary>
/// A posterior for a scenario's uncertain inputs (its priors) from observations, by ABC-SMC or rejection ABC, then
/// <see cref="PredictiveRuns"/> runs of the calibrated scenario to check it against every observation.
/// </summary>
public sealed record CalibrationRequest(Scenario Scenario, IReadOnlyList<Observation> Observations, AbcOptions Abc)
{
    /// <summary>Most particles a calibration keeps.</summary>
    public const int MaxParticles = 1_000_000;

    /// <summary>Longest weight step per generation a calibration may be estimated to take before it is refused.</summary>
    public static readonly TimeSpan MaxWeightStep = TimeSpan.FromHours(1);

    /// <summary>Posterior predictive runs when none are asked for: enough for a 90% band, few enough to take seconds.</summary>
    public const long DefaultPredictiveRuns = 10_000;

    /// <summary>Most posterior predictive runs: the check keeps every run's value of each observation.</summary>
    public const long MaxPredictiveRuns = 10_000_000;

    /// <summary>Runs of the calibrated scenario for the posterior predictive check.</summary>
    public long PredictiveRuns { get; init; } = DefaultPredictiveRuns;

    /// <summary>History matching before ABC (<c>--history-match</c>): ABC then starts from the region it did not rule out.</summary>
    public HistoryMatchOptions? HistoryMatch { get; init; }

    /// <summary>Every reason this request cannot run; empty when it can.</summary>
    public IReadOnlyList<RequestProblem> Validate(ResourceBudget budget)
    {
        var problems = new List<RequestProblem>();
        bool rejection = Abc.Method == AbcMethod.Rejection;
        if (Abc.Particles < 2 || Abc.Particles > MaxParticles)
        {
            problems.Add(RequestProblem.Option("particles", Abc.Particles, $"must be a whole number from 2 to {MaxParticles:N0}"));
        }
        else if (!rejection && AbcEngine.EstimatedWeightStep(Abc.Particles, Math.Max(1, Scenario.UncertainInputs().Count), budget.Cores) is { } weighing && weighing > MaxWeightStep)
        {
            // The weight step compares every particle with every other: quadratic in --particles.
            long most = (long)Math.Sqrt(Abc.Particles * (double)Abc.Particles * MaxWeightStep.TotalSeconds / weighing.TotalSeconds);
            problems.Add(RequestProblem.Option("particles", Abc.Particles,
                $"ABC-SMC's weight step compares every particle with every other, an estimated {weighing.TotalHours:0.#} hours per generation on {budget.Cores} cores; use at most about {most:N0} particles here, or --method rejection (no weight step)"));
        }
        if (rejection && (!(Abc.Quantile > 0 && Abc.Quantile <= 1) || Abc.Particles / Abc.Quantile > 1e9))
        {
            problems.Add(RequestProblem.Option("quantile", Abc.Quantile, "must be above 0 and at most 1, with --particles / --quantile at most 1,000,000,000 candidates"));
        }
        if (!(Abc.MinAcceptance > 0 && Abc.MinAcceptance <= 1))
        {
            problems.Add(RequestProblem.Option("min-acceptance", Abc.MinAcceptance, "must be above 0 and at most 1, e.g. 0.01"));
        }
        if (Abc.MaxGenerations < 1 || Abc.MaxGenerations > 1000)
        {
            problems.Add(RequestProblem.Option("max-generations", Abc.MaxGenerations, "must be a whole number from 1 to 1,000"));
        }
        if (PredictiveRuns > MaxPredictiveRuns)
        {
            problems.Add(RequestProblem.Option("runs", PredictiveRuns, $"the posterior predictive check keeps every run's value of each observation; use at most {MaxPredictiveRuns:N0}"));
        }
        else if (budget.RunTableRefusal(PredictiveRuns, Math.Max(1, Observations.Count)) is { } memory)
        {
            problems.Add(RequestProblem.Option("runs", PredictiveRuns, $"the posterior predictive check keeps every run's value of each of the {Observations.Count:N0} observations: {memory}; use fewer --runs"));
        }
        if (Scenario.Correlations.Count > 0)
        {
            // ABC draws and weighs each input from its own prior; a copula would need its density in the weights,
            // and a posterior drawn without it would be published as if it honoured the correlations.
            problems.Add(new RequestProblem("", "correlations: calibration treats the priors as independent, so it cannot honour correlated inputs; calibrate the scenario without 'correlations:' (the data then inform how the inputs move together)"));
        }
        if (Scenario.Posterior is not null)
        {
            problems.Add(new RequestProblem("", "posterior: the scenario is already calibrated; calibrate the scenario it came from (without 'posterior:'), with every observation file at once"));
        }
        else if (Scenario.UncertainInputs() is { Count: 0 })
        {
            problems.Add(new RequestProblem("", "has no uncertain inputs to calibrate: give the inputs the data should inform a distribution (the prior), e.g. --set \"pay.wage={dist: uniform, min: 60000, max: 80000}\""));
        }
        else if (!rejection)
        {
            foreach (var input in Scenario.UncertainInputs())
            {
                if (!input.Distribution.IsContinuous)
                {
                    problems.Add(new RequestProblem("", $"{input.KeyPath}: has the discrete prior {input.Distribution}, which ABC-SMC cannot perturb; use --method rejection or a continuous prior"));
                }
            }
        }
        if (HistoryMatch is not null)
        {
            problems.AddRange(HistoryMatchRequest.OptionProblems(HistoryMatch, Scenario, budget));
        }
        if (budget.HorizonRefusal(Scenario) is { } horizon)
        {
            problems.Add(horizon);
        }
        return problems;
    }

    /// <summary>Calibrates; <paramref name="threads"/>, <paramref name="progress"/> and <paramref name="cancellation"/> change no result.</summary>
    public CalibrationResult Execute(int threads, Action<AbcProgress>? progress, CancellationToken cancellation) =>
        ModelCalibration.Run(Scenario, Observations, Abc with { Threads = threads, Progress = progress, Cancellation = cancellation }, (int)PredictiveRuns, HistoryMatch);
}
