using Simulation.Core.Random;

namespace Simulation.Core.Sampling;

/// <summary>
/// Gamma(shape, 1) variates by Marsaglia and Tsang ("A simple method for generating gamma variables",
/// ACM TOMS 26(3), 2000), with the boost U^(1/shape) for shapes below 1. Used once per run for input
/// distributions (gamma, beta, PERT), not in the monthly loop.
/// </summary>
public static class GammaVariate
{
    /// <summary>One Gamma(<paramref name="shape"/>, 1) variate; shape &gt; 0.</summary>
    public static double Sample(ref Xoshiro256StarStar rng, double shape)
    {
        if (shape < 1)
        {
            double boost = Math.Pow(rng.NextOpenDouble(), 1.0 / shape);
            return Sample(ref rng, shape + 1) * boost;
        }
        double d = shape - 1.0 / 3;
        double c = 1.0 / Math.Sqrt(9 * d);
        while (true)
        {
            double x;
            double v;
            do
            {
                x = StandardNormal.Sample(ref rng);
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            double u = rng.NextOpenDouble();
            double xSquared = x * x;
            if (u < 1 - 0.0331 * xSquared * xSquared || Math.Log(u) < 0.5 * xSquared + d * (1 - v + Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>One Beta(<paramref name="alpha"/>, <paramref name="beta"/>) variate as a ratio of gammas.</summary>
    public static double SampleBeta(ref Xoshiro256StarStar rng, double alpha, double beta)
    {
        double x = Sample(ref rng, alpha);
        double y = Sample(ref rng, beta);
        double sum = x + y;
        // Both gammas underflow only for tiny shapes; the limit then puts all mass at an end, chosen fairly.
        return sum > 0 ? x / sum : (rng.NextDouble() < alpha / (alpha + beta) ? 1.0 : 0.0);
    }
}
