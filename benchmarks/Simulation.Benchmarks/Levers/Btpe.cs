using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Benchmarks.Levers;

/// <summary>
/// Issue 14's binomial lever, kept to measure it: Kachitvichyanukul and Schmeiser's BTPE ("Binomial random variate
/// generation", CACM 31, 1988) for n min(p, 1 - p) &gt;= 10: a triangle accepted with two uniforms and no logarithm,
/// parallelogram and exponential tails, BTPE's squeeze, and the exact test with ln k! (where the paper uses Stirling's
/// series) for the rest.
/// </summary>
/// <remarks>Not used by the model: benchmarks/README.md shows it no faster than BTRS when n changes every month.</remarks>
public static class Btpe
{
    /// <summary>One Binomial(<paramref name="trials"/>, <paramref name="probability"/>) variate; probability at most 1/2.</summary>
    public static long Sample(ref Xoshiro256StarStar rng, long trials, double probability)
    {
        double n = trials;
        double p = probability;
        double q = 1 - p;
        double fm = n * p + p;
        double m = Math.Floor(fm);
        double npq = n * p * q;
        double p1 = Math.Floor(2.195 * Math.Sqrt(npq) - 4.6 * q) + 0.5;
        double xm = m + 0.5;
        double xl = xm - p1;
        double xr = xm + p1;
        double c = 0.134 + 20.5 / (15.3 + m);
        double al = (fm - xl) / (fm - xl * p);
        double lambdaLeft = al * (1 + 0.5 * al);
        double ar = (xr - fm) / (xr * q);
        double lambdaRight = ar * (1 + 0.5 * ar);
        double p2 = p1 * (1 + c + c);
        double p3 = p2 + c / lambdaLeft;
        double p4 = p3 + c / lambdaRight;
        while (true)
        {
            double u = rng.NextDouble() * p4;
            double v = rng.NextDouble();
            double y;
            if (u <= p1)
            {
                return (long)Math.Floor(xm - p1 * v + u);
            }
            if (u <= p2)
            {
                double x = xl + (u - p1) / c;
                v = v * c + 1 - Math.Abs(m - x + 0.5) / p1;
                if (v > 1)
                {
                    continue;
                }
                y = Math.Floor(x);
            }
            else if (u <= p3)
            {
                y = Math.Floor(xl + Math.Log(v) / lambdaLeft);
                if (y < 0)
                {
                    continue;
                }
                v *= (u - p2) * lambdaLeft;
            }
            else
            {
                y = Math.Floor(xr - Math.Log(v) / lambdaRight);
                if (y > n)
                {
                    continue;
                }
                v *= (u - p3) * lambdaRight;
            }
            double k = Math.Abs(y - m);
            if (k <= 20 || k >= npq / 2 - 1)
            {
                // Explicit f(y) / f(m) by the recursion of successive ratios.
                double s = p / q;
                double a = s * (n + 1);
                double f = 1;
                for (double i = m + 1; i <= y; i++) f *= a / i - s;
                for (double i = y + 1; i <= m; i++) f /= a / i - s;
                if (v <= f)
                {
                    return (long)y;
                }
                continue;
            }
            double logV = Math.Log(v);
            double rho = k / npq * ((k * (k / 3 + 0.625) + 1.0 / 6) / npq + 0.5);
            double t = -k * k / (2 * npq);
            if (logV < t - rho)
            {
                return (long)y;
            }
            if (logV > t + rho)
            {
                continue;
            }
            double logRatio = LogFactorial.Of(m) + LogFactorial.Of(n - m) - LogFactorial.Of(y) - LogFactorial.Of(n - y) + (y - m) * Math.Log(p / q);
            if (logV <= logRatio)
            {
                return (long)y;
            }
        }
    }
}
