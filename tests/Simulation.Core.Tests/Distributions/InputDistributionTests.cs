using Simulation.Core.Distributions;
using Simulation.Core.Random;
using Simulation.Testing;

namespace Simulation.Core.Tests.Distributions;

public class InputDistributionTests
{
    public static TheoryData<string> Families => ["uniform", "normal", "truncated", "lognormal", "triangular", "pert", "beta", "gamma", "gamma-small", "exponential", "discrete", "restricted"];

    private static InputDistribution Make(string family) => family switch
    {
        "uniform" => InputDistribution.Uniform(500, 3000),
        "normal" => InputDistribution.Normal(70000, 10000),
        "truncated" => InputDistribution.Normal(0.1, 0.2, 0, 0.5),
        "lognormal" => InputDistribution.LogNormalFromQuantiles(24, 72),
        "triangular" => InputDistribution.Triangular(5000, 20000, 60000),
        "pert" => InputDistribution.Pert(0.6, 0.8, 0.9),
        "beta" => InputDistribution.Beta(2, 5),
        "gamma" => InputDistribution.Gamma(3, 2),
        "gamma-small" => InputDistribution.Gamma(0.4, 1.5),
        "exponential" => InputDistribution.Exponential(12),
        "discrete" => InputDistribution.Discrete([1, 2, 5], [1, 1, 2]),
        "restricted" => new RestrictedDistribution(InputDistribution.Gamma(3, 2), 0.2, 0.95),
        _ => throw new ArgumentException(family),
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void Sample_EachFamily_MatchesMeanAndCdf(string family)
    {
        var distribution = Make(family);
        const int n = 100_000;
        var samples = new double[n];
        var rng = StreamKey.Generator(11, family.Length, 100);
        for (int i = 0; i < n; i++)
        {
            samples[i] = distribution.Sample(ref rng);
            Assert.InRange(samples[i], distribution.SupportMin, distribution.SupportMax);
        }
        double mean = samples.Average();
        double sd = Math.Sqrt(samples.Select(x => (x - mean) * (x - mean)).Sum() / (n - 1));
        StatisticalAssert.Near(distribution.Mean, mean, sd / Math.Sqrt(n), $"{family} mean");
        double[] sorted = [.. samples.Order()];
        double[] points = [sorted[n / 20], sorted[n / 4], sorted[n / 2], sorted[3 * n / 4], sorted[19 * n / 20]];
        StatisticalAssert.MatchesCdf(samples, distribution.Cdf, points, family);
    }

    [Fact]
    public void LogNormalFromQuantiles_MedianAndP95_AreThoseGiven()
    {
        var distribution = InputDistribution.LogNormalFromQuantiles(24, 72);
        Assert.Equal(0.5, distribution.Cdf(24), 12);
        Assert.Equal(0.95, distribution.Cdf(72), 12);
    }

    [Fact]
    public void Fixed_Sample_ConsumesNoRandomness()
    {
        var rng = StreamKey.Generator(1, 1, 1);
        var copy = rng;
        Assert.Equal(3.5, InputDistribution.Fixed(3.5).Sample(ref rng));
        Assert.Equal(copy.NextUInt64(), rng.NextUInt64());
    }

    [Theory]
    [InlineData("uniform")]
    [InlineData("triangular")]
    [InlineData("normal")]
    [InlineData("gamma")]
    [InlineData("discrete")]
    public void Factories_InvalidArguments_Throw(string family)
    {
        Assert.Throws<ArgumentException>(() => family switch
        {
            "uniform" => InputDistribution.Uniform(3, 2),
            "triangular" => InputDistribution.Triangular(0, 5, 4),
            "normal" => InputDistribution.Normal(0, 1, 50, 60),
            "gamma" => InputDistribution.Gamma(-1, 1),
            _ => InputDistribution.Discrete([1, 2], [0, 0]),
        });
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Density_IsTheDerivativeOfTheCdf(string family)
    {
        var distribution = Make(family);
        if (!distribution.IsContinuous)
        {
            Assert.Equal(0.25, distribution.Density(1), 12);
            Assert.Equal(0.5, distribution.Density(5), 12);
            Assert.Equal(0, distribution.Density(3));
            return;
        }
        foreach (double p in new[] { 0.1, 0.3, 0.5, 0.7, 0.9 })
        {
            // The point where the CDF reaches p, by bisection, then a central difference of the CDF there.
            double low = Math.Max(distribution.SupportMin, -1e9), high = Math.Min(distribution.SupportMax, 1e9);
            for (int i = 0; i < 200; i++)
            {
                double middle = (low + high) / 2;
                (low, high) = distribution.Cdf(middle) < p ? (middle, high) : (low, middle);
            }
            double x = (low + high) / 2;
            double h = 1e-5 * Math.Max(1, Math.Abs(x));
            double derivative = (distribution.Cdf(x + h) - distribution.Cdf(x - h)) / (2 * h);
            Assert.Equal(derivative, distribution.Density(x), 1e-4 * derivative + 1e-12);
        }
        Assert.Equal(0, distribution.Density(distribution.SupportMin - 1));
        Assert.Equal(0, distribution.Density(double.NaN));
    }

    [Fact]
    public void Restricted_UpperHalfOfTheStandardNormal_IsTheHalfNormal()
    {
        // N(0, 1) between its median and its top: the half-normal, mean sqrt(2 / pi), CDF 2 Phi(x) - 1.
        var half = new RestrictedDistribution(InputDistribution.Normal(0, 1), 0.5, 1);
        Assert.Equal(0, half.SupportMin, 1e-12);
        Assert.True(double.IsPositiveInfinity(half.SupportMax));
        Assert.Equal(Math.Sqrt(2 / Math.PI), half.Mean, 1e-3);
        Assert.Equal(2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, 1.3) - 1, half.Cdf(1.3), 1e-12);
        Assert.Equal(2 * MathNet.Numerics.Distributions.Normal.PDF(0, 1, 1.3), half.Density(1.3), 1e-12);
        Assert.Equal(0, half.Density(-0.1));
        Assert.Equal(1.3, half.Quantile(half.Cdf(1.3)), 1e-9);
    }

    [Fact]
    public void Restricted_BetweenTwoQuantiles_KeepsExactlyThatProbability()
    {
        var prior = InputDistribution.Uniform(0, 10);
        var restricted = new RestrictedDistribution(prior, 0.25, 0.5);
        Assert.Equal(2.5, restricted.SupportMin, 1e-12);
        Assert.Equal(5, restricted.SupportMax, 1e-12);
        Assert.Equal(3.75, restricted.Mean, 1e-9);
        Assert.Equal(0.4, restricted.Density(3), 1e-12);
        Assert.Equal(0, restricted.Density(5.5));
        Assert.Equal("uniform(min 0, max 10) between its 25% and 50% points", restricted.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new RestrictedDistribution(prior, 0.5, 0.5));
        Assert.Throws<ArgumentException>(() => new RestrictedDistribution(InputDistribution.Discrete([1, 2], [1, 1]), 0, 0.5));
    }
}
