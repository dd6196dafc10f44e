using System.Runtime.CompilerServices;
using Simulation.Core.Random;

namespace Simulation.Core.Sampling;

/// <summary>
/// Standard normal variates by Marsaglia's polar method (Marsaglia and Bray, SIAM Review 6, 1964): exact,
/// no tables, about 1.27 pairs of uniforms per variate. The second variate of each pair is discarded so
/// that a stream's n-th normal depends on nothing but the stream.
/// </summary>
public static class StandardNormal
{
    /// <summary>One N(0, 1) variate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sample(ref Xoshiro256StarStar rng)
    {
        while (true)
        {
            double x = 2 * rng.NextDouble() - 1;
            double y = 2 * rng.NextDouble() - 1;
            double s = x * x + y * y;
            if (s < 1 && s > 0)
            {
                return x * Math.Sqrt(-2 * Math.Log(s) / s);
            }
        }
    }
}
