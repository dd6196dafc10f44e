using System.Globalization;
using System.Text.Json;

namespace Simulation.Cli.Tests;

/// <summary>laborsim voi from the command line: its files and words, the same numbers for any thread count, and its refusals.</summary>
public sealed class VoiCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-voi").FullName;

    private static string Policies => CliHarness.Scenario("policies-2027");

    private static string Plan => Path.Combine(Simulation.Testing.TestScenarios.RepositoryRoot, "data", "planned", "monitoring-options.csv");

    public void Dispose() => Directory.Delete(_work, true);

    [Fact]
    public void Voi_RanksThePlannedObservations_InputsAndTheDecision()
    {
        string folder = Path.Combine(_work, "voi");
        var (code, stdout, stderr) = CliHarness.Run("voi", Policies, "--plan", Plan, "--runs", "4000", "--out", folder);
        Assert.True(code == 0, stderr);
        foreach (string file in new[] { "voi.csv", "summary.json", "voi_observations.png", "voi_inputs.png", "voi_decision.png", "report.html", "scenario.yaml" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        }
        Assert.Contains("Of the 5 planned observations,", stdout);
        Assert.Contains("(EVPI)", stdout);
        var rows = File.ReadAllLines(Path.Combine(folder, "voi.csv"));
        Assert.Equal("kind,name,period,value,se,share,share_se", rows[0]);
        var observations = rows.Where(r => r.StartsWith("observation,", StringComparison.Ordinal)).Select(r => r.Split(',')).ToList();
        Assert.Equal(5, observations.Count);
        foreach (var row in observations)
        {
            double share = double.Parse(row[5], CultureInfo.InvariantCulture);
            Assert.InRange(share, 0, 1);
        }
        // A year of remittances measured to 10% tells more about total remittances than a permit count of a channel
        // this scenario barely uses.
        double Share(string series, string period) => double.Parse(observations.Single(r => r[1] == series && r[2] == period)[5], CultureInfo.InvariantCulture);
        Assert.True(Share("remittances_usd", "2027") > Share("workers.permit", "2027-06"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        Assert.Equal(6, json.RootElement.GetProperty("decision").GetProperty("policies").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("decision").GetProperty("evpi").GetDouble() > 0);
    }

    [Fact]
    public void Voi_AnyThreadCount_GivesTheSameFile()
    {
        string one = Path.Combine(_work, "t1"), two = Path.Combine(_work, "t2");
        Assert.Equal(0, CliHarness.Run("voi", CliHarness.Baseline, "--plan", Plan, "--runs", "2000", "--months", "72", "--out", one, "--threads", "1", "--no-plots", "--quiet").Code);
        Assert.Equal(0, CliHarness.Run("voi", CliHarness.Baseline, "--plan", Plan, "--runs", "2000", "--months", "72", "--out", two, "--threads", "2", "--no-plots", "--quiet").Code);
        Assert.Equal(File.ReadAllText(Path.Combine(one, "voi.csv")), File.ReadAllText(Path.Combine(two, "voi.csv")));
    }

    [Theory]
    [InlineData("--metric first_enforcement_month", "its variance is not defined")]
    [InlineData("--metric remitances_usd", "did you mean 'remittances_usd'")]
    [InlineData("--runs 500", "must be 1,000 to 2,000,000")]
    [InlineData("--policy combined", "voi weighs every policy of the scenario")]
    [InlineData("--threshold remittances_usd=1e9", "voi asks how much of a metric's variance")]
    public void Voi_BadOption_RefusedBeforeRunning(string option, string message)
    {
        string outDir = Path.Combine(_work, "bad");
        var parts = option.Split(' ', 2);
        var args = new List<string> { "voi", Policies };
        if (parts[0] != "--runs")
        {
            args.AddRange(["--runs", "2000"]);
        }
        args.AddRange([parts[0], parts[1], "--out", outDir]);
        var (code, _, stderr) = CliHarness.Run([.. args]);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("series,period,value,error_kind,error,note\nworkers,2027-06,100,relative,0.1,x\n", "a planned observation has no value yet")]
    [InlineData("series,period,error_kind,error,note\nworkers,2040-06,relative,0.1,x\n", "is outside the scenario's months")]
    [InlineData("series,period,error_kind,error,note\nworker,2027-06,relative,0.1,x\n", "did you mean 'workers'?")]
    [InlineData("series,period,error_kind,error,note\nworkers,2027-06,relatve,0.1,x\n", "did you mean 'relative'?")]
    [InlineData("series,period,error_kind,error,note\n", "add one row per observation you could make")]
    public void Voi_BadPlan_RefusedWithFileAndLine(string csv, string message)
    {
        string plan = Path.Combine(_work, "plan.csv");
        File.WriteAllText(plan, csv);
        string outDir = Path.Combine(_work, "bad-plan");
        var (code, _, stderr) = CliHarness.Run("voi", Policies, "--plan", plan, "--runs", "2000", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.Contains("plan.csv:", stderr);
        Assert.False(Directory.Exists(outDir));
    }
}
