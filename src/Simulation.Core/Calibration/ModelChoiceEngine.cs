using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Simulation.Core.Distributions;
using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Core.Calibration;

/// <summary>
/// ABC-SMC model selection (T. Toni, D. Welch, N. Strelkowa, A. Ipsen and M. P. H. Stumpf 2009, section 2.3; T. Toni
/// and M. P. H. Stumpf, "Simulation-based model selection for dynamical systems in systems and population biology",
/// Bioinformatics 26, 2010): the model index is one more parameter. A candidate of generation g draws a model from
/// generation g - 1's model probabilities, moves to another surviving model with probability
/// <see cref="ModelPerturbation"/>, then draws and perturbs a particle of that model as <see cref="AbcEngine"/> does; a
/// model that loses all its particles keeps probability 0 from then on and is reported. The search ends, as a single
/// calibration's does, with a generation accepted with the observations' likelihood, so the model probabilities are
/// those of the stated errors.
/// </summary>
public static class ModelChoiceEngine
{
    /// <summary>The chance that a candidate leaves the model it was drawn from for another surviving one (Toni and Stumpf's choice).</summary>
    public const double ModelPerturbation = 0.1;

    private const int MinBatch = 64;
    private const int MaxBatch = 1 << 16;
    private const int MaxRedraws = 100_000;

    /// <summary>Chooses among the models whose priors are <paramref name="priors"/>, with prior probabilities <paramref name="modelPrior"/>.</summary>
    public static ModelChoiceResult Run(IReadOnlyList<IReadOnlyList<InputDistribution>> priors, IReadOnlyList<double> modelPrior, ModelChoiceSimulator simulator, AbcOptions options)
    {
        if (priors.Count < 2 || modelPrior.Count != priors.Count)
        {
            throw new ArgumentException("model choice needs at least two models, each with a prior probability", nameof(priors));
        }
        double total = 0;
        foreach (double p in modelPrior)
        {
            if (!(p >= 0) || double.IsInfinity(p))
            {
                throw new ArgumentOutOfRangeException(nameof(modelPrior), "model prior probabilities must be 0 or more");
            }
            total += p;
        }
        if (!(total > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(modelPrior), "model prior probabilities must not all be 0");
        }
        foreach (var prior in priors)
        {
            foreach (var input in prior)
            {
                if (!input.IsContinuous)
                {
                    throw new ArgumentException($"ABC-SMC perturbs parameters continuously; the prior {input} is not continuous", nameof(priors));
                }
            }
        }
        return new Search(priors, [.. modelPrior.Select(p => p / total)], simulator, options).Run();
    }

    /// <summary>A generation's particles: model, parameters (stride the widest model's), distance, weight.</summary>
    private sealed class Population(int n, int stride)
    {
        public int[] Model { get; } = new int[n];
        public double[] Theta { get; } = new double[n * stride];
        public double[] Distance { get; } = new double[n];
        public double[] Weight { get; } = new double[n];
    }

    private sealed class Search
    {
        private readonly IReadOnlyList<IReadOnlyList<InputDistribution>> _priors;
        private readonly double[] _modelPrior;
        private readonly ModelChoiceSimulator _simulator;
        private readonly AbcOptions _options;
        private readonly int _n;
        private readonly int _stride;
        private readonly int _models;
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
        private readonly int?[] _diedIn;
        private long _simulations;
        private double _bestDistance;

        public Search(IReadOnlyList<IReadOnlyList<InputDistribution>> priors, double[] modelPrior, ModelChoiceSimulator simulator, AbcOptions options)
        {
            _priors = priors;
            _modelPrior = modelPrior;
            _simulator = simulator;
            _options = options;
            _n = options.Particles;
            _models = priors.Count;
            _stride = priors.Max(p => p.Count);
            _diedIn = new int?[_models];
            for (int m = 0; m < _models; m++)
            {
                _diedIn[m] = modelPrior[m] > 0 ? null : 0;
            }
        }

        public ModelChoiceResult Run()
        {
            var generations = new List<ModelChoiceGeneration>();
            Population? population = null;
            double tolerance = double.PositiveInfinity;
            string? stop = null;
            for (int g = 0; stop is null; g++)
            {
                var proposal = population is null ? null : new Proposal(population, _priors, _stride, _models);
                long limit = (long)Math.Ceiling(_n / _options.MinAcceptance);
                var next = Generation(g, tolerance, proposal, limit, kernel: false, out long candidates);
                if (next is null)
                {
                    if (g == 0)
                    {
                        throw new InvalidOperationException($"generation 0 drew {limit:N0} candidates from the priors and fewer than {_n:N0} gave a distance to the observations");
                    }
                    stop = $"generation {g} (tolerance {tolerance:G4}) accepted fewer than {_n:N0} of {limit:N0} candidates, below the minimum acceptance {_options.MinAcceptance * 100:0.0}%; the result is generation {g - 1}'s";
                    break;
                }
                Weigh(next, proposal);
                population = next;
                generations.Add(Record(g, tolerance, candidates, population, byLikelihood: false));
                double nextTolerance = AbcEngine.QuantileOf(population.Distance, _options.ToleranceQuantile);
                double rate = (double)_n / candidates;
                if (g > 0 && rate < _options.MinAcceptance)
                {
                    stop = $"generation {g} accepted {rate * 100:0.00}% of its candidates, below the minimum acceptance {_options.MinAcceptance * 100:0.0}%";
                }
                else if (g + 1 >= _options.MaxGenerations)
                {
                    stop = $"reached the maximum of {_options.MaxGenerations} generations";
                }
                else if (g > 0 && !(nextTolerance < (1 - _options.MinToleranceDrop) * tolerance))
                {
                    stop = $"the next tolerance ({nextTolerance:G4}) would fall by less than {_options.MinToleranceDrop * 100:0}% from {tolerance:G4}";
                }
                else if (_options.KernelObservations > 0 && nextTolerance < AbcEngine.KernelFloor(_options.KernelObservations))
                {
                    stop = $"the tolerance reached the observations' own errors ({nextTolerance:G4}, below {AbcEngine.KernelFloor(_options.KernelObservations):G4})";
                }
                tolerance = nextTolerance;
            }
            if (_options.KernelObservations > 0)
            {
                var proposal = new Proposal(population!, _priors, _stride, _models);
                int g = generations.Count;
                _bestDistance = population!.Distance.Min();
                long limit = Math.Max((long)Math.Ceiling(_n / _options.MinAcceptance), (long)_n * AbcEngine.LikelihoodSearch);
                var next = Generation(g, tolerance, proposal, limit, kernel: true, out long candidates);
                if (next is null)
                {
                    stop += $"; the likelihood generation accepted fewer than {_n:N0} candidates within {limit:N0}, so the result is generation {g - 1}'s (the data taken as exact to its tolerance)";
                }
                else
                {
                    Weigh(next, proposal);
                    population = next;
                    generations.Add(Record(g, tolerance, candidates, population, byLikelihood: true));
                    stop += $"; then generation {g} accepted {_n:N0} of {candidates:N0} candidates with the likelihood of the observations' stated errors";
                }
            }
            return Result(population!, generations, stop!);
        }

        private ModelChoiceGeneration Record(int g, double tolerance, long candidates, Population population, bool byLikelihood)
        {
            var probabilities = Probabilities(population);
            for (int m = 0; m < _models; m++)
            {
                if (probabilities[m] == 0 && _diedIn[m] is null)
                {
                    _diedIn[m] = g;
                }
            }
            return new ModelChoiceGeneration(g, tolerance, candidates, _n, probabilities, WeightedStatistics.EffectiveSampleSize(population.Weight)) { ByLikelihood = byLikelihood };
        }

        private double[] Probabilities(Population population)
        {
            var probabilities = new double[_models];
            double total = 0;
            for (int i = 0; i < _n; i++)
            {
                probabilities[population.Model[i]] += population.Weight[i];
                total += population.Weight[i];
            }
            // Rounding leaves the weights' sum a few ulps from 1; the probabilities are shares of it.
            for (int m = 0; m < _models; m++)
            {
                probabilities[m] = Math.Min(1, probabilities[m] / total);
            }
            return probabilities;
        }

        private ModelChoiceResult Result(Population population, List<ModelChoiceGeneration> generations, string stop)
        {
            var probabilities = Probabilities(population);
            double ess = WeightedStatistics.EffectiveSampleSize(population.Weight);
            var errors = probabilities.Select(p => Math.Sqrt(Math.Clamp(p, 0, 1) * (1 - Math.Clamp(p, 0, 1)) / Math.Max(ess, 1))).ToArray();
            var posteriors = new AbcResult?[_models];
            for (int m = 0; m < _models; m++)
            {
                int d = _priors[m].Count, count = 0;
                for (int i = 0; i < _n; i++)
                {
                    count += population.Model[i] == m ? 1 : 0;
                }
                if (count == 0)
                {
                    continue;
                }
                var theta = new double[count * d];
                var weights = new double[count];
                var distances = new double[count];
                for (int i = 0, k = 0; i < _n; i++)
                {
                    if (population.Model[i] == m)
                    {
                        population.Theta.AsSpan(i * _stride, d).CopyTo(theta.AsSpan(k * d, d));
                        weights[k] = population.Weight[i] / probabilities[m];
                        distances[k] = population.Distance[i];
                        k++;
                    }
                }
                // Earlier generations' sizes are those of all models' particles together; the last is this model's own.
                var own = generations.Select(gen => new AbcGeneration(gen.Index, gen.Tolerance, gen.Candidates, gen.Accepted, gen.EffectiveSampleSize) { ByLikelihood = gen.ByLikelihood }).ToList();
                own[^1] = own[^1] with { EffectiveSampleSize = WeightedStatistics.EffectiveSampleSize(weights) };
                posteriors[m] = new AbcResult(d, theta, weights, distances, own, stop, _simulations, _stopwatch.Elapsed);
            }
            return new ModelChoiceResult(_modelPrior, probabilities, errors, _diedIn, posteriors, generations, stop, _simulations, _stopwatch.Elapsed);
        }

        /// <summary>
        /// Toni and Stumpf's weights: w ∝ π(m) π(θ | m) / (P(m) Σ_j w̃_j K_m(θ | θ_j)), P(m) the chance the proposal
        /// lands on model m and w̃ the previous weights within m; uniform in generation 0.
        /// </summary>
        private void Weigh(Population population, Proposal? proposal)
        {
            if (proposal is null)
            {
                Array.Fill(population.Weight, 1.0 / _n);
                return;
            }
            var logWeights = new double[_n];
            Parallel.For(0, _n, new ParallelOptions { MaxDegreeOfParallelism = _options.Threads }, i =>
            {
                int m = population.Model[i];
                var theta = population.Theta.AsSpan(i * _stride, _priors[m].Count);
                logWeights[i] = Math.Log(_modelPrior[m]) + AbcEngine.LogPrior(_priors[m], theta) - Math.Log(proposal.ModelChance(m)) - proposal.LogKernelMixture(m, theta);
            });
            WeightedStatistics.FromLogWeights(logWeights).CopyTo(population.Weight, 0);
        }

        private Population? Generation(int g, double tolerance, Proposal? proposal, long limit, bool kernel, out long candidates)
        {
            long seed = AbcEngine.GenerationSeed(_options.Seed, g);
            var population = new Population(_n, _stride);
            var models = new int[MaxBatch];
            var theta = new double[MaxBatch * _stride];
            var distance = new double[MaxBatch];
            int accepted = 0;
            long next = 0;
            double previousRate = 1;
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
                Evaluate(seed, next, count, proposal, models, theta, distance);
                long end = next + count;
                for (int i = 0; i < count; i++)
                {
                    if (kernel ? LikelihoodAccepts(seed, next + i, distance[i]) : distance[i] <= tolerance)
                    {
                        population.Model[accepted] = models[i];
                        theta.AsSpan(i * _stride, _stride).CopyTo(population.Theta.AsSpan(accepted * _stride, _stride));
                        population.Distance[accepted] = distance[i];
                        if (++accepted == _n)
                        {
                            end = next + i + 1;
                            break;
                        }
                    }
                }
                next = end;
                previousRate = (double)accepted / next;
            }
            candidates = next;
            return population;
        }

        private bool LikelihoodAccepts(long seed, long candidate, double distance) =>
            AbcEngine.LikelihoodAccepts(seed, candidate, distance, _options.KernelObservations, _bestDistance);

        private void Evaluate(long seed, long first, int count, Proposal? proposal, int[] models, double[] theta, double[] distance)
        {
            int workers = Math.Min(_options.Threads, count);
            var modelAlias = new AliasTable(_modelPrior);
            try
            {
                Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = _options.Cancellation }, worker =>
                {
                    int begin = (int)((long)count * worker / workers), end = (int)((long)count * (worker + 1) / workers);
                    for (int i = begin; i < end; i++)
                    {
                        var rng = StreamKey.Generator(seed, first + i, AbcEngine.ProposalPurpose);
                        var own = theta.AsSpan(i * _stride, _stride);
                        int m;
                        bool inside;
                        if (proposal is null)
                        {
                            m = modelAlias.Sample(ref rng);
                            for (int j = 0; j < _priors[m].Count; j++)
                            {
                                own[j] = _priors[m][j].Sample(ref rng);
                            }
                            inside = true;
                        }
                        else
                        {
                            m = 0;
                            inside = false;
                            for (int attempt = 0; attempt < MaxRedraws && !inside; attempt++)
                            {
                                m = proposal.Draw(ref rng, own);
                                inside = AbcEngine.LogPrior(_priors[m], own[.._priors[m].Count]) > double.NegativeInfinity;
                            }
                        }
                        models[i] = m;
                        distance[i] = inside ? _simulator(m, own[.._priors[m].Count], seed, first + i, worker) : double.NaN;
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

    /// <summary>The previous generation as the proposal: a model by its probability, perhaps moved, then a particle of it perturbed.</summary>
    private sealed class Proposal
    {
        private readonly double[] _chance;
        private readonly AliasTable _models;
        private readonly int[] _alive;
        private readonly AliasTable?[] _particles;
        private readonly TruncatedGaussianKernel?[] _kernels;
        private readonly double[][] _logWithinWeights;

        public Proposal(Population population, IReadOnlyList<IReadOnlyList<InputDistribution>> priors, int stride, int models)
        {
            int n = population.Weight.Length;
            var probability = new double[models];
            for (int i = 0; i < n; i++)
            {
                probability[population.Model[i]] += population.Weight[i];
            }
            _alive = [.. Enumerable.Range(0, models).Where(m => probability[m] > 0)];
            _models = new AliasTable(probability);
            _particles = new AliasTable?[models];
            _kernels = new TruncatedGaussianKernel?[models];
            _logWithinWeights = new double[models][];
            foreach (int m in _alive)
            {
                int d = priors[m].Count;
                var members = Enumerable.Range(0, n).Where(i => population.Model[i] == m).ToList();
                var centres = new double[members.Count * d];
                var weights = new double[members.Count];
                for (int k = 0; k < members.Count; k++)
                {
                    population.Theta.AsSpan(members[k] * stride, d).CopyTo(centres.AsSpan(k * d, d));
                    weights[k] = population.Weight[members[k]] / probability[m];
                }
                _logWithinWeights[m] = [.. weights.Select(w => Math.Log(w))];
                _particles[m] = new AliasTable(weights);
                _kernels[m] = new TruncatedGaussianKernel(centres, weights, priors[m]);
            }
            // The chance a candidate lands on model m: drawn there and stays, or drawn elsewhere and moves to it.
            _chance = new double[models];
            foreach (int m in _alive)
            {
                foreach (int from in _alive)
                {
                    _chance[m] += probability[from] * (_alive.Length == 1 ? 1 : from == m ? 1 - ModelPerturbation : ModelPerturbation / (_alive.Length - 1));
                }
            }
        }

        public double ModelChance(int m) => _chance[m];

        public int Draw(ref Xoshiro256StarStar rng, Span<double> theta)
        {
            int m = _models.Sample(ref rng);
            if (_alive.Length > 1 && rng.NextDouble() < ModelPerturbation)
            {
                // Another surviving model, uniformly: skip m's own place among them.
                int pick = Math.Min((int)(rng.NextDouble() * (_alive.Length - 1)), _alive.Length - 2);
                m = _alive[pick >= Array.IndexOf(_alive, m) ? pick + 1 : pick];
            }
            _kernels[m]!.Perturb(_particles[m]!.Sample(ref rng), ref rng, theta);
            return m;
        }

        /// <summary>
        /// log Σ_j w̃_j K_m(θ | θ_j) over model m's particles, the normal's (2π)^(-d/2) included: models of different
        /// dimensions are weighed against each other.
        /// </summary>
        public double LogKernelMixture(int m, ReadOnlySpan<double> theta) =>
            _kernels[m]!.LogMixture(_logWithinWeights[m], theta) - 0.5 * theta.Length * Math.Log(2 * Math.PI);
    }
}
