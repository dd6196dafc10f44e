using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;

namespace Simulation.Core.Tests.Analysis;

public class TornadoAnalysisTests
{
    [Fact]
    public void Spearman_MonotoneAndReversed_AreOneAndMinusOne()
    {
        double[] x = [1, 2, 3, 4, 5];
        Assert.Equal(1, RankCorrelation.Spearman(x, [10, 20, 30, 40, 1000]), 12);
        Assert.Equal(-1, RankCorrelation.Spearman(x, [5, 4, 3, 2, 1]), 12);
    }

    [Fact]
    public void Ranks_Ties_ShareTheirAverageRank()
    {
        Assert.Equal([1.0, 2.5, 2.5, 4], RankCorrelation.Ranks([1, 2, 2, 3]));
    }

    [Fact]
    public void Analyze_LinearRelation_SwingIsSlopeTimesDecileDistance()
    {
        // x = 0..999, y = 3x: lowest decile mean of y = 3 * 49.5, highest = 3 * 949.5.
        double[] x = Enumerable.Range(0, 1000).Select(i => (double)i).ToArray();
        double[] y = x.Select(v => 3 * v).ToArray();
        var result = TornadoAnalysis.Analyze("input", Metric.PeakWorkers, x, y);
        Assert.Equal(1, result.Spearman, 12);
        Assert.Equal(3 * 49.5, result.LowDecileMean, 9);
        Assert.Equal(3 * 949.5, result.HighDecileMean, 9);
        Assert.Equal(2700, result.Swing, 9);
    }

    [Fact]
    public void Analyze_Bootstrap_IntervalWidthMatchesTheStandardErrorOfADecileMean()
    {
        // x ~ U(0, 10,000), y = 3x + N(0, 100), n = 10,000: the lowest decile's mean has two sources of error (the
        // theory of induced order statistics): the spread of y within the decile, var = 9 * 1000^2 / 12 + 100^2 over 1,000
        // runs, and the random position of the decile's edge, (E[y | x = q] - E[y | x <= q]) * sqrt(p (1 - p) / n) / p
        // = 1,500 * 0.03 = 45. Its 95% interval is 2 x 1.96 x that standard error wide; the swing's is sqrt(2) times it.
        var rng = new Simulation.Core.Random.Xoshiro256StarStar(3);
        double[] x = Enumerable.Range(0, 10_000).Select(_ => 10_000 * rng.NextDouble()).ToArray();
        double[] y = x.Select(v => 3 * v + 100 * Simulation.Core.Sampling.StandardNormal.Sample(ref rng)).ToArray();
        double se = Math.Sqrt((9 * 1000.0 * 1000 / 12 + 100 * 100) / 1000 + 45 * 45);
        double width = 2 * 1.96 * se;
        var result = TornadoAnalysis.Analyze("input", Metric.PeakWorkers, x, y, seed: 9, replicates: 400);
        Assert.InRange(result.LowDecileInterval.High - result.LowDecileInterval.Low, 0.8 * width, 1.2 * width);
        Assert.InRange(result.HighDecileInterval.High - result.HighDecileInterval.Low, 0.8 * width, 1.2 * width);
        Assert.InRange(result.SwingInterval.High - result.SwingInterval.Low, 0.8 * Math.Sqrt(2) * width, 1.2 * Math.Sqrt(2) * width);
        Assert.InRange(result.LowDecileMean, result.LowDecileInterval.Low, result.LowDecileInterval.High);
        Assert.InRange(result.Swing, result.SwingInterval.Low, result.SwingInterval.High);
        Assert.False(result.SwingIncludesZero);
        Assert.Equal(result, TornadoAnalysis.Analyze("input", Metric.PeakWorkers, x, y, seed: 9, replicates: 400));
    }

    [Fact]
    public void Analyze_Bootstrap_PureNoiseInput_NotDistinguishableFromZero()
    {
        var rng = new Simulation.Core.Random.Xoshiro256StarStar(4);
        double[] x = Enumerable.Range(0, 5000).Select(_ => rng.NextDouble()).ToArray();
        double[] y = Enumerable.Range(0, 5000).Select(_ => rng.NextDouble()).ToArray();
        var result = TornadoAnalysis.Analyze("noise", Metric.PeakWorkers, x, y, seed: 1, replicates: 200);
        Assert.True(result.SwingIncludesZero, $"swing {result.Swing}, interval {result.SwingInterval}");
    }
}
