using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Testing;

namespace Simulation.Core.Tests.MonteCarlo;

public class SamplePathsTests
{
    private static readonly Scenario Scenario = TestScenarios.Shipped("donbas-baseline", ("runs", "400"), ("months", "36"));

    [Fact]
    public void KeepPaths_AnyThreadCount_SameRunsBitForBit()
    {
        var one = MonteCarloRunner.Run(Scenario, new RunnerOptions { Threads = 1, KeepPaths = 25 }).Paths!;
        var three = MonteCarloRunner.Run(Scenario, new RunnerOptions { Threads = 3, KeepPaths = 25 }).Paths!;
        Assert.Equal(25, one.Runs);
        Assert.Equal(36, one.Months);
        for (int run = 0; run < one.Runs; run++)
        {
            for (int month = 0; month < one.Months; month++)
            {
                for (int series = 0; series < one.Series.Count; series++)
                {
                    Assert.Equal(one.Value(run, month, series), three.Value(run, month, series));
                }
            }
        }
    }

    [Fact]
    public void KeepPaths_EachPathIsTheRunItsMetricsDescribe()
    {
        var result = MonteCarloRunner.Run(Scenario, new RunnerOptions { Threads = 2, KeepPaths = 40, SaveRuns = true });
        var paths = result.Paths!;
        var table = result.RunTable!;
        int workers = IndexOf(paths, "workers");
        int cumulative = IndexOf(paths, "cumulative_remittances_usd");
        int peakColumn = table.InputNames.Count + (int)Metric.PeakWorkers;
        int remittancesColumn = table.InputNames.Count + (int)Metric.RemittancesUsd;
        bool anyWorkers = false;
        for (int run = 0; run < paths.Runs; run++)
        {
            double peak = 0;
            for (int month = 0; month < paths.Months; month++)
            {
                peak = Math.Max(peak, paths.Value(run, month, workers));
            }
            anyWorkers |= peak > 0;
            Assert.Equal(table.Row(run)[peakColumn], peak);
            double total = table.Row(run)[remittancesColumn];
            Assert.Equal(total, paths.Value(run, paths.Months - 1, cumulative), 1e-9 * Math.Max(1, total));
        }
        Assert.True(anyWorkers, "the baseline deploys workers in some of its first 40 runs");
    }

    [Fact]
    public void KeepPaths_MoreThanTheRuns_KeepsEveryRun()
    {
        var result = MonteCarloRunner.Run(Scenario with { Runs = 7 }, new RunnerOptions { Threads = 2, KeepPaths = 50 });
        Assert.Equal(7, result.Paths!.Runs);
    }

    [Fact]
    public void KeepPathsZero_NoPaths()
    {
        Assert.Null(MonteCarloRunner.Run(Scenario with { Runs = 10 }, new RunnerOptions { Threads = 1 }).Paths);
    }

    private static int IndexOf(SamplePaths paths, string name)
    {
        for (int s = 0; s < paths.Series.Count; s++)
        {
            if (paths.Series[s].Name == name)
            {
                return s;
            }
        }
        throw new InvalidOperationException($"no series {name}");
    }
}
