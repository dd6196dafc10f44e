using Simulation.Core.Random;
using Simulation.Core.Summaries;

namespace Simulation.Core.Tests.Summaries;

public class QuantileSketchTests
{
    [Fact]
    public void Quantile_LogNormalData_WithinStatedRelativeError()
    {
        var rng = StreamKey.Generator(1, 2, 3);
        var values = new double[50_000];
        var sketch = new QuantileSketch();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Exp(3 + 4 * Simulation.Core.Sampling.StandardNormal.Sample(ref rng));
            sketch.Add(values[i]);
        }
        Array.Sort(values);
        foreach (double p in new[] { 0.0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1.0 })
        {
            long rank = Math.Clamp((long)Math.Ceiling(p * values.Length) - 1, 0, values.Length - 1);
            double exact = values[rank];
            double reported = sketch.Quantile(p);
            Assert.InRange(reported, exact / (1 + QuantileSketch.RelativeAccuracy), exact);
        }
    }

    [Fact]
    public void Quantile_SmallWholeNumbersAndZeros_AreExact()
    {
        var sketch = new QuantileSketch();
        for (int i = 0; i < 100; i++)
        {
            sketch.Add(i % 10);
        }
        Assert.Equal(0, sketch.Quantile(0.05));
        Assert.Equal(4, sketch.Quantile(0.5));
        Assert.Equal(9, sketch.Quantile(1));
    }

    [Fact]
    public void Quantile_NegativeValues_KeepOrderAndBound()
    {
        var sketch = new QuantileSketch();
        foreach (double v in new[] { -1000.0, -10, 0, 10, 1000 })
        {
            sketch.Add(v);
        }
        Assert.InRange(sketch.Quantile(0), -1000, -1000 / (1 + QuantileSketch.RelativeAccuracy));
        Assert.Equal(0, sketch.Quantile(0.5));
        Assert.InRange(sketch.Quantile(1), 1000 / (1 + QuantileSketch.RelativeAccuracy), 1000);
    }

    [Fact]
    public void Merge_AnyOrder_GivesTheSameQuantilesAsOneSketch()
    {
        var whole = new QuantileSketch();
        var parts = new[] { new QuantileSketch(), new QuantileSketch(), new QuantileSketch() };
        var rng = StreamKey.Generator(9, 9, 9);
        for (int i = 0; i < 30_000; i++)
        {
            double v = rng.NextDouble() * 1e6;
            whole.Add(v);
            parts[i % 3].Add(v);
        }
        var forward = new QuantileSketch();
        var backward = new QuantileSketch();
        foreach (var part in parts) forward.Merge(part);
        for (int i = parts.Length - 1; i >= 0; i--) backward.Merge(parts[i]);
        foreach (double p in new[] { 0.05, 0.5, 0.95 })
        {
            Assert.Equal(whole.Quantile(p), forward.Quantile(p));
            Assert.Equal(whole.Quantile(p), backward.Quantile(p));
        }
    }

    [Fact]
    public void Add_ValuesSpanningHugeRange_MemoryStaysBounded()
    {
        var sketch = new QuantileSketch();
        for (int e = -300; e <= 300; e++)
        {
            sketch.Add(Math.Pow(10, e));
        }
        long buckets = sketch.Buckets().Count;
        Assert.True(buckets <= 8192, $"{buckets} buckets");
        Assert.Equal(601, sketch.Count);
        // The largest values keep their accuracy; the smallest are folded together.
        Assert.InRange(sketch.Quantile(1), 1e300 / (1 + QuantileSketch.RelativeAccuracy), 1e300);
    }
}
