using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Simulation.Core.Distributions;
using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Core.Calibration;

/// <summary>
/// Approximate Bayesian computation on any simulator: ABC-SMC (T. Toni, D. Welch, N. Strelkowa, A. Ipsen and
/// M. P. H. Stumpf, "Approximate Bayesian computation scheme for parameter inference and model selection in dynamical
/// systems", J. R. Soc. Interface 6 (2009) 187-202), with the kernel of twice the weighted covariance and the
/// importance weights of M. A. Beaumont, J.-M. Cornuet, J.-M. Marin and C. P. Robert, "Adaptive approximate Bayesian
/// computation", Biometrika 96 (2009) 983-990; or rejection ABC keeping the closest candidates.
/// </summary>
/// <remarks>
/// Candidate k of generation g draws its parameters from the stream (seed, g, k) and the simulator is handed the same
/// key, so every candidate's distance is a function of (seed, g, k) alone. Candidates are evaluated in parallel in
/// batches whose size depends only on what earlier batches accepted, and accepted in candidate order: the result is
/// the same for any thread count.
/// </remarks>
public static class AbcEngine
{
    /// <summary>Stream purpose deriving a generation's seed from the calibration's.</summary>
    public const int GenerationPurpose = 2_000_000_000;

    /// <summary>Stream purpose of a candidate's parameters (prior draw, or particle choice and perturbation).</summary>
    public const int ProposalPurpose = 2_000_000_001;

    /// <summary>
    /// Candidates per particle the likelihood generation may draw (an acceptance down to 0.01%). Measured: the shipped
    /// hindcast's accepts 0.086% (1,169,353 candidates for 1,000 particles, about 5 s on 2 cores), below the 0.1% of a
    /// limit of 1,000.
    /// </summary>
    public const int LikelihoodSearch = 10000;

    /// <summary>Stream purpose of the uniform that accepts a candidate of the likelihood generation.</summary>
    public const int KernelPurpose = 2_000_000_002;

    /// <summary>
    /// The chi-squared quantile the tolerance schedule stops at: 90% of sum r^2 where the model meets the data within
    /// their errors. Measured: stopping at the 99% point left a proposal so broad that the hindcast's likelihood
    /// generation accepted fewer than 1,000 of 1,000,000 candidates; stopping at the median left one narrower than
    /// the posterior, and the linear-Gaussian case's posterior sd came out 0.658 for the exact 0.728. At 90% both
    /// hold (tests/Simulation.Core.Tests/Calibration/AbcEngineTests.cs).
    /// </summary>
    public const double KernelFloorQuantile = 0.9;

    /// <summary>
    /// The tolerance (a root mean square of standardized residuals) below which the observations' own errors decide:
    /// sqrt(the <see cref="KernelFloorQuantile"/> point of chi-squared with <paramref name="observations"/> degrees of
    /// freedom / observations).
    /// </summary>
    public static double KernelFloor(int observations) =>
        Math.Sqrt(MathNet.Numerics.Distributions.ChiSquared.InvCDF(observations, KernelFloorQuantile) / observations);

    /// <summary>Most particles a posterior may hold.</summary>
    public const int MaxParticles = 10_000_000;

    private const int MinBatch = 64;

    /// <summary>
    /// Seconds of one thread per (new particle, old particle) pair and input (plus one) in the weight step, with a
    /// margin of about 2: measured 2026-12-06 on the 2-core machine of benchmarks/README.md
    /// (hindcast-russia-2018-2020, 14 inputs, 20,000 particles: about 5 s per weight step on 2 threads, 1.7e-9 s).
    /// </summary>
    public const double WeightStepPairInputSeconds = 4e-9;

    /// <summary>
    /// The time ABC-SMC's weight step takes per generation: every new particle is compared with every old one, so it
    /// grows with the square of <paramref name="particles"/> (an estimate, before any generation has run).
    /// </summary>
    public static TimeSpan EstimatedWeightStep(long particles, int inputs, int threads) =>
        TimeSpan.FromSeconds(Math.Min(1e12, (double)particles * particles * (inputs + 1) * WeightStepPairInputSeconds / Math.Max(1, threads)));

    /// <summary>Draws of a perturbed candidate before it counts as one that never reached the prior's support.</summary>
    private const int MaxRedraws = 100_000;
    private const int MaxBatch = 1 << 16;

    /// <summary>The seed of generation <paramref name="generation"/>'s streams.</summary>
    public static long GenerationSeed(long seed, int generation) => unchecked((long)StreamKey.For(seed, generation, GenerationPurpose));

    /// <summary>Calibrates the parameters whose independent priors are <paramref name="prior"/>.</summary>
    public static AbcResult Run(IReadOnlyList<InputDistribution> prior, AbcSimulator simulator, AbcOptions options)
    {
        Validate(prior, options);
        var stopwatch = Stopwatch.StartNew();
        return options.Method == AbcMethod.Rejection
            ? new Search(prior, simulator, options, stopwatch).Rejection()
            : new Search(prior, simulator, options, stopwatch).Smc();
    }

    private static void Validate(IReadOnlyList<InputDistribution> prior, AbcOptions options)
    {
        if (prior.Count == 0)
        {
            throw new ArgumentException("nothing to calibrate: the prior has no parameter", nameof(prior));
        }
        if (options.Particles < 2 || options.Particles > MaxParticles)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"particles must be from 2 to {MaxParticles:N0}, got {options.Particles:N0}");
        }
        if (!(options.Quantile > 0 && options.Quantile <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"quantile must be in (0, 1], got {options.Quantile}");
        }
        if (!(options.MinAcceptance > 0 && options.MinAcceptance <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"minimum acceptance must be in (0, 1], got {options.MinAcceptance}");
        }
        if (options.MaxGenerations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"max generations must be at least 1, got {options.MaxGenerations}");
        }
        if (!(options.ToleranceQuantile > 0 && options.ToleranceQuantile < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"tolerance quantile must be in (0, 1), got {options.ToleranceQuantile}");
        }
        if (options.Threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"threads must be at least 1, got {options.Threads}");
        }
        if (options.Method == AbcMethod.Smc)
        {
            for (int i = 0; i < prior.Count; i++)
            {
                if (!prior[i].IsContinuous)
                {
                    throw new ArgumentException($"ABC-SMC perturbs parameters continuously; parameter {i} has the {prior[i].Kind} prior {prior[i]} (use rejection ABC)", nameof(prior));
                }
            }
        }
    }

    /// <summary>One calibration's state.</summary>
    private sealed class Search
    {
        private readonly IReadOnlyList<InputDistribution> _prior;
        private readonly AbcSimulator _simulator;
        private readonly AbcOptions _options;
        private readonly Stopwatch _stopwatch;
        private readonly int _d;
        private readonly int _n;
        private long _simulations;
        private long _totalCandidates;

        // The smallest distance of the generation before the likelihood generation: its acceptance is relative to it.
        private double _bestDistance;

        // The last weight step's duration: the next generation's (same particle counts) takes about as long.
        private TimeSpan? _weightStep;

        public Search(IReadOnlyList<InputDistribution> prior, AbcSimulator simulator, AbcOptions options, Stopwatch stopwatch)
        {
            _prior = prior;
            _simulator = simulator;
            _options = options;
            _stopwatch = stopwatch;
            _d = prior.Count;
            _n = options.Particles;
        }

        public AbcResult Smc()
        {
            var generations = new List<AbcGeneration>();
            double tolerance = double.PositiveInfinity;
            double[]? particles = null, weights = null, distances = null;
            string? stop = null;
            for (int g = 0; stop is null; g++)
            {
                var proposal = g == 0 ? null : new Proposal(particles!, weights!, _prior);
                long limit = (long)Math.Ceiling(_n / _options.MinAcceptance);
                double previousRate = g == 0 ? 1 : generations[^1].AcceptanceRate;
                var accepted = Generation(g, tolerance, proposal, limit, previousRate, out long candidates);
                if (accepted is null && g == 0)
                {
                    // Every draw from the prior is accepted unless its distance is not a number: an observation whose
                    // residual cannot be formed. Without a limit the search would never end.
                    throw new InvalidOperationException($"generation 0 drew {limit:N0} candidates from {_options.PriorName} and fewer than {_n:N0} gave a distance to the observations "
                        + "(the others were not a number): check the observations' values and errors (an error times a value too small to divide by gives no distance)");
                }
                if (accepted is null)
                {
                    stop = $"generation {g} (tolerance {tolerance:G4}) accepted fewer than {_n:N0} of {limit:N0} candidates, below the minimum acceptance "
                        + $"{_options.MinAcceptance * 100:0.0}%; the posterior is generation {g - 1}'s";
                    break;
                }
                (particles, distances) = accepted.Value;
                if (proposal is not null)
                {
                    var weighing = Stopwatch.StartNew();
                    weights = proposal.Weights(particles, _prior, _options.Threads);
                    _weightStep = weighing.Elapsed;
                }
                else
                {
                    weights = Uniform(_n);
                }
                var record = new AbcGeneration(g, tolerance, candidates, _n, WeightedStatistics.EffectiveSampleSize(weights));
                generations.Add(record);
                double next = QuantileOf(distances, _options.ToleranceQuantile);
                if (g > 0 && record.AcceptanceRate < _options.MinAcceptance)
                {
                    stop = $"generation {g} accepted {record.AcceptanceRate * 100:0.00}% of its candidates, below the minimum acceptance {_options.MinAcceptance * 100:0.0}%";
                }
                else if (g + 1 >= _options.MaxGenerations)
                {
                    stop = $"reached the maximum of {_options.MaxGenerations} generations";
                }
                else if (g > 0 && !(next < (1 - _options.MinToleranceDrop) * tolerance))
                {
                    stop = $"the next tolerance ({next:G4}) would fall by less than {_options.MinToleranceDrop * 100:0}% from {tolerance:G4}";
                }
                else if (_options.KernelObservations > 0 && next < KernelFloor(_options.KernelObservations))
                {
                    stop = $"the tolerance reached the observations' own errors ({next:G4}, below {KernelFloor(_options.KernelObservations):G4})";
                }
                tolerance = next;
            }
            if (_options.KernelObservations > 0)
            {
                // Wilkinson (2013): accepting with the error model's likelihood makes the posterior prior x E[likelihood]
                // exactly, whatever tolerance the schedule ended at; the proposal is the last generation's particles.
                var proposal = new Proposal(particles!, weights!, _prior);
                int g = generations.Count;
                // The likelihood is scaled by its largest value among the last particles (any constant factor leaves the
                // posterior unchanged): a model that cannot fit the record closely has a small likelihood everywhere,
                // and unscaled acceptance would be near 0 for every candidate.
                _bestDistance = distances!.Min();
                // Its acceptance is the likelihood's, lower than a tolerance's (a stochastic model scatters around the
                // record): it may search down to 1 candidate in LikelihoodSearch per particle.
                long limit = Math.Max((long)Math.Ceiling(_n / _options.MinAcceptance), (long)_n * LikelihoodSearch);
                var accepted = Generation(g, tolerance, proposal, limit, generations[^1].AcceptanceRate, out long candidates, kernel: true);
                if (accepted is null)
                {
                    stop += $"; the likelihood generation accepted fewer than {_n:N0} candidates within {limit:N0}, so the posterior is generation {g - 1}'s (the data taken as exact to its tolerance)";
                }
                else
                {
                    (particles, distances) = accepted.Value;
                    weights = proposal.Weights(particles, _prior, _options.Threads);
                    generations.Add(new AbcGeneration(g, tolerance, candidates, _n, WeightedStatistics.EffectiveSampleSize(weights)) { ByLikelihood = true });
                    stop += $"; then generation {g} accepted {_n:N0} of {candidates:N0} candidates with the likelihood of the observations' stated errors";
                }
            }
            return new AbcResult(_d, particles!, weights!, distances!, generations, stop, _simulations, _stopwatch.Elapsed);
        }

        public AbcResult Rejection()
        {
            long total = (long)Math.Ceiling(_n / _options.Quantile);
            long seed = GenerationSeed(_options.Seed, 0);
            // The best candidates so far as (distance, index) with their parameters; batches merge into it.
            var bestIndex = new long[0];
            var bestDistance = new double[0];
            var bestTheta = new double[0];
            var batch = new Batch(_d);
            for (long first = 0; first < total; first += MaxBatch)
            {
                int count = (int)Math.Min(MaxBatch, total - first);
                Evaluate(batch, seed, first, count, null);
                var mergedIndex = new List<(double Distance, long Index, int Source)>(bestIndex.Length + count);
                for (int i = 0; i < bestIndex.Length; i++)
                {
                    mergedIndex.Add((bestDistance[i], bestIndex[i], i));
                }
                for (int i = 0; i < count; i++)
                {
                    if (!double.IsNaN(batch.Distance[i]))
                    {
                        mergedIndex.Add((batch.Distance[i], first + i, -1 - i));
                    }
                }
                mergedIndex.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Index.CompareTo(b.Index));
                int keep = Math.Min(_n, mergedIndex.Count);
                var index = new long[keep];
                var distance = new double[keep];
                var theta = new double[keep * _d];
                for (int i = 0; i < keep; i++)
                {
                    var (dist, k, source) = mergedIndex[i];
                    index[i] = k;
                    distance[i] = dist;
                    var from = source >= 0 ? bestTheta.AsSpan(source * _d, _d) : batch.Theta.AsSpan((-1 - source) * _d, _d);
                    from.CopyTo(theta.AsSpan(i * _d, _d));
                }
                (bestIndex, bestDistance, bestTheta) = (index, distance, theta);
                _options.Progress?.Invoke(new AbcProgress(0, keep > 0 ? bestDistance[^1] : double.PositiveInfinity, keep, _n, first + count, total, _stopwatch.Elapsed));
            }
            if (bestIndex.Length < _n)
            {
                throw new InvalidOperationException($"only {bestIndex.Length:N0} of {total:N0} candidates gave a distance; {_n:N0} particles were asked for");
            }
            var generations = new[] { new AbcGeneration(0, bestDistance[^1], total, _n, _n) };
            return new AbcResult(_d, bestTheta, Uniform(_n), bestDistance, generations,
                $"kept the {_n:N0} closest of {total:N0} candidates drawn from {_options.PriorName}", _simulations, _stopwatch.Elapsed);
        }

        /// <summary>
        /// Runs candidates of generation <paramref name="g"/> in batches until <see cref="_n"/> are within
        /// <paramref name="tolerance"/>, in candidate order; null if <paramref name="limit"/> candidates do not suffice.
        /// </summary>
        private (double[] Particles, double[] Distances)? Generation(int g, double tolerance, Proposal? proposal, long limit, double previousRate, out long candidates,
            bool kernel = false)
        {
            long seed = GenerationSeed(_options.Seed, g);
            var particles = new double[_n * _d];
            var distances = new double[_n];
            var batch = new Batch(_d);
            int accepted = 0;
            long next = 0;
            while (accepted < _n)
            {
                _options.Cancellation.ThrowIfCancellationRequested();
                double rate = next > 0 && accepted > 0 ? (double)accepted / next : Math.Max(previousRate / 2, 1e-6);
                long wanted = (long)Math.Ceiling((_n - accepted) / rate * 1.1) + 16;
                int count = (int)Math.Min(Math.Min(Math.Max(wanted, MinBatch), MaxBatch), limit - next);
                if (count <= 0)
                {
                    candidates = next;
                    return null;
                }
                Evaluate(batch, seed, next, count, proposal);
                long end = next + count;
                for (int i = 0; i < count; i++)
                {
                    double distance = batch.Distance[i];
                    if (kernel ? LikelihoodAccepts(seed, next + i, distance) : distance <= tolerance)
                    {
                        batch.Theta.AsSpan(i * _d, _d).CopyTo(particles.AsSpan(accepted * _d, _d));
                        distances[accepted] = distance;
                        if (++accepted == _n)
                        {
                            end = next + i + 1;
                            break;
                        }
                    }
                }
                _totalCandidates += end - next;
                next = end;
                _options.Progress?.Invoke(new AbcProgress(g, tolerance, accepted, _n, next, _totalCandidates, _stopwatch.Elapsed)
                {
                    WeightStep = g == 0 ? null : _weightStep ?? EstimatedWeightStep(_n, _d, _options.Threads),
                });
            }
            candidates = next;
            return (particles, distances);
        }

        private bool LikelihoodAccepts(long seed, long candidate, double distance) =>
            AbcEngine.LikelihoodAccepts(seed, candidate, distance, _options.KernelObservations, _bestDistance);

        /// <summary>Proposes and simulates candidates first .. first + count - 1 in parallel; NaN distance outside the prior's support.</summary>
        private void Evaluate(Batch batch, long seed, long first, int count, Proposal? proposal)
        {
            batch.Ensure(count);
            int workers = Math.Min(_options.Threads, count);
            try
            {
                Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = _options.Cancellation }, worker =>
                {
                    int begin = (int)((long)count * worker / workers), end = (int)((long)count * (worker + 1) / workers);
                    for (int i = begin; i < end; i++)
                    {
                        var theta = batch.Theta.AsSpan(i * _d, _d);
                        var rng = StreamKey.Generator(seed, first + i, ProposalPurpose);
                        bool inside;
                        if (proposal is null)
                        {
                            for (int j = 0; j < _d; j++)
                            {
                                theta[j] = _prior[j].Sample(ref rng);
                            }
                            inside = true;
                        }
                        else
                        {
                            // The kernel keeps every component inside its support; a candidate where the prior's
                            // density is still 0 (on a bound where it vanishes) is drawn again, particle and
                            // perturbation, as in Toni et al.'s step S2.1, before any simulation: the normalising
                            // constant of that rare restriction is common to all candidates and cancels from the weights.
                            inside = false;
                            for (int attempt = 0; attempt < MaxRedraws && !inside; attempt++)
                            {
                                proposal.Draw(ref rng, theta);
                                inside = InSupport(_prior, theta) && LogPrior(_prior, theta) > double.NegativeInfinity;
                            }
                        }
                        batch.Distance[i] = inside ? _simulator(theta, seed, first + i, worker) : double.NaN;
                    }
                });
            }
            catch (AggregateException exception) when (exception.InnerExceptions.Count > 0)
            {
                ExceptionDispatchInfo.Capture(exception.InnerExceptions[0]).Throw();
            }
            _simulations += count;
        }
    }

    /// <summary>
    /// The likelihood generation's acceptance of candidate <paramref name="candidate"/>: with probability
    /// exp(-n (D^2 - best^2) / 2), D the root mean square of its n standardized residuals and best the smallest of the
    /// generation before, by a uniform of the candidate's own stream.
    /// </summary>
    internal static bool LikelihoodAccepts(long seed, long candidate, double distance, int observations, double best)
    {
        if (!double.IsFinite(distance))
        {
            return false;
        }
        var rng = StreamKey.Generator(seed, candidate, KernelPurpose);
        return rng.NextDouble() < Math.Exp(-0.5 * observations * (distance * distance - best * best));
    }

    /// <summary>The cheap test of the support (bounds only) before densities are computed.</summary>
    private static bool InSupport(IReadOnlyList<InputDistribution> prior, ReadOnlySpan<double> theta)
    {
        for (int j = 0; j < theta.Length; j++)
        {
            if (!(theta[j] >= prior[j].SupportMin && theta[j] <= prior[j].SupportMax))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>log Π prior_j(θ_j), -∞ outside the support.</summary>
    internal static double LogPrior(IReadOnlyList<InputDistribution> prior, ReadOnlySpan<double> theta)
    {
        double sum = 0;
        for (int j = 0; j < theta.Length; j++)
        {
            double density = prior[j].Density(theta[j]);
            if (!(density > 0))
            {
                return double.NegativeInfinity;
            }
            sum += Math.Log(density);
        }
        return sum;
    }

    private static double[] Uniform(int n)
    {
        var weights = new double[n];
        Array.Fill(weights, 1.0 / n);
        return weights;
    }

    /// <summary>The <paramref name="q"/> quantile of <paramref name="values"/> (the smallest value with at least q of them at or below it).</summary>
    internal static double QuantileOf(double[] values, double q)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        int rank = Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[rank];
    }

    /// <summary>Buffers of one batch of candidates.</summary>
    private sealed class Batch(int dimensions)
    {
        public double[] Theta { get; private set; } = [];

        public double[] Distance { get; private set; } = [];

        public void Ensure(int count)
        {
            if (Distance.Length < count)
            {
                Theta = new double[count * dimensions];
                Distance = new double[count];
            }
        }
    }

    /// <summary>
    /// Generation g - 1's particles as the proposal of generation g: pick one by weight, perturb it by
    /// <see cref="TruncatedGaussianKernel"/>.
    /// </summary>
    private sealed class Proposal
    {
        private readonly double[] _weights;
        private readonly int _d;
        private readonly AliasTable _alias;
        private readonly TruncatedGaussianKernel _kernel;

        public Proposal(double[] particles, double[] weights, IReadOnlyList<InputDistribution> prior)
        {
            _d = prior.Count;
            _weights = weights;
            _alias = new AliasTable(weights);
            _kernel = new TruncatedGaussianKernel(particles, weights, prior);
        }

        public void Draw(ref Xoshiro256StarStar rng, Span<double> theta) => _kernel.Perturb(_alias.Sample(ref rng), ref rng, theta);

        /// <summary>w_i ∝ prior(θ_i) / Σ_j w_j K_j(θ_i), normalised; in logs so that no term underflows.</summary>
        public double[] Weights(double[] particles, IReadOnlyList<InputDistribution> prior, int threads)
        {
            int n = particles.Length / _d, m = _weights.Length;
            var logOldWeights = new double[m];
            for (int j = 0; j < m; j++)
            {
                logOldWeights[j] = _weights[j] > 0 ? Math.Log(_weights[j]) : double.NegativeInfinity;
            }
            var logWeights = new double[n];
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            {
                var theta = particles.AsSpan(i * _d, _d);
                logWeights[i] = LogPrior(prior, theta) - _kernel.LogMixture(logOldWeights, theta);
            });
            return WeightedStatistics.FromLogWeights(logWeights);
        }
    }
}
