using Simulation.Core.Random;
using Simulation.Core.Sampling;
using Simulation.Testing;
using MathNormal = MathNet.Numerics.Distributions.Normal;

namespace Simulation.Core.Tests.Sampling;

public class StandardNormalTests
{
    [Fact]
    public void Sample_ManyDraws_MatchesStandardNormal()
    {
        const int n = 1_000_000;
        var rng = StreamKey.Generator(3, 0, 6);
        var samples = new double[n];
        for (int i = 0; i < n; i++)
        {
            samples[i] = StandardNormal.Sample(ref rng);
        }
        StatisticalAssert.Moments(samples, 0, 1, 3, "N(0,1)");
        StatisticalAssert.MatchesCdf(samples, x => MathNormal.CDF(0, 1, x), [-4.0, -3.6, -3.0, -2.5, -1.5, -0.5, 0, 0.5, 1.5, 2.5, 3.0, 3.6, 4.0], "N(0,1)");
    }

    [Fact]
    public void LogFactorial_AgainstMathNet_AgreesToRoundOff()
    {
        foreach (double k in new double[] { 0, 1, 2, 10, 500, 1023, 1024, 1025, 5000, 1e6, 1e9 })
        {
            double expected = MathNet.Numerics.SpecialFunctions.FactorialLn((int)k);
            Assert.Equal(expected, LogFactorial.Of(k), Math.Max(1e-12, Math.Abs(expected) * 1e-14));
        }
    }
}
