using Simulation.Core.Summaries;

namespace Simulation.Core.Tests.Summaries;

public class MomentSummaryTests
{
    [Fact]
    public void Merge_TwoParts_EqualsDirectComputation()
    {
        double[] a = [1, 2, 3, 4.5];
        double[] b = [10, 20, 1e6];
        var left = Of(a);
        var right = Of(b);
        var merged = left.Merge(right);
        double[] all = [.. a, .. b];
        double mean = all.Average();
        double variance = all.Sum(x => (x - mean) * (x - mean)) / (all.Length - 1);
        Assert.Equal(all.Length, merged.Count);
        Assert.Equal(mean, merged.Mean, 1e-9);
        Assert.Equal(Math.Sqrt(variance), merged.StandardDeviation, 1e-6);
        Assert.Equal(1, merged.Min);
        Assert.Equal(1e6, merged.Max);
    }

    [Fact]
    public void Block_ConstantLargeValues_VarianceExactlyZero()
    {
        var block = new MomentBlock(1);
        for (int i = 0; i < 1000; i++)
        {
            block.Add(0, 123456789.123);
        }
        var summary = block.Summary(0);
        Assert.Equal(0, summary.StandardDeviation);
        Assert.Equal(123456789.123, summary.Mean);
    }

    private static MomentSummary Of(double[] values)
    {
        var block = new MomentBlock(1);
        foreach (double v in values) block.Add(0, v);
        return block.Summary(0);
    }
}
