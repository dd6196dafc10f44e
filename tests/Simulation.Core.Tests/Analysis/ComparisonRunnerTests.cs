using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Testing;

namespace Simulation.Core.Tests.Analysis;

public class ComparisonRunnerTests
{
    private static (Scenario A, Scenario B) Pair()
    {
        var a = TestScenarios.Shipped("donbas-baseline", ("runs", "6000"), ("months", "36"));
        var b = a with { Name = "deterred", Enforcement = a.Enforcement with { Deterrence = InputDistribution.Fixed(0.2) } };
        return (a, b);
    }

    [Fact]
    public void CommonRandomNumbers_ShrinkTheStandardErrorOfADifference()
    {
        var (a, b) = Pair();
        var common = ComparisonRunner.Run([a, b], new ComparisonOptions { Threads = 2 });
        var independent = ComparisonRunner.Run([a, b], new ComparisonOptions { Threads = 2, CommonRandomNumbers = false });
        foreach (var metric in new[] { Metric.TotalDeployed, Metric.RemittancesUsd, Metric.WorkerMonths })
        {
            double seCommon = common.Differences[0][(int)metric].Statistics.Se;
            double seIndependent = independent.Differences[0][(int)metric].Statistics.Se;
            // Both estimate the same mean difference; common random numbers must make it several times more precise.
            Assert.True(seCommon < seIndependent / 3, $"{metric}: se {seCommon} with CRN vs {seIndependent} independent");
            double meanCommon = common.Differences[0][(int)metric].Statistics.Mean;
            double meanIndependent = independent.Differences[0][(int)metric].Statistics.Mean;
            StatisticalAssert.Near(meanIndependent, meanCommon, Math.Sqrt(seCommon * seCommon + seIndependent * seIndependent), $"{metric} mean difference");
        }
    }

    [Fact]
    public void EachScenarioResult_EqualsItsOwnRunWithTheSameSeed()
    {
        var (a, b) = Pair();
        var comparison = ComparisonRunner.Run([a, b], new ComparisonOptions { Threads = 2 });
        var alone = MonteCarloRunner.Run(b, new RunnerOptions { Threads = 1 });
        for (int m = 0; m < OutputCatalogue.MetricCount; m++)
        {
            Assert.Equal(alone.Metrics[m].Statistics, comparison.Results[1].Metrics[m].Statistics);
        }
    }

    [Fact]
    public void Differences_AnyThreadCount_Identical()
    {
        var (a, b) = Pair();
        var one = ComparisonRunner.Run([a, b], new ComparisonOptions { Threads = 1 });
        var three = ComparisonRunner.Run([a, b], new ComparisonOptions { Threads = 3 });
        Assert.Equal(one.Differences[0].Select(d => (d.Statistics, d.ProbabilityGreater)), three.Differences[0].Select(d => (d.Statistics, d.ProbabilityGreater)));
    }

    [Fact]
    public void Differences_IdenticalScenarios_AreExactlyZero()
    {
        var (a, _) = Pair();
        var comparison = ComparisonRunner.Run([a, a with { Name = "same" }], new ComparisonOptions { Threads = 2 });
        foreach (var difference in comparison.Differences[0])
        {
            // A metric no run of either has (the signpost of a policy the scenarios do not run) has no difference at all.
            Assert.True(difference.Statistics.Count == 0 || (difference.Statistics.Min == 0 && difference.Statistics.Max == 0), difference.Quantity);
            Assert.True(difference.Statistics.Count == 0 || difference.ProbabilityGreater == 0);
        }
    }

    [Fact]
    public void Run_MismatchedHorizons_AreRefused()
    {
        var (a, b) = Pair();
        Assert.Throws<ArgumentException>(() => ComparisonRunner.Run([a, b with { Months = 12 }], new ComparisonOptions()));
        Assert.Throws<ArgumentException>(() => ComparisonRunner.Run([a], new ComparisonOptions()));
    }
}
