using System.Diagnostics;
using System.Text.Json;
using Simulation.Testing;

namespace Simulation.Cli.Tests;

/// <summary>
/// What every verb shares through the one pipeline: --threshold means the same everywhere (reported or refused, never
/// ignored), default output folders never collide across questions or verbs, and a bad output folder is refused
/// before any work.
/// </summary>
public sealed class VerbPipelineTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-pipeline").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    private static string Scenario(string name) => CliHarness.Scenario(name);

    private static readonly string PermitRecord = Path.Combine(TestScenarios.RepositoryRoot, "data", "observed", "russia-permits-2018-2020.csv");

    [Fact]
    public void Threshold_Run_ReportedInSummaryAndHeadline()
    {
        string outDir = Path.Combine(_work, "run");
        var (code, stdout, stderr) = CliHarness.Run("run", Scenario("donbas-baseline"), "--runs", "1000", "--months", "24", "--no-plots", "--quiet",
            "--threshold", "remittances_usd=1e8", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("P(remittances, total over the horizon > $100M)", stdout);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(1e8, summary.RootElement.GetProperty("thresholds")[0].GetProperty("threshold").GetDouble());
        Assert.True(summary.RootElement.GetProperty("thresholds")[0].GetProperty("counted_exactly").GetBoolean());
    }

    /// <summary>One answer per question: the probability a run reports for a threshold is the exact share of its runs above it, the share discover finds in the same runs.</summary>
    [Fact]
    public void Threshold_Run_IsTheExactShareOfTheRunsAboveIt()
    {
        string outDir = Path.Combine(_work, "exact");
        var (code, _, stderr) = CliHarness.Run("run", Scenario("donbas-baseline"), "--runs", "3000", "--months", "36", "--no-plots", "--quiet", "--save-runs",
            "--threshold", "remittances_usd=3e8", "--threshold", "peak_workers=20000", "--out", outDir);
        Assert.True(code == 0, stderr);
        var lines = File.ReadAllLines(Path.Combine(outDir, "runs.csv"));
        var header = lines[0].Split(',');
        int money = Array.IndexOf(header, "remittances_usd"), peak = Array.IndexOf(header, "peak_workers");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        double moneyShare = rows.Count(r => double.Parse(r[money], System.Globalization.CultureInfo.InvariantCulture) > 3e8) / 3000.0;
        double peakShare = rows.Count(r => double.Parse(r[peak], System.Globalization.CultureInfo.InvariantCulture) > 20000) / 3000.0;
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var thresholds = summary.RootElement.GetProperty("thresholds");
        Assert.Equal(moneyShare, thresholds[0].GetProperty("probability_above").GetDouble(), 15);
        Assert.Equal(peakShare, thresholds[1].GetProperty("probability_above").GetDouble(), 15);
    }

    [Fact]
    public void Threshold_Compare_PerScenarioAndPaired()
    {
        string outDir = Path.Combine(_work, "compare");
        var (code, stdout, stderr) = CliHarness.Run("compare", Scenario("donbas-baseline"), Scenario("no-ceasefire"), "--runs", "1000", "--months", "24",
            "--no-plots", "--quiet", "--threshold", "remittances_usd=1e8", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("no-ceasefire minus donbas-baseline, P(remittances, total over the horizon > $100M):", stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "comparison.json")));
        const string name = "P(remittances_usd>100000000)";
        double a = json.RootElement.GetProperty("probabilities").GetProperty("donbas-baseline").GetProperty(name).GetDouble();
        double b = json.RootElement.GetProperty("probabilities").GetProperty("no-ceasefire").GetProperty(name).GetDouble();
        double paired = json.RootElement.GetProperty("differences").GetProperty("no-ceasefire").GetProperty(name).GetProperty("mean").GetDouble();
        // The paired mean of the 0/1 indicators is the difference of the two probabilities, exactly.
        Assert.Equal(b - a, paired, 12);
        Assert.Contains(name, File.ReadAllText(Path.Combine(outDir, "differences.csv")));
        Assert.Contains("P(remittances, total over the horizon &gt; $100M)", File.ReadAllText(Path.Combine(outDir, "report.html")));
    }

    [Fact]
    public void Threshold_Sweep_AtEveryGridPoint()
    {
        string outDir = Path.Combine(_work, "sweep");
        var (code, stdout, stderr) = CliHarness.Run("sweep", Scenario("donbas-baseline"), "--over", "enforcement.deterrence=0.2:1:3", "--runs", "500", "--months", "24",
            "--no-plots", "--quiet", "--threshold", "peak_workers=5000", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("P(peak workers abroad > 5,000) ranges from", stdout);
        var lines = File.ReadAllLines(Path.Combine(outDir, "sweep_thresholds.csv"));
        Assert.Equal("enforcement.deterrence,metric,threshold,probability_above,se", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.StartsWith("", line.Split(',')[1] == "peak_workers" ? "" : "wrong metric"));
    }

    [Fact]
    public void Threshold_Slurm_PassedToTheMergeJob()
    {
        string outDir = Path.Combine(_work, "slurm");
        var (code, _, stderr) = CliHarness.Run("slurm", Scenario("donbas-baseline"), "--shards", "2", "--laborsim", "laborsim",
            "--threshold", "remittances_usd=1e9", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("--threshold 'remittances_usd=1e9'", File.ReadAllText(Path.Combine(outDir, "merge.sbatch")));
    }

    [Theory]
    [InlineData("sensitivity")]
    [InlineData("discover")]
    [InlineData("calibrate")]
    public void Threshold_WhereItCannotApply_RefusedAndNothingWritten(string verb)
    {
        string outDir = Path.Combine(_work, verb);
        string[] extra = verb switch
        {
            "discover" => ["--where", "remittances_usd > 1e8"],
            "calibrate" => ["--observed", PermitRecord],
            _ => [],
        };
        string scenario = verb == "calibrate" ? Scenario("hindcast-russia-2018-2020") : Scenario("donbas-baseline");
        var (code, _, stderr) = CliHarness.Run([verb, scenario, "--runs", "200", "--threshold", "remittances_usd=1e8", "--out", outDir, .. extra]);
        Assert.Equal(2, code);
        Assert.Contains("--threshold:", stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Calibrate_ThenRunTheCalibratedScenarioTwice_AsTheReadmeSays()
    {
        var (code, stdout, stderr) = CliHarness.RunIn(_work, "calibrate", Scenario("hindcast-russia-2018-2020"), "--observed", PermitRecord,
            "--particles", "40", "--max-generations", "1", "--runs", "200", "--quiet");
        Assert.True(code == 0, stderr);
        string calibration = Path.Combine(_work, "out", "hindcast-russia-2018-2020-calibration");
        string calibrated = Path.Combine(calibration, "calibrated.yaml");
        Assert.Contains($"run the calibrated scenario with: laborsim run {Path.Combine("out", "hindcast-russia-2018-2020-calibration", "calibrated.yaml")}", stdout);

        string[] run = ["run", calibrated, "--runs", "300", "--no-plots", "--quiet"];
        (code, stdout, stderr) = CliHarness.RunIn(_work, run);
        Assert.True(code == 0, stderr);
        Assert.Contains($"wrote {Path.Combine("out", "hindcast-russia-2018-2020-calibrated")}", stdout);
        // Again: refused without --force, as for any run, and replaced with it; the calibration stays whole throughout.
        (code, _, stderr) = CliHarness.RunIn(_work, run);
        Assert.Equal(2, code);
        Assert.Contains("already holds an output; pass --force", stderr);
        (code, _, stderr) = CliHarness.RunIn(_work, [.. run, "--force"]);
        Assert.True(code == 0, stderr);
        foreach (string file in new[] { "posterior.csv", "posterior.json", "fit.csv", "report.html", "calibrated.yaml" })
        {
            Assert.True(File.Exists(Path.Combine(calibration, file)), file);
        }
    }

    [Fact]
    public void Force_NeverReplacesAFolderAnotherVerbWrote_AndNamesWhatItHolds()
    {
        string calibration = Path.Combine(_work, "calibration");
        var (code, _, stderr) = CliHarness.Run("calibrate", Scenario("hindcast-russia-2018-2020"), "--observed", PermitRecord,
            "--particles", "40", "--max-generations", "1", "--runs", "200", "--quiet", "--out", calibration);
        Assert.True(code == 0, stderr);
        (code, _, stderr) = CliHarness.Run("run", Path.Combine(calibration, "calibrated.yaml"), "--runs", "200", "--quiet", "--no-plots", "--out", calibration, "--force");
        Assert.Equal(2, code);
        Assert.Contains("holds the output of 'laborsim calibrate'", stderr);
        Assert.Contains("posterior.csv", stderr);
        Assert.True(File.Exists(Path.Combine(calibration, "posterior.csv")));
        Assert.True(File.Exists(Path.Combine(calibration, "fit.csv")));
    }

    [Fact]
    public void Discover_TwoConditions_TwoDefaultFolders()
    {
        string[] common = [Scenario("donbas-baseline"), "--runs", "1000", "--months", "36", "--no-plots", "--quiet"];
        var (code, _, stderr) = CliHarness.RunIn(_work, ["discover", .. common, "--where", "remittances_usd > 3e8"]);
        Assert.True(code == 0, stderr);
        (code, _, stderr) = CliHarness.RunIn(_work, ["discover", .. common, "--where", "peak_workers >= 20000"]);
        Assert.True(code == 0, stderr);
        var folders = Directory.GetDirectories(Path.Combine(_work, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["donbas-baseline-discover-peak_workers-ge-20000", "donbas-baseline-discover-remittances_usd-gt-3e8"], folders);
    }

    [Fact]
    public void Discover_OccupiedOut_RefusedBeforeAnyRun()
    {
        string outDir = Path.Combine(_work, "taken");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");
        var clock = Stopwatch.StartNew();
        // Five million runs take most of a minute on two cores; the refusal comes before the first.
        var (code, stdout, stderr) = CliHarness.Run("discover", Scenario("donbas-baseline"), "--runs", "5000000", "--where", "remittances_usd > 3e8", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("--out:", stderr);
        Assert.Contains("is not a laborsim output folder", stderr);
        Assert.Empty(stdout);
        Assert.DoesNotContain("runs", stderr.Split('\n')[0][..Math.Min(10, stderr.Length)]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"refused only after {clock.Elapsed}");
    }

    [Fact]
    public void Sweep_DefaultFolder_NamesTheLeversAndRanges()
    {
        string[] common = ["sweep", Scenario("donbas-baseline"), "--runs", "200", "--months", "12", "--no-plots", "--quiet"];
        var (code, _, stderr) = CliHarness.RunIn(_work, [.. common, "--over", "enforcement.deterrence=0.2:1:3"]);
        Assert.True(code == 0, stderr);
        (code, _, stderr) = CliHarness.RunIn(_work, [.. common, "--over", "enforcement.deterrence=0:0.5:2"]);
        Assert.True(code == 0, stderr);
        var folders = Directory.GetDirectories(Path.Combine(_work, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["donbas-baseline-sweep-enforcement.deterrence-0-0.5-2", "donbas-baseline-sweep-enforcement.deterrence-0.2-1-3"], folders);
    }
}
