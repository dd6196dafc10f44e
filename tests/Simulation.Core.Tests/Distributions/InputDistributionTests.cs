using Simulation.Core.Distributions;
using Simulation.Core.Random;
using Simulation.Testing;

namespace Simulation.Core.Tests.Distributions;

public class InputDistributionTests
{
    public static TheoryData<string> Families => ["uniform", "normal", "truncated", "lognormal", "triangular", "pert", "beta", "gamma", "gamma-small", "exponential", "discrete"];

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
}
