using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Testing;

namespace Simulation.Core.Tests.MonteCarlo;

public class MonteCarloRunnerTests
{
    [Fact]
    public void Run_AnyThreadCount_BitIdenticalSummaries()
    {
        var scenario = TestScenarios.Shipped("donbas-baseline", ("runs", "5000"), ("months", "36"));
        var one = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 1 });
        foreach (int threads in new[] { 2, 3, 8 })
        {
            var other = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = threads });
            for (int s = 0; s < one.Series.Count; s++)
            {
                Assert.Equal(one.SeriesByMonth[s], other.SeriesByMonth[s]);
            }
            for (int m = 0; m < OutputCatalogue.MetricCount; m++)
            {
                Assert.Equal(one.Metrics[m].Statistics, other.Metrics[m].Statistics);
            }
        }
    }

    [Fact]
    public void Run_SaveRuns_RowsMatchSummaries()
    {
        var scenario = TestScenarios.Shipped("donbas-baseline", ("runs", "3000"), ("months", "24"));
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2, SaveRuns = true });
        var table = result.RunTable!;
        Assert.Equal(3000, table.Runs);
        int peakColumn = table.InputNames.Count + (int)Metric.PeakWorkers;
        double sum = 0, max = 0;
        for (long r = 0; r < table.Runs; r++)
        {
            sum += table.Row(r)[peakColumn];
            max = Math.Max(max, table.Row(r)[peakColumn]);
        }
        var peak = result.Of(Metric.PeakWorkers).Statistics;
        Assert.Equal(peak.Mean, sum / table.Runs, 1e-9 * Math.Max(1, peak.Mean));
        Assert.Equal(peak.Max, max);
        Assert.Contains("pay.wage", table.InputNames);
        Assert.DoesNotContain("supply.pool", table.InputNames);
    }

    [Fact]
    public void Run_Progress_ReportsEveryRunOnce()
    {
        var scenario = TestScenarios.Quiet(months: 3, runs: 5000);
        long last = 0;
        MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2, Progress = p => Interlocked.Exchange(ref last, Math.Max(p.Done, Interlocked.Read(ref last))) });
        Assert.Equal(5000, Interlocked.Read(ref last));
    }

    [Fact]
    public void Run_Cancelled_ThrowsOperationCanceled()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() => MonteCarloRunner.Run(TestScenarios.Quiet(), new RunnerOptions { Cancellation = source.Token }));
    }

    [Fact]
    public void Run_CensoredMetrics_CountOnlyRunsWhereTheEventHappened()
    {
        var quiet = TestScenarios.Quiet(months: 10, runs: 2000);
        var scenario = quiet with { Ceasefire = new CeasefireAssumptions(Simulation.Core.Distributions.InputDistribution.Fixed(4), Simulation.Core.Distributions.InputDistribution.Fixed(0.5)) };
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 });
        var ceasefire = result.Of(Metric.CeasefireMonth);
        Assert.Equal(4, ceasefire.Statistics.Min);
        Assert.Equal(4, ceasefire.Statistics.Max);
        StatisticalAssert.ShareNear(0.5, ceasefire.ShareObserved, 2000, "P(ceasefire)");
        Assert.Equal(ceasefire.ShareObserved, result.CeasefireByHorizon);
        Assert.Equal(0, result.Of(Metric.FirstEnforcementMonth).Statistics.Count);
        Assert.True(double.IsNaN(result.Of(Metric.FirstEnforcementMonth).Statistics.Mean));
    }
}
