using Simulation.Core.Analysis;
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
}
