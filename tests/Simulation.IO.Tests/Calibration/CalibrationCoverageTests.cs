using Simulation.Core.Calibration;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.IO.Calibration;
using Simulation.IO.Scenarios;
using Simulation.Testing;

namespace Simulation.IO.Tests.Calibration;

/// <summary>
/// The calibration of the shipped hindcast (docs/calibration.md, "What must be shown"): the record inside the
/// posterior predictive, and posterior intervals that cover known inputs as often as they claim.
/// </summary>
public class CalibrationCoverageTests
{
    private static readonly string PermitRecord = Path.Combine(TestScenarios.RepositoryRoot, "data", "observed", "russia-permits-2018-2020.csv");

    private static List<Observation> Record(Scenario scenario)
    {
        var problems = new ProblemList();
        var observations = ObservationReader.ReadFile(PermitRecord, scenario, problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Items));
        return observations!;
    }

    [Fact]
    public void Hindcast_CalibratedOnThePermitRecord_EveryObservationInsideThe90PercentBand()
    {
        var scenario = TestScenarios.Shipped("hindcast-russia-2018-2020");
        var result = ModelCalibration.Run(scenario, Record(scenario), new AbcOptions { Particles = 500, Seed = scenario.Seed, Threads = 2 }, 4000);
        Assert.Equal(7, result.Fits.Count);
        foreach (var fit in result.Fits)
        {
            Assert.True(fit.InsideBand90, $"{fit.Observation.Series} {fit.Observation.Period}: {fit.Observation.Value} outside [{fit.P5}, {fit.P95}]");
        }
    }

    [Fact]
    public void Hindcast_SyntheticRecordsFromKnownInputs_90PercentIntervalsCoverThemNineTimesInTen()
    {
        const int datasets = 40;
        var scenario = TestScenarios.Shipped("hindcast-russia-2018-2020");
        var uncertain = scenario.UncertainInputs();
        var covered = CoverageStudy.Run(scenario, Record(scenario), datasets, new AbcOptions { Particles = 200, Threads = 2, MaxGenerations = 8 }, 9_000);
        // Two-sided binomial tests at the 1% level: over all intervals, and for each input over its 40.
        int total = covered.Sum(), n = covered.Length * datasets;
        Assert.True(TwoSidedBinomialP(total, n, 0.9) >= 0.01, $"{total} of {n} intervals cover their input ({string.Join(", ", covered)} by input)");
        for (int j = 0; j < uncertain.Count; j++)
        {
            Assert.True(TwoSidedBinomialP(covered[j], datasets, 0.9) >= 0.01, $"{uncertain[j].KeyPath}: {covered[j]} of {datasets}");
        }
    }

    /// <summary>The two-sided p-value of k successes in n trials of probability p (twice the smaller tail, at most 1).</summary>
    private static double TwoSidedBinomialP(int k, int n, double p) =>
        Math.Min(1, 2 * Math.Min(MathNet.Numerics.Distributions.Binomial.CDF(p, n, k), 1 - MathNet.Numerics.Distributions.Binomial.CDF(p, n, k - 1)));
}
