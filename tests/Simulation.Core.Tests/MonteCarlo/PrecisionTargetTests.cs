using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Testing;

namespace Simulation.Core.Tests.MonteCarlo;

public class PrecisionTargetTests
{
    private static Scenario Baseline => TestScenarios.Shipped("donbas-baseline", ("months", "24"));

    [Fact]
    public void Run_PrecisionTarget_StopsAtTheFirstCheckpointThatMeetsIt()
    {
        var target = new PrecisionTarget("peak_workers", 0.03, 400_000);
        var result = MonteCarloRunner.Run(Baseline, new RunnerOptions { Threads = 2, Precision = target });
        var report = result.Precision!;
        Assert.True(report.Met);
        var peak = result.Of(Metric.PeakWorkers).Statistics;
        Assert.True(1.959963984540054 * peak.Se / peak.Mean <= 0.03);
        Assert.Contains(result.Runs, target.Checkpoints());
        // The checkpoint before it did not meet the target.
        long previous = target.Checkpoints().TakeWhile(c => c < result.Runs).LastOrDefault();
        if (previous > 0)
        {
            var earlier = MonteCarloRunner.Run(Baseline with { Runs = previous }, new RunnerOptions { Threads = 2 }).Of(Metric.PeakWorkers).Statistics;
            Assert.True(1.959963984540054 * earlier.Se / earlier.Mean > 0.03);
        }
    }

    [Fact]
    public void Run_PrecisionTarget_SameRunsAndSummaryForAnyThreadCount()
    {
        var target = new PrecisionTarget("enforced_by_horizon", 0.01, 200_000);
        var one = MonteCarloRunner.Run(Baseline, new RunnerOptions { Threads = 1, Precision = target });
        var two = MonteCarloRunner.Run(Baseline, new RunnerOptions { Threads = 2, Precision = target });
        Assert.Equal(one.Runs, two.Runs);
        Assert.Equal(one.Metrics.Select(m => m.Statistics), two.Metrics.Select(m => m.Statistics));
        Assert.True(one.Precision!.AchievedHalfWidth <= 0.01);
    }

    [Fact]
    public void Run_UnreachableTarget_StopsAtTheCap()
    {
        var result = MonteCarloRunner.Run(Baseline, new RunnerOptions { Precision = new PrecisionTarget("remittances_usd", 1e-9, 20_000) });
        Assert.Equal(20_000, result.Runs);
        Assert.False(result.Precision!.Met);
    }

    [Fact]
    public void Checkpoints_GrowByAQuarterInWholeBlocksUpToTheCap()
    {
        var checkpoints = new PrecisionTarget("peak_workers", 0.1, 100_000).Checkpoints().ToList();
        Assert.Equal(8192, checkpoints[0]);
        Assert.Equal(100_000, checkpoints[^1]);
        Assert.All(checkpoints.SkipLast(1), c => Assert.Equal(0, c % MonteCarloRunner.BlockSize));
        Assert.True(checkpoints.SequenceEqual(checkpoints.Order()));
    }

    [Fact]
    public void Run_PrecisionWithSavedRuns_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => MonteCarloRunner.Run(Baseline, new RunnerOptions { SaveRuns = true, Precision = new PrecisionTarget("peak_workers", 0.1, 10_000) }));
    }
}
