using System.Text.Json;

namespace Simulation.Cli.Tests;

/// <summary>run on a scenario that cites the record (observed:): its charts draw it and its report and summary count the observations in the runs' band.</summary>
public sealed class RecordCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-record-run").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    [Fact]
    public void Run_WithTheRecord_DrawsItAndCountsTheObservationsInTheBand()
    {
        string folder = Path.Combine(_work, "rx");
        var (code, stdout, stderr) = CliHarness.Run("run", CliHarness.Scenario("reexpansion-2023-2025"), "--runs", "3000", "--out", folder);
        Assert.True(code == 0, stderr);
        Assert.Matches(@"The record: \d+ of 12 observations lie in the runs' 90% band", stdout);
        foreach (string series in new[] { "workers", "arrivals", "arrivals.study" })
        {
            Assert.True(File.Exists(Path.Combine(folder, $"record_{series}.png")), series);
        }
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        var record = json.RootElement.GetProperty("record");
        Assert.Equal(12, record.GetProperty("observations").GetInt32());
        var fits = record.GetProperty("fits").EnumerateArray().ToList();
        Assert.Equal(record.GetProperty("inside_band_90").GetInt32(), fits.Count(f => f.GetProperty("inside_band_90").GetBoolean()));
        Assert.All(fits, f => Assert.True(f.GetProperty("p5").GetDouble() <= f.GetProperty("p95").GetDouble()));
        Assert.Contains("Against the record", File.ReadAllText(Path.Combine(folder, "report.html")));
    }
}
