using System.Runtime.CompilerServices;
using Simulation.Core.Random;

namespace Simulation.Core.Sampling;

/// <summary>
/// Exact Poisson variates: sequential-search inversion for small means and Hörmann's PTRS transformed
/// rejection ("The transformed rejection method for generating Poisson random variables", Insurance:
/// Mathematics and Economics 12, 1993) for means of 10 and more.
/// </summary>
/// <remarks>Unchecked: the mean must be finite and &gt;= 0 (validated when the scenario loads). Thread safe; state lives in the caller's generator.</remarks>
public static class Poisson
{
    /// <summary>Means below this use inversion; PTRS is valid from 10 on.</summary>
    public const double InversionLimit = 10.0;

    /// <summary>One Poisson(<paramref name="mean"/>) variate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Sample(ref Xoshiro256StarStar rng, double mean)
    {
        var setup = default(PoissonSetup);
        return Sample(ref rng, mean, ref setup);
    }

    /// <summary>One Poisson(<paramref name="mean"/>) variate, reusing <paramref name="setup"/> when the mean is unchanged since its last use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Sample(ref Xoshiro256StarStar rng, double mean, ref PoissonSetup setup)
    {
        if (mean <= 0)
        {
            return 0;
        }
        if (setup.Mean != mean)
        {
            setup.Prepare(mean);
        }
        return mean < InversionLimit ? SampleByInversion(ref rng, mean, setup.ExpMinusMean) : SampleByTransformedRejection(ref rng, in setup);
    }

    internal static long SampleByInversion(ref Xoshiro256StarStar rng, double mean, double expMinusMean)
    {
        while (true)
        {
            double u = rng.NextDouble();
            double probability = expMinusMean;
            double cumulative = probability;
            long k = 0;
            // For mean < 10 the tail beyond 100 is below 1e-50: a search that runs this far met round-off, so start again.
            while (u > cumulative && k < 100)
            {
                k++;
                probability *= mean / k;
                cumulative += probability;
            }
            if (k < 100)
            {
                return k;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static long SampleByTransformedRejection(ref Xoshiro256StarStar rng, in PoissonSetup setup)
    {
        double mean = setup.Mean;
        double a = setup.A;
        double b = setup.B;
        while (true)
        {
            double u = rng.NextDouble() - 0.5;
            double v = rng.NextDouble();
            double us = 0.5 - Math.Abs(u);
            double k = Math.Floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= setup.AcceptLimit)
            {
                return (long)k;
            }
            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }
            if (Math.Log(v) + setup.LogInverseAlpha - Math.Log(a / (us * us) + b) <= -mean + k * setup.LogMean - LogFactorial.Of(k))
            {
                return (long)k;
            }
        }
    }
}
