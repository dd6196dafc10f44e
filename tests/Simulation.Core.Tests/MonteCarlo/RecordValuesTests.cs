using Simulation.Core.Calibration;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Calibration;
using Simulation.IO.Scenarios;
using Simulation.Testing;

namespace Simulation.Core.Tests.MonteCarlo;

/// <summary>
/// The record's model values taken from the main pass (<see cref="RunnerOptions.Record"/>) are the values a second
/// pass over the same runs gives (<see cref="RecordFit.Predict"/>, which <c>run</c> used before), bit for bit and for
/// any thread count, and are left out when not every run they cover was done.
/// </summary>
public class RecordValuesTests
{
    private static (Scenario Scenario, IReadOnlyList<Observation> Record) Forecast(long runs)
    {
        var scenario = TestScenarios.Shipped("forecast-2027-2031", ("runs", runs.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var problems = new ProblemList();
        var record = ObservationReader.ReadFile(Path.Combine(TestScenarios.RepositoryRoot, "data", "observed", "russia-entries-2023-2025.csv"), scenario, problems)
            ?? throw new InvalidOperationException(string.Join("\n", problems.Items));
        return (scenario, record);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void MainPass_RecordValues_AreTheSecondPassValuesBitForBit(int threads)
    {
        var (scenario, record) = Forecast(1500);
        var set = new ObservationSet(CompiledScenario.Of(scenario), record);
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = threads, Record = set.Windows, RecordRuns = 1200 });
        var expected = RecordFit.Predict(scenario, set, 1200, 1, CancellationToken.None);
        Assert.NotNull(result.RecordValues);
        Assert.Equal(record.Count, result.RecordValues!.Count);
        for (int i = 0; i < record.Count; i++)
        {
            Assert.Equal(expected[i].Select(BitConverter.DoubleToInt64Bits), result.RecordValues[i].Select(BitConverter.DoubleToInt64Bits));
        }
        // And the summaries are those of a run without the record.
        var plain = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = threads });
        Assert.Equal(plain.Metrics.Select(m => m.Statistics.Mean), result.Metrics.Select(m => m.Statistics.Mean));
        Assert.Equal(plain.Of(Simulation.Core.Catalogue.Series.Workers).Select(s => s.P50), result.Of(Simulation.Core.Catalogue.Series.Workers).Select(s => s.P50));
    }

    [Fact]
    public void PrecisionTargetStoppingEarly_LeavesRecordValuesOut()
    {
        var (scenario, record) = Forecast(100_000);
        var target = new PrecisionTarget("peak_workers", 0.5, 100_000);
        var windows = new ObservationSet(CompiledScenario.Of(scenario), record).Windows;
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2, Precision = target, Record = windows, RecordRuns = 20_000 });
        Assert.True(result.Runs < 20_000, $"{result.Runs} runs");
        Assert.Null(result.RecordValues);
    }
}
