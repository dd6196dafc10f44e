using System.Text.Json;
using Simulation.Cli;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Plotting;
using Simulation.Testing;

namespace Simulation.Cli.Tests;

public sealed class AnalysisCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-analysis").FullName;

    private static string Scenario(string name) => CliHarness.Scenario(name);

    public void Dispose() => Directory.Delete(_work, true);

    private static (int Code, string Out, string Error) Run(params string[] args) => CliHarness.Run(args);

    [Fact]
    public void Compare_TwoScenarios_WritesTablesDifferencesAndCharts()
    {
        string outDir = Path.Combine(_work, "compare");
        var (code, stdout, stderr) = Run("compare", Scenario("donbas-baseline"), Scenario("strong-enforcement"), "--runs", "3000", "--months", "24", "--out", outDir, "--quiet");
        Assert.True(code == 0, stderr);
        Assert.Contains("strong-enforcement minus donbas-baseline, peak workers abroad", stdout);
        Assert.Contains("strong-enforcement minus donbas-baseline, P(enforcement hits the scheme by the horizon):", stdout);
        foreach (string file in new[] { "comparison.csv", "differences.csv", "comparison.json", "donbas-baseline.scenario.yaml", "strong-enforcement.scenario.yaml", "report.html" }.Concat(ComparisonPlotter.FileNames))
        {
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);
        }
        var differences = File.ReadAllLines(Path.Combine(outDir, "differences.csv"));
        Assert.Equal("metric,scenario,baseline,count,mean,sd,se,p5,p50,p95,p_greater", differences[0]);
        Assert.Equal(1 + OutputCatalogue.MetricCount + OutputCatalogue.Probabilities.Count, differences.Length);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "comparison.json")));
        Assert.True(json.RootElement.GetProperty("common_random_numbers").GetBoolean());
        Assert.Equal(3000, json.RootElement.GetProperty("runs").GetInt64());
    }

    [Fact]
    public void Compare_OneScenario_ExitTwo()
    {
        var (code, _, stderr) = Run("compare", Scenario("donbas-baseline"), "--out", Path.Combine(_work, "c1"));
        Assert.Equal(2, code);
        Assert.Contains("needs two or more scenario files", stderr);
        Assert.False(Directory.Exists(Path.Combine(_work, "c1")));
    }

    private static int UncertainInputs(string scenario) =>
        TestScenarios.Shipped(scenario).UncertainInputs().Count;

    [Fact]
    public void Sensitivity_Tornado_WritesTableAndCharts()
    {
        string outDir = Path.Combine(_work, "tornado");
        var (code, stdout, stderr) = Run("sensitivity", Scenario("donbas-baseline"), "--runs", "3000", "--out", outDir, "--quiet");
        Assert.True(code == 0, stderr);
        // Inputs are named in words, not by key path.
        Assert.Contains("remittances, total over the horizon: the ceasefire swing -$", stdout);
        Assert.DoesNotContain("ceasefire.month", stdout);
        Assert.DoesNotContain("supply.dispatch_per_month", stdout);
        Assert.DoesNotMatch(@"\d{1,3}(,\d{3}){2,}", stdout);
        var lines = File.ReadAllLines(Path.Combine(outDir, "sensitivity.csv"));
        Assert.Equal(Simulation.IO.Analysis.SensitivityWriter.TornadoHeader, lines[0]);
        Assert.StartsWith("metric,input,spearman,low_decile_mean,high_decile_mean,swing,runs,swing_low,swing_high", lines[0]);
        Assert.Equal(1 + 2 * TestScenarios.Shipped("donbas-baseline").RecordedInputNames().Count, lines.Length);
        Assert.True(File.Exists(Path.Combine(outDir, "tornado_peak_workers.png")));
        Assert.True(File.Exists(Path.Combine(outDir, "tornado_remittances_usd.png")));
        Assert.Contains("What drives the outcomes", File.ReadAllText(Path.Combine(outDir, "report.html")));
    }

    [Fact]
    public void Sensitivity_Sobol_WritesIndicesForEveryFactorAndNoise()
    {
        string outDir = Path.Combine(_work, "sobol");
        var (code, _, stderr) = Run("sensitivity", Scenario("donbas-baseline"), "--method", "sobol", "--samples", "256", "--metric", "peak_workers", "--out", outDir, "--quiet");
        Assert.True(code == 0, stderr);
        var lines = File.ReadAllLines(Path.Combine(outDir, "sobol.csv"));
        // Each uncertain input, the "no ceasefire at all" draw (the baseline's probability is 0.1), and the noise.
        Assert.Equal(1 + UncertainInputs("donbas-baseline") + 2, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("peak_workers,ceasefire.never,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("peak_workers,(model noise),", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(outDir, "sobol_peak_workers.png")));
        Assert.Contains("Sobol indices", File.ReadAllText(Path.Combine(outDir, "report.html")));
        // The quasi-random design's intervals come from its independently scrambled blocks, and say so.
        Assert.Contains("8 independently scrambled quasi-random designs", File.ReadAllText(Path.Combine(outDir, "report.html")));
    }

    [Fact]
    public void Sensitivity_SobolBootstrapWithTheQuasiRandomDesign_ExitTwo_AndSamplesMustSplitIntoBlocks()
    {
        var (code, _, stderr) = Run("sensitivity", Scenario("donbas-baseline"), "--method", "sobol", "--bootstrap", "20", "--out", Path.Combine(_work, "qb"));
        Assert.Equal(2, code);
        Assert.Contains("--bootstrap: goes with --design random", stderr);
        (code, _, stderr) = Run("sensitivity", Scenario("donbas-baseline"), "--method", "sobol", "--samples", "100", "--out", Path.Combine(_work, "qs"));
        Assert.Equal(2, code);
        Assert.Contains("--samples 100: the quasi-random design splits its samples into 8 independently scrambled blocks; give a multiple of 8, e.g. 104", stderr);
        (code, _, stderr) = Run("sensitivity", Scenario("donbas-baseline"), "--method", "sobol", "--design", "random", "--samples", "100", "--bootstrap", "20", "--months", "12",
            "--out", Path.Combine(_work, "rb"), "--quiet", "--no-plots");
        Assert.True(code == 0, stderr);
    }

    [Theory]
    [InlineData("--method", "morris", "must be 'tornado' or 'sobol'")]
    [InlineData("--metric", "peak_workrs", "did you mean 'peak_workers'?")]
    [InlineData("--samples", "3", "--samples 3: must be a whole number from 64")]
    public void Sensitivity_BadOptions_ExitTwo(string option, string value, string expected)
    {
        string[] args = option == "--samples"
            ? ["sensitivity", Scenario("donbas-baseline"), "--method", "sobol", option, value]
            : ["sensitivity", Scenario("donbas-baseline"), option, value];
        var (code, _, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void Sensitivity_SobolOnCensoredMetric_ExitTwo()
    {
        var (code, _, stderr) = Run("sensitivity", Scenario("donbas-baseline"), "--method", "sobol", "--metric", "ceasefire_month");
        Assert.Equal(2, code);
        Assert.Contains("choose a metric every run has", stderr);
    }

    [Fact]
    public void Sweep_TwoLevers_WritesTheWholeGrid()
    {
        string outDir = Path.Combine(_work, "sweep");
        var (code, _, stderr) = Run("sweep", Scenario("donbas-baseline"), "--over", "enforcement.deterrence=0:1:3", "--over", "enforcement.channel_cost=0:0.5:2",
            "--runs", "1000", "--months", "24", "--out", outDir, "--quiet");
        Assert.True(code == 0, stderr);
        var lines = File.ReadAllLines(Path.Combine(outDir, "sweep.csv"));
        Assert.Equal("enforcement.deterrence,enforcement.channel_cost,metric,count,mean,sd,se,p5,p25,p50,p75,p95", lines[0]);
        Assert.Equal(1 + 3 * 2 * OutputCatalogue.MetricCount, lines.Length);
        Assert.True(File.Exists(Path.Combine(outDir, "sweep_peak_workers.png")));
        Assert.Contains("Sweep over the deterrence factor (enforcement.deterrence) and the money-channel cost of enforcement (enforcement.channel_cost)", File.ReadAllText(Path.Combine(outDir, "report.html")));
    }

    [Fact]
    public void Sweep_ListItemLevers_OrdersAndTimelineEntriesCanBeSwept()
    {
        string outDir = Path.Combine(_work, "sweep-lists");
        var (code, _, stderr) = Run("sweep", Scenario("hindcast-russia-2018-2020"), "--over", "repatriation[0].compliance=0.5:1:3",
            "--set", "timeline[2].set.supply.dispatch_per_month=500", "--runs", "1000", "--out", outDir, "--quiet", "--no-plots");
        Assert.True(code == 0, stderr);
        var lines = File.ReadAllLines(Path.Combine(outDir, "sweep.csv"));
        Assert.StartsWith("repatriation[0].compliance,metric,", lines[0], StringComparison.Ordinal);
        var forced = lines.Where(l => l.Contains(",total_forced_exits,", StringComparison.Ordinal)).Select(l => double.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, forced.Count);
        // Higher compliance removes more workers before the deadline.
        Assert.True(forced[0] < forced[1] && forced[1] < forced[2], string.Join(", ", forced));

        var (bad, _, badError) = Run("sweep", Scenario("hindcast-russia-2018-2020"), "--over", "repatriation[3].compliance=0.5:1:3", "--out", outDir + "-bad", "--quiet");
        Assert.Equal(2, bad);
        Assert.Contains("--over repatriation[3].compliance=0.5:1:3: repatriation[3].compliance: unknown key; did you mean 'repatriation[0].compliance'?", badError);
    }

    [Fact]
    public void Sweep_LeverChangesOnlyWhatItShould_CommonRandomNumbersKeepZeroDeterrenceEffectBeforeEnforcement()
    {
        // With common random numbers, the ceasefire month does not depend on the lever: every grid point has the same distribution.
        string outDir = Path.Combine(_work, "sweep-crn");
        Assert.Equal(0, Run("sweep", Scenario("donbas-baseline"), "--over", "enforcement.deterrence=0:1:2", "--runs", "2000", "--months", "24", "--out", outDir, "--quiet", "--no-plots").Code);
        var ceasefire = File.ReadAllLines(Path.Combine(outDir, "sweep.csv")).Where(l => l.Contains(",ceasefire_month,", StringComparison.Ordinal))
            .Select(l => string.Join(',', l.Split(',').Skip(1))).ToList();
        Assert.Equal(2, ceasefire.Count);
        Assert.Equal(ceasefire[0], ceasefire[1]);
    }

    [Theory]
    [InlineData("enforcement.deterrence=0:2:3", "every value must be between 0 and 1")]
    [InlineData("pay.wag=1:2:3", "did you mean 'pay.wage'?")]
    public void Sweep_BadLever_ExitTwo(string over, string expected)
    {
        var (code, _, stderr) = Run("sweep", Scenario("donbas-baseline"), "--over", over, "--out", Path.Combine(_work, "bad"));
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
        Assert.False(Directory.Exists(Path.Combine(_work, "bad")));
    }

    [Fact]
    public void Run_Precision_StopsWhenMetAndSaysSo()
    {
        string outDir = Path.Combine(_work, "precision");
        var (code, stdout, stderr) = Run("run", Scenario("donbas-baseline"), "--precision", "0.05", "--precision-metric", "peak_workers", "--out", outDir, "--quiet", "--no-plots");
        Assert.True(code == 0, stderr);
        Assert.Contains("Precision: the 95% interval of the mean of peak workers abroad is ±", stdout);
        Assert.Contains("(a relative half-width; target 5%): met.", stdout);
        Assert.Contains("Precision: the 95% interval", File.ReadAllText(Path.Combine(outDir, "report.html")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var precision = json.RootElement.GetProperty("precision");
        Assert.True(precision.GetProperty("met").GetBoolean());
        Assert.True(precision.GetProperty("achieved_half_width").GetDouble() <= 0.05);
    }

    [Theory]
    [InlineData("--precision", "0", "must be above 0")]
    [InlineData("--precision-metric", "peak_worker", "unknown; did you mean 'peak_workers'?")]
    [InlineData("--max-runs", "5000", "goes with --precision")]
    public void Run_BadPrecisionOptions_ExitTwo(string option, string value, string expected)
    {
        string[] args = option == "--precision-metric" ? ["run", Scenario("donbas-baseline"), "--precision", "0.1", option, value] : ["run", Scenario("donbas-baseline"), option, value];
        var (code, _, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void Compare_OpensOnWhatDiffers_AndWarnsWhenAScenariosDatedEventsFallBeforeTheCommonStart()
    {
        string outDir = Path.Combine(_work, "what-differs");
        var (code, _, error) = CliHarness.Run("compare", CliHarness.Baseline, CliHarness.Scenario("hindcast-russia-2018-2020"), "--runs", "200", "--out", outDir, "--no-plots", "--quiet");
        Assert.True(code == 0, error);
        Assert.Contains("WARNING: hindcast-russia-2018-2020 was written for a start in 2018-01; moved to 2022-09, its events dated before then (timeline from 2018-02;", error);
        Assert.Contains("repatriation deadline 2019-12", error);
        string html = ReportText.WithoutLabels(File.ReadAllText(Path.Combine(outDir, "report.html")));
        int differs = html.IndexOf("<h2>What differs</h2>", StringComparison.Ordinal);
        Assert.True(differs > 0 && differs < html.IndexOf("<h2>In short</h2>", StringComparison.Ordinal), "What differs comes first");
        Assert.Contains("<td>wartime demand</td><td>0 (workers)</td><td>uniform(min 30000, max 37000) (workers)</td><td>demand.wartime</td>", html);
        // An assumption both make alike is not in it, and only the baseline's assumptions are listed in full.
        string table = html[differs..html.IndexOf("</table>", differs, StringComparison.Ordinal)];
        Assert.DoesNotContain("pay.fx_drift", table);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<th>value or distribution</th>"));

        // Two scenarios on one calendar: no warning.
        var (sameCode, _, sameError) = CliHarness.Run("compare", CliHarness.Baseline, CliHarness.Scenario("early-ceasefire"), "--runs", "200", "--out", Path.Combine(_work, "same"), "--no-plots", "--quiet");
        Assert.True(sameCode == 0, sameError);
        Assert.DoesNotContain("WARNING", sameError);
    }

    [Fact]
    public void Sweep_EnforcedByHorizon_IsAMetric_ChartedOverAllRunsWithItsBand()
    {
        string outDir = Path.Combine(_work, "sweep-enforced");
        var (code, stdout, stderr) = Run("sweep", Scenario("donbas-baseline"), "--over", "enforcement.base_hazard=0.001:0.02:3", "--metric", "enforced_by_horizon",
            "--metric", "peak_workers", "--runs", "1000", "--out", outDir, "--quiet");
        Assert.True(code == 0, stderr);
        Assert.Contains("P(enforcement hits the scheme by the horizon) ranges from ", stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "sweep_enforced_by_horizon.png")));
        string report = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("Share of all of each grid point&#39;s runs", report.Replace("'", "&#39;"));
        // A higher base hazard can only bring enforcement earlier under common random numbers: the probability rises.
        var shares = System.Text.RegularExpressions.Regex.Match(stdout, @"ranges from ([\d.]+)% .* \(at ([\d.]+)\) to ([\d.]+)% .* \(at ([\d.]+)\)");
        Assert.True(shares.Success, stdout);
        Assert.True(double.Parse(shares.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) < double.Parse(shares.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Sweep_OfACensoredMetric_SaysItCoversOnlyTheRunsWhereItHappened()
    {
        string outDir = Path.Combine(_work, "censored-sweep");
        var (code, _, error) = CliHarness.Run("sweep", CliHarness.Baseline, "--over", "enforcement.base_hazard=0.002:0.03:3", "--metric", "first_enforcement_month",
            "--runs", "1000", "--out", outDir, "--quiet");
        Assert.True(code == 0, error);
        Assert.Matches(@"Only the runs where it happened count: [0-9.]+% to [0-9.]+% of the runs, depending on the point\.", File.ReadAllText(Path.Combine(outDir, "report.html")));
    }
}
