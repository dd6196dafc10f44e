using System.Text.Json;
using Simulation.Testing;

namespace Simulation.Cli.Tests;

public sealed class CalibrateCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-calibrate").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    private static string Hindcast => CliHarness.Scenario("hindcast-russia-2018-2020");

    private static string PermitRecord => Path.Combine(TestScenarios.RepositoryRoot, "data", "observed", "russia-permits-2018-2020.csv");

    private static (int Code, string Out, string Error) Run(params string[] args) => CliHarness.Run(args);

    private string Calibrate(string name, params string[] extra)
    {
        string outDir = Path.Combine(_work, name);
        var (code, _, stderr) = Run(["calibrate", Hindcast, "--observed", PermitRecord, "--particles", "120", "--max-generations", "4", "--runs", "400",
            "--out", outDir, "--quiet", .. extra]);
        Assert.True(code == 0, stderr);
        return outDir;
    }

    [Fact]
    public void Calibrate_WritesEveryOutput_AndTheCalibratedScenarioRunsAndCompares()
    {
        string outDir = Calibrate("cal");
        foreach (string file in new[] { "posterior.csv", "posterior.parquet", "posterior.json", "fit.csv", "calibrated.yaml", "report.html",
            "posterior_marginals.png", "posterior_pairs.png", "fit_workers.permit.png", "fit_arrivals.study.png" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);
        }
        Assert.Equal(121, File.ReadAllLines(Path.Combine(outDir, "posterior.csv")).Length);
        Assert.Equal(8, File.ReadAllLines(Path.Combine(outDir, "fit.csv")).Length);
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "posterior.json"))))
        {
            var inputs = json.RootElement.GetProperty("inputs");
            Assert.True(inputs.GetProperty("timeline[1].set.channels.permit.contract_months").GetProperty("width_ratio").GetDouble() < 1);
            var generations = json.RootElement.GetProperty("generations");
            // The tolerance generations asked for, then the one weighed by the observations' stated errors.
            Assert.Equal(5, generations.GetArrayLength());
            Assert.False(generations[3].GetProperty("by_likelihood").GetBoolean());
            Assert.True(generations[4].GetProperty("by_likelihood").GetBoolean());
        }
        string report = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("The record against the calibrated scenario", report);
        Assert.Contains("What the data pin down", report);

        // The calibrated scenario is a scenario: run it, and compare it with the prior it came from.
        string calibrated = Path.Combine(outDir, "calibrated.yaml");
        var (runCode, stdout, runError) = Run("run", calibrated, "--runs", "500", "--out", Path.Combine(_work, "run"), "--quiet");
        Assert.True(runCode == 0, runError);
        Assert.Contains("hindcast-russia-2018-2020-calibrated", stdout);
        Assert.True(File.Exists(Path.Combine(_work, "run", "scenario.posterior.csv")));
        string runReport = File.ReadAllText(Path.Combine(_work, "run", "report.html"));
        Assert.Contains("(90% of the posterior&#39;s weight), drawn jointly from 120 particles; prior", runReport.Replace("'", "&#39;"));
        // The calibration speaks in labels with their dates, not key paths.
        Assert.Contains("from 2019-01", report);
        Assert.DoesNotContain("They say little about timeline[", report);
        // So do its charts: the marginals' rows and the pairs' diagonal name inputs in words.
        var charts = System.Text.RegularExpressions.Regex.Matches(report, "data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)")
            .Select(match => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups[1].Value))).ToList();
        Assert.Contains(charts, svg => svg.Contains("The stay (permit channel) from 2018-09", StringComparison.Ordinal));
        Assert.DoesNotContain(charts, svg => svg.Contains("timeline[", StringComparison.Ordinal) || svg.Contains("repatriation[", StringComparison.Ordinal));
        var (compareCode, _, compareError) = Run("compare", Hindcast, calibrated, "--runs", "500", "--out", Path.Combine(_work, "compare"), "--quiet", "--no-plots");
        Assert.True(compareCode == 0, compareError);
        // What compare wrote as run is runnable on its own.
        var (again, _, againError) = Run("run", Path.Combine(_work, "compare", "hindcast-russia-2018-2020-calibrated.scenario.yaml"), "--out", Path.Combine(_work, "again"), "--quiet", "--no-plots");
        Assert.True(again == 0, againError);
    }

    [Fact]
    public void Calibrate_AnyThreadCount_SamePosteriorFile()
    {
        string one = Calibrate("one", "--threads", "1", "--no-plots");
        string two = Calibrate("two", "--threads", "2", "--no-plots");
        Assert.Equal(File.ReadAllText(Path.Combine(one, "posterior.csv")), File.ReadAllText(Path.Combine(two, "posterior.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(one, "fit.csv")), File.ReadAllText(Path.Combine(two, "fit.csv")));
    }

    [Fact]
    public void Calibrate_Rejection_KeepsTheClosestParticles()
    {
        string outDir = Path.Combine(_work, "rejection");
        var (code, stdout, stderr) = Run("calibrate", Hindcast, "--observed", PermitRecord, "--method", "rejection", "--particles", "50", "--quantile", "0.05",
            "--runs", "200", "--out", outDir, "--quiet", "--no-plots");
        Assert.True(code == 0, stderr);
        Assert.Contains("kept the 50 closest of 1,000 candidates", stdout);
    }

    [Fact]
    public void ModelChoice_TwoScenarios_ProbabilitiesAndEachSurvivorsCalibration_SameForAnyThreadCount()
    {
        string rival = Path.Combine(_work, "rival.yaml");
        File.WriteAllText(rival, $"extends: {Hindcast}\nscenario: hindcast-low-dispatch\ndescription: \"The hindcast with dispatch held at 300 a month.\"\nsupply: {{dispatch_per_month: 300}}\n");
        string Choose(string name, string threads)
        {
            string outDir = Path.Combine(_work, name);
            var (code, stdout, stderr) = Run(["calibrate", Hindcast, rival, "--observed", PermitRecord, "--particles", "150", "--max-generations", "4", "--runs", "300",
                "--threads", threads, "--out", outDir, "--quiet"]);
            Assert.True(code == 0, stderr);
            Assert.Contains("ABC-SMC model choice among 2 scenarios on 7 observations", stdout);
            Assert.Contains("Given the record, hindcast-russia-2018-2020 has probability", stdout);
            return outDir;
        }
        string one = Choose("mc1", "1");
        string two = Choose("mc2", "2");
        Assert.Equal(File.ReadAllText(Path.Combine(one, "models.csv")), File.ReadAllText(Path.Combine(two, "models.csv")));
        string[] models = File.ReadAllLines(Path.Combine(one, "models.csv"));
        Assert.Equal("model,scenario,prior_probability,probability,standard_error,died_in_generation", models[0]);
        Assert.Equal(3, models.Length);
        double total = models.Skip(1).Sum(row => double.Parse(row.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, total, 1e-12);
        // The record favours the hindcast over a rival that sends a sixth of its workers.
        Assert.True(double.Parse(models[1].Split(',')[3], System.Globalization.CultureInfo.InvariantCulture) > 0.9, models[1]);
        foreach (string file in new[] { "model_choice.json", "report.html", "model_probabilities.png", "hindcast-russia-2018-2020/posterior.csv",
            "hindcast-russia-2018-2020/fit.csv", "hindcast-russia-2018-2020/calibrated.yaml" })
        {
            Assert.True(File.Exists(Path.Combine(one, file)), file);
        }
        // Each survivor's calibrated scenario runs on its own.
        var (runCode, _, runError) = Run("run", Path.Combine(one, "hindcast-russia-2018-2020", "calibrated.yaml"), "--runs", "200", "--out", Path.Combine(_work, "mc-run"), "--quiet", "--no-plots");
        Assert.True(runCode == 0, runError);
    }

    [Theory]
    [InlineData(new[] { "--method", "rejection" }, "--method rejection: model choice among several scenarios uses ABC-SMC")]
    [InlineData(new[] { "--model-prior", "1,x" }, "'x' is not a number of 0 or more")]
    [InlineData(new[] { "--model-prior", "1,1,1" }, "--model-prior 1,1,1: must give 2 numbers")]
    [InlineData(new[] { "--model-prior", "0,0" }, "not all 0")]
    [InlineData(new[] { "--history-match" }, "--history-match: goes with one scenario")]
    public void ModelChoice_BadOptions_ExitTwoAndNothingWritten(string[] extra, string message)
    {
        string rival = Path.Combine(_work, "rival-bad.yaml");
        File.WriteAllText(rival, $"extends: {Hindcast}\nscenario: hindcast-rival\n");
        string outDir = Path.Combine(_work, "bad-choice");
        var (code, _, stderr) = Run(["calibrate", Hindcast, rival, "--observed", PermitRecord, "--out", outDir, .. extra]);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void ModelChoice_TheSameScenarioNameTwice_IsRefused()
    {
        var (code, _, stderr) = Run("calibrate", Hindcast, Hindcast, "--observed", PermitRecord, "--out", Path.Combine(_work, "twice"));
        Assert.Equal(2, code);
        Assert.Contains("is named twice", stderr);
    }

    [Fact]
    public void HistoryMatching_WritesTheRegionNotRuledOut_InWords_AndTheSameForAnyThreadCount()
    {
        string Match(string name, string threads)
        {
            string outDir = Path.Combine(_work, name);
            var (code, stdout, stderr) = Run(["calibrate", Hindcast, "--observed", PermitRecord, "--method", "history-matching", "--candidates", "400", "--replicates", "4",
                "--threads", threads, "--out", outDir, "--quiet"]);
            Assert.True(code == 0, stderr);
            Assert.Contains("history matching of 14 inputs to 7 observations", stdout);
            Assert.Contains("of the prior's probability not ruled out", stdout);
            return outDir;
        }
        string one = Match("hm1", "1");
        string two = Match("hm2", "2");
        foreach (string file in new[] { "nroy.csv", "history.json", "report.html", "nroy_pairs.png" })
        {
            Assert.True(File.Exists(Path.Combine(one, file)), file);
        }
        Assert.Equal(File.ReadAllText(Path.Combine(one, "nroy.csv")), File.ReadAllText(Path.Combine(two, "nroy.csv")));
        string[] rows = File.ReadAllLines(Path.Combine(one, "nroy.csv"));
        Assert.StartsWith("candidate,max_implausibility,worst_observation,demand.wartime,", rows[0]);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(one, "history.json")));
        var root = json.RootElement;
        Assert.Equal(rows.Length - 1, root.GetProperty("nroy_candidates").GetInt32());
        var waves = root.GetProperty("waves");
        Assert.Equal(400, waves[0].GetProperty("candidates").GetInt32());
        Assert.Equal(1.0, waves[0].GetProperty("region_share_of_prior").GetDouble());
        // Every kept candidate meets every observation within the cutoff.
        foreach (string row in rows.Skip(1))
        {
            Assert.True(double.Parse(row.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture) <= 3);
        }
        string report = File.ReadAllText(Path.Combine(one, "report.html"));
        Assert.Contains("What the record rules out", report);
        Assert.Contains("the stay (permit channel) from 2018-09", report);
    }

    [Fact]
    public void HistoryMatchThenAbc_StartsWithinTheRegionNotRuledOut_AndPublishesBoth()
    {
        string outDir = Calibrate("hm-abc", "--history-match", "--candidates", "400", "--replicates", "4");
        foreach (string file in new[] { "posterior.csv", "posterior.json", "calibrated.yaml", "report.html", "nroy_pairs.png", "history-match/nroy.csv", "history-match/history.json" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);
        }
        using var posterior = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "posterior.json")));
        var match = posterior.RootElement.GetProperty("history_match");
        Assert.Equal("history-match/history.json", match.GetProperty("file").GetString());
        Assert.True(match.GetProperty("nroy_share_of_prior").GetDouble() is > 0 and < 1);
        using var history = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "history-match", "history.json")));
        // Every particle lies inside the region ABC started from, input by input.
        string[] rows = File.ReadAllLines(Path.Combine(outDir, "posterior.csv"));
        string[] header = rows[0].Split(',');
        int narrowed = 0;
        foreach (var input in history.RootElement.GetProperty("inputs").EnumerateObject())
        {
            int column = Array.IndexOf(header, input.Name);
            Assert.True(column >= 0, input.Name);
            double min = input.Value.GetProperty("region_min").GetDouble(), max = input.Value.GetProperty("region_max").GetDouble();
            double low = input.Value.GetProperty("region_low_quantile").GetDouble(), high = input.Value.GetProperty("region_high_quantile").GetDouble();
            Assert.True(min <= input.Value.GetProperty("nroy_min").GetDouble() && input.Value.GetProperty("nroy_max").GetDouble() <= max, input.Name);
            narrowed += high - low < 1 ? 1 : 0;
            foreach (string row in rows.Skip(1))
            {
                double x = double.Parse(row.Split(',')[column], System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(x >= min && x <= max, $"{input.Name}: {x} outside [{min}, {max}]");
            }
        }
        Assert.True(narrowed > 0, "history matching narrowed no input of the hindcast");
        string report = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("History matching first", report);
        Assert.Contains("ABC started within", report);
    }

    [Theory]
    [InlineData(new[] { "--method", "history-matching", "--history-match" }, "--history-match: starts ABC from the region history matching leaves")]
    [InlineData(new[] { "--method", "smc" }, "--method smc: must be 'abc-smc', 'rejection', 'history-matching'")]
    [InlineData(new[] { "--cutoff", "3" }, "--cutoff: goes with --method history-matching or --history-match")]
    [InlineData(new[] { "--history-match", "--waves", "0" }, "--waves 0: must be a whole number from 1 to 100")]
    [InlineData(new[] { "--model-prior", "1" }, "--model-prior: goes with several scenarios")]
    [InlineData(new[] { "--method", "history-matching", "--particles", "100" }, "--particles: goes with ABC")]
    [InlineData(new[] { "--method", "history-matching", "--replicates", "0" }, "--replicates 0: must be a whole number from 1 to 10,000")]
    [InlineData(new[] { "--method", "history-matching", "--candidates", "5" }, "--candidates 5: must be a whole number from 10 to 10,000,000")]
    [InlineData(new[] { "--method", "history-matching", "--cutoff", "-1" }, "--cutoff -1: must be a number above 0")]
    [InlineData(new[] { "--method", "history-matching", "--discrepancy", "-0.1" }, "--discrepancy -0.1: must be 0 or more")]
    [InlineData(new[] { "--method", "history-matching", "--waves", "0" }, "--waves 0: must be a whole number from 1 to 100")]
    [InlineData(new[] { "--particles", "1" }, "--particles 1: must be a whole number from 2 to 1,000,000")]
    [InlineData(new[] { "--quantile", "0.1" }, "--quantile 0.1: goes with --method rejection")]
    [InlineData(new[] { "--method", "rejection", "--max-generations", "3" }, "--max-generations: goes with --method abc-smc")]
    [InlineData(new[] { "--min-acceptance", "2" }, "--min-acceptance 2: must be above 0 and at most 1")]
    [InlineData(new[] { "--method", "history-matching", "--quantile", "0.1" }, "--quantile: goes with ABC (--method abc-smc or rejection)")]
    [InlineData(new[] { "--method", "rejection", "--min-acceptance", "0.1" }, "--min-acceptance: goes with --method abc-smc; rejection ABC draws")]
    [InlineData(new[] { "--threshold", "remittances_usd=1e9" }, "--threshold: gives probabilities of a run's outcomes")]
    [InlineData(new[] { "--set", "demand.wartime={dist: discrete, values: [30000, 35000], weights: [1, 1]}" }, "demand.wartime: has the discrete prior")]
    public void Calibrate_BadOptions_ExitTwoAndNothingWritten(string[] extra, string message)
    {
        string outDir = Path.Combine(_work, "bad");
        var (code, _, stderr) = Run(["calibrate", Hindcast, "--observed", PermitRecord, "--out", outDir, .. extra]);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData(new[] { "--history-match" }, "--history-match: goes with one scenario; model choice among several starts each from its whole prior")]
    [InlineData(new[] { "--method", "rejection" }, "--method rejection: model choice among several scenarios uses ABC-SMC")]
    public void Calibrate_SeveralScenarios_BadOptions_ExitTwo(string[] extra, string message)
    {
        string outDir = Path.Combine(_work, "bad-choice");
        var (code, _, stderr) = Run(["calibrate", Hindcast, Hindcast, "--observed", PermitRecord, "--out", outDir, .. extra]);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Calibrate_NoObservations_ExitTwo()
    {
        var (code, _, stderr) = Run("calibrate", Hindcast, "--out", Path.Combine(_work, "none"));
        Assert.Equal(2, code);
        Assert.Contains("--observed: is missing", stderr);
    }

    [Fact]
    public void Calibrate_BadObservationFile_ExitTwoWithItsLineAndColumn()
    {
        string file = Path.Combine(_work, "bad.csv");
        File.WriteAllText(file, "series,period,value,error_kind,error,source,note\nworkers.permit,2030-01,5,relative,0.1,,\n");
        var (code, _, stderr) = Run("calibrate", Hindcast, "--observed", file, "--out", Path.Combine(_work, "out"));
        Assert.Equal(2, code);
        Assert.Contains($"{file}:2:16: period: 2030-01 (2030-01 to 2030-01) is outside the scenario's months 2018-01 to 2020-12", stderr);
        Assert.False(Directory.Exists(Path.Combine(_work, "out")));
    }

    [Fact]
    public void Calibrate_CorrelatedPriors_RefusedBeforeAnyRun()
    {
        string scenario = Path.Combine(_work, "correlated.yaml");
        File.WriteAllText(scenario, $"extends: {Hindcast}\nscenario: correlated\ncorrelations:\n  - {{between: [demand.wartime, supply.dispatch_per_month], rho: -0.9}}\n");
        var (code, _, stderr) = Run("calibrate", scenario, "--observed", PermitRecord, "--out", Path.Combine(_work, "out"));
        Assert.Equal(2, code);
        Assert.Contains("correlations: calibration treats the priors as independent", stderr);
        Assert.False(Directory.Exists(Path.Combine(_work, "out")));
    }

    [Fact]
    public void Calibrate_AlreadyCalibratedScenario_Refused()
    {
        string outDir = Calibrate("first", "--no-plots");
        var (code, _, stderr) = Run("calibrate", Path.Combine(outDir, "calibrated.yaml"), "--observed", PermitRecord, "--out", Path.Combine(_work, "second"));
        Assert.Equal(2, code);
        Assert.Contains("the scenario is already calibrated", stderr);
    }

    private static string WithoutElapsed(string summary) =>
        string.Join('\n', File.ReadAllLines(summary).Where(l => !l.Contains("\"elapsed_seconds\"", StringComparison.Ordinal)));

    [Fact]
    public void CalibratedScenario_ShardsCheckpointsSweepAndSensitivity_WorkAndAgree()
    {
        string calibrated = Path.Combine(Calibrate("cal", "--no-plots"), "calibrated.yaml");
        string single = Path.Combine(_work, "single");
        Assert.Equal(0, Run("run", calibrated, "--runs", "3000", "--out", single, "--no-plots", "--quiet").Code);

        var shards = new List<string>();
        for (int i = 0; i < 2; i++)
        {
            string shard = Path.Combine(_work, $"shard{i}");
            var (code, _, error) = Run("run", calibrated, "--runs", "3000", "--shard", $"{i}/2", "--out", shard, "--quiet");
            Assert.True(code == 0, error);
            shards.Add(shard);
        }
        string merged = Path.Combine(_work, "merged");
        var (mergeCode, _, mergeError) = Run(["merge", .. shards, "--out", merged, "--no-plots", "--quiet"]);
        Assert.True(mergeCode == 0, mergeError);
        Assert.Equal(WithoutElapsed(Path.Combine(single, "summary.json")), WithoutElapsed(Path.Combine(merged, "summary.json")));

        string resumed = Path.Combine(_work, "resumed");
        string checkpoint = Path.Combine(_work, "checkpoint");
        Assert.Equal(0, Run("run", calibrated, "--runs", "3000", "--checkpoint", checkpoint, "--out", resumed, "--no-plots", "--quiet").Code);
        Assert.Equal(WithoutElapsed(Path.Combine(single, "summary.json")), WithoutElapsed(Path.Combine(resumed, "summary.json")));

        var (sweep, _, sweepError) = Run("sweep", calibrated, "--over", "repatriation[0].compliance=0.6:0.9:3", "--runs", "300", "--out", Path.Combine(_work, "sweep"), "--quiet", "--no-plots");
        Assert.True(sweep == 0, sweepError);
        var (tornado, _, tornadoError) = Run("sensitivity", calibrated, "--runs", "500", "--out", Path.Combine(_work, "tornado"), "--quiet", "--no-plots");
        Assert.True(tornado == 0, tornadoError);
    }
}
