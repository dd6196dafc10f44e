using Simulation.Core.Random;
using Simulation.Core.Summaries;

namespace Simulation.Core.Tests.Summaries;

/// <summary>
/// <see cref="QuantileSketch.AddMany"/> adds four values at a time where it can; its buckets, their range and every
/// count are those of adding the values one by one, whatever the mix of zeros, negatives, NaN, tiny and huge values.
/// </summary>
public class SketchAddManyTests
{
    private static double Draw(ref Xoshiro256StarStar rng, int kind) => kind switch
    {
        0 => 0,
        1 => -0.0,
        2 => double.NaN,
        3 => -rng.NextDouble() * 1e6,
        4 => double.Epsilon * (1 + (rng.NextUInt64() % 1000)),
        5 => Math.Exp(rng.NextDouble() * 300 - 150),
        _ => Math.Floor(rng.NextDouble() * 5000),
    };

    [Fact]
    public void AddMany_GivesTheSketchOfAddingOneByOne()
    {
        for (long trial = 0; trial < 400; trial++)
        {
            var rng = StreamKey.Generator(11, trial, 0);
            // Most trials are mostly ordinary values (the fast path); some mix in every kind; some are zeros and
            // whole numbers half and half, or chunks of zeros only (a month before and around the ceasefires).
            int mix = (int)(rng.NextUInt64() % 5);
            int chunks = 1 + (int)(rng.NextUInt64() % 6);
            var many = new QuantileSketch();
            var single = new QuantileSketch();
            for (int chunk = 0; chunk < chunks; chunk++)
            {
                var values = new double[(int)(rng.NextUInt64() % 70)];
                double zeroShare = rng.NextDouble() < 0.3 ? 1.0 : 0.5;
                for (int i = 0; i < values.Length; i++)
                {
                    int kind = mix == 4
                        ? (rng.NextDouble() < zeroShare ? 0 : 6)
                        : (rng.NextDouble() < 0.15 * mix ? (int)(rng.NextUInt64() % 6) : 6);
                    values[i] = Draw(ref rng, kind);
                }
                many.AddMany(values);
                foreach (double value in values)
                {
                    if (!double.IsNaN(value))
                    {
                        single.Add(value);
                    }
                }
            }
            SketchData a = single.Export(), b = many.Export();
            Assert.Equal(single.Count, many.Count);
            Assert.Equal((a.ZeroCount, a.PositiveFirstKey, a.NegativeFirstKey), (b.ZeroCount, b.PositiveFirstKey, b.NegativeFirstKey));
            Assert.Equal(a.PositiveCounts, b.PositiveCounts);
            Assert.Equal(a.NegativeCounts, b.NegativeCounts);
        }
    }
}
