using Simulation.Core.Random;
using Simulation.Core.Sampling;
using Simulation.Testing;
using MathBinomial = MathNet.Numerics.Distributions.Binomial;

namespace Simulation.Core.Tests.Sampling;

public class BinomialTests
{
    public static TheoryData<long, double> Cases => new()
    {
        { 5, 0.5 },
        { 20, 0.3 },
        { 30_000, 1.0 / 36 },
        { 1000, 0.7 },
        { 100, 0.95 },
        { 40, 0.25 },
        { 1_000_000_000, 1e-3 },
        { 7, 0.999 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_AnyTrialsAndProbability_MatchesMomentsAndMathNetCdf(long trials, double p)
    {
        const int n = 100_000;
        var rng = StreamKey.Generator(99, trials, (int)(p * 1000));
        var samples = new double[n];
        for (int i = 0; i < n; i++)
        {
            long k = Binomial.Sample(ref rng, trials, p);
            Assert.InRange(k, 0, trials);
            samples[i] = k;
        }
        double q = 1 - p;
        double mean = trials * p;
        double variance = trials * p * q;
        double fourth = variance * (1 + 3 * (trials - 2) * p * q);
        StatisticalAssert.Moments(samples, mean, variance, fourth, $"Binomial({trials}, {p})");
        double sd = Math.Sqrt(variance);
        var points = new List<double>();
        for (int k = -3; k <= 3; k++)
        {
            double x = Math.Floor(mean + k * sd);
            if (x >= 0 && x <= trials) points.Add(x);
        }
        StatisticalAssert.MatchesCdf(samples, x => x >= trials ? 1.0 : MathBinomial.CDF(p, (int)Math.Min(trials, int.MaxValue), x), points, $"Binomial({trials}, {p})");
    }

    /// <summary>
    /// As the model draws returns: p kept for the run, the stock changing every month. Every probability within four
    /// standard deviations must match MathNet's PMF within 5 standard errors, so each acceptance path (immediate,
    /// squeeze, exact test) is checked, not only a few CDF points.
    /// </summary>
    [Theory]
    [InlineData(400L, 401L, 1.0 / 36)]
    [InlineData(90L, 5000L, 0.2)]
    [InlineData(20_000L, 20_113L, 1.0 / 36)]
    [InlineData(300L, 2_000_000L, 0.45)]
    public void Sample_AlternatingTrialsWithKeptSetup_EveryProbabilityMatchesMathNetPmf(long first, long second, double p)
    {
        const int n = 300_000;
        var rng = StreamKey.Generator(1988, first, (int)(p * 1000));
        var setup = default(BinomialSetup);
        var counts = new[] { new Dictionary<long, int>(), new Dictionary<long, int>() };
        long[] trials = [first, second];
        for (int i = 0; i < 2 * n; i++)
        {
            long k = Binomial.Sample(ref rng, trials[i & 1], p, ref setup);
            counts[i & 1][k] = counts[i & 1].GetValueOrDefault(k) + 1;
        }
        for (int t = 0; t < 2; t++)
        {
            double mean = trials[t] * p;
            double sd = Math.Sqrt(mean * (1 - p));
            for (long k = (long)Math.Max(0, Math.Floor(mean - 4 * sd)); k <= (long)Math.Min(trials[t], Math.Ceiling(mean + 4 * sd)); k++)
            {
                double probability = MathBinomial.PMF(p, (int)trials[t], (int)k);
                StatisticalAssert.ShareNear(probability, counts[t].GetValueOrDefault(k) / (double)n, n, $"P(Binomial({trials[t]}, {p}) = {k})");
            }
        }
    }

    [Theory]
    [InlineData(0, 0.5, 0)]
    [InlineData(10, 0.0, 0)]
    [InlineData(10, 1.0, 10)]
    public void Sample_DegenerateCases_AreExact(long trials, double p, long expected)
    {
        var rng = StreamKey.Generator(1, 2, 3);
        Assert.Equal(expected, Binomial.Sample(ref rng, trials, p));
    }
}
