using System.Text.Json;

namespace Simulation.Cli.Tests;

public sealed class DesignCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-design").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    private string Scenario(string body)
    {
        string path = Path.Combine(_work, $"s{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $"extends: {CliHarness.Baseline}\nscenario: designed\n" + body);
        return path;
    }

    [Fact]
    public void Run_LatinHypercube_ReportsIt_AndShardsMergeToTheSameNumbers_WithCorrelationsRefused()
    {
        string correlated = Scenario("sampling: {method: latin-hypercube}\ncorrelations:\n  - {between: [pay.wage, pay.state_share], rho: 0.6}\n");
        var (refused, _, refusal) = CliHarness.Run("run", correlated, "--runs", "3000", "--out", Path.Combine(_work, "refused"), "--no-plots", "--quiet");
        Assert.Equal(2, refused);
        Assert.Contains("latin-hypercube cannot keep its design for correlated inputs", refusal);

        string file = Scenario("sampling: {method: latin-hypercube}\n");
        string whole = Path.Combine(_work, "whole");
        var (code, _, stderr) = CliHarness.Run("run", file, "--runs", "3000", "--out", whole, "--no-plots", "--quiet");
        Assert.True(code == 0, stderr);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(whole, "summary.json")));
        Assert.Equal("latin-hypercube", summary.RootElement.GetProperty("sampling").GetString());
        Assert.Contains("Latin hypercube", File.ReadAllText(Path.Combine(whole, "report.html")));

        var shards = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            string shard = Path.Combine(_work, $"shard{i}");
            var (shardCode, _, shardError) = CliHarness.Run("run", file, "--runs", "3000", "--shard", $"{i}/3", "--out", shard, "--quiet");
            Assert.True(shardCode == 0, shardError);
            shards.Add(shard);
        }
        string merged = Path.Combine(_work, "merged");
        var (mergeCode, _, mergeError) = CliHarness.Run(["merge", .. shards, "--out", merged, "--no-plots", "--quiet"]);
        Assert.True(mergeCode == 0, mergeError);
        using var mergedSummary = JsonDocument.Parse(File.ReadAllText(Path.Combine(merged, "summary.json")));
        Assert.Equal(summary.RootElement.GetProperty("metrics").ToString(), mergedSummary.RootElement.GetProperty("metrics").ToString());
    }

    [Fact]
    public void Run_PrecisionWithLatinHypercube_Refused()
    {
        string file = Scenario("sampling: {method: latin-hypercube}\n");
        var (code, _, stderr) = CliHarness.Run("run", file, "--precision", "0.05", "--out", Path.Combine(_work, "p"));
        Assert.Equal(2, code);
        Assert.Contains("a Latin hypercube is built for a fixed number of runs", stderr);
    }

    [Fact]
    public void Run_InvalidMatrix_WarnsAndRuns_StrictRefuses()
    {
        string file = Scenario("correlations:\n  - {between: [pay.wage, pay.state_share], rho: 0.9}\n  - {between: [pay.wage, demand.peak], rho: 0.8}\n  - {between: [pay.state_share, demand.peak], rho: 0}\n");
        var (code, _, stderr) = CliHarness.Run("run", file, "--runs", "500", "--out", Path.Combine(_work, "w"), "--no-plots", "--quiet");
        Assert.True(code == 0, stderr);
        Assert.Contains("warning: is not a valid correlation matrix (smallest eigenvalue -0.204)", stderr);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "w", "summary.json")));
        Assert.True(summary.RootElement.GetProperty("correlations").GetProperty("repaired").GetBoolean());
        var (strict, _, strictError) = CliHarness.Run("run", file, "--runs", "500", "--out", Path.Combine(_work, "s"), "--strict");
        Assert.Equal(2, strict);
        Assert.Contains(":4:3: correlations: is not a valid correlation matrix", strictError);
        Assert.False(Directory.Exists(Path.Combine(_work, "s")));
    }
}
