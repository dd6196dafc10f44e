using Simulation.Core.Random;

namespace Simulation.Core.Tests.Random;

public class Xoshiro256StarStarTests
{
    [Fact]
    public void NextUInt64_ReferenceState_MatchesReferenceImplementation()
    {
        // Outputs of Blackman and Vigna's C reference xoshiro256starstar.c from state {1, 2, 3, 4}.
        var rng = Xoshiro256StarStar.FromState(1, 2, 3, 4);
        Assert.Equal(11520UL, rng.NextUInt64());
        Assert.Equal(0UL, rng.NextUInt64());
        Assert.Equal(1509978240UL, rng.NextUInt64());
        Assert.Equal(1215971899390074240UL, rng.NextUInt64());
    }

    [Fact]
    public void StreamKey_SameSeedRunAndPurpose_SameNumbers()
    {
        var a = StreamKey.Generator(7, 123, 4);
        var b = StreamKey.Generator(7, 123, 4);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Fact]
    public void StreamKey_NeighbouringRunsSeedsAndPurposes_GiveDistinctKeys()
    {
        var keys = new HashSet<ulong>();
        for (long seed = 0; seed < 20; seed++)
            for (long run = 0; run < 50; run++)
                for (int purpose = 0; purpose < 10; purpose++)
                    Assert.True(keys.Add(StreamKey.For(seed, run, purpose)));
    }

    [Fact]
    public void NextDouble_ManyDraws_UniformOnUnitInterval()
    {
        var rng = StreamKey.Generator(1, 0, 0);
        const int n = 200_000;
        var samples = new double[n];
        for (int i = 0; i < n; i++)
        {
            samples[i] = rng.NextDouble();
            Assert.InRange(samples[i], 0.0, 0.9999999999999999);
        }
        Simulation.Testing.StatisticalAssert.MatchesCdf(samples, x => Math.Clamp(x, 0, 1), [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99], "uniform");
    }
}
