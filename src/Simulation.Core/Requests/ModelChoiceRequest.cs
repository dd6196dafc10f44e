using Simulation.Core.Calibration;
using Simulation.Core.Model;

namespace Simulation.Core.Requests;

/// <summary>
/// Competing scenarios calibrated together to the same observations by ABC-SMC model selection
/// (docs/calibration.md, "Model choice"): which of them the record favours, and each one's posterior.
/// </summary>
public sealed record ModelChoiceRequest(IReadOnlyList<Scenario> Scenarios, IReadOnlyList<Observation> Observations, AbcOptions Abc, IReadOnlyList<double> ModelPrior)
{
    /// <summary>Posterior predictive runs of each surviving model.</summary>
    public long PredictiveRuns { get; init; } = CalibrationRequest.DefaultPredictiveRuns;

    /// <summary>Every reason this request cannot run; empty when it can.</summary>
    public IReadOnlyList<RequestProblem> Validate(ResourceBudget budget)
    {
        var problems = new List<RequestProblem>();
        if (Scenarios.Count < 2)
        {
            problems.Add(new RequestProblem("", "model choice needs at least two scenarios"));
        }
        if (ModelPrior.Count != Scenarios.Count || ModelPrior.Any(p => !(p >= 0) || double.IsInfinity(p)) || !(ModelPrior.Sum() > 0))
        {
            problems.Add(RequestProblem.Option("model-prior", string.Join(",", ModelPrior), $"must give {Scenarios.Count} numbers of 0 or more, not all 0, one per scenario in order, e.g. {string.Join(",", Scenarios.Select(_ => "1"))}"));
        }
        foreach (var group in Scenarios.GroupBy(s => s.Name).Where(g => g.Count() > 1))
        {
            problems.Add(new RequestProblem("", $"scenario {group.Key} is named twice: each model's results go to a folder of its name; give each file its own 'scenario:' name"));
        }
        // Each model is checked as its own calibration would be (particles, priors, correlations, memory).
        foreach (var scenario in Scenarios)
        {
            foreach (var problem in new CalibrationRequest(scenario, Observations, Abc) { PredictiveRuns = PredictiveRuns }.Validate(budget))
            {
                if (!problems.Contains(problem))
                {
                    problems.Add(problem.Subject.Length == 0 ? problem with { Subject = $"scenario {scenario.Name}" } : problem);
                }
            }
        }
        return problems;
    }

    /// <summary>Chooses; <paramref name="threads"/> and <paramref name="cancellation"/> change no result.</summary>
    public ModelChoiceCalibration Execute(int threads, CancellationToken cancellation) =>
        ModelCalibration.Choose(Scenarios, ModelPrior, Observations, Abc with { Threads = threads, Cancellation = cancellation }, (int)PredictiveRuns);
}
