using MathNet.Numerics.Distributions;
using Simulation.Core.Decisions;
using Simulation.Core.Random;

namespace Simulation.Core.Tests.Decisions;

/// <summary>
/// The target search on the contract's closed form: revenue R = R0 exp(-k e) exp(s Z) with Z standard normal; the least
/// enforcement e with P(R &gt; X) &lt;= a is e* = (ln(R0 / X) + s z_{1-a}) / k, 0.66696 for R0 = 1e9, X = 5e8, s = 0.5,
/// a = 0.1, k = 2.
/// </summary>
public sealed class TargetSearchTests
{
    private const double R0 = 1e9, X = 5e8, S = 0.5, A = 0.1, K = 2;

    private static readonly double Exact = (Math.Log(R0 / X) + S * Normal.InvCDF(0, 1, 1 - A)) / K;

    // dP/de at e*: P(e) = 1 - Phi((ln(X / R0) + k e) / s), so |dP/de| = phi(z_{1-a}) k / s.
    private static readonly double Slope = Normal.PDF(0, 1, Normal.InvCDF(0, 1, 1 - A)) * K / S;

    /// <summary>N futures, each with its own Z from the stream of (seed, run): every lever value sees the same Z (common random numbers).</summary>
    private static Func<IReadOnlyList<double>, bool[][]> Revenue(int futures)
    {
        var z = new double[futures];
        for (int r = 0; r < futures; r++)
        {
            var rng = StreamKey.Generator(20261205, r, 7);
            z[r] = Normal.InvCDF(0, 1, (rng.NextUInt64() >> 11) * (1.0 / (1UL << 53)) + 0.5 / (1UL << 53));
        }
        return values => [.. values.Select(e => z.Select(zr => R0 * Math.Exp(-K * e) * Math.Exp(S * zr) > X).ToArray())];
    }

    // The answer's Monte Carlo error: the standard error of P at a, carried to e through the slope.
    private static double ErrorInE(int futures) => Math.Sqrt(A * (1 - A) / futures) / Slope;

    [Fact]
    public void ClosedForm_Is066696()
    {
        Assert.Equal(0.66696, Exact, 5);
    }

    [Fact]
    public void WithoutTheBound_FindsTheClosedForm_WithinToleranceAndMonteCarloError()
    {
        const int futures = 200_000;
        var options = new TargetOptions { Low = 0, High = 2, AtMost = A, Confidence = null, Tolerance = 1e-4 };
        var result = TargetSearch.Run(Revenue(futures), options);
        Assert.Equal(TargetStatus.Found, result.Status);
        Assert.InRange(result.Answer!.Value, Exact - 5 * ErrorInE(futures) - 1e-4, Exact + 5 * ErrorInE(futures) + 1e-4);
        Assert.Empty(result.Breaks);
        // The answer meets the bound and the other end of the bracket, within the tolerance, does not.
        Assert.True(result.AtAnswer!.Meets);
        Assert.InRange(result.Answer.Value - result.WeakerBracket!.Value, 0, 1e-4);
        Assert.True(result.AtAnswer.P <= A);
    }

    [Fact]
    public void WithTheBound_AnswerLiesAboveTheClosedForm_AndConvergesAsFuturesGrow()
    {
        var answers = new List<double>();
        foreach (int futures in new[] { 2_000, 20_000, 200_000 })
        {
            var result = TargetSearch.Run(Revenue(futures), new TargetOptions { Low = 0, High = 2, AtMost = A, Tolerance = 1e-4 });
            Assert.Equal(TargetStatus.Found, result.Status);
            answers.Add(result.Answer!.Value);
            Assert.True(result.Answer.Value > Exact, $"{futures} futures: {result.Answer} is not above e* = {Exact}");
            // The bound adds z_0.95 standard errors of P; beyond that, the estimate's own error.
            Assert.True(result.Answer.Value - Exact < (1.645 + 5) * ErrorInE(futures) + 1e-4, $"{futures} futures: {result.Answer} is too far above e*");
        }
        Assert.True(answers[0] > answers[1] && answers[1] > answers[2], string.Join(", ", answers));
    }

    [Theory]
    [InlineData(0, 10, 0.95)]
    [InlineData(3, 50, 0.95)]
    [InlineData(40, 1000, 0.99)]
    public void ClopperPearsonUpper_IsThePAtWhichSoFewHitsHaveProbabilityOneMinusConfidence(int hits, int runs, double confidence)
    {
        double upper = TargetSearch.ClopperPearsonUpper(hits, runs, confidence);
        Assert.Equal(1 - confidence, Binomial.CDF(upper, runs, hits), 9);
        if (hits == 0)
        {
            Assert.Equal(1 - Math.Pow(1 - confidence, 1.0 / runs), upper, 12);
        }
        Assert.Equal(1, TargetSearch.ClopperPearsonUpper(runs, runs, confidence));
    }

    [Fact]
    public void StrongestIsLower_SearchesFromTheTop()
    {
        // A future meets the condition when its uniform draw is below v, so P = v: smaller is stronger, the search starts
        // at the weakest setting (1), and the weakest meeting P <= 0.25 is the largest v that does, 0.25.
        var u = Enumerable.Range(0, 100_000).Select(r => (r + 0.5) / 100_000).ToArray();
        var result = TargetSearch.Run(values => [.. values.Select(v => u.Select(x => x < v).ToArray())],
            new TargetOptions { Low = 0, High = 1, AtMost = 0.25, Confidence = null, StrongestIsLower = true, Tolerance = 1e-3 });
        Assert.Equal(TargetStatus.Found, result.Status);
        Assert.InRange(result.Answer!.Value, 0.249, 0.2501);
        Assert.Equal(1.0, result.Points[0].Value);
    }

    [Fact]
    public void BoundMetAtTheWeakest_OrNowhere_SaysSo()
    {
        var always = TargetSearch.Run(values => [.. values.Select(_ => new bool[1000])], new TargetOptions { Low = 0, High = 1, AtMost = 0.1 });
        Assert.Equal(TargetStatus.MetAtWeakest, always.Status);
        Assert.Equal(0, always.Answer);
        var never = TargetSearch.Run(values => [.. values.Select(_ => Enumerable.Repeat(true, 1000).ToArray())], new TargetOptions { Low = 0, High = 1, AtMost = 0.1 });
        Assert.Equal(TargetStatus.NeverMet, never.Status);
        Assert.Null(never.Answer);
        Assert.Equal(9, never.Points.Count);
    }

    [Fact]
    public void NotMonotone_NamesTheGridPointsWhereTheProbabilityRises()
    {
        // P falls from 1 at 0 to 0 at 1, except that it jumps back up to 0.9 around the grid point 0.6.
        var u = Enumerable.Range(0, 20_000).Select(r => (r + 0.5) / 20_000).ToArray();
        double P(double v) => v is > 0.57 and < 0.63 ? 0.9 : 1 - v;
        var result = TargetSearch.Run(values => [.. values.Select(v => u.Select(x => x < P(v)).ToArray())],
            new TargetOptions { Low = 0, High = 1, AtMost = 0.2, Confidence = null, GridPoints = 21 });
        var rise = Assert.Single(result.Breaks);
        Assert.Equal(0.55, rise.Weaker, 12);
        Assert.Equal(0.6, rise.Stronger, 12);
        Assert.True(rise.PStronger > rise.PWeaker);
    }
}
