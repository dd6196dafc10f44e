using Simulation.Core.Catalogue;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Analysis;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;
using Simulation.Testing;

namespace Simulation.IO.Tests.Analysis;

public sealed class RunsCsvReaderTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-runs").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    /// <summary>Writes the runs of <paramref name="scenario"/> to runs.csv and reads them back: the same table, bit for bit.</summary>
    private RunTable RoundTrip(string scenario, string runs)
    {
        var written = MonteCarloRunner.Run(TestScenarios.Shipped(scenario, ("runs", runs)), new RunnerOptions { Threads = 1, SaveRuns = true }).RunTable!;
        string path = Path.Combine(_work, "runs.csv");
        using (var writer = new StreamWriter(path))
        {
            RunsCsvWriter.Write(written, writer);
        }
        var problems = new ProblemList();
        var table = RunsCsvReader.Read(path, problems)!;
        Assert.Equal(0, problems.Count);
        Assert.Equal(written.InputNames, table.InputNames);
        Assert.Equal(written.ExtraMetricNames, table.ExtraMetricNames);
        Assert.Equal(written.Values, table.Values);
        return table;
    }

    [Fact]
    public void Read_WrittenTable_RoundTripsBitForBit() => Assert.Empty(RoundTrip("donbas-baseline", "300").ExtraMetricNames);

    [Fact]
    public void Read_WrittenTableWithDestinationPeaks_RoundTripsBitForBit() =>
        Assert.Equal(["peak_workers@russia", "peak_workers@kursk", "peak_workers@donbas"], RoundTrip("forecast-2027-2031", "200").ExtraMetricNames);

    [Fact]
    public void Read_BadNumber_NamesLineColumnAndKey()
    {
        string header = "run,pay.wage," + string.Join(",", OutputCatalogue.MetricNames);
        string row = "0,oops" + new string(',', OutputCatalogue.MetricCount);
        string path = Path.Combine(_work, "runs.csv");
        File.WriteAllText(path, header + "\n" + row + "\n");
        var problems = new ProblemList();
        Assert.Null(RunsCsvReader.Read(path, problems));
        var problem = Assert.Single(problems.Items);
        Assert.Equal((2, 3), (problem.Position.Line, problem.Position.Column));
        Assert.Equal("pay.wage", problem.KeyPath);
        Assert.Contains("'oops' is not a finite number", problem.Message);
    }

    [Fact]
    public void ConditionParser_PointsAtTheClause()
    {
        var problems = new ProblemList();
        Assert.Null(ConditionParser.Parse("peak_workers > 5 and remittanc > 1", "--where", problems));
        var problem = Assert.Single(problems.Items);
        Assert.Equal(22, problem.Position.Column);
        Assert.Contains("unknown metric 'remittanc'", problem.Message);
        var condition = ConditionParser.Parse("peak_workers >= 5 AND first_enforcement_month <= 12", "--where", problems)!;
        Assert.Equal("peak_workers >= 5 and first_enforcement_month <= 12", condition.ToString());
    }

    [Fact]
    public void Read_ADeviceNamedRunsCsv_RefusedWithoutFillingMemory()
    {
        string path = Path.Combine(_work, "runs.csv");
        File.CreateSymbolicLink(path, "/dev/zero");
        var problems = new ProblemList();
        Assert.Null(RunsCsvReader.Read(path, problems));
        Assert.Contains("not a regular file", Assert.Single(problems.Items).Message);
    }
}
