using Simulation.Core.Calibration;
using Simulation.Core.Distributions;
using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Core.Tests.Calibration;

/// <summary>
/// The generic ABC engine against closed-form posteriors (docs/calibration.md, "What must be shown"). Tolerances are
/// five Monte Carlo standard errors of the weighted particle set: sd / sqrt(ESS) for the mean, sd / sqrt(2 ESS) for
/// the standard deviation.
/// </summary>
public class AbcEngineTests
{
    /// <summary>Successes in 10 Bernoulli(θ) trials, against the 3 observed.</summary>
    private static double BinomialDistance(ReadOnlySpan<double> theta, long seed, long candidate, int worker)
    {
        var rng = StreamKey.Generator(seed, candidate, 1);
        int successes = 0;
        for (int trial = 0; trial < 10; trial++)
        {
            successes += rng.NextDouble() < theta[0] ? 1 : 0;
        }
        return Math.Abs(successes - 3);
    }

    /// <summary>One Poisson(λ) count against the 800 observed.</summary>
    private static double PoissonDistance(ReadOnlySpan<double> theta, long seed, long candidate, int worker)
    {
        var rng = StreamKey.Generator(seed, candidate, 1);
        return Math.Abs(Poisson.Sample(ref rng, theta[0]) - 800);
    }

    private static void AssertPosterior(AbcResult result, double mean, double sd)
    {
        var values = result.Column(0);
        double ess = result.EffectiveSampleSize;
        double seMean = sd / Math.Sqrt(ess);
        double seSd = sd / Math.Sqrt(2 * ess);
        Assert.Equal(mean, WeightedStatistics.Mean(values, result.Weights), 5 * seMean);
        Assert.Equal(sd, WeightedStatistics.StandardDeviation(values, result.Weights), 5 * seSd);
    }

    [Fact]
    public void Rejection_BetaBinomial_GivesBeta4And8()
    {
        // Distances are whole numbers and 1 in 11 prior candidates match exactly, so the closest 1% all match: exact.
        var result = AbcEngine.Run([InputDistribution.Uniform(0, 1)], BinomialDistance,
            new AbcOptions { Particles = 4000, Method = AbcMethod.Rejection, Seed = 7, Threads = 2 });
        Assert.All(result.Distances, d => Assert.Equal(0, d));
        AssertPosterior(result, 4.0 / 12, Math.Sqrt(4.0 * 8 / (12 * 12 * 13)));
    }

    [Fact]
    public void Smc_BetaBinomial_ReachesZeroToleranceAndGivesBeta4And8()
    {
        // With whole-number distances the median can stay at 1 (fewer than half the particles within 1 match
        // exactly); the 25% quantile takes the tolerance to 0, where ABC is exact.
        var result = AbcEngine.Run([InputDistribution.Beta(1, 1)], BinomialDistance,
            new AbcOptions { Particles = 3000, ToleranceQuantile = 0.25, Seed = 11, Threads = 2 });
        Assert.Equal(0, result.Generations[^1].Tolerance);
        AssertPosterior(result, 4.0 / 12, Math.Sqrt(4.0 * 8 / (12 * 12 * 13)));
    }

    [Fact]
    public void Smc_GammaPoisson_GivesGamma802Rate1002()
    {
        // Prior Gamma(shape 2, rate 0.002) = scale 500. The median rule stops at tolerance 1, whose posterior (counts
        // 799-801 equally) has the same mean and an sd larger by 0.01: far inside the Monte Carlo error.
        var result = AbcEngine.Run([InputDistribution.Gamma(2, 500)], PoissonDistance,
            new AbcOptions { Particles = 3000, Seed = 5, Threads = 2 });
        Assert.True(result.Generations[^1].Tolerance <= 1, $"final tolerance {result.Generations[^1].Tolerance}");
        AssertPosterior(result, 802 / 1.002, Math.Sqrt(802) / 1.002);
    }

    [Fact]
    public void Smc_AnyThreadCount_SameParticlesBitForBit()
    {
        AbcResult Calibrate(int threads) => AbcEngine.Run([InputDistribution.Gamma(2, 500), InputDistribution.Uniform(0, 1)],
            (theta, seed, candidate, worker) => PoissonDistance(theta, seed, candidate, worker) + theta[1],
            new AbcOptions { Particles = 500, Seed = 3, Threads = threads, MaxGenerations = 5 });
        var one = Calibrate(1);
        var three = Calibrate(3);
        Assert.Equal(one.Particles, three.Particles);
        Assert.Equal(one.Weights, three.Weights);
        Assert.Equal(one.Generations, three.Generations);
        Assert.Equal(5, one.Generations.Count);
    }

    [Fact]
    public void Rejection_AnyThreadCount_SameParticles()
    {
        AbcResult Calibrate(int threads) => AbcEngine.Run([InputDistribution.Uniform(0, 1)], BinomialDistance,
            new AbcOptions { Particles = 300, Method = AbcMethod.Rejection, Quantile = 0.002, Seed = 9, Threads = threads });
        Assert.Equal(Calibrate(1).Particles, Calibrate(4).Particles);
    }

    [Fact]
    public void Smc_StopsWhenAcceptanceFallsBelowTheMinimum()
    {
        // A distance that is pure noise: the tolerance halves the acceptance each generation until it is too low.
        var result = AbcEngine.Run([InputDistribution.Uniform(0, 1)],
            (theta, seed, candidate, worker) => StreamKey.Generator(seed, candidate, 1).NextDouble(),
            new AbcOptions { Particles = 200, Seed = 1, Threads = 2, MinAcceptance = 0.1 });
        Assert.Contains("minimum acceptance", result.StopReason);
        Assert.True(result.Generations.Count is >= 3 and <= 6, $"{result.Generations.Count} generations");
    }

    [Fact]
    public void Smc_DiscretePrior_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => AbcEngine.Run([InputDistribution.Discrete([1, 2], [1, 1])], BinomialDistance, new AbcOptions()));
        Assert.Contains("rejection", error.Message);
    }

    [Fact]
    public void Weights_AreImportanceWeights_PriorOverProposal()
    {
        // After one perturbation from a flat prior, the weights make the particles a sample of the ABC posterior:
        // with a distance that ignores θ, that posterior is the prior, Uniform(0, 1): mean 1/2, sd 1/sqrt(12).
        var result = AbcEngine.Run([InputDistribution.Uniform(0, 1)],
            (theta, seed, candidate, worker) => StreamKey.Generator(seed, candidate, 1).NextDouble(),
            new AbcOptions { Particles = 4000, Seed = 2, Threads = 2, MaxGenerations = 2 });
        Assert.Equal(2, result.Generations.Count);
        AssertPosterior(result, 0.5, Math.Sqrt(1.0 / 12));
    }
}
