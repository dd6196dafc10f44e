using Xunit.Sdk;

namespace Simulation.Testing;

/// <summary>Assertions whose tolerance is computed from the Monte Carlo standard error, never guessed.</summary>
public static class StatisticalAssert
{
    /// <summary>Standard errors allowed: with about a hundred such checks, 5 sigma keeps false alarms below 1 in 10,000 runs of the suite.</summary>
    public const double Sigmas = 5.0;

    /// <summary>|observed - expected| &lt;= 5 standard errors.</summary>
    public static void Near(double expected, double observed, double standardError, string what)
    {
        double tolerance = Sigmas * standardError;
        if (!(Math.Abs(observed - expected) <= tolerance))
        {
            throw new XunitException($"{what}: expected {expected} ± {tolerance} (5 standard errors of {standardError}), got {observed}");
        }
    }

    /// <summary>An observed share against a probability, with the binomial standard error.</summary>
    public static void ShareNear(double probability, double observedShare, long n, string what) =>
        Near(probability, observedShare, Math.Sqrt(Math.Max(probability * (1 - probability), 1.0 / n) / n), what);

    /// <summary>Mean and variance of integer samples against known moments; fourth central moment for the variance's standard error.</summary>
    public static void Moments(ReadOnlySpan<double> samples, double mean, double variance, double fourthCentralMoment, string what)
    {
        int n = samples.Length;
        double sum = 0;
        foreach (double x in samples) sum += x;
        double sampleMean = sum / n;
        double squares = 0;
        foreach (double x in samples) squares += (x - sampleMean) * (x - sampleMean);
        double sampleVariance = squares / (n - 1);
        Near(mean, sampleMean, Math.Sqrt(variance / n), what + " mean");
        Near(variance, sampleVariance, Math.Sqrt(Math.Max(fourthCentralMoment - variance * variance, 1e-300) / n), what + " variance");
    }

    /// <summary>The empirical CDF at each point against <paramref name="cdf"/>.</summary>
    public static void MatchesCdf(double[] samples, Func<double, double> cdf, IEnumerable<double> points, string what)
    {
        double[] sorted = (double[])samples.Clone();
        Array.Sort(sorted);
        foreach (double x in points)
        {
            int below = UpperBound(sorted, x);
            double expected = cdf(x);
            ShareNear(expected, (double)below / sorted.Length, sorted.Length, $"{what} CDF at {x}");
        }
    }

    private static int UpperBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sorted[mid] <= x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
