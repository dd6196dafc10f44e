using System.Diagnostics;
using System.Text.Json;
using Simulation.Cli;
using Simulation.Plotting;
using Simulation.Testing;

namespace Simulation.Cli.Tests;

/// <summary>The guarantees of README "Interruptions and outputs", checked against a real laborsim process.</summary>
public sealed class ReliabilityTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-reliability").FullName;

    private static string Baseline => CliHarness.Baseline;

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "laborsim.dll");

    public void Dispose() => Directory.Delete(_work, true);

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (string arg in args) info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }

    private static (int Code, string Error, TimeSpan AfterSignal) Signal(Process process, string signal, TimeSpan delay) =>
        Signal(process, signal, () => Thread.Sleep(delay));

    /// <summary>
    /// A signal meant to stop a run part way is sent once the run is under way, known from what the process did rather
    /// than from a wall-clock delay: a delay is too short on a loaded machine (the signal lands before the handlers
    /// exist) and too long on a fast one (the run ends first and exits 0, as a 4,000,000-run case did on a faster CI).
    /// </summary>
    private static (int Code, string Error, TimeSpan AfterSignal) SignalOnceUnderWay(Process process, string signal, Func<bool> underWay) =>
        Signal(process, signal, () =>
        {
            var waited = Stopwatch.StartNew();
            while (!process.HasExited && !underWay())
            {
                // A hang guard only: starting takes about 0.4 s of CPU here. A run that never got under way is ended
                // before the test fails, so that it does not keep a core busy for the rest of the suite.
                if (waited.Elapsed >= TimeSpan.FromMinutes(2))
                {
                    process.Kill();
                    Assert.Fail("the run never got under way");
                }
                Thread.Sleep(10);
            }
        });

    /// <summary>Past start-up: starting and one run take 0.43 s of CPU here (GNU time, Debug build), so 1.5 s is well into the runs.</summary>
    private static Func<bool> PastStartUp(Process process) => () =>
    {
        try
        {
            return process.TotalProcessorTime > TimeSpan.FromSeconds(1.5);
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    };

    private static (int Code, string Error, TimeSpan AfterSignal) Signal(Process process, string signal, Action waitForMoment)
    {
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        waitForMoment();
        var clock = Stopwatch.StartNew();
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", $"-{signal} {process.Id}");
            kill.WaitForExit();
        }
        process.WaitForExit();
        var after = clock.Elapsed;
        _ = stdout.Result;
        return (process.ExitCode, stderr.Result, after);
    }

    private static (int Code, string Error) Wait(Process process)
    {
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr.Result);
    }

    private static string WithoutElapsed(string summary) =>
        string.Join('\n', File.ReadAllLines(summary).Where(l => !l.Contains("\"elapsed_seconds\"", StringComparison.Ordinal)));

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void Signal_StopsTheRun_LeavesNoOutputAndSaysHowFar(string signal)
    {
        string outDir = Path.Combine(_work, "out-" + signal);
        using var process = Start("run", Baseline, "--runs", "50000000", "--months", "12", "--no-plots", "--out", outDir);
        var (code, error, afterSignal) = SignalOnceUnderWay(process, signal, PastStartUp(process));
        Assert.Equal(130, code);
        // What it did, not how fast: it stopped part way (50 million runs take minutes) and said how far it got.
        var said = System.Text.RegularExpressions.Regex.Match(error, @"Interrupted: stopped after ([\d,]+) of 50,000,000 runs");
        Assert.True(said.Success, error);
        Assert.InRange(long.Parse(said.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture), 0, 49_999_999);
        // A hang guard only, not a speed check: under load 12 stopping took up to 1.7 s.
        Assert.True(afterSignal < TimeSpan.FromSeconds(60), $"took {afterSignal.TotalSeconds:0.00} s to stop");
        Assert.False(Directory.Exists(outDir));
        Assert.Empty(Directory.GetFileSystemEntries(_work));
    }

    [Fact]
    public void Signal_WithKeepPartial_WritesAFlaggedPartialSummary()
    {
        string outDir = Path.Combine(_work, "partial");
        using var process = Start("run", Baseline, "--runs", "50000000", "--months", "12", "--no-plots", "--keep-partial", "--out", outDir);
        var (code, error, _) = SignalOnceUnderWay(process, "INT", PastStartUp(process));
        Assert.Equal(130, code);
        Assert.Contains("flagged \"partial\": true", error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.True(summary.RootElement.GetProperty("partial").GetBoolean());
        long runs = summary.RootElement.GetProperty("runs").GetInt64();
        Assert.InRange(runs, 1, 49_999_999);
        Assert.Equal(50_000_000, summary.RootElement.GetProperty("planned_runs").GetInt64());
        Assert.Equal(runs, summary.RootElement.GetProperty("metrics").GetProperty("peak_workers").GetProperty("count").GetInt64());
        Assert.True(summary.RootElement.GetProperty("metrics").GetProperty("peak_workers").GetProperty("se").GetDouble() > 0);
    }

    private static readonly string[] ResumeScenario = ["run", Baseline, "--runs", "400000", "--months", "24", "--no-plots", "--quiet"];

    private static readonly Lazy<string> ResumeReference = new(() =>
    {
        string reference = Directory.CreateTempSubdirectory("laborsim-reference").FullName;
        var output = new StringWriter();
        var errors = new StringWriter();
        Assert.Equal(0, CliApp.Run([.. ResumeScenario, "--out", reference, "--force"], new Terminal(output, errors, false), CancellationToken.None));
        string summary = WithoutElapsed(Path.Combine(reference, "summary.json"));
        Directory.Delete(reference, true);
        return summary;
    });

    [Theory]
    [InlineData(500)]
    [InlineData(1100)]
    [InlineData(1800)]
    public void Resume_AfterSigkillAtAnyMoment_GivesTheUninterruptedSummary(int killAfterMilliseconds)
    {
        string[] scenario = ResumeScenario;
        string checkpoint = Path.Combine(_work, "checkpoint");
        string outDir = Path.Combine(_work, "resumed");
        using (var process = Start([.. scenario, "--checkpoint", checkpoint, "--out", outDir]))
        {
            Signal(process, "KILL", TimeSpan.FromMilliseconds(killAfterMilliseconds));
        }
        Assert.False(Directory.Exists(outDir) && Directory.GetFileSystemEntries(outDir).Length > 0 && !File.Exists(Path.Combine(outDir, "summary.json")));
        using (var resume = Start([.. scenario, "--resume", checkpoint, "--out", outDir, "--force"]))
        {
            var (code, error) = Wait(resume);
            Assert.True(code == 0, error);
        }
        Assert.Equal(ResumeReference.Value, WithoutElapsed(Path.Combine(outDir, "summary.json")));
    }

    [Fact]
    public void Sigkill_WhileReplacingAnOutput_LeavesThePreviousOrTheNewCompleteFolder()
    {
        string outDir = Path.Combine(_work, "kept");
        string[] args = ["run", Baseline, "--runs", "20000", "--months", "24", "--out", outDir, "--force", "--quiet"];
        Assert.Equal(0, Wait(Start(args)).Code);
        var rng = new Random(12345);
        for (int trial = 0; trial < 6; trial++)
        {
            using (var process = Start(args))
            {
                Signal(process, "KILL", TimeSpan.FromMilliseconds(200 + rng.Next(1200)));
            }
            // Whatever moment the kill hit, the folder is complete: every file there and summary.json whole.
            foreach (string file in new[] { "summary.json", "series.csv", "metrics.csv", "scenario.yaml" }.Concat(ResultPlotter.FileNames))
            {
                Assert.True(File.Exists(Path.Combine(outDir, file)), $"trial {trial}: {file} missing");
            }
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
            Assert.Equal(20000, summary.RootElement.GetProperty("runs").GetInt64());
        }
        // A later run cleans the staging folders the killed ones left.
        Assert.Equal(0, Wait(Start(args)).Code);
        Assert.Empty(Directory.GetDirectories(_work, ".kept.partial-*"));
    }

    [Fact]
    public void ExistingOutput_IsRefusedWithoutForce_AndForeignFoldersAlways()
    {
        string outDir = Path.Combine(_work, "twice");
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args = ["run", Baseline, "--runs", "1000", "--months", "12", "--no-plots", "--quiet", "--out", outDir];
        Assert.Equal(0, CliApp.Run(args, new Terminal(output, error, false), CancellationToken.None));
        Assert.Equal(2, CliApp.Run(args, new Terminal(output, error, false), CancellationToken.None));
        Assert.Contains("already holds an output; pass --force", error.ToString());
        Assert.Equal(0, CliApp.Run([.. args, "--force"], new Terminal(output, error, false), CancellationToken.None));

        string foreign = Path.Combine(_work, "foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "notes.txt"), "mine");
        error.GetStringBuilder().Clear();
        Assert.Equal(2, CliApp.Run(["run", Baseline, "--runs", "1000", "--out", foreign, "--force"], new Terminal(output, error, false), CancellationToken.None));
        Assert.Contains("is not a laborsim output folder", error.ToString());
        Assert.Equal("mine", File.ReadAllText(Path.Combine(foreign, "notes.txt")));
    }

    [Fact]
    public void Resume_FromAnotherScenario_IsRefused()
    {
        string checkpoint = Path.Combine(_work, "cp");
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(0, CliApp.Run(["run", Baseline, "--runs", "3000", "--months", "12", "--no-plots", "--checkpoint", checkpoint, "--out", Path.Combine(_work, "a")],
            new Terminal(output, error, false), CancellationToken.None));
        Assert.Equal(2, CliApp.Run(["run", Baseline, "--runs", "3000", "--months", "12", "--seed", "5", "--no-plots", "--resume", checkpoint, "--out", Path.Combine(_work, "b")],
            new Terminal(output, error, false), CancellationToken.None));
        Assert.Contains("the checkpoint is from another scenario or other options", error.ToString());
        Assert.Equal(0, CliApp.Run(["run", Baseline, "--runs", "3000", "--months", "12", "--no-plots", "--resume", Path.Combine(_work, "none"), "--out", Path.Combine(_work, "c")],
            new Terminal(output, error, false), CancellationToken.None));
        Assert.Contains("no checkpoint saved yet", error.ToString());
    }

    [Fact]
    public void SaveRuns_BeyondTheMachine_IsRefusedBeforeRunning()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(2, CliApp.Run(["run", Baseline, "--runs", "100000000", "--save-runs", "--out", Path.Combine(_work, "huge")], new Terminal(output, error, false), CancellationToken.None));
        Assert.Contains("--save-runs:", error.ToString());
        Assert.False(Directory.Exists(Path.Combine(_work, "huge")));
    }

    [Fact]
    public void ModelOverflow_IsReportedNotTurnedIntoNaN()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(["run", Baseline, "--runs", "2000", "--months", "24", "--no-plots", "--out", Path.Combine(_work, "overflow"),
            "--set", "demand.peak={dist: lognormal, mu: 700, sigma: 1}", "--set", "supply.pool={dist: lognormal, mu: 700, sigma: 1}",
            "--set", "supply.dispatch_per_month={dist: lognormal, mu: 700, sigma: 1}"], new Terminal(output, error, false), CancellationToken.None);
        Assert.Equal(1, code);
        Assert.Contains("intended dispatch is", error.ToString());
        Assert.Contains("narrow demand.peak, supply.pool or supply.dispatch_per_month", error.ToString());
        Assert.False(Directory.Exists(Path.Combine(_work, "overflow")));
    }

    [Fact]
    public void StandardOutputFull_CompleteRunStillSucceeds_WithAWarning()
    {
        // /dev/full refuses every write: the headline cannot be printed, but the output folder is the result.
        string outDir = Path.Combine(Path.GetTempPath(), "laborsim-devfull-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("sh") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "-c", "exec dotnet \"$0\" run \"$1\" --runs 2000 --no-plots --out \"$2\" > /dev/full", Dll, Baseline, outDir })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        try
        {
            Assert.True(process.ExitCode == 0, error);
            Assert.Contains("warning: could not print to standard output", error);
            Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));
        }
        finally
        {
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, true);
            }
        }
    }

    [Theory]
    [InlineData("same")]
    [InlineData("inside")]
    public void Checkpoint_OverlappingTheOutputFolder_RefusedBeforeRunning(string layout)
    {
        string work = Directory.CreateTempSubdirectory("laborsim-overlap").FullName;
        try
        {
            string outDir = Path.Combine(work, "out");
            string checkpoint = layout == "same" ? outDir : Path.Combine(outDir, "checkpoint");
            var (code, _, error) = CliHarness.Run("run", Baseline, "--runs", "2000", "--checkpoint", checkpoint, "--out", outDir, "--no-plots");
            Assert.Equal(2, code);
            Assert.Contains(layout == "same" ? "are the same folder" : "lie one inside the other", error);
            Assert.False(Directory.Exists(outDir));
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }

    [Fact]
    public void Fifo_GivenAsAnyInput_RefusedAtOnce_NotWaitedOn()
    {
        // Opening a FIFO nobody writes to would block until a signal; every input is checked to be a regular file
        // before it is opened. The limit is 60 s, far above the ~1 s this takes on a loaded machine.
        string work = Directory.CreateTempSubdirectory("laborsim-fifo").FullName;
        try
        {
            string fifo = Path.Combine(work, "scenario.yaml");
            using (var mkfifo = Process.Start("mkfifo", fifo))
            {
                mkfifo.WaitForExit();
            }
            string runs = Directory.CreateDirectory(Path.Combine(work, "runs")).FullName;
            using (var mkfifo = Process.Start("mkfifo", Path.Combine(runs, "runs.csv")))
            {
                mkfifo.WaitForExit();
            }
            string variant = Path.Combine(work, "variant.yaml");
            File.WriteAllText(variant, "extends: scenario.yaml\nscenario: variant\n");
            string outDir = Path.Combine(work, "out");
            foreach (string[] args in new[]
            {
                new[] { "validate", fifo },
                ["run", variant, "--runs", "10", "--out", outDir],
                ["calibrate", CliHarness.Scenario("hindcast-russia-2018-2020"), "--observed", fifo, "--out", outDir],
                ["discover", runs, "--where", "peak_workers > 1", "--out", outDir],
            })
            {
                using var process = Start(args);
                Assert.True(process.WaitForExit(60_000), $"{string.Join(' ', args)} waited on the FIFO");
                string error = process.StandardError.ReadToEnd();
                Assert.True(process.ExitCode == 2, $"{string.Join(' ', args)}: exit {process.ExitCode}: {error}");
                Assert.Contains("is a pipe (FIFO), not a regular file", error);
            }
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }

    [Fact]
    public void KeepPartialWithCheckpoint_ResumeAsPrinted_ReplacesThePartialOutput()
    {
        string work = Directory.CreateTempSubdirectory("laborsim-partial-resume").FullName;
        try
        {
            string outDir = Path.Combine(work, "out");
            string checkpoint = Path.Combine(work, "checkpoint");
            string[] run = ["run", Baseline, "--runs", "4000000", "--months", "12", "--no-plots", "--out", outDir];
            using var process = Start([.. run, "--checkpoint", checkpoint, "--keep-partial"]);
            // The first checkpoint is saved after the first 16,384 runs: the signal comes with over 99% still to run.
            var (code, error, _) = SignalOnceUnderWay(process, "INT", () => File.Exists(Path.Combine(checkpoint, "checkpoint.json")));
            Assert.True(code == 130, error);
            Assert.Contains($"--resume {checkpoint}", error);
            Assert.Contains("\"partial\": true", File.ReadAllText(Path.Combine(outDir, "summary.json")));
            // The hint, exactly: the same command and --resume (no --force needed to replace the partial output).
            using var resumed = Start([.. run, "--resume", checkpoint]);
            var (resumedCode, resumedError) = Wait(resumed);
            Assert.True(resumedCode == 0, resumedError);
            Assert.DoesNotContain("\"partial\"", File.ReadAllText(Path.Combine(outDir, "summary.json")));
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }
}
