using Simulation.Core.Random;
using Simulation.Core.Sampling;
using Simulation.Core.Summaries;

namespace Simulation.Core.Tests.Summaries;

/// <summary>
/// The moments' four lanes give the same bits whether they run as one 256-bit vector (the JIT on AVX machines) or
/// as two 128-bit halves (a native binary built for baseline x86-64), so outputs do not depend on the build.
/// </summary>
public class MomentLaneTests
{
    [Theory]
    [InlineData(8, 0)]
    [InlineData(64, 0)]
    [InlineData(1027, 0)]
    [InlineData(64, 1)]
    [InlineData(64, 2)]
    [InlineData(64, 3)]
    public void Lanes_WideAndNarrow_GiveIdenticalBits(int length, int signs)
    {
        var rng = StreamKey.Generator(20261206, length, 1);
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            // Whole counts, large money sums, negative values and signed zeros: what the model's series hold.
            values[i] = (i % 4) switch
            {
                0 => Math.Floor(rng.NextDouble() * 30_000),
                1 => 1e9 * StandardNormal.Sample(ref rng),
                2 => i % 8 == 2 ? -0.0 : 0.0,
                _ => rng.NextDouble() - 0.5,
            };
        }
        // Where IEEE's minimum and maximum differ from SSE2's: lanes whose extreme is a zero of either sign, and a
        // starting extreme that is itself a signed zero.
        (double first, double low, double high) = signs switch
        {
            1 => (0.0, 0.0, 0.0),
            2 => (-0.0, -0.0, -0.0),
            3 => (-0.0, 0.0, -0.0),
            _ => (0.0, -3, 5),
        };
        if (signs == 1)
        {
            // Counts: zeros of both signs and positives, so every lane's minimum is a zero.
            for (int i = 0; i < length; i++) values[i] = i % 3 == 0 ? 7 : i % 5 == 0 ? -0.0 : 0.0;
        }
        else if (signs >= 2)
        {
            // Non-positive values, so every lane's maximum is a zero; lane 1 sees only -0.
            for (int i = 0; i < length; i++) values[i] = i % 4 == 1 ? -0.0 : i % 3 == 0 ? -2 : i % 2 == 0 ? 0.0 : -0.0;
        }
        double shift = values[0] + first;
        var wide = MomentBlock.LanesWide(values, shift, low, high);
        var narrow = MomentBlock.LanesNarrow(values, shift, low, high);
        for (int lane = 0; lane < 4; lane++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(wide.Sum[lane]), BitConverter.DoubleToInt64Bits(narrow.Sum[lane]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(wide.SumSquares[lane]), BitConverter.DoubleToInt64Bits(narrow.SumSquares[lane]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(wide.Min[lane]), BitConverter.DoubleToInt64Bits(narrow.Min[lane]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(wide.Max[lane]), BitConverter.DoubleToInt64Bits(narrow.Max[lane]));
        }
        // And they are the lanes they claim to be: lane j sums values j, j + 4, ... in order, and its minimum and maximum
        // are IEEE's (Math.Min and Math.Max: -0 below +0), bit for bit.
        for (int lane = 0; lane < 4; lane++)
        {
            double sum = 0, min = low, max = high;
            for (int i = lane; i < length - length % 4; i += 4)
            {
                sum += values[i] - shift;
                min = Math.Min(min, values[i]);
                max = Math.Max(max, values[i]);
            }
            Assert.Equal(sum, wide.Sum[lane]);
            Assert.Equal(BitConverter.DoubleToInt64Bits(min), BitConverter.DoubleToInt64Bits(wide.Min[lane]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(max), BitConverter.DoubleToInt64Bits(wide.Max[lane]));
        }
    }
}
