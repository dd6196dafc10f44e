using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Testing;

namespace Simulation.Core.Tests.Analysis;

public class ModelSobolAnalysisTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Run_InputThatDrivesRemittances_DominatesAndIndicesAreSane(bool quasiRandom)
    {
        // With fixed workers and no flows, remittances = W * wage / S * share * months: only the wage and the
        // share vary (noise only through the exchange rate, which is switched off). Wage U(50k, 90k), share U(0.5, 0.9).
        var quiet = TestScenarios.Quiet(months: 12, runs: 1);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(InputDistribution.Fixed(0), InputDistribution.Fixed(1e9), InputDistribution.Fixed(1000)),
            Pay = new PayAssumptions(InputDistribution.Uniform(50000, 90000), InputDistribution.Fixed(90), InputDistribution.Fixed(0),
                InputDistribution.Fixed(0), InputDistribution.Uniform(0.5, 0.9)),
        };
        var (_, indices) = ModelSobolAnalysis.Run(scenario, [Metric.RemittancesUsd], 4096, 100, threads: 2, quasiRandom: quasiRandom).Single();
        Assert.Equal(["pay.wage", "pay.state_share", ModelSobolAnalysis.NoiseFactor], indices.Factors);
        // f = c * wage * share: with independent uniforms, S_wage = Var(w) E[s]^2 / Var(ws) etc. (exact product formula).
        double ew = 70000, vw = 40000.0 * 40000 / 12, es = 0.7, vs = 0.4 * 0.4 / 12;
        double v = (vw + ew * ew) * (vs + es * es) - ew * ew * es * es;
        StatisticalAssert.Near(vw * es * es / v, indices.FirstOrder[0], indices.FirstOrderSe[0], "S wage");
        StatisticalAssert.Near(vs * ew * ew / v, indices.FirstOrder[1], indices.FirstOrderSe[1], "S share");
        Assert.Equal(0, indices.Total[2], 12);
    }

    [Fact]
    public void Run_CensoredMetric_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => ModelSobolAnalysis.Run(TestScenarios.Quiet(), [Metric.CeasefireMonth], 10, 10, 1));
    }

    [Fact]
    public void Run_QuasiRandom_SameForAnyThreadCount_AndTighterThanRandom()
    {
        var quiet = TestScenarios.Quiet(months: 12, runs: 1);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(InputDistribution.Fixed(0), InputDistribution.Fixed(1e9), InputDistribution.Fixed(1000)),
            Pay = new PayAssumptions(InputDistribution.Uniform(50000, 90000), InputDistribution.Fixed(90), InputDistribution.Fixed(0),
                InputDistribution.Fixed(0), InputDistribution.Uniform(0.5, 0.9)),
        };
        var one = ModelSobolAnalysis.Run(scenario, [Metric.RemittancesUsd], 1024, 50, threads: 1).Single().Indices;
        var three = ModelSobolAnalysis.Run(scenario, [Metric.RemittancesUsd], 1024, 50, threads: 3).Single().Indices;
        Assert.Equal(one.FirstOrder, three.FirstOrder);
        Assert.Equal(one.Total, three.Total);
        // A smooth function of two inputs: the quasi-random design's error is well below the random one's over 8 seeds.
        double ew = 70000, vw = 40000.0 * 40000 / 12, es = 0.7, vs = 0.4 * 0.4 / 12;
        double exact = vw * es * es / ((vw + ew * ew) * (vs + es * es) - ew * ew * es * es);
        double Error(bool quasi) => Enumerable.Range(1, 8).Select(seed =>
        {
            var indices = ModelSobolAnalysis.Run(scenario with { Seed = seed }, [Metric.RemittancesUsd], 256, 10, threads: 2, quasiRandom: quasi).Single().Indices;
            return Math.Pow(indices.FirstOrder[0] - exact, 2);
        }).Average();
        Assert.True(Error(true) < Error(false), $"quasi-random {Error(true)}, random {Error(false)}");
    }
}
