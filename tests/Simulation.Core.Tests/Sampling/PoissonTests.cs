using Simulation.Core.Random;
using Simulation.Core.Sampling;
using Simulation.Testing;
using MathPoisson = MathNet.Numerics.Distributions.Poisson;

namespace Simulation.Core.Tests.Sampling;

public class PoissonTests
{
    public static TheoryData<double> Means => [0.05, 0.9, 3.0, 9.99, 10.0, 37.5, 1000.0, 123456.7];

    [Theory]
    [MemberData(nameof(Means))]
    public void Sample_AnyMean_MatchesMomentsAndMathNetCdf(double mean)
    {
        const int n = 100_000;
        var rng = StreamKey.Generator(2024, (long)(mean * 1000), 1);
        var samples = new double[n];
        for (int i = 0; i < n; i++)
        {
            samples[i] = Poisson.Sample(ref rng, mean);
        }
        // Poisson: variance = mean, fourth central moment = mean (1 + 3 mean).
        StatisticalAssert.Moments(samples, mean, mean, mean * (1 + 3 * mean), $"Poisson({mean})");
        double sd = Math.Sqrt(mean);
        var points = new List<double>();
        for (int k = -3; k <= 3; k++)
        {
            double x = Math.Floor(mean + k * sd);
            if (x >= 0) points.Add(x);
        }
        StatisticalAssert.MatchesCdf(samples, x => MathPoisson.CDF(mean, x), points, $"Poisson({mean})");
    }

    /// <summary>
    /// Algorithm PD's immediate, squeeze, quotient and hat steps each return a different part of the distribution:
    /// every probability within four standard deviations of the mean, not only a few CDF points, must match MathNet's
    /// PMF within 5 standard errors. The means alternate through one kept setup, as the model's changing dispatch does.
    /// </summary>
    [Theory]
    [InlineData(10.0, 10.5)]
    [InlineData(13.7, 31.0)]
    [InlineData(96.0, 2500.25)]
    public void Sample_AlternatingMeansWithKeptSetup_EveryProbabilityMatchesMathNetPmf(double first, double second)
    {
        const int n = 300_000;
        var rng = StreamKey.Generator(1982, (long)first, (int)second);
        var setup = default(PoissonSetup);
        var counts = new[] { new Dictionary<long, int>(), new Dictionary<long, int>() };
        double[] means = [first, second];
        for (int i = 0; i < 2 * n; i++)
        {
            long k = Poisson.Sample(ref rng, means[i & 1], ref setup);
            counts[i & 1][k] = counts[i & 1].GetValueOrDefault(k) + 1;
        }
        for (int m = 0; m < 2; m++)
        {
            double mean = means[m];
            double sd = Math.Sqrt(mean);
            for (long k = (long)Math.Max(0, Math.Floor(mean - 4 * sd)); k <= (long)Math.Ceiling(mean + 4 * sd); k++)
            {
                double p = MathPoisson.PMF(mean, (int)k);
                StatisticalAssert.ShareNear(p, counts[m].GetValueOrDefault(k) / (double)n, n, $"P(Poisson({mean}) = {k})");
            }
        }
    }

    [Fact]
    public void Sample_ZeroOrNegativeMean_ReturnsZeroWithoutDrawing()
    {
        var rng = StreamKey.Generator(1, 1, 1);
        var copy = rng;
        Assert.Equal(0, Poisson.Sample(ref rng, 0));
        Assert.Equal(copy.NextUInt64(), rng.NextUInt64());
    }

    [Fact]
    public void Sample_SameStream_SameSequence()
    {
        var a = StreamKey.Generator(5, 5, 5);
        var b = StreamKey.Generator(5, 5, 5);
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(Poisson.Sample(ref a, 50.5), Poisson.Sample(ref b, 50.5));
        }
    }
}
