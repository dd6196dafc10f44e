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
