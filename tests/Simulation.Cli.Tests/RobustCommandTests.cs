using System.Text.Json;

namespace Simulation.Cli.Tests;

/// <summary>laborsim robust from the command line: its files and words, the same numbers for any thread count and shard split, and its refusals.</summary>
public sealed class RobustCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-robust").FullName;

    private static string Policies => CliHarness.Scenario("policies-2027");

    public void Dispose() => Directory.Delete(_work, true);

    private static readonly string[] Small = ["--runs", "900", "--months", "60", "--satisfice", "remittances_usd < 3e8"];

    private static readonly string[] Tables = ["robustness.csv", "regret.csv", "futures.csv"];

    private static string WithoutElapsed(string summary) =>
        string.Join('\n', File.ReadAllLines(summary).Where(l => !l.Contains("\"elapsed_seconds\"", StringComparison.Ordinal)));

    private string Robust(string name, params string[] extra)
    {
        string folder = Path.Combine(_work, name);
        var (code, _, error) = CliHarness.Run(["robust", Policies, .. Small, "--no-plots", "--quiet", "--out", folder, .. extra]);
        Assert.True(code == 0, error);
        return folder;
    }

    [Fact]
    public void Robust_WritesEveryOutput_AndSpeaksInWords()
    {
        string folder = Path.Combine(_work, "full");
        var (code, stdout, stderr) = CliHarness.Run(["robust", Policies, .. Small, "--out", folder]);
        Assert.True(code == 0, stderr);
        foreach (string file in new[] { "robustness.csv", "regret.csv", "futures.csv", "futures.parquet", "summary.json", "report.html", "scenario.yaml",
            "robust_remittances_usd.png", "regret_remittances_usd.png", "satisficing.png", "failures_status-quo.png" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        }
        string[] futures = File.ReadAllLines(Path.Combine(folder, "futures.csv"));
        Assert.Equal(901, futures.Length);
        Assert.StartsWith("run,", futures[0]);
        Assert.Contains(",status-quo:remittances_usd,status-quo:peak_workers,status-quo:enforced_by_horizon,", futures[0]);
        Assert.Contains(",deport-on-evidence:trigger_month,", futures[0]);
        Assert.EndsWith(",combined:satisficed", futures[0]);
        // The goal and the futures that break a policy are said in words, not as typed.
        Assert.Contains("Futures meeting the goal (remittances, total over the horizon below $300M)", stdout);
        Assert.Contains("status-quo misses the goal in", stdout);
        Assert.Contains("workers / month", stdout);
        Assert.DoesNotContain("timeline[", stdout);
        Assert.DoesNotContain("remittances_usd < 3e8", stdout);
        string report = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("Meeting the goal: remittances, total over the horizon below $300M", report);
        Assert.Contains("worst (sample extreme)", report);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        Assert.Equal("remittances_usd < 3e8", json.RootElement.GetProperty("satisfice").GetString());
    }

    [Fact]
    public void Robust_AnyThreadCountAndShardSplit_GivesTheSameFiles()
    {
        string one = Robust("threads-1", "--threads", "1");
        string two = Robust("threads-2", "--threads", "2");
        var splits = new[] { 2, 3 }.Select(count =>
        {
            var shards = Enumerable.Range(0, count).Select(i => Robust($"shard-{i}-of-{count}", "--shard", $"{i}/{count}")).Reverse().ToArray();
            string merged = Path.Combine(_work, $"merged-{count}");
            var (code, stdout, error) = CliHarness.Run(["merge", .. shards, "--out", merged, "--no-plots"]);
            Assert.True(code == 0, error);
            Assert.Contains($"merged {count} robust shards", stdout);
            return merged;
        }).ToList();
        foreach (string other in new[] { two }.Concat(splits))
        {
            foreach (string table in Tables)
            {
                Assert.Equal(File.ReadAllText(Path.Combine(one, table)), File.ReadAllText(Path.Combine(other, table)));
            }
            Assert.Equal(WithoutElapsed(Path.Combine(one, "summary.json")), WithoutElapsed(Path.Combine(other, "summary.json")));
        }
    }

    [Fact]
    public void Robust_Merge_MissingShard_IsRefused()
    {
        string first = Robust("s0", "--shard", "0/3");
        string last = Robust("s2", "--shard", "2/3");
        string outDir = Path.Combine(_work, "m");
        var (code, _, error) = CliHarness.Run("merge", first, last, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("shards 1 of 3 are missing", error);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("--policy combined", "robust runs every policy of the scenario")]
    [InlineData("--threshold remittances_usd>1e9", "robust judges policies by --measure and --satisfice")]
    [InlineData("--measure remitances_usd", "did you mean 'remittances_usd'")]
    [InlineData("--satisfice remitances_usd<1e9", "did you mean 'remittances_usd'")]
    [InlineData("--regret 1e8", "and --satisfice both say when a policy fails; give one")]
    [InlineData("--hurwicz 1.5", "--hurwicz")]
    [InlineData("--shard 3/3", "--shard")]
    public void Robust_BadOption_RefusedBeforeRunning(string option, string message)
    {
        string outDir = Path.Combine(_work, "bad");
        var parts = option.Split(' ', 2);
        var (code, _, stderr) = CliHarness.Run(["robust", Policies, .. Small, "--out", outDir, parts[0], parts[1]]);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Robust_ScenarioWithoutPolicies_SaysHowToAddThem()
    {
        string outDir = Path.Combine(_work, "none");
        var (code, _, stderr) = CliHarness.Run("robust", CliHarness.Baseline, "--runs", "500", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("policies:", stderr);
        Assert.False(Directory.Exists(outDir));
    }
}
