using Simulation.Core.Sampling;

namespace Simulation.Core.Tests.Sampling;

public class DesignTests
{
    [Fact]
    public void Sobol_FirstPointsUnscrambled_AreTheKnownOnes()
    {
        double[][] expected =
        [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75], [0.375, 0.375, 0.625],
            [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375], [0.1875, 0.3125, 0.9375], [0.6875, 0.8125, 0.4375],
        ];
        // The known points are in Gray-code order; the natural order visits the same points in every block of 2^k.
        var gray = new double[10][];
        for (uint i = 0; i < 10; i++)
        {
            uint code = i ^ (i >> 1);
            gray[i] = [SobolSequence.Point(code, 0), SobolSequence.Point(code, 1), SobolSequence.Point(code, 2)];
        }
        Assert.Equal(expected, gray);
    }

    [Fact]
    public void Sobol_MatchesSciPyUnscrambled_In128Dimensions()
    {
        // tests/Simulation.Core.Tests/Sampling/sobol-scipy-256x128.txt: scipy.stats.qmc.Sobol(d=128, scramble=False),
        // first 256 points as 32-bit integers (random_base2(8) * 2^32), written by the command in its first line.
        string path = Path.Combine(Simulation.Testing.TestScenarios.RepositoryRoot, "tests", "Simulation.Core.Tests", "Sampling", "sobol-scipy-256x128.txt");
        var lines = File.ReadAllLines(path).Where(l => !l.StartsWith('#')).ToArray();
        Assert.Equal(256, lines.Length);
        for (uint i = 0; i < lines.Length; i++)
        {
            var values = lines[i].Split(' ').Select(uint.Parse).ToArray();
            Assert.Equal(SobolSequence.MaxDimensions, values.Length);
            for (int d = 0; d < values.Length; d++)
            {
                Assert.Equal(values[d], SobolSequence.Bits(i ^ (i >> 1), d));
            }
        }
    }

    [Fact]
    public void Sobol_Scrambled_KeepsOnePointPerStratum()
    {
        // An Owen-scrambled (0, m, s)-net keeps the net's stratification: 1,024 points, one in each 1/1024 of every
        // dimension, and in two dimensions one in each 1/32 x 1/32 square for the first pair.
        const int n = 1024;
        for (int d = 0; d < 40; d++)
        {
            var seen = new bool[n];
            for (uint i = 0; i < n; i++)
            {
                uint bits = SobolSequence.Scramble(SobolSequence.Bits(i, d), d, 12345);
                int stratum = (int)(bits >> 22);
                Assert.False(seen[stratum], $"dimension {d}: stratum {stratum} twice");
                seen[stratum] = true;
            }
        }
        var squares = new bool[32, 32];
        for (uint i = 0; i < n; i++)
        {
            int x = (int)(SobolSequence.Scramble(SobolSequence.Bits(i, 0), 0, 7) >> 27);
            int y = (int)(SobolSequence.Scramble(SobolSequence.Bits(i, 1), 1, 7) >> 27);
            Assert.False(squares[x, y]);
            squares[x, y] = true;
        }
        Assert.NotEqual(SobolSequence.Scramble(SobolSequence.Bits(5, 3), 3, 1), SobolSequence.Scramble(SobolSequence.Bits(5, 3), 3, 2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1000)]
    [InlineData(1024)]
    [InlineData(1025)]
    public void KeyedPermutation_IsABijection(long n)
    {
        var permutation = new KeyedPermutation(99, n);
        var seen = new bool[n];
        for (long i = 0; i < n; i++)
        {
            long image = permutation[i];
            Assert.InRange(image, 0, n - 1);
            Assert.False(seen[image]);
            seen[image] = true;
        }
    }

    [Fact]
    public void KeyedPermutation_DependsOnTheKey()
    {
        var a = new KeyedPermutation(1, 1000);
        var b = new KeyedPermutation(2, 1000);
        int same = 0;
        for (long i = 0; i < 1000; i++)
        {
            same += a[i] == b[i] ? 1 : 0;
        }
        // Two random permutations share about one fixed point.
        Assert.InRange(same, 0, 10);
    }
}
