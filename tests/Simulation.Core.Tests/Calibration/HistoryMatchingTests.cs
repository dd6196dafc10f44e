using Simulation.Core.Calendar;
using Simulation.Core.Calibration;
using Simulation.Core.Distributions;

namespace Simulation.Core.Tests.Calibration;

/// <summary>The known answers of docs/calibration.md's history matching, on simulators whose NROY region is known in closed form.</summary>
public class HistoryMatchingTests
{
    private static Observation Observed(double value, double relativeError) =>
        new("y", new YearMonth(2020, 1), new YearMonth(2020, 1), "2020-01", value, ObservationErrorKind.Relative, relativeError, "test", "");

    private static void Identity(ReadOnlySpan<double> x, long seed, long run, int worker, Span<double> values) => values[0] = x[0];

    private static void Sum(ReadOnlySpan<double> x, long seed, long run, int worker, Span<double> values) => values[0] = x[0] + x[1];

    [Fact]
    public void Identity_ObservedHalfWithSd01_NroyIsTwoTenthsToEightTenths()
    {
        // f(x) = x on U(0, 1), z = 0.5, sd 0.1 (a relative error of 0.2), cutoff 3: NROY = [0.2, 0.8].
        var result = HistoryMatching.Run([InputDistribution.Uniform(0, 1)], [Observed(0.5, 0.2)], Identity, new HistoryMatchOptions { Candidates = 2000, Replicates = 1, Threads = 2 });
        var x = result.Column(0);
        // A one-dimensional Latin hypercube puts one candidate in each stratum: the ends are found to a stratum of the
        // last wave's box (at most 1 / 2,000 wide), and the share kept to two strata of each wave's.
        Assert.Equal(0.2, x.Min(), 0.001);
        Assert.Equal(0.8, x.Max(), 0.001);
        Assert.Equal(0.6, result.Waves[^1].NroyShare, 0.002);
        Assert.Equal(0.6, result.Waves[0].NroyShare, 0.002);
        Assert.True(result.Waves.Count >= 2, result.StopReason);
        Assert.True(result.Waves[1].RegionShare < 1, "the second wave samples inside the first wave's NROY box");
    }

    [Fact]
    public void Identity_RegionForAbc_IsTheNroyRangeWidenedByATenth()
    {
        // NROY [0.2, 0.8] widened by a tenth of its width (0.06) and half a stratum of the last box (under 0.0002).
        var prior = InputDistribution.Uniform(0, 1);
        var result = HistoryMatching.Run([prior], [Observed(0.5, 0.2)], Identity, new HistoryMatchOptions { Candidates = 2000, Replicates = 1, Threads = 2 });
        Assert.Equal(0.14, result.RegionLow[0], 0.0015);
        Assert.Equal(0.86, result.RegionHigh[0], 0.0015);
        var restricted = result.Restrict([prior])[0];
        Assert.Equal(result.RegionLow[0], restricted.SupportMin, 1e-12);
        Assert.Equal(result.RegionHigh[0], restricted.SupportMax, 1e-12);
        Assert.Equal(1 / (result.RegionHigh[0] - result.RegionLow[0]), restricted.Density(0.5), 1e-9);
    }

    [Fact]
    public void HistoryMatchThenAbc_LinearGaussian_IsTheConjugatePosterior()
    {
        // theta ~ N(10, 3^2), y = 2 theta + 5 observed as 30 with a 5% error (sd 1.5): NROY is |2 theta - 25| <= 4.5,
        // theta in [10.25, 14.75], the prior's 53.3% to 94.3% points; widened by a tenth of that in probability, the
        // region is its 49.2% to 98.4% points, [9.94, 16.46]. The conjugate posterior N(12.353, 0.7276^2) puts 0.2% of
        // its mass below 10.25 and 0.05% below 9.94: ABC from the region gives the conjugate posterior.
        const double a = 2, b = 5, z = 30, mu0 = 10, sd0 = 3, s = 1.5;
        var prior = new[] { InputDistribution.Normal(mu0, sd0) };
        var match = HistoryMatching.Run(prior, [Observed(z, s / z)], (x, _, _, _, values) => values[0] = a * x[0] + b,
            new HistoryMatchOptions { Candidates = 2000, Replicates = 1, Threads = 2 });
        var region = match.Restrict(prior);
        Assert.InRange(region[0].SupportMin, 9.9, 10.0);
        Assert.InRange(region[0].SupportMax, 16.3, 16.6);
        var result = AbcEngine.Run(region, (theta, _, _, _) => Math.Abs(a * theta[0] + b - z) / s,
            new AbcOptions { Particles = 4000, Seed = 3, Threads = 2, KernelObservations = 1 });
        Assert.True(result.Generations[^1].ByLikelihood);
        double precision = 1 / (sd0 * sd0) + a * a / (s * s);
        double mean = (mu0 / (sd0 * sd0) + a * (z - b) / (s * s)) / precision, sd = Math.Sqrt(1 / precision);
        var values = result.Column(0);
        double ess = result.EffectiveSampleSize;
        Assert.Equal(mean, WeightedStatistics.Mean(values, result.Weights), 5 * sd / Math.Sqrt(ess));
        Assert.Equal(sd, WeightedStatistics.StandardDeviation(values, result.Weights), 5 * sd / Math.Sqrt(2 * ess));
        Assert.All(values, x => Assert.InRange(x, region[0].SupportMin, region[0].SupportMax));
    }

    [Fact]
    public void SumOfTwo_ObservedOneWithSd01_NroyAreaIs051()
    {
        // f = x1 + x2 on U(0, 1)^2, z = 1, sd 0.1: |x1 + x2 - 1| <= 0.3, area 1 - 0.7^2 = 0.51.
        const int candidates = 20_000;
        var result = HistoryMatching.Run([InputDistribution.Uniform(0, 1), InputDistribution.Uniform(0, 1)], [Observed(1, 0.1)], Sum,
            new HistoryMatchOptions { Candidates = candidates, Replicates = 1, Threads = 2 });
        // The band reaches every edge of the square, so the first wave's region cannot narrow.
        Assert.Single(result.Waves);
        double standardError = Math.Sqrt(0.51 * 0.49 / candidates);
        Assert.InRange(result.Waves[0].NroyShare, 0.51 - 5 * standardError, 0.51 + 5 * standardError);
        for (int i = 0; i < result.Count; i++)
        {
            Assert.True(Math.Abs(result.Kept[2 * i] + result.Kept[2 * i + 1] - 1) <= 0.3 + 1e-12);
        }
        // Nothing ruled out in either input alone: ABC after history matching keeps the whole priors.
        var prior = new[] { InputDistribution.Uniform(0, 1), InputDistribution.Uniform(0, 1) };
        var restricted = result.Restrict(prior);
        Assert.Same(prior[0], restricted[0]);
        Assert.Same(prior[1], restricted[1]);
    }

    [Fact]
    public void Discrepancy_AddsItsVariance_NroyWidensToItsClosedForm()
    {
        // sd 0.1 from the error and 0.2 x 0.5 = 0.1 from the discrepancy: total sqrt(0.02), NROY 0.5 ± 3 sqrt(0.02).
        var result = HistoryMatching.Run([InputDistribution.Uniform(0, 1)], [Observed(0.5, 0.2)], Identity,
            new HistoryMatchOptions { Candidates = 2000, Replicates = 1, Discrepancy = 0.2, Threads = 2 });
        double half = 3 * Math.Sqrt(0.02);
        Assert.Equal(0.5 - half, result.Column(0).Min(), 0.001);
        Assert.Equal(0.5 + half, result.Column(0).Max(), 0.001);
    }

    [Fact]
    public void ReplicatesSpread_CountsAsModelVariance()
    {
        // y = x + e, e = ±0.1 with equal counts over the replicates (variance 0.01 x 10/9 with the n - 1 divisor): the
        // total sd is sqrt(0.01 + 0.0111...), and the NROY half-width 3 times it.
        static void Noisy(ReadOnlySpan<double> x, long seed, long run, int worker, Span<double> values) => values[0] = x[0] + (run % 2 == 0 ? 0.1 : -0.1);
        var result = HistoryMatching.Run([InputDistribution.Uniform(0, 1)], [Observed(0.5, 0.2)], Noisy,
            new HistoryMatchOptions { Candidates = 2000, Replicates = 10, Threads = 2 });
        double half = 3 * Math.Sqrt(0.01 + 0.01 * 10 / 9.0);
        Assert.Equal(0.5 - half, result.Column(0).Min(), 0.001);
        Assert.Equal(0.5 + half, result.Column(0).Max(), 0.001);
    }

    [Fact]
    public void NoCandidateMeetsTheRecord_ReportsAnEmptyRegion_WithoutThrowing()
    {
        var result = HistoryMatching.Run([InputDistribution.Uniform(0, 1)], [Observed(5, 0.01)], Identity, new HistoryMatchOptions { Candidates = 100, Replicates = 1, Threads = 2 });
        Assert.Equal(0, result.Count);
        Assert.Equal(0, result.Waves[^1].NroyShare);
        Assert.Contains("ruled out all 100 candidates", result.StopReason);
    }

    [Fact]
    public void AnyThreadCount_SameWavesAndCandidates()
    {
        static void Wobbly(ReadOnlySpan<double> x, long seed, long run, int worker, Span<double> values)
        {
            var rng = Simulation.Core.Random.StreamKey.Generator(seed, run, 7);
            values[0] = x[0] + x[1] + 0.05 * (rng.NextDouble() - 0.5);
        }
        HistoryMatchResult Match(int threads) => HistoryMatching.Run([InputDistribution.Uniform(0, 1), InputDistribution.Pert(0, 0.2, 1)], [Observed(0.6, 0.1)], Wobbly,
            new HistoryMatchOptions { Candidates = 500, Replicates = 3, Threads = threads, Seed = 9 });
        var one = Match(1);
        var three = Match(3);
        Assert.Equal(one.Kept, three.Kept);
        Assert.Equal(one.Implausibility, three.Implausibility);
        Assert.Equal(one.Waves.Select(w => (w.Kept, w.RegionShare)), three.Waves.Select(w => (w.Kept, w.RegionShare)));
    }

    [Theory]
    [InlineData(ObservationErrorKind.Upper, 0.7, 0)]
    [InlineData(ObservationErrorKind.Upper, 0.9, 1)]
    [InlineData(ObservationErrorKind.Lower, 0.9, 0)]
    [InlineData(ObservationErrorKind.Lower, 0.7, 1)]
    public void Implausibility_OfABound_CountsOnlyItsWrongSide(ObservationErrorKind kind, double mean, double expected)
    {
        // A bound of 0.8 with a 12.5% error has sd 0.1: 0.1 on its wrong side is one sd, any distance on its allowed side none.
        var bound = new Observation("y", new YearMonth(2020, 1), new YearMonth(2020, 1), "2020-01", 0.8, kind, 0.125, "test", "");
        Assert.Equal(expected, bound.Implausibility(mean, 0, 0), 1e-12);
    }
}
