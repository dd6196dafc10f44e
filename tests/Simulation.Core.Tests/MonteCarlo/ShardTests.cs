using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Summaries;
using Simulation.Testing;

namespace Simulation.Core.Tests.MonteCarlo;

public class ShardTests
{
    private static readonly Scenario Scenario = TestScenarios.Shipped("donbas-baseline", ("runs", "20000"), ("months", "24"));

    private static void AssertSameResult(MonteCarloResult expected, MonteCarloResult actual)
    {
        for (int s = 0; s < expected.Series.Count; s++)
        {
            Assert.Equal(expected.SeriesByMonth[s], actual.SeriesByMonth[s]);
        }
        Assert.Equal(expected.Metrics.Select(m => m.Statistics), actual.Metrics.Select(m => m.Statistics));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(25)]
    public void Shards_CombinedInAnyOrder_EqualOneRunBitForBit(int count)
    {
        var whole = MonteCarloRunner.Run(Scenario, new RunnerOptions { Threads = 2 });
        var shards = new List<SummaryState>();
        for (int i = 0; i < count; i++)
        {
            var (first, end) = MonteCarloRunner.ShardBlocks(Scenario.Runs, i, count);
            shards.Add(MonteCarloRunner.RunBlocks(Scenario, first, end, new RunnerOptions { Threads = 1 + i % 2 }));
        }
        shards.Reverse();
        var combined = SummaryState.Combine(shards);
        AssertSameResult(whole, MonteCarloRunner.Complete(Scenario, combined, TimeSpan.Zero));
    }

    [Fact]
    public void ShardBlocks_CoverEveryBlockOnce()
    {
        long blocks = MonteCarloRunner.BlockCount(Scenario.Runs);
        long next = 0;
        for (int i = 0; i < 6; i++)
        {
            var (first, end) = MonteCarloRunner.ShardBlocks(Scenario.Runs, i, 6);
            Assert.Equal(next, first);
            next = end;
        }
        Assert.Equal(blocks, next);
    }

    [Fact]
    public void Combine_MissingOrRepeatedShard_IsRefused()
    {
        var parts = Enumerable.Range(0, 3).Select(i =>
        {
            var (first, end) = MonteCarloRunner.ShardBlocks(Scenario.Runs, i, 3);
            return MonteCarloRunner.RunBlocks(Scenario, first, end, new RunnerOptions());
        }).ToList();
        Assert.Contains("missing", Assert.Throws<ArgumentException>(() => SummaryState.Combine([parts[0], parts[2]])).Message);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => SummaryState.Combine([parts[0], parts[1], parts[1], parts[2]])).Message);
        Assert.Throws<ArgumentException>(() => MonteCarloRunner.Complete(Scenario, SummaryState.Combine([parts[0], parts[1]]), TimeSpan.Zero));
    }

    [Fact]
    public void RunBlocks_WithCheckpoints_ResumedFromAnyCheckpointEqualsOneRun()
    {
        var whole = MonteCarloRunner.Run(Scenario, new RunnerOptions { Threads = 2 });
        var saved = new List<SummaryState>();
        long blocks = MonteCarloRunner.BlockCount(Scenario.Runs);
        MonteCarloRunner.RunBlocks(Scenario, 0, blocks, new RunnerOptions { Threads = 2 }, saved.Add, checkpointBlocks: 3);
        Assert.NotEmpty(saved);
        foreach (var checkpoint in saved)
        {
            var rest = MonteCarloRunner.RunBlocks(Scenario, checkpoint.EndBlock, blocks, new RunnerOptions { Threads = 1 });
            AssertSameResult(whole, MonteCarloRunner.Complete(Scenario, SummaryState.Combine([rest, checkpoint]), TimeSpan.Zero));
        }
    }

    [Fact]
    public void DyadicTree_HoldsAtMostTwoNodesPerLevel()
    {
        var tree = new DyadicMomentTree(1, firstBlock: 5);
        for (long block = 5; block < 1000; block++)
        {
            tree.PushBlock(block, [new MomentSummary(1, block, 0, block, block)]);
            Assert.True(tree.Nodes.GroupBy(n => n.Level).All(g => g.Count() <= 2));
        }
        Assert.Equal(995, tree.Total()[0].Count);
        Assert.Throws<ArgumentException>(() => tree.PushBlock(2000, [MomentSummary.Empty]));
    }

    [Fact]
    public void SketchData_ExportImport_RoundTrips()
    {
        var sketch = new QuantileSketch();
        foreach (double v in new[] { -5.0, 0, 0, 3, 1e6, 42 }) sketch.Add(v);
        var copy = QuantileSketch.Import(sketch.Export());
        Assert.Equal(sketch.Count, copy.Count);
        foreach (double p in new[] { 0.0, 0.3, 0.5, 0.9, 1.0 })
        {
            Assert.Equal(sketch.Quantile(p), copy.Quantile(p));
        }
    }
}
