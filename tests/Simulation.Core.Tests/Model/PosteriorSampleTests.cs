using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Random;
using Simulation.Core.Sampling;
using Simulation.Testing;

namespace Simulation.Core.Tests.Model;

public class PosteriorSampleTests
{
    private static readonly Scenario Hindcast = TestScenarios.Shipped("hindcast-russia-2018-2020", ("runs", "2000"));

    /// <summary>Three particles of two inputs, weights 1 : 2 : 5.</summary>
    private static PosteriorSample ThreeParticles() => new(
        ["demand.wartime", "repatriation[0].compliance"],
        [31000, 0.61, 33000, 0.72, 36000, 0.93],
        [1, 2, 5],
        "test");

    [Fact]
    public void SampleInputs_WithPosterior_DrawsParticlesByWeightAndKeepsOtherStreams()
    {
        var plain = new CompiledScenario(Hindcast);
        var calibrated = new CompiledScenario(Hindcast with { Posterior = ThreeParticles() });
        int wartime = Array.IndexOf(plain.ParameterNames, "demand.wartime");
        int compliance = Array.IndexOf(plain.ParameterNames, "repatriation[0].compliance");
        var a = new double[plain.Parameters.Length];
        var b = new double[plain.Parameters.Length];
        var counts = new int[3];
        const int runs = 20_000;
        for (int run = 0; run < runs; run++)
        {
            LaborMigrationModel.SampleInputs(plain, run, a);
            LaborMigrationModel.SampleInputs(calibrated, run, b);
            int particle = Array.IndexOf(new[] { 31000.0, 33000, 36000 }, b[wartime]);
            Assert.True(particle >= 0, $"run {run}: demand.wartime {b[wartime]} is no particle's");
            Assert.Equal(new[] { 0.61, 0.72, 0.93 }[particle], b[compliance]);
            counts[particle]++;
            for (int i = 0; i < a.Length; i++)
            {
                if (i != wartime && i != compliance)
                {
                    Assert.Equal(a[i], b[i]);
                }
            }
        }
        double[] expected = [1 / 8.0, 2 / 8.0, 5 / 8.0];
        for (int k = 0; k < 3; k++)
        {
            StatisticalAssert.ShareNear(expected[k], counts[k] / (double)runs, runs, $"particle {k}");
        }
    }

    [Fact]
    public void Run_CalibratedScenario_SameForAnyThreadCount()
    {
        var scenario = Hindcast with { Posterior = ThreeParticles() };
        var one = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 1 });
        var two = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 });
        Assert.Equal(one.SeriesByMonth[0], two.SeriesByMonth[0]);
    }

    [Fact]
    public void With_AnInputOfThePosterior_TheSetValueWins()
    {
        var scenario = (Hindcast with { Posterior = ThreeParticles() }).With("demand.wartime", InputDistribution.Fixed(1234));
        Assert.Equal(["repatriation[0].compliance"], scenario.Posterior!.KeyPaths);
        Assert.Equal([0.61, 0.72, 0.93], scenario.Posterior.Values);
        var compiled = new CompiledScenario(scenario);
        var inputs = new double[compiled.Parameters.Length];
        LaborMigrationModel.SampleInputs(compiled, 3, inputs);
        Assert.Equal(1234, inputs[Array.IndexOf(compiled.ParameterNames, "demand.wartime")]);
        Assert.Null(scenario.With("repatriation[0].compliance", InputDistribution.Fixed(0.5)).Posterior);
    }

    [Fact]
    public void Compile_PosteriorOfAFixedInput_Refused()
    {
        var posterior = new PosteriorSample(["supply.pool"], [1, 2], [1, 1], "posterior.csv");
        var error = Assert.Throws<ArgumentException>(() => new CompiledScenario(Hindcast with { Posterior = posterior }));
        Assert.Contains("'supply.pool', which is not an uncertain input", error.Message);
    }

    [Fact]
    public void AliasTable_DrawsEachIndexWithItsProbability()
    {
        double[] weights = [0.5, 0, 3, 1.25, 0.25, 5];
        var table = new AliasTable(weights);
        double total = weights.Sum();
        var counts = new int[weights.Length];
        var rng = StreamKey.Generator(1, 2, 3);
        const int draws = 200_000;
        for (int i = 0; i < draws; i++)
        {
            counts[table.Sample(ref rng)]++;
        }
        for (int k = 0; k < weights.Length; k++)
        {
            Assert.Equal(weights[k] / total, table.Probability(k), 12);
            StatisticalAssert.ShareNear(weights[k] / total, counts[k] / (double)draws, draws, $"index {k}");
        }
        Assert.Throws<ArgumentException>(() => new AliasTable([0, 0]));
        Assert.Throws<ArgumentException>(() => new AliasTable([1, double.NaN]));
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(1e307)]
    public void AliasTable_WeightsNearTheLargestDouble_DrawTheirTrueShares(double huge)
    {
        // Two huge weights and 1,998 of 1: the huge pair should take half each (their share of the rest is 1e-305).
        var weights = new double[2000];
        Array.Fill(weights, 1.0);
        weights[0] = huge;
        weights[1] = huge;
        var table = new AliasTable(weights);
        Assert.Equal(0.5, table.Probability(0), 12);
        Assert.Equal(0.5, table.Probability(1), 12);
        var rng = StreamKey.Generator(1, 2, 3);
        int first = 0;
        const int draws = 20_000;
        for (int i = 0; i < draws; i++)
        {
            first += table.Sample(ref rng) == 0 ? 1 : 0;
        }
        StatisticalAssert.ShareNear(0.5, first / (double)draws, draws, "the first huge weight");
    }
}
