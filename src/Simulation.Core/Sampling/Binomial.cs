using System.Runtime.CompilerServices;
using Simulation.Core.Random;

namespace Simulation.Core.Sampling;

/// <summary>
/// Exact binomial variates: sequential-search inversion when n*min(p, 1-p) &lt; 10 and Hörmann's BTRS
/// transformed rejection ("The generation of binomial random variables", J. Statist. Comput. Simul. 46,
/// 1993) above. Cost is O(1) in n, unlike a loop over the n trials.
/// </summary>
/// <remarks>Unchecked: n &gt;= 0 and p in [0, 1] (validated when the scenario loads). Thread safe; state lives in the caller's generator.</remarks>
public static class Binomial
{
    /// <summary>Below this value of n*min(p, 1-p) inversion is used; BTRS needs it at least 10.</summary>
    public const double InversionLimit = 10.0;

    /// <summary>One Binomial(<paramref name="trials"/>, <paramref name="probability"/>) variate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Sample(ref Xoshiro256StarStar rng, long trials, double probability)
    {
        var setup = default(BinomialSetup);
        return Sample(ref rng, trials, probability, ref setup);
    }

    /// <summary>One Binomial variate, reusing <paramref name="setup"/> when the probability is unchanged since its last use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Sample(ref Xoshiro256StarStar rng, long trials, double probability, ref BinomialSetup setup)
    {
        if (trials <= 0 || probability <= 0)
        {
            return 0;
        }
        if (probability >= 1)
        {
            return trials;
        }
        if (setup.Probability != probability)
        {
            // Sampling the rarer outcome keeps the inversion search short and BTRS within its tested range.
            setup.Prepare(probability);
        }
        long successes;
        if (trials * setup.P < InversionLimit)
        {
            if (double.IsNaN(setup.LogQ))
            {
                setup.LogQ = Math.Log(setup.Q);
            }
            successes = SampleByInversion(ref rng, trials, in setup);
        }
        else
        {
            if (double.IsNaN(setup.LogOdds))
            {
                setup.LogOdds = Math.Log(setup.P / setup.Q);
            }
            successes = SampleByTransformedRejection(ref rng, trials, in setup);
        }
        return setup.Flipped ? trials - successes : successes;
    }

    internal static long SampleByInversion(ref Xoshiro256StarStar rng, long trials, in BinomialSetup setup)
    {
        double p = setup.P;
        double q = setup.Q;
        double ratio = p / q;
        double start = Math.Exp(trials * setup.LogQ);
        double bound = Math.Min(trials, trials * p + 10 * Math.Sqrt(trials * p * q + 1));
        while (true)
        {
            double u = rng.NextDouble();
            double probability = start;
            long k = 0;
            while (u > probability)
            {
                u -= probability;
                k++;
                if (k > bound)
                {
                    break;
                }
                probability *= ratio * (trials - k + 1) / k;
            }
            // Beyond ten standard deviations the remaining mass is round-off: draw again rather than return it.
            if (k <= bound)
            {
                return k;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static long SampleByTransformedRejection(ref Xoshiro256StarStar rng, long trials, in BinomialSetup setup) =>
        ContinueTransformedRejection(ref rng, trials, in setup, double.NaN, double.NaN);

    /// <summary>
    /// BTRS from a first pair (<paramref name="firstU"/> - 1/2, <paramref name="firstV"/>) already drawn (NaN for none):
    /// where runs side by side leave a draw the quick acceptance did not take.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static long ContinueTransformedRejection(ref Xoshiro256StarStar rng, long trials, in BinomialSetup setup, double firstU, double firstV)
    {
        double n = trials;
        double p = setup.P;
        double q = setup.Q;
        double spq = Math.Sqrt(n * p * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double acceptLimit = 0.92 - 4.2 / b;
        double alpha = (2.83 + 5.1 / b) * spq;
        double logOdds = setup.LogOdds;
        double mode = Math.Floor((n + 1) * p);
        double h = double.NaN;
        bool pending = !double.IsNaN(firstU);
        while (true)
        {
            double u = pending ? firstU : rng.NextDouble() - 0.5;
            double v = pending ? firstV : rng.NextDouble();
            pending = false;
            double us = 0.5 - Math.Abs(u);
            double k = Math.Floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n)
            {
                continue;
            }
            if (us >= 0.07 && v <= acceptLimit)
            {
                return (long)k;
            }
            // The exact test needs ln(mode!) + ln((n - mode)!): computed only when a draw gets this far.
            if (double.IsNaN(h))
            {
                h = LogFactorial.Of(mode) + LogFactorial.Of(n - mode);
            }
            double logV = Math.Log(v * alpha / (a / (us * us) + b));
            if (logV <= h - LogFactorial.Of(k) - LogFactorial.Of(n - k) + (k - mode) * logOdds)
            {
                return (long)k;
            }
        }
    }
}
