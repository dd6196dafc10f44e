using System.Text.Json;

namespace Simulation.Cli.Tests;

public sealed class ThresholdCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-threshold").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    [Fact]
    public void Run_Threshold_InSummaryHeadlineAndReport()
    {
        string outDir = Path.Combine(_work, "out");
        var (code, stdout, stderr) = CliHarness.Run("run", CliHarness.Baseline, "--runs", "3000", "--out", outDir, "--save-runs", "--no-plots", "--quiet",
            "--threshold", "remittances_usd=5e8", "--threshold", "first_enforcement_month=24");
        Assert.True(code == 0, stderr);
        Assert.Contains("P(remittances, total over the horizon > $500M) = ", stdout);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var thresholds = summary.RootElement.GetProperty("thresholds");
        Assert.Equal(2, thresholds.GetArrayLength());

        // Checked against runs.csv: money exactly where the sketch's buckets allow, months exactly.
        var lines = File.ReadAllLines(Path.Combine(outDir, "runs.csv"));
        var header = lines[0].Split(',');
        int money = Array.IndexOf(header, "remittances_usd");
        int month = Array.IndexOf(header, "first_enforcement_month");
        double above = lines.Skip(1).Count(l => double.Parse(l.Split(',')[money], System.Globalization.CultureInfo.InvariantCulture) > 5e8) / 3000.0;
        double later = lines.Skip(1).Count(l => l.Split(',')[month] is { Length: > 0 } m && double.Parse(m, System.Globalization.CultureInfo.InvariantCulture) > 24) / 3000.0;
        var first = thresholds[0];
        Assert.Equal("remittances_usd", first.GetProperty("metric").GetString());
        Assert.InRange(above, first.GetProperty("resolution_lower").GetDouble(), first.GetProperty("resolution_upper").GetDouble());
        double p = first.GetProperty("probability_above").GetDouble();
        Assert.Equal(Math.Sqrt(p * (1 - p) / 3000), first.GetProperty("se").GetDouble(), 12);
        Assert.Equal(later, thresholds[1].GetProperty("probability_above").GetDouble(), 12);

        string report = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("P(remittances, total over the horizon &gt; $500M)", report);
        Assert.Contains("Remittances per calendar year", report);
        Assert.Contains("anyone deployed", report);
        var conditional = summary.RootElement.GetProperty("conditional");
        Assert.True(conditional.GetProperty("workers_abroad").GetProperty("runs").GetInt64() < 3000);
        Assert.Equal(6, summary.RootElement.GetProperty("annual_remittances_usd").GetArrayLength());
    }

    [Theory]
    [InlineData("remittances_usd", "must be METRIC=VALUE")]
    [InlineData("remitances_usd=1e9", "did you mean 'remittances_usd'?")]
    [InlineData("peak_workers=lots", "'lots' is not a number")]
    [InlineData("peak_workers=inf", "is not a number")]
    public void Run_BadThreshold_RefusedWithTheFix(string threshold, string message)
    {
        string outDir = Path.Combine(_work, "bad");
        var (code, _, stderr) = CliHarness.Run("run", CliHarness.Baseline, "--runs", "100", "--out", outDir, "--threshold", threshold);
        Assert.Equal(2, code);
        Assert.Contains($"--threshold {threshold}", stderr);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Shard_Threshold_PointsToMerge_AndMergeAnswersIt()
    {
        string shard = Path.Combine(_work, "shard0");
        var (refused, _, refusal) = CliHarness.Run("run", CliHarness.Baseline, "--runs", "2000", "--shard", "0/1", "--out", shard, "--threshold", "peak_workers=1000");
        Assert.Equal(2, refused);
        Assert.Contains("give --threshold to 'laborsim merge'", refusal);

        var (code, _, stderr) = CliHarness.Run("run", CliHarness.Baseline, "--runs", "2000", "--shard", "0/1", "--out", shard, "--quiet");
        Assert.True(code == 0, stderr);
        string merged = Path.Combine(_work, "merged");
        var (mergeCode, stdout, mergeError) = CliHarness.Run("merge", shard, "--out", merged, "--no-plots", "--threshold", "peak_workers=1000");
        Assert.True(mergeCode == 0, mergeError);
        Assert.Contains("P(peak workers abroad > 1,000)", stdout);
        var (badCode, _, badError) = CliHarness.Run("merge", shard, "--out", Path.Combine(_work, "merged2"), "--threshold", "peak=1");
        Assert.Equal(2, badCode);
        Assert.Contains("unknown metric 'peak'", badError);
    }
}
