using System.Globalization;
using Simulation.Core.Calendar;
using Simulation.Core.MonteCarlo;
using Simulation.Testing;

namespace Simulation.IO.Tests.Scenarios;

/// <summary>
/// The shipped hindcast of 2018-2020 (scenarios/hindcast-russia-2018-2020.yaml) before calibration: every permit-stock
/// observation of data/observed/russia-permits-2018-2020.csv lies inside the 90% band (p5-p95) of the priors'
/// workers.permit fan; a bound ("upper") only needs the band to reach below it. The calibrated check is in
/// Calibration/CalibrationCoverageTests.
/// </summary>
public class HindcastTests
{
    [Fact]
    public void Hindcast_PermitObservations_LieInsideThe90PercentBand()
    {
        var scenario = TestScenarios.Shipped("hindcast-russia-2018-2020");
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 });
        var permit = result.Of("workers.permit")!;
        string file = Path.Combine(TestScenarios.RepositoryRoot, "data", "observed", "russia-permits-2018-2020.csv");
        int checkedRows = 0;
        foreach (string line in File.ReadLines(file).Skip(1))
        {
            string[] fields = line.Split(',');
            if (fields[0] != "workers.permit")
            {
                continue;
            }
            Assert.True(YearMonth.TryParse(fields[1], out var month), fields[1]);
            double value = double.Parse(fields[2], CultureInfo.InvariantCulture);
            var band = permit[month.MonthsSince(scenario.Start)];
            string where = $"{fields[1]}: observed {value}, band {band.P5:N0} to {band.P95:N0}";
            Assert.True(band.P5 <= value, where);
            if (fields[3] != "upper")
            {
                Assert.True(value <= band.P95, where);
            }
            checkedRows++;
        }
        Assert.Equal(5, checkedRows);
    }
}
