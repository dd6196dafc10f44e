using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Simulation.Core.Distributions;
using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Core.Calibration;

/// <summary>
/// History matching by waves (P. S. Craig, M. Goldstein, A. H. Seheult and J. A. Smith, "Pressure matching for
/// hydrocarbon reservoirs", Case Studies in Bayesian Statistics III, 1997; I. Vernon, M. Goldstein and R. G. Bower,
/// "Galaxy formation: a Bayesian uncertainty analysis", Bayesian Analysis 5, 2010), with the simulator itself in place
/// of an emulator: a candidate's E[y] and V_model come from <see cref="HistoryMatchOptions.Replicates"/> runs, and it
/// is not ruled out (NROY) while its largest implausibility is at most the cutoff.
/// </summary>
/// <remarks>
/// Wave 0 is a Latin hypercube over the priors' quantiles; each later wave is a Latin hypercube over the box (in
/// quantiles) around the previous wave's NROY candidates, widened by a tenth of its width and half a stratum on each
/// side, so the NROY region's share of the prior is the box's share times the share of the wave kept. Candidate i of
/// wave w draws from streams keyed by (seed, w, i) only: the result is the same for any thread count.
/// </remarks>
public static class HistoryMatching
{
    /// <summary>Stream purpose deriving a wave's seed.</summary>
    public const int WavePurpose = 2_000_000_010;

    /// <summary>Stream purpose of a wave's Latin hypercube permutations (one channel per input).</summary>
    public const int DesignPurpose = 2_000_000_011;

    /// <summary>Stream purpose of a candidate's position within its strata.</summary>
    public const int JitterPurpose = 2_000_000_012;

    // How far the next wave's box reaches beyond the NROY candidates, as a share of their spread.
    private const double Margin = 0.1;

    /// <summary>Rules out the inputs under which the simulator cannot meet <paramref name="observations"/>.</summary>
    public static HistoryMatchResult Run(IReadOnlyList<InputDistribution> prior, IReadOnlyList<Observation> observations, HistoryMatchSimulator simulator, HistoryMatchOptions options)
    {
        Validate(prior, observations, options);
        var stopwatch = Stopwatch.StartNew();
        int d = prior.Count, n = options.Candidates, m = observations.Count;
        var low = new double[d];
        var high = new double[d];
        Array.Fill(high, 1.0);
        var waves = new List<HistoryMatchWave>();
        var theta = new double[n * d];
        var quantiles = new double[n * d];
        var worst = new double[n];
        var worstIndex = new int[n];
        long simulations = 0;
        string? stop = null;
        int keptCount = 0;
        for (int w = 0; stop is null; w++)
        {
            long waveSeed = unchecked((long)StreamKey.For(options.Seed, w, WavePurpose));
            Design(prior, options.Seed, w, low, high, quantiles, theta);
            Evaluate(theta, d, observations, simulator, options, waveSeed, worst, worstIndex);
            simulations += (long)n * options.Replicates;
            keptCount = 0;
            for (int i = 0; i < n; i++)
            {
                if (worst[i] <= options.Cutoff)
                {
                    keptCount++;
                }
            }
            double region = 1;
            for (int k = 0; k < d; k++)
            {
                region *= high[k] - low[k];
            }
            var wave = new HistoryMatchWave(w, n, keptCount, region, stopwatch.Elapsed);
            waves.Add(wave);
            options.Progress?.Invoke(wave);
            if (keptCount == 0)
            {
                stop = $"wave {w} ruled out all {n:N0} candidates: no input in the priors' range meets every observation within {options.Cutoff:G3} standard deviations "
                    + "(its error, the model's own spread and the discrepancy); check the observations, or allow for model discrepancy with --discrepancy";
                break;
            }
            if (w > 0 && waves[^2].NroyShare - wave.NroyShare < options.MinShrink * waves[^2].NroyShare)
            {
                stop = $"the region not ruled out stopped shrinking (wave {w}: {wave.NroyShare * 100:0.0}% of the prior, wave {w - 1}: {waves[^2].NroyShare * 100:0.0}%)";
                break;
            }
            if (w + 1 >= options.MaxWaves)
            {
                stop = $"reached the maximum of {options.MaxWaves} waves";
                break;
            }
            if (!NextBox(quantiles, worst, options.Cutoff, d, n, low, high))
            {
                stop = $"the candidates not ruled out span wave {w}'s whole range in every input, so a further wave would sample the same region";
            }
        }
        var kept = new double[keptCount * d];
        var implausibility = new double[keptCount];
        var worstObservation = new int[keptCount];
        for (int i = 0, j = 0; i < n; i++)
        {
            if (worst[i] <= options.Cutoff)
            {
                theta.AsSpan(i * d, d).CopyTo(kept.AsSpan(j * d, d));
                implausibility[j] = worst[i];
                worstObservation[j] = worstIndex[i];
                j++;
            }
        }
        // The region a further wave would sample: where ABC starts after history matching (--history-match).
        var regionLow = (double[])low.Clone();
        var regionHigh = (double[])high.Clone();
        if (keptCount > 0)
        {
            NextBox(quantiles, worst, options.Cutoff, d, n, regionLow, regionHigh);
        }
        return new HistoryMatchResult(d, kept, implausibility, worstObservation, waves, stop, simulations, stopwatch.Elapsed)
        {
            RegionLow = regionLow,
            RegionHigh = regionHigh,
        };
    }

    private static void Validate(IReadOnlyList<InputDistribution> prior, IReadOnlyList<Observation> observations, HistoryMatchOptions options)
    {
        if (prior.Count == 0)
        {
            throw new ArgumentException("nothing to match: the prior has no parameter", nameof(prior));
        }
        if (observations.Count == 0)
        {
            throw new ArgumentException("no observations", nameof(observations));
        }
        if (options.Candidates < 10)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"candidates must be at least 10, got {options.Candidates:N0}");
        }
        if (options.Replicates < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"replicates must be at least 1, got {options.Replicates:N0}");
        }
        if (!(options.Cutoff > 0) || !(options.Discrepancy >= 0) || options.MaxWaves < 1 || !(options.MinShrink >= 0 && options.MinShrink < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "cutoff must be above 0, discrepancy at least 0, max waves at least 1 and min shrink in [0, 1)");
        }
    }

    /// <summary>A Latin hypercube of the box [low, high] of quantiles, and the parameters at those quantiles.</summary>
    private static void Design(IReadOnlyList<InputDistribution> prior, long seed, int wave, double[] low, double[] high, double[] quantiles, double[] theta)
    {
        int d = prior.Count, n = quantiles.Length / d;
        for (int k = 0; k < d; k++)
        {
            var permutation = new KeyedPermutation(StreamKey.For(seed, wave, DesignPurpose, k), n);
            for (int i = 0; i < n; i++)
            {
                var rng = StreamKey.Generator(seed, (long)wave * n + i, JitterPurpose, k);
                double u = low[k] + (high[k] - low[k]) * (permutation[i] + rng.NextOpenDouble()) / n;
                quantiles[i * d + k] = u;
                theta[i * d + k] = prior[k].Quantile(u);
            }
        }
    }

    /// <summary>Each candidate's largest implausibility over the observations, and which observation gives it.</summary>
    private static void Evaluate(double[] theta, int d, IReadOnlyList<Observation> observations, HistoryMatchSimulator simulator, HistoryMatchOptions options, long waveSeed,
        double[] worst, int[] worstIndex)
    {
        int n = worst.Length, m = observations.Count, replicates = options.Replicates;
        int workers = Math.Min(options.Threads, n);
        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = options.Cancellation }, worker =>
            {
                int begin = (int)((long)n * worker / workers), end = (int)((long)n * (worker + 1) / workers);
                var values = new double[m];
                var sum = new double[m];
                var squares = new double[m];
                for (int i = begin; i < end; i++)
                {
                    options.Cancellation.ThrowIfCancellationRequested();
                    Array.Clear(sum);
                    Array.Clear(squares);
                    for (int r = 0; r < replicates; r++)
                    {
                        simulator(theta.AsSpan(i * d, d), waveSeed, (long)i * replicates + r, worker, values);
                        for (int o = 0; o < m; o++)
                        {
                            double y = observations[o].OnErrorScale(values[o]);
                            sum[o] += y;
                            squares[o] += y * y;
                        }
                    }
                    double largest = double.NegativeInfinity;
                    int which = 0;
                    for (int o = 0; o < m; o++)
                    {
                        double mean = sum[o] / replicates;
                        double variance = replicates > 1 ? Math.Max(0, (squares[o] - replicates * mean * mean) / (replicates - 1)) : 0;
                        double implausibility = observations[o].Implausibility(mean, variance, options.Discrepancy);
                        // NaN (a value the error model cannot take) rules a candidate out.
                        if (double.IsNaN(implausibility))
                        {
                            implausibility = double.PositiveInfinity;
                        }
                        if (implausibility > largest)
                        {
                            largest = implausibility;
                            which = o;
                        }
                    }
                    worst[i] = largest;
                    worstIndex[i] = which;
                }
            });
        }
        catch (AggregateException exception) when (exception.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(exception.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>
    /// The box around the kept candidates' quantiles, widened; false when it would be the current box in every input
    /// (nothing left to narrow).
    /// </summary>
    private static bool NextBox(double[] quantiles, double[] worst, double cutoff, int d, int n, double[] low, double[] high)
    {
        bool narrower = false;
        for (int k = 0; k < d; k++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int i = 0; i < n; i++)
            {
                if (worst[i] <= cutoff)
                {
                    min = Math.Min(min, quantiles[i * d + k]);
                    max = Math.Max(max, quantiles[i * d + k]);
                }
            }
            double reach = Margin * (max - min) + 0.5 * (high[k] - low[k]) / n;
            double newLow = Math.Max(low[k], min - reach), newHigh = Math.Min(high[k], max + reach);
            if (newLow > low[k] || newHigh < high[k])
            {
                narrower = true;
            }
            low[k] = newLow;
            high[k] = newHigh;
        }
        return narrower;
    }
}
