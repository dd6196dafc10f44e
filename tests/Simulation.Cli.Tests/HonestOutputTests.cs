using System.Text.Json;
using Simulation.Application.Inputs;
using Simulation.Cli;
using Simulation.Cli.Commands;
using Simulation.Testing;

namespace Simulation.Cli.Tests;

/// <summary>Commands do what was asked or refuse it; outputs say what they are (issue "Outputs a policy reader can trust").</summary>
public sealed class HonestOutputTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-honest").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    private static (int Code, string Out, string Error) Run(params string[] args) => CliHarness.Run(args);

    private static string Scenario(string name) => CliHarness.Scenario(name);

    [Theory]
    [InlineData(new[] { "run", "A.yaml", "B.yaml" }, "B.yaml: is more than this command takes: it runs one SCENARIO.yaml")]
    [InlineData(new[] { "run", "x.yaml", "--runz", "5" }, "laborsim run: unknown option --runz; did you mean '--runs'?")]
    [InlineData(new[] { "run" }, "laborsim run: missing SCENARIO.yaml; e.g. laborsim run scenarios/donbas-baseline.yaml")]
    [InlineData(new[] { "rnu", "x.yaml" }, "laborsim: unknown command 'rnu'; did you mean 'run'?")]
    [InlineData(new[] { "run", "x.yaml", "--precision", "0.01", "--runs", "5000" }, "--runs 5000: is decided by --precision")]
    [InlineData(new[] { "run", "x.yaml", "--precision-metric", "peak_workers" }, "--precision-metric peak_workers: goes with --precision P")]
    [InlineData(new[] { "run", "x.yaml", "--max-runs", "5000" }, "--max-runs: goes with --precision; to set the number of runs use --runs")]
    [InlineData(new[] { "discover", "x.yaml", "--where", "remittances_usd > 1e9", "--threshold", "remittances_usd=1e9" }, "--threshold: gives a probability; discover answers for a condition instead")]
    [InlineData(new[] { "voi", "x.yaml", "--metric", "remitances" }, "--metric remitances: unknown; did you mean 'remittances_usd'?")]
    [InlineData(new[] { "robust", "x.yaml", "--measure", "remitances" }, "--measure remitances: unknown; did you mean 'remittances_usd'?")]
    [InlineData(new[] { "run", "x.yaml", "--precision", "0.01", "--precision-metric", "remitances" }, "did you mean 'remittances_usd'?")]
    [InlineData(new[] { "sensitivity", "x.yaml", "--samples", "512" }, "--samples: goes with --method sobol")]
    [InlineData(new[] { "slurm", "x.yaml", "--shards", "4", "--threads", "8" }, "--threads 8: is set per task by --cpus")]
    [InlineData(new[] { "validate", "--defaults", "--schema" }, "--schema prints the schema alone")]
    [InlineData(new[] { "run", "x.yaml", "--out", "" }, "the output folder is empty")]
    public void Command_SomethingItWouldIgnore_IsRefusedWithTheFix(string[] args, string expected)
    {
        string[] resolved = [.. args.Select(a => a == "x.yaml" || a == "A.yaml" ? Scenario("donbas-baseline") : a)];
        var (code, _, stderr) = Run(resolved);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void HelpAndVersion_GoToStandardOutput_AndAgree()
    {
        var help = Run("--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("run", help.Out);
        Assert.Equal("", help.Error);
        var verbHelp = Run("run", "--help");
        Assert.Equal(0, verbHelp.Code);
        Assert.Contains("--precision", verbHelp.Out);
        Assert.Equal(Run("--version").Out, Run("version").Out);
        Assert.Equal(Simulation.Core.EngineInfo.Version, Run("version").Out.Trim());
    }

    [Fact]
    public void Set_ModifiedRun_GoesToItsOwnFolderAndSaysWhatChanged()
    {
        string folder = OutputFolders.Default("donbas-baseline", null, ["demand.peak={dist: uniform, min: 1000, max: 9000}"]);
        Assert.StartsWith(Path.Combine("out", "donbas-baseline-modified-"), folder, StringComparison.Ordinal);
        Assert.Equal(Path.Combine("out", "donbas-baseline"), OutputFolders.Default("donbas-baseline", null, []));
        Assert.NotEqual(folder, OutputFolders.Default("donbas-baseline", null, ["demand.peak=5000"]));

        string outDir = Path.Combine(_work, "modified");
        var (code, _, stderr) = Run("run", Scenario("donbas-baseline"), "--runs", "1000", "--months", "12", "--no-plots", "--quiet",
            "--set", "demand.peak={dist: uniform, min: 1000, max: 9000}", "--out", outDir);
        Assert.True(code == 0, stderr);
        string report = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("donbas-baseline, modified on the command line", report);
        Assert.Contains("demand.peak={dist: uniform, min: 1000, max: 9000}", report);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal("demand.peak={dist: uniform, min: 1000, max: 9000}", summary.RootElement.GetProperty("overrides")[0].GetString());
    }

    [Fact]
    public void Compare_ScenarioFilesAsRun_CarryTheFirstScenariosCalendarAndSeed()
    {
        string other = Path.Combine(_work, "other.yaml");
        File.WriteAllText(other, $"extends: {Scenario("strong-enforcement")}\nscenario: strong-enforcement\nseed: 7\nstart: 2023-01\n");
        string outDir = Path.Combine(_work, "compare");
        var (code, _, stderr) = Run("compare", Scenario("donbas-baseline"), other, "--runs", "1000", "--months", "12", "--no-plots", "--quiet", "--out", outDir);
        Assert.True(code == 0, stderr);
        string asRun = File.ReadAllText(Path.Combine(outDir, "strong-enforcement.scenario.yaml"));
        Assert.Contains("seed: 20220901", asRun);
        Assert.Contains("start: 2022-09", asRun);
        Assert.Contains("months: 12", asRun);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "comparison.json")));
        var probabilities = json.RootElement.GetProperty("probabilities").GetProperty("strong-enforcement");
        Assert.True(probabilities.GetProperty("enforced_by_horizon_se").GetDouble() > 0);
        Assert.True(json.RootElement.GetProperty("differences").GetProperty("strong-enforcement").TryGetProperty("enforced_by_horizon", out _));
    }

    [Fact]
    public void Compare_ManyLongNames_DefaultFolderStaysShortAndStable()
    {
        var names = Enumerable.Range(0, 6).Select(i => $"a-rather-long-scenario-name-number-{i}-about-something").ToList();
        string folder = OutputFolders.Comparison(names);
        Assert.True(folder.Length <= 100, folder);
        Assert.StartsWith("compare-a-rather-long", folder, StringComparison.Ordinal);
        Assert.Equal(folder, OutputFolders.Comparison(names));
        Assert.Equal("compare-a-vs-b", OutputFolders.Comparison(["a", "b"]));
    }

    [Fact]
    public void Out_UnusablePaths_AreRefusedBeforeRunning()
    {
        string file = Path.Combine(_work, "a-file");
        File.WriteAllText(file, "x");
        var (code, _, stderr) = Run("run", Scenario("donbas-baseline"), "--out", Path.Combine(file, "result"));
        Assert.Equal(2, code);
        Assert.Contains("is a file", stderr);
        (code, _, stderr) = Run("run", Scenario("donbas-baseline"), "--out", Path.Combine(_work, new string('x', 230)));
        Assert.Equal(2, code);
        Assert.Contains("choose a shorter --out", stderr);
    }

    [Fact]
    public void Compare_Independent_SaysItsRunsAreNotPaired()
    {
        string outDir = Path.Combine(_work, "independent");
        var (code, stdout, stderr) = Run("compare", Scenario("donbas-baseline"), Scenario("no-ceasefire"), "--independent", "--runs", "1000", "--months", "12",
            "--no-plots", "--quiet", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("paired", stdout, StringComparison.Ordinal);
        Assert.Contains("1,000 runs of each x 12 months (independent streams)", stdout, StringComparison.Ordinal);
        Assert.Contains("the difference of two independent means", stdout, StringComparison.Ordinal);
        string report = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.DoesNotContain("paired runs", report, StringComparison.Ordinal);
        Assert.DoesNotContain("run by run", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_PrintsItsNumbers_LikeTheOtherVerbs()
    {
        string outDir = Path.Combine(_work, "sweep");
        var (code, stdout, stderr) = Run("sweep", Scenario("donbas-baseline"), "--over", "enforcement.deterrence=0:1:3", "--runs", "500", "--months", "12",
            "--no-plots", "--quiet", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Matches(@"Peak workers abroad over the horizon: mean (from [\d,]+ ± [\d,.]+ \(at [\d.]+\) to [\d,]+ ± [\d,.]+ \(at [\d.]+\) over the grid|[\d,]+ ± [\d,.]+ at every point)", stdout);
        Assert.Contains("Total remittances over the horizon: mean", stdout, StringComparison.Ordinal);
        Assert.Contains("± is one Monte Carlo standard error", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hindcast-russia-2018-2020", false)]
    [InlineData("donbas-baseline", true)]
    public void Headline_SpeaksOfACeasefire_OnlyWhereThereIsAWarToEnd(string scenario, bool expected)
    {
        var (code, stdout, stderr) = Run("run", Scenario(scenario), "--runs", "200", "--no-plots", "--quiet", "--out", Path.Combine(_work, scenario));
        Assert.True(code == 0, stderr);
        Assert.Equal(expected, stdout.Contains("A ceasefire comes by", StringComparison.Ordinal));
        Assert.Contains("Sanctions enforcement hits the scheme", stdout, StringComparison.Ordinal);
    }
}
