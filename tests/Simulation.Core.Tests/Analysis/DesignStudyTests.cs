using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Sampling;
using Simulation.Testing;

namespace Simulation.Core.Tests.Analysis;

public class DesignStudyTests
{
    [Fact]
    public void Designs_AreNoWorseThanMonteCarlo_WithinTheSamplingErrorOfTheComparison()
    {
        // 20 seeds: the ratio of two variance estimates exceeds F(19, 19; 0.99) = 3.03 by chance in 1% of cases, so a
        // design whose standard error is more than sqrt(3.03) = 1.74 times Monte Carlo's is worse, not unlucky.
        var scenario = TestScenarios.Shipped("donbas-baseline", ("months", "36"));
        var rows = DesignStudy.Run(scenario, [SamplingMethod.MonteCarlo, SamplingMethod.LatinHypercube, SamplingMethod.Sobol], seeds: 20, runs: 512, threads: 2);
        foreach (var metric in DesignStudy.Headline)
        {
            var mc = rows.Single(r => r.Design == SamplingMethod.MonteCarlo && r.Metric == metric);
            Assert.True(mc.StandardError > 0 && double.IsFinite(mc.RunsForOnePercent));
            foreach (var design in new[] { SamplingMethod.LatinHypercube, SamplingMethod.Sobol })
            {
                var row = rows.Single(r => r.Design == design && r.Metric == metric);
                Assert.True(row.StandardError < 1.74 * mc.StandardError, $"{design}, {metric}: se {row.StandardError} against Monte Carlo's {mc.StandardError}");
                // Means agree: every design is unbiased (5 standard errors of the difference).
                StatisticalAssert.Near(mc.Mean, row.Mean, Math.Sqrt((mc.StandardError * mc.StandardError + row.StandardError * row.StandardError) / 20), $"{design} mean of {metric}");
            }
        }
    }
}
