using Simulation.Core.Calibration;
using Simulation.Core.Distributions;

namespace Simulation.Core.Tests.Calibration;

/// <summary>The known answer of docs/calibration.md's model choice, a model that dies out, and determinism.</summary>
public class ModelChoiceEngineTests
{
    // y ~ N(x, 0.5^2) observed at 1: the standardized residual of a model value x.
    private static double Distance(int model, ReadOnlySpan<double> x, long seed, long candidate, int worker) => Math.Abs(x[0] - 1) / 0.5;

    [Fact]
    public void TwoNormalModels_ObservedOne_ModelOneHasProbability026894()
    {
        // Model 1: x ~ N(0, 0.5^2); model 2: x ~ N(1, 0.5^2). The evidence of y = 1 is N(1; 0, 0.5) against N(1; 1, 0.5),
        // so P(model 1 | y) = e^-1 / (1 + e^-1) = 0.26894.
        var result = ModelChoiceEngine.Run([[InputDistribution.Normal(0, 0.5)], [InputDistribution.Normal(1, 0.5)]], [0.5, 0.5], Distance,
            new AbcOptions { Particles = 4000, Seed = 3, Threads = 2, KernelObservations = 1 });
        Assert.True(result.Generations[^1].ByLikelihood, result.StopReason);
        double expected = Math.Exp(-1) / (1 + Math.Exp(-1));
        Assert.InRange(result.Probabilities[0], expected - 5 * result.StandardErrors[0], expected + 5 * result.StandardErrors[0]);
        Assert.Equal(1, result.Probabilities[0] + result.Probabilities[1], 1e-12);
        // Each model's own posterior is its conjugate one: x | y, model 1 ~ N(0.5, 0.125), model 2 ~ N(1, 0.125).
        var one = result.Posteriors[0]!;
        double mean = WeightedStatistics.Mean(one.Column(0), one.Weights);
        Assert.InRange(mean, 0.5 - 5 * Math.Sqrt(0.125 / one.EffectiveSampleSize), 0.5 + 5 * Math.Sqrt(0.125 / one.EffectiveSampleSize));
    }

    [Fact]
    public void ModelPrior_ShiftsTheAnswerByItsOdds()
    {
        // Prior odds 3:1 for model 1 multiply the posterior odds e^-1 by 3: P = 3 e^-1 / (1 + 3 e^-1) = 0.52465.
        var result = ModelChoiceEngine.Run([[InputDistribution.Normal(0, 0.5)], [InputDistribution.Normal(1, 0.5)]], [3, 1], Distance,
            new AbcOptions { Particles = 4000, Seed = 5, Threads = 2, KernelObservations = 1 });
        double expected = 3 * Math.Exp(-1) / (1 + 3 * Math.Exp(-1));
        Assert.InRange(result.Probabilities[0], expected - 5 * result.StandardErrors[0], expected + 5 * result.StandardErrors[0]);
    }

    [Fact]
    public void AModelFarFromTheData_DiesOut_IsReported_AndTheOtherTakesAll()
    {
        var result = ModelChoiceEngine.Run([[InputDistribution.Normal(1, 0.5)], [InputDistribution.Uniform(50, 60)]], [0.5, 0.5], Distance,
            new AbcOptions { Particles = 500, Seed = 3, Threads = 2, KernelObservations = 1 });
        Assert.Equal(1, result.Probabilities[0], 1e-12);
        Assert.Equal(0, result.Probabilities[1]);
        Assert.NotNull(result.DiedIn[1]);
        Assert.Null(result.DiedIn[0]);
        Assert.Null(result.Posteriors[1]);
        Assert.NotNull(result.Posteriors[0]);
    }

    [Fact]
    public void ModelsOfDifferentDimensions_AreWeighedOnOneScale()
    {
        // Model 2 adds a second input the data ignore: its evidence equals model 1's, so each has probability 1/2.
        static double Either(int model, ReadOnlySpan<double> x, long seed, long candidate, int worker) => Math.Abs(x[0] - 1) / 0.5;
        var result = ModelChoiceEngine.Run([[InputDistribution.Normal(1, 0.5)], [InputDistribution.Normal(1, 0.5), InputDistribution.Uniform(0, 10)]], [0.5, 0.5], Either,
            new AbcOptions { Particles = 4000, Seed = 8, Threads = 2, KernelObservations = 1 });
        Assert.InRange(result.Probabilities[0], 0.5 - 5 * result.StandardErrors[0], 0.5 + 5 * result.StandardErrors[0]);
    }

    [Fact]
    public void AnyThreadCount_SameProbabilitiesAndParticles()
    {
        ModelChoiceResult Choose(int threads) => ModelChoiceEngine.Run([[InputDistribution.Normal(0, 0.5)], [InputDistribution.Normal(1, 0.5)]], [0.5, 0.5], Distance,
            new AbcOptions { Particles = 300, Seed = 2, Threads = threads, KernelObservations = 1 });
        var one = Choose(1);
        var three = Choose(3);
        Assert.Equal(one.Probabilities, three.Probabilities);
        Assert.Equal(one.Posteriors[0]!.Particles, three.Posteriors[0]!.Particles);
    }
}
