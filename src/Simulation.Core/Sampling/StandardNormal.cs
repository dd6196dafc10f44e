using System.Runtime.CompilerServices;
using Simulation.Core.Random;

namespace Simulation.Core.Sampling;

/// <summary>
/// Standard normal variates by the ziggurat method of Marsaglia and Tsang ("The Ziggurat Method for
/// Generating Random Variables", J. Statistical Software 5(8), 2000), 256 layers, with Doornik's remedy
/// ("An Improved Ziggurat Method to Generate Normal Random Samples", 2005): the layer index and the uniform
/// come from disjoint bits of one 64-bit draw. Exact: the wedges are resolved by rejection against the
/// density and the tail beyond R by Marsaglia's exact tail method. About 99% of draws cost one 64-bit
/// number, a multiply and a compare.
/// </summary>
public static class StandardNormal
{
    private const int Layers = 256;

    /// <summary>Start of the tail: the rightmost layer edge for 256 layers of equal area.</summary>
    private const double R = 3.6541528853610088;

    /// <summary>Area of each layer (and of the base strip including the tail).</summary>
    private const double LayerArea = 0.00492867323399;

    // X[i] are the layer edges, decreasing from the base strip's virtual width X[0] to X[256] = 0; F[i] = exp(-X[i]^2 / 2).
    internal static readonly double[] X = new double[Layers + 1];
    private static readonly double[] F = new double[Layers + 1];

    static StandardNormal()
    {
        double f = Density(R);
        X[0] = LayerArea / f;
        X[1] = R;
        for (int i = 1; i < Layers; i++)
        {
            double y = LayerArea / X[i] + Density(X[i]);
            X[i + 1] = y >= 1 ? 0 : Math.Sqrt(-2 * Math.Log(y));
        }
        X[Layers] = 0;
        for (int i = 0; i <= Layers; i++)
        {
            F[i] = Density(X[i]);
        }
    }

    /// <summary>One N(0, 1) variate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sample(ref Xoshiro256StarStar rng)
    {
        double x = Candidate(ref rng, out int layer);
        return Math.Abs(x) < X[layer + 1] ? x : SampleSlow(ref rng, layer, x);
    }

    /// <summary>A point uniform on layer <paramref name="layer"/>'s rectangle, both from one 64-bit draw.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Candidate(ref Xoshiro256StarStar rng, out int layer)
    {
        ulong bits = rng.NextUInt64();
        layer = (int)(bits & 0xFF);
        // Bits 12..63 give a symmetric uniform in (-1, 1), independent of the layer bits.
        double u = 2 * (((bits >> 12) + 0.5) * (1.0 / (1UL << 52))) - 1;
        return u * X[layer];
    }

    /// <summary>The draw after candidate <paramref name="x"/> of layer <paramref name="layer"/> fell outside its layer's core: what <see cref="Sample"/> does next.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static double SampleSlow(ref Xoshiro256StarStar rng, int layer, double x)
    {
        while (true)
        {
            if (layer == 0)
            {
                // Marsaglia's tail: exact for |Z| > R.
                double tail;
                double y;
                do
                {
                    tail = -Math.Log(rng.NextOpenDouble()) / R;
                    y = -Math.Log(rng.NextOpenDouble());
                }
                while (2 * y < tail * tail);
                return x < 0 ? -(R + tail) : R + tail;
            }
            if (F[layer + 1] + (F[layer] - F[layer + 1]) * rng.NextDouble() < Density(x))
            {
                return x;
            }
            x = Candidate(ref rng, out layer);
            if (Math.Abs(x) < X[layer + 1])
            {
                return x;
            }
        }
    }

    private static double Density(double x) => Math.Exp(-0.5 * x * x);
}
