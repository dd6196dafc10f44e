using Simulation.Core.Calibration;
using Simulation.Core.Model;
using Simulation.IO.Calibration;
using Simulation.IO.Scenarios;
using Simulation.Testing;

namespace Simulation.IO.Tests.Calibration;

public class ObservationReaderTests
{
    private const string Header = "series,period,value,error_kind,error,source,note\n";

    private static readonly Scenario Hindcast = TestScenarios.Shipped("hindcast-russia-2018-2020");

    private static (List<Observation>? Observations, string Problems) Read(string text)
    {
        var problems = new ProblemList();
        var observations = ObservationReader.Read(text, "obs.csv", Hindcast, problems);
        return (observations, string.Join("\n", problems.Items));
    }

    [Theory]
    [InlineData("russia-permits-2018-2020.csv", "hindcast-russia-2018-2020", 7)]
    [InlineData("russia-entries-2023-2025.csv", "reexpansion-2023-2025", 12)]
    public void ShippedFiles_ReadForTheirScenarios(string file, string scenario, int rows)
    {
        var problems = new ProblemList();
        var observations = ObservationReader.ReadFile(Path.Combine(TestScenarios.RepositoryRoot, "data", "observed", file), TestScenarios.Shipped(scenario), problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Items));
        Assert.Equal(rows, observations!.Count);
    }

    [Fact]
    public void Read_QuotedFieldsAndPeriods_AsWritten()
    {
        var (observations, problems) = Read(Header
            + "workers.permit,2018-09,19559,relative,0.05,\"MVD, via Sayari\",\"'valid' \"\"permits\"\"\"\n"
            + "arrivals.study,2019Q2,100,poisson,,,\n"
            + "arrivals.study,2019,26958,lognormal,0.3,,\n");
        Assert.Equal("", problems);
        Assert.Equal("MVD, via Sayari", observations![0].Source);
        Assert.Equal("'valid' \"permits\"", observations[0].Note);
        Assert.Equal(new Core.Calendar.YearMonth(2019, 4), observations[1].First);
        Assert.Equal(new Core.Calendar.YearMonth(2019, 6), observations[1].Last);
        Assert.Equal(new Core.Calendar.YearMonth(2019, 12), observations[2].Last);
        Assert.Equal(ObservationErrorKind.LogNormal, observations[2].ErrorKind);
    }

    [Theory]
    [InlineData("workers.permits,2018-09,1,relative,0.1,,", "obs.csv:2:1: series: unknown series 'workers.permits'; did you mean 'workers.permit'?")]
    [InlineData("enforced,2018-09,1,relative,0.1,,", "obs.csv:2:1: series: 'enforced' is a probability over many runs")]
    [InlineData("workers.permit,2017-12,1,relative,0.1,,", "obs.csv:2:16: period: 2017-12 (2017-12 to 2017-12) is outside the scenario's months 2018-01 to 2020-12")]
    [InlineData("workers.permit,2021Q1,1,relative,0.1,,", "obs.csv:2:16: period: 2021Q1 (2021-01 to 2021-03) is outside")]
    [InlineData("workers.permit,Sep 2018,1,relative,0.1,,", "obs.csv:2:16: period: must be YYYY-MM, YYYYQn or YYYY")]
    [InlineData("workers.permit,2018-13,1,relative,0.1,,", "obs.csv:2:16: period: must be YYYY-MM, YYYYQn or YYYY")]
    [InlineData("workers.permit,2018-09,-5,relative,0.1,,", "obs.csv:2:24: value: must not be negative, got -5")]
    [InlineData("workers.permit,2018-09,,relative,0.1,,", "obs.csv:2:24: value: is empty; a period that was not published is left out")]
    [InlineData("workers.permit,2018-09,\"19,559\",relative,0.1,,", "obs.csv:2:24: value: must be a number")]
    [InlineData("workers.permit,2018-09,1,relativ,0.1,,", "obs.csv:2:26: error_kind: unknown error kind 'relativ'; did you mean 'relative'?")]
    [InlineData("workers.permit,2018-09,1,relative,,,", "obs.csv:2:35: error: is missing: relative needs its scale")]
    [InlineData("workers.permit,2018-09,1,upper,-1,,", "obs.csv:2:32: error: must be a positive number")]
    [InlineData("workers.permit,2018-09,1,poisson,0.2,,", "obs.csv:2:34: error: poisson takes no error")]
    [InlineData("workers.permit,2018-09,0,relative,0.1,,", "obs.csv:2:24: value: is 0, for which a relative error")]
    [InlineData("workers.permit,2018-09,1,relative,0.1", "obs.csv:2:1: 5 fields where the header has 7")]
    [InlineData("workers.permit,2018-09,5e-324,lower,0.5,,", "obs.csv:2:37: error: 0.5 x the value 5e-324 is too small to divide by")]
    [InlineData("workers.permit,2018-09,1e-300,relative,1e-10,,", "obs.csv:2:40: error: 1e-10 x the value 1e-300 is too small to divide by")]
    [InlineData("workers.permit,2018-09,5,lognormal,1e-320,,", "obs.csv:2:36: error: 1e-320 is too small to divide by")]
    [InlineData("workers.permit,2018-09,1,relative,0.1,\"open,", "obs.csv:2:39: a quoted field does not end on its line")]
    public void Read_BadRow_RefusedAtFileLineColumnWithTheFix(string row, string expected)
    {
        var (observations, problems) = Read(Header + row + "\n");
        Assert.Null(observations);
        Assert.Contains(expected, problems);
    }

    [Fact]
    public void Read_SameSeriesAndPeriodTwice_Refused()
    {
        var (_, problems) = Read(Header + "workers.permit,2018-09,1,relative,0.1,,\nworkers.permit,2018-09,2,relative,0.1,,\n");
        Assert.Contains("obs.csv:3:16: period: workers.permit 2018-09 is the model value already observed as workers.permit 2018-09 at line 2; one value observed twice would weigh double", problems);
    }

    [Fact]
    public void Read_AStockAtAQuarterAndItsLastMonth_RefusedAsOneModelValue()
    {
        var (_, problems) = Read(Header + "workers.permit,2018Q3,1,relative,0.1,,\nworkers.permit,2018-09,2,relative,0.1,,\n");
        Assert.Contains("obs.csv:3:16: period: workers.permit 2018-09 is the model value already observed as workers.permit 2018Q3 at line 2 (workers.permit is a level, read in the period's last month, 2018-09)", problems);
        // A flow over a quarter and over its last month are different sums: both stay.
        var (flows, none) = Read(Header + "arrivals.study,2018Q3,1,relative,0.1,,\narrivals.study,2018-09,2,relative,0.1,,\n");
        Assert.Equal("", none);
        Assert.Equal(2, flows!.Count);
    }

    [Fact]
    public void ReadFiles_OneRowInTwoFiles_RefusedNamingBoth()
    {
        string folder = Directory.CreateTempSubdirectory("laborsim-observed").FullName;
        try
        {
            string first = Path.Combine(folder, "a.csv"), second = Path.Combine(folder, "b.csv");
            File.WriteAllText(first, Header + "workers.permit,2018-09,1,relative,0.1,,\n");
            File.WriteAllText(second, Header + "arrivals.study,2019,5,relative,0.1,,\nworkers.permit,2018-09,1,relative,0.1,,\n");
            var problems = new ProblemList();
            Assert.Null(ObservationReader.ReadFiles([first, second], Hindcast, problems));
            Assert.Contains($"{second}:3:16: period: workers.permit 2018-09 is the model value already observed as workers.permit 2018-09 at {first}:2", string.Join("\n", problems.Items));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Theory]
    [InlineData("", "obs.csv:1:1: the file is empty")]
    [InlineData("series,period,value,kind,error\n", "obs.csv:1:21: header column 4 is 'kind': expected 'error_kind'")]
    [InlineData("series,period,value\n", "obs.csv:1:1: the header has 3 columns")]
    [InlineData(Header, "has a header but no observations")]
    public void Read_BadHeaderOrNoRows_Refused(string text, string expected)
    {
        var (observations, problems) = Read(text);
        Assert.Null(observations);
        Assert.Contains(expected, problems);
    }

    [Fact]
    public void Read_EveryProblemOfTheFile_ReportedAtOnce()
    {
        var (_, problems) = Read(Header + "workers.permits,2018-09,1,relative,0.1,,\nworkers.permit,2030,1,relative,0.1,,\nworkers.permit,2018-09,1,lognorm,0.1,,\n");
        Assert.Equal(3, problems.Split('\n').Length);
    }
}
