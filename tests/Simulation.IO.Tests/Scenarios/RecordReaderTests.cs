using Simulation.IO.Scenarios;

namespace Simulation.IO.Tests.Scenarios;

/// <summary>observed: and forecast_from in scenario files: the record is read relative to the file, and every problem names its file and line.</summary>
public sealed class RecordReaderTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-record").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_work, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Observations = "series,period,value,error_kind,error,source,note\nworkers,2024-10,4000,lognormal,0.4,NIS,about 4000\narrivals,2024,9000,lognormal,0.3,MSMT,sent in 2024\n";

    [Fact]
    public void Observed_ReadRelativeToTheScenarioFile()
    {
        Write("data/obs.csv", Observations);
        string scenario = Write("scenarios/s.yaml", "scenario: s\nstart: 2023-01\nmonths: 36\nobserved: [../data/obs.csv]\nforecast_from: 2025-01\n");
        var result = ScenarioReader.LoadFile(scenario);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(2, result.Document!.Record.Count);
        Assert.Equal(new Simulation.Core.Calendar.YearMonth(2025, 1), result.Scenario!.MetricsStart);
        // The copy written beside the outputs leaves the record out: its paths were the original file's.
        Assert.DoesNotContain("observed", result.Document!.ToYaml("as run"));
        Assert.Contains("forecast_from: 2025-01", result.Document.ToYaml("as run"));
    }

    [Theory]
    [InlineData("observed: [../data/missing.csv]\n", "s.yaml:4:12: observed[0]: ../data/missing.csv was not found (paths are relative to s.yaml")]
    [InlineData("observed: ../data/obs.csv\n", "observed: must be a list of observation files")]
    [InlineData("forecast_from: 2023-01\n", "forecast_from: 2023-01 must fall after the start and within the horizon (2023-01 to 2025-12)")]
    [InlineData("forecast_from: 2030-01\n", "forecast_from: 2030-01 must fall after the start and within the horizon")]
    public void BadRecordOrForecast_RefusedAtItsLine(string line, string message)
    {
        Write("data/obs.csv", Observations);
        string scenario = Write("scenarios/s.yaml", "scenario: s\nstart: 2023-01\nmonths: 36\n" + line);
        var result = ScenarioReader.LoadFile(scenario);
        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.ToString().Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void ObservationOutsideTheHorizon_RefusedAtTheObservationFilesLine()
    {
        Write("data/obs.csv", Observations);
        string scenario = Write("scenarios/s.yaml", "scenario: s\nstart: 2023-01\nmonths: 12\nobserved: [../data/obs.csv]\n");
        var result = ScenarioReader.LoadFile(scenario);
        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.ToString().Contains("obs.csv:2:", StringComparison.Ordinal) && p.ToString().Contains("outside the scenario's months", StringComparison.Ordinal));
    }
}
