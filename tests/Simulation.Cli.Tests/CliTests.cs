using System.Diagnostics;
using System.Text.Json;
using Simulation.Cli;
using Simulation.Plotting;
using Simulation.Testing;

namespace Simulation.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-cli").FullName;

    private static string Baseline => CliHarness.Baseline;

    public void Dispose() => Directory.Delete(_work, true);

    private static (int Code, string Out, string Error) Run(params string[] args) => CliHarness.Run(args);

    [Fact]
    public void Run_SmallScenario_WritesEveryOutputFile()
    {
        string outDir = Path.Combine(_work, "result");
        var (code, stdout, stderr) = Run("run", Baseline, "--runs", "2000", "--months", "24", "--out", outDir, "--save-runs", "--quiet");
        Assert.True(code == 0, stderr);
        Assert.Contains("workers are abroad at the peak", stdout);
        Assert.Equal("", stderr);
        foreach (string file in new[] { "summary.json", "series.csv", "metrics.csv", "runs.csv", "runs.parquet", "scenario.yaml", "report.html" }.Concat(ResultPlotter.FileNames))
        {
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);
        }
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(2000, summary.RootElement.GetProperty("runs").GetInt64());
        Assert.Equal(2001, File.ReadAllLines(Path.Combine(outDir, "runs.csv")).Length);
        Assert.Contains("runs: 2000", File.ReadAllText(Path.Combine(outDir, "scenario.yaml")));
        Assert.Empty(Directory.GetDirectories(_work, ".*"));
    }

    [Fact]
    public void Run_Paths_WritesPathsCsvChartsAndReportSection()
    {
        string outDir = Path.Combine(_work, "paths");
        var (code, _, stderr) = Run("run", Baseline, "--runs", "300", "--months", "18", "--paths", "12", "--out", outDir, "--quiet");
        Assert.True(code == 0, stderr);
        string[] lines = File.ReadAllLines(Path.Combine(outDir, "paths.csv"));
        Assert.Equal(1 + 12 * 18, lines.Length);
        Assert.StartsWith("run,month,workers,", lines[0]);
        Assert.StartsWith("0,2022-09,", lines[1]);
        Assert.StartsWith("11,", lines[^1]);
        foreach (string chart in new[] { "paths_workers.png", "paths_cumulative_remittances_usd.png" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, chart)), chart);
        }
        Assert.Contains("12 single runs (thin lines, runs 0 to 11)", File.ReadAllText(Path.Combine(outDir, "report.html")));
    }

    [Theory]
    [InlineData("0", "--paths 0: must be a whole number from 1 to 1,000")]
    [InlineData("1001", "--paths 1001: must be a whole number from 1 to 1,000")]
    public void Run_PathsOutOfRange_ExitTwo(string kept, string message)
    {
        string outDir = Path.Combine(_work, "p");
        var (code, _, stderr) = Run("run", Baseline, "--paths", kept, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Run_PathsWithShard_ExitTwo()
    {
        var (code, _, stderr) = Run("run", Baseline, "--paths", "5", "--shard", "1/2", "--out", Path.Combine(_work, "s"));
        Assert.Equal(2, code);
        Assert.Contains("--paths: cannot be combined with --shard, --checkpoint or --resume", stderr);
    }

    [Fact]
    public void Run_NoPlots_WritesNoPngs()
    {
        string outDir = Path.Combine(_work, "np");
        Assert.Equal(0, Run("run", Baseline, "--runs", "500", "--out", outDir, "--no-plots", "--quiet").Code);
        Assert.Empty(Directory.GetFiles(outDir, "*.png"));
    }

    [Fact]
    public void Run_BadOverrides_ExitTwoWithEveryProblemAndNoOutput()
    {
        string outDir = Path.Combine(_work, "bad");
        var (code, _, stderr) = Run("run", Baseline, "--runs", "0", "--set", "enforcement.deterence=0.3", "--set", "pay.state_share=1.5", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("--runs 0: runs: must be a whole number between 1 and", stderr);
        Assert.Contains("did you mean 'enforcement.deterrence'?", stderr);
        Assert.Contains("--set pay.state_share=1.5: pay.state_share: must be between 0 and 1, got 1.5", stderr);
        Assert.Contains("3 problems; nothing was run.", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.False(Directory.Exists(outDir));
        Assert.Empty(Directory.GetDirectories(_work));
    }

    [Fact]
    public void Run_MissingFile_ExitTwo()
    {
        var (code, _, stderr) = Run("run", Path.Combine(_work, "nope.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("nope.yaml: no such file", stderr);
    }

    [Fact]
    public void Run_BadThreads_ExitTwo()
    {
        var (code, _, stderr) = Run("run", Baseline, "--threads", "0", "--out", Path.Combine(_work, "t"));
        Assert.Equal(2, code);
        Assert.Contains("--threads 0: must be a whole number from 1 to 1024", stderr);
    }

    [Fact]
    public void Run_SaveRunsTooLarge_RefusedBeforeRunning()
    {
        var (code, _, stderr) = Run("run", Baseline, "--runs", "900000000", "--save-runs", "--out", Path.Combine(_work, "big"));
        Assert.Equal(2, code);
        Assert.Contains("--save-runs:", stderr);
        Assert.False(Directory.Exists(Path.Combine(_work, "big")));
    }

    [Fact]
    public void Validate_ShippedAndBrokenFiles_ReportEach()
    {
        string broken = Path.Combine(_work, "broken.yaml");
        File.WriteAllText(broken, "scenario: x\npay:\n  wage: abc\n");
        var (code, stdout, stderr) = Run("validate", Baseline, broken);
        Assert.Equal(2, code);
        Assert.Contains("donbas-baseline.yaml: ok", stdout);
        Assert.Contains($"{broken}:3:9: pay.wage: must be a number, got abc", stderr);
    }

    [Fact]
    public void Validate_Defaults_PrintsEveryKey()
    {
        var (code, stdout, _) = Run("validate", "--defaults");
        Assert.Equal(0, code);
        Assert.Contains("enforcement.hazard_per_1000_workers", stdout);
        Assert.Contains("events / month", stdout);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("run", "x.yaml", "--runz", "5")]
    public void UsageErrors_ExitTwo(params string[] args)
    {
        Assert.Equal(2, Run(args).Code);
    }

    [Fact]
    public void Version_PrintsTheEngineVersionOfSummaryJson()
    {
        var (code, stdout, _) = Run("--version");
        Assert.Equal(0, code);
        Assert.Equal(Simulation.Core.EngineInfo.Version, stdout.Trim());
    }

    [Fact]
    public void Validate_Schema_PrintsTheJsonSchema()
    {
        var (code, stdout, _) = Run("validate", "--schema");
        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllText(Path.Combine(TestScenarios.RepositoryRoot, "docs", "scenario.schema.json")), stdout);
    }

    [Fact]
    public void Help_ExitsZero()
    {
        Assert.Equal(0, Run("--help").Code);
    }

    [Fact]
    public void ProgressReporter_NotATerminal_PrintsPlainLines()
    {
        var error = new StringWriter();
        var reporter = new ProgressReporter(error, live: false, total: 100);
        Assert.Equal("50/100 runs  25 runs/s  2s left", reporter.Describe(50, TimeSpan.FromSeconds(2)));
        reporter.Report(new Simulation.Core.MonteCarlo.RunProgress(100, 100, null));
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void CalibrationProgress_CountsTheWeightStepInTheTimeLeft()
    {
        // Half the particles in 10 s: 10 s more to accept, then a weight step estimated at 13.5 hours.
        var progress = new Simulation.Core.Calibration.AbcProgress(1, 2.5, 500, 1000, 2000, 9000, TimeSpan.FromSeconds(30)) { WeightStep = TimeSpan.FromHours(13.5) };
        Assert.EndsWith("about 13.5 h left in this generation, 13.5 h of it weighing the particles", CalibrationProgress.Describe(progress, TimeSpan.FromSeconds(10)));
        Assert.EndsWith("about 10s left in this generation", CalibrationProgress.Describe(progress with { WeightStep = null }, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void RealProcess_RunsEndToEndWithExitCodes()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "laborsim.dll");
        string outDir = Path.Combine(_work, "process");
        var ok = Start(dll, "run", Baseline, "--runs", "1000", "--months", "12", "--out", outDir);
        Assert.True(ok.Code == 0, ok.Error);
        Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));
        Assert.Equal(2, Start(dll, "validate", Path.Combine(_work, "missing.yaml")).Code);
    }

    private static (int Code, string Error) Start(string dll, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (string arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr.Result);
    }
}
