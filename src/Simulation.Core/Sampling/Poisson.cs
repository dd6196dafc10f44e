using System.Runtime.CompilerServices;
using Simulation.Core.Random;

namespace Simulation.Core.Sampling;

/// <summary>
/// Exact Poisson variates: sequential-search inversion for small means and Ahrens and Dieter's algorithm PD
/// (normal deviates with immediate acceptance, 1982) for means of 10 and more. PD replaced Hörmann's PTRS
/// (1993) in issue 14: its common path is one ziggurat normal and a floor, with no logarithm and, for a
/// changing mean, a setup of one square root instead of two logarithms.
/// </summary>
/// <remarks>Unchecked: the mean must be finite and &gt;= 0 (validated when the scenario loads). Thread safe; state lives in the caller's generator.</remarks>
public static class Poisson
{
    /// <summary>Means below this use inversion; PD is valid from 10 on.</summary>
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
        return mean < InversionLimit ? SampleByInversion(ref rng, mean, setup.ExpMinusMean) : SampleByNormalDeviates(ref rng, ref setup);
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

    /// <summary>
    /// Algorithm PD of Ahrens and Dieter ("Computer generation of Poisson deviates from modified normal
    /// distributions", ACM TOMS 8, 1982) for means of 10 and more: a normal deviate rounded down is accepted at
    /// once when it is at least L, or by a cubic squeeze; the rest go through a quotient test against the
    /// Poisson probability and, failing that, a double-exponential hat. Where the paper approximates
    /// ln(K!) by a truncated series, the tests here use the exact probability (ln K! from
    /// <see cref="LogFactorial"/>), so the method is exact.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long SampleByNormalDeviates(ref Xoshiro256StarStar rng, ref PoissonSetup setup)
    {
        double g = setup.Mean + setup.SqrtMean * StandardNormal.Sample(ref rng);
        // The squeeze's uniform is drawn even when step I accepts: K >= L holds about half the time, a branch the
        // processor cannot predict, while "accepted by I or S" holds for almost every draw.
        double u = rng.NextDouble();
        double k = Math.Floor(g);
        double difference = setup.Mean - k;
        if (g >= 0 && (k >= setup.ImmediateLimit | setup.SqueezeScale * u >= difference * difference * difference))
        {
            return (long)k;
        }
        if (g >= 0)
        {
            return SampleRareSteps(ref rng, ref setup, k, u);
        }
        return SampleRareSteps(ref rng, ref setup, -1, 0);
    }

    /// <summary>Steps Q, E and H of algorithm PD; <paramref name="k"/> is -1 when step N's deviate was negative (no quotient test).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static long SampleRareSteps(ref Xoshiro256StarStar rng, ref PoissonSetup setup, double k, double u)
    {
        if (!setup.HasRareConstants)
        {
            setup.PrepareRare();
        }
        double mean = setup.Mean;
        if (k >= 0)
        {
            var (fx, fy) = NormalCorrection(in setup, k);
            if (fy * (1 - u) <= Math.Exp(LogProbability(in setup, k) - fx))
            {
                return (long)k;
            }
        }
        while (true)
        {
            double e = -Math.Log(rng.NextOpenDouble());
            double signed = 2 * rng.NextDouble() - 1;
            double t = 1.8 + (signed < 0 ? -e : e);
            if (t <= -0.6744)
            {
                continue;
            }
            k = Math.Floor(mean + setup.SqrtMean * t);
            var (fx, fy) = NormalCorrection(in setup, k);
            if (setup.HatScale * Math.Abs(signed) <= Math.Exp(LogProbability(in setup, k) + e) - fy * Math.Exp(fx + e))
            {
                return (long)k;
            }
        }
    }

    /// <summary>Procedure F's fx and fy: the exponent and the corrected height of the normal density at K + 1/2.</summary>
    private static (double Fx, double Fy) NormalCorrection(in PoissonSetup setup, double k)
    {
        double x = (k - setup.Mean + 0.5) / setup.SqrtMean;
        double xx = x * x;
        return (-0.5 * xx, setup.Omega * (((setup.C3 * xx + setup.C2) * xx + setup.C1) * xx + setup.C0));
    }

    private static double LogProbability(in PoissonSetup setup, double k) =>
        -setup.Mean + k * setup.LogMean - LogFactorial.Of(k);
}
