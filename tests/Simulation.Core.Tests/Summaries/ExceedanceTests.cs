using Simulation.Core.Summaries;

namespace Simulation.Core.Tests.Summaries;

public class ExceedanceTests
{
    [Fact]
    public void Above_WholeNumbers_ExactAtEveryThreshold()
    {
        var sketch = new QuantileSketch();
        for (int v = 0; v < 5000; v++)
        {
            sketch.Add(v);
        }
        foreach (double threshold in new[] { 0.0, 12, 127, 128, 499, 1000, 4321, 4999 })
        {
            var p = Exceedance.Above(sketch, threshold, 5000, wholeNumbers: true);
            double truth = (4999 - threshold) / 5000;
            Assert.InRange(truth, p.Lower, p.Upper);
            if (threshold < 128)
            {
                // Whole numbers below 128 sit alone in their buckets: no interpolation at all.
                Assert.Equal(truth, p.Probability, 12);
                Assert.Equal(p.Lower, p.Upper);
            }
            // Interpolating within one bucket of relative width 1/128 is off by at most that bucket's runs.
            Assert.True(Math.Abs(p.Probability - truth) <= p.Upper - p.Lower + 1e-12);
        }
    }

    [Fact]
    public void Above_ThresholdOnAWholeNumber_LeavesEqualValuesOut()
    {
        var sketch = new QuantileSketch();
        sketch.AddRepeated(12, 30);
        sketch.AddRepeated(13, 10);
        Assert.Equal(0.25, Exceedance.Above(sketch, 12, 40, wholeNumbers: true).Probability);
        Assert.Equal(1.0, Exceedance.Above(sketch, 11.5, 40, wholeNumbers: true).Probability);
    }

    [Fact]
    public void Above_ContinuousValues_TruthWithinTheReportedRangeAndSe()
    {
        var rng = new Simulation.Core.Random.Xoshiro256StarStar(42);
        var values = new double[20_000];
        var sketch = new QuantileSketch();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = -Math.Log(1 - rng.NextDouble()) * 3e8;
            sketch.Add(values[i]);
        }
        foreach (double threshold in new[] { 1e8, 3e8, 1e9, 2.5e9 })
        {
            double truth = values.Count(v => v > threshold) / (double)values.Length;
            var p = Exceedance.Above(sketch, threshold, values.Length);
            Assert.InRange(truth, p.Lower, p.Upper);
            Assert.Equal(Math.Sqrt(p.Probability * (1 - p.Probability) / values.Length), p.StandardError, 15);
        }
    }

    [Fact]
    public void Above_CensoredValues_CountAsNotAbove()
    {
        var sketch = new QuantileSketch();
        sketch.AddRepeated(5, 60);
        var p = Exceedance.Above(sketch, 1, 100, wholeNumbers: true);
        Assert.Equal(0.6, p.Probability, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => Exceedance.Above(sketch, 1, 59));
        Assert.True(double.IsNaN(Exceedance.Above(new QuantileSketch(), 1, 0).Probability));
    }

    /// <summary>
    /// A whole-number metric sitting on one value (the audit's case: every run at 1,000 workers, or at 36,000
    /// worker-months): with the exact extremes the answer is exact, 0% or 100%, where interpolating within the bucket
    /// said 87.5% and 37.7%.
    /// </summary>
    [Theory]
    [InlineData(1000, 1000, 0.0)]
    [InlineData(36000, 35999, 1.0)]
    public void Above_PointMassWithItsExtremes_IsExact(double value, double threshold, double expected)
    {
        var sketch = new QuantileSketch();
        sketch.AddRepeated(value, 4000);
        var interpolated = Exceedance.Above(sketch, threshold, 4000, wholeNumbers: true);
        Assert.NotEqual(expected, interpolated.Probability);
        var p = Exceedance.Above(sketch, threshold, 4000, wholeNumbers: true, min: value, max: value);
        Assert.Equal(expected, p.Probability);
        Assert.Equal(p.Lower, p.Upper);
        Assert.Equal(0, p.StandardError);
    }

    [Fact]
    public void Counted_IsTheShareWithItsBinomialError()
    {
        var p = Exceedance.Counted(1e9, 87, 2000);
        Assert.Equal(0.0435, p.Probability, 15);
        Assert.Equal(Math.Sqrt(0.0435 * 0.9565 / 2000), p.StandardError, 15);
        Assert.True(p.Exact);
        Assert.Equal(p.Lower, p.Upper);
    }

    [Fact]
    public void Curve_StartsAtTheObservedShareAndNeverRises()
    {
        var sketch = new QuantileSketch();
        sketch.AddRepeated(0, 20);
        for (int v = 1; v <= 300; v++)
        {
            sketch.Add(1000 * Math.Pow(1.02, v));
        }
        var curve = Exceedance.Curve(sketch, 400);
        Assert.Equal((0.0, 320 / 400.0), curve[0]);
        Assert.Equal(300 / 400.0, curve[1].Probability);
        for (int i = 1; i < curve.Count; i++)
        {
            Assert.True(curve[i].Value > curve[i - 1].Value);
            Assert.True(curve[i].Probability < curve[i - 1].Probability);
        }
        Assert.Equal(1 / 400.0, curve[^1].Probability);
    }
}
