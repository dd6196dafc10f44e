using Simulation.Core.Analysis;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Testing;

namespace Simulation.Core.Tests.Analysis;

public class ModelSobolAnalysisTests
{
    [Fact]
    public void Run_InputThatDrivesRemittances_DominatesAndIndicesAreSane()
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
        var (_, indices) = ModelSobolAnalysis.Run(scenario, [Metric.RemittancesUsd], 4096, 100, threads: 2).Single();
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
}
