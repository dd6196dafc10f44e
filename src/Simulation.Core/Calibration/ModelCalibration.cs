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
    public static CalibrationResult Run(Scenario scenario, IReadOnlyList<Observation> observations, AbcOptions options, int predictiveRuns)
    {
        if (scenario.Posterior is not null)
        {
            throw new ArgumentException($"scenario {scenario.Name} is already calibrated (posterior from {scenario.Posterior.Source}); calibrate the scenario it came from, with every observation at once");
        }
        var compiled = CompiledScenario.Of(scenario);
        var set = new ObservationSet(compiled, observations);
        int[] uncertain = compiled.UncertainParameterIndices;
        if (uncertain.Length == 0)
        {
            throw new ArgumentException($"nothing to calibrate: every input of scenario {scenario.Name} is a fixed value; give the inputs to calibrate a distribution (the prior)");
        }
        var priors = new InputDistribution[uncertain.Length];
        var keys = new string[uncertain.Length];
        for (int j = 0; j < uncertain.Length; j++)
        {
            priors[j] = compiled.Parameters[uncertain[j]];
            keys[j] = compiled.ParameterNames[uncertain[j]];
        }
        var baseInputs = new double[compiled.Parameters.Length];
        for (int i = 0; i < baseInputs.Length; i++)
        {
            baseInputs[i] = compiled.Parameters[i].Mean;
        }
        int workers = options.Threads;
        var inputs = new double[workers][];
        var values = new double[workers][];
        for (int w = 0; w < workers; w++)
        {
            inputs[w] = (double[])baseInputs.Clone();
            values[w] = new double[set.Count];
        }
        double Simulate(ReadOnlySpan<double> theta, long streamSeed, long candidate, int worker)
        {
            var own = inputs[worker];
            for (int j = 0; j < theta.Length; j++)
            {
                own[uncertain[j]] = theta[j];
            }
            var sink = set.Sink(values[worker]);
            LaborMigrationModel.Simulate(compiled, streamSeed, candidate, own, ref sink);
            return set.Distance(values[worker]);
        }
        // ABC-SMC ends with the observations' error model as the likelihood (docs/calibration.md, "The stated error
        // shapes the posterior"); rejection ABC keeps the closest candidates, the data taken as exact to that quantile.
        var abc = AbcEngine.Run(priors, Simulate, options.Method == AbcMethod.Smc ? options with { KernelObservations = set.Count } : options);

        var posterior = new PosteriorSample(keys, abc.Particles, abc.Weights, "calibration");
        var calibrated = scenario with { Posterior = posterior };
        var summaries = new InputSummary[keys.Length];
        for (int j = 0; j < keys.Length; j++)
        {
            summaries[j] = new InputSummary(keys[j], priors[j], PriorSummary(priors[j], options.Seed, j), Summary(abc.Column(j), abc.Weights));
        }
        var predictive = RecordFit.Predict(calibrated, set, predictiveRuns, options.Threads, options.Cancellation);
        var fits = new ObservationFit[set.Count];
        for (int i = 0; i < set.Count; i++)
        {
            fits[i] = RecordFit.Fit(set.Observations[i], predictive[i]);
        }
        var runs = MonteCarloRunner.Run(calibrated with { Runs = predictiveRuns }, new RunnerOptions { Threads = options.Threads, Cancellation = options.Cancellation });
        return new CalibrationResult(scenario, calibrated, summaries, abc, set, fits, predictive, runs);
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
