using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Random;

namespace Simulation.Core.Calibration;

/// <summary>
/// Calibrates a scenario's uncertain inputs (its priors) to observations with <see cref="AbcEngine"/>: one model
/// run per candidate, whose own randomness the posterior absorbs (docs/calibration.md), then checks the posterior
/// predictive against every observation.
/// </summary>
public static class ModelCalibration
{
    /// <summary>Stream purpose of the prior summaries' draws.</summary>
    private const int PriorSummaryPurpose = 2_000_000_002;

    private const int PriorSummaryDraws = 20_000;

    /// <summary>
    /// Calibrates <paramref name="scenario"/> to <paramref name="observations"/>, then runs the calibrated scenario
    /// <paramref name="predictiveRuns"/> times (its own seed) for the posterior predictive.
    /// </summary>
    /// <remarks>
    /// With <paramref name="historyMatch"/>, history matching runs first and ABC's prior is the prior restricted to the
    /// region it did not rule out (docs/calibration.md, "History matching, then ABC"): the posterior is the same
    /// wherever that region holds the posterior's mass, and ABC spends no candidates where the record rules them out.
    /// </remarks>
    public static CalibrationResult Run(Scenario scenario, IReadOnlyList<Observation> observations, AbcOptions options, int predictiveRuns,
        HistoryMatchOptions? historyMatch = null)
    {
        var problem = CalibrationProblem.Of(scenario, observations, options.Threads);
        ScenarioHistoryMatch? match = null;
        IReadOnlyList<InputDistribution> prior = problem.Priors;
        if (historyMatch is not null)
        {
            var matchOptions = historyMatch with { Threads = options.Threads, Cancellation = options.Cancellation };
            var result = HistoryMatching.Run(problem.Priors, observations, problem.Observe, matchOptions);
            match = new ScenarioHistoryMatch(scenario, problem.Keys, problem.Priors, problem.Set, result, matchOptions);
            prior = result.Restrict(problem.Priors);
            options = options with { PriorName = "the prior restricted to the region history matching left" };
        }
        // ABC-SMC ends with the observations' error model as the likelihood (docs/calibration.md, "The stated error
        // is the likelihood"); rejection ABC keeps the closest candidates, the data taken as exact to that quantile.
        var abc = AbcEngine.Run(prior, problem.Simulate, options.Method == AbcMethod.Smc ? options with { KernelObservations = problem.Set.Count } : options);
        return Finish(problem, abc, options, predictiveRuns, match);
    }

    /// <summary>
    /// Chooses among <paramref name="scenarios"/> (competing models of the same record) by ABC-SMC model selection,
    /// with prior probabilities <paramref name="modelPrior"/>; each surviving model is then checked as a calibration
    /// is, with <paramref name="predictiveRuns"/> runs of its posterior.
    /// </summary>
    public static ModelChoiceCalibration Choose(IReadOnlyList<Scenario> scenarios, IReadOnlyList<double> modelPrior, IReadOnlyList<Observation> observations, AbcOptions options,
        int predictiveRuns)
    {
        var problems = scenarios.Select(s => CalibrationProblem.Of(s, observations, options.Threads)).ToList();
        double Simulate(int model, ReadOnlySpan<double> theta, long streamSeed, long candidate, int worker) => problems[model].Simulate(theta, streamSeed, candidate, worker);
        var choice = ModelChoiceEngine.Run([.. problems.Select(p => (IReadOnlyList<InputDistribution>)p.Priors)], modelPrior, Simulate,
            options with { Method = AbcMethod.Smc, KernelObservations = problems[0].Set.Count });
        var calibrations = new CalibrationResult?[scenarios.Count];
        for (int m = 0; m < scenarios.Count; m++)
        {
            if (choice.Posteriors[m] is { } posterior)
            {
                calibrations[m] = Finish(problems[m], posterior, options, predictiveRuns);
            }
        }
        return new ModelChoiceCalibration(scenarios, choice, calibrations);
    }

    /// <summary>The posterior's summaries, the posterior predictive and how it meets each observation.</summary>
    private static CalibrationResult Finish(CalibrationProblem problem, AbcResult abc, AbcOptions options, int predictiveRuns, ScenarioHistoryMatch? match = null)
    {
        var scenario = problem.Scenario;
        var posterior = new PosteriorSample(problem.Keys, abc.Particles, abc.Weights, "calibration");
        var calibrated = scenario with { Posterior = posterior };
        var summaries = new InputSummary[problem.Keys.Length];
        for (int j = 0; j < problem.Keys.Length; j++)
        {
            summaries[j] = new InputSummary(problem.Keys[j], problem.Priors[j], PriorSummary(problem.Priors[j], options.Seed, j), Summary(abc.Column(j), abc.Weights));
        }
        var predictive = RecordFit.Predict(calibrated, problem.Set, predictiveRuns, options.Threads, options.Cancellation);
        var fits = new ObservationFit[problem.Set.Count];
        for (int i = 0; i < problem.Set.Count; i++)
        {
            fits[i] = RecordFit.Fit(problem.Set.Observations[i], predictive[i]);
        }
        var runs = MonteCarloRunner.Run(calibrated with { Runs = predictiveRuns }, new RunnerOptions { Threads = options.Threads, Cancellation = options.Cancellation });
        return new CalibrationResult(scenario, calibrated, summaries, abc, problem.Set, fits, predictive, runs) { HistoryMatch = match };
    }

    private static DistributionSummary Summary(double[] values, double[] weights) => new(
        WeightedStatistics.Mean(values, weights), WeightedStatistics.StandardDeviation(values, weights),
        WeightedStatistics.Quantile(values, weights, 0.05), WeightedStatistics.Quantile(values, weights, 0.5), WeightedStatistics.Quantile(values, weights, 0.95));

    /// <summary>
    /// The prior's mean and percentiles exactly (the percentiles by bisection on its CDF), its standard deviation from
    /// a fixed set of draws.
    /// </summary>
    private static DistributionSummary PriorSummary(InputDistribution prior, long seed, int input)
    {
        var rng = StreamKey.Generator(seed, input, PriorSummaryPurpose);
        double sum = 0, squares = 0;
        for (int i = 0; i < PriorSummaryDraws; i++)
        {
            double x = prior.Sample(ref rng);
            sum += x;
            squares += x * x;
        }
        double mean = sum / PriorSummaryDraws;
        double sd = Math.Sqrt(Math.Max(0, squares / PriorSummaryDraws - mean * mean));
        return new DistributionSummary(prior.Mean, sd, Quantile(prior, 0.05), Quantile(prior, 0.5), Quantile(prior, 0.95));
    }

    /// <summary>The smallest x with CDF(x) at least <paramref name="p"/>, to about 1e-12 of the support's width.</summary>
    private static double Quantile(InputDistribution prior, double p)
    {
        double low = prior.SupportMin, high = prior.SupportMax;
        if (double.IsInfinity(low) || double.IsInfinity(high))
        {
            // Unbounded supports: bracket from the mean outwards.
            double step = Math.Max(1, Math.Abs(prior.Mean));
            low = double.IsInfinity(low) ? prior.Mean - step : low;
            high = double.IsInfinity(high) ? prior.Mean + step : high;
            while (prior.Cdf(low) > p)
            {
                low -= step *= 2;
            }
            step = Math.Max(1, Math.Abs(prior.Mean));
            while (prior.Cdf(high) < p)
            {
                high += step *= 2;
            }
        }
        for (int i = 0; i < 200 && high - low > 1e-12 * Math.Max(1, Math.Abs(high)); i++)
        {
            double middle = 0.5 * (low + high);
            if (prior.Cdf(middle) < p)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        return high;
    }
}
