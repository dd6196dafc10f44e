using System.Text.Json;

namespace Simulation.Cli.Tests;

public sealed class DiscoverCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-discover").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    [Fact]
    public void Discover_Scenario_WritesEveryFileAndFindsTheCeasefire()
    {
        string outDir = Path.Combine(_work, "disc");
        var (code, stdout, stderr) = CliHarness.Run("discover", CliHarness.Baseline, "--runs", "6000", "--where", "remittances_usd > 6e8", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("meet remittances, total over the horizon above $600M", stdout);
        Assert.Contains("the ceasefire comes before", stdout);
        foreach (string file in new[] { "prim_trajectory.csv", "prim_box.csv", "discovery.json", "prim_tradeoff.png", "prim_limits.png", "report.html", "scenario.yaml" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);
        }
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "discovery.json")));
        var limits = json.RootElement.GetProperty("limits").EnumerateArray().Select(l => l.GetProperty("input").GetString()).ToList();
        // An early ceasefire is what makes a rich scheme possible: PRIM must restrict its month.
        Assert.Contains("ceasefire.month", limits);
        Assert.True(json.RootElement.GetProperty("density").GetDouble() > json.RootElement.GetProperty("hits").GetDouble() / 6000);
        var trajectory = File.ReadAllLines(Path.Combine(outDir, "prim_trajectory.csv"));
        Assert.StartsWith("step,phase,coverage,density,mass,runs_in_box,hits_in_box,restricted_inputs,ceasefire.month_low", trajectory[0]);
        Assert.StartsWith("0,start,1,", trajectory[1]);
        string report = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("Which assumptions lead to remittances, total over the horizon above $600M?", report);
        // The trade-off caption says where the all-runs box is, as the chart draws it.
        Assert.Contains("from all runs (bottom right: coverage 100%", report);
    }

    [Fact]
    public void Discover_SavedRunsFolder_SameBoxAsTheScenario_AnyThreadCount()
    {
        string runs = Path.Combine(_work, "runs");
        var (runCode, _, runError) = CliHarness.Run("run", CliHarness.Baseline, "--runs", "4000", "--save-runs", "--no-plots", "--quiet", "--out", runs, "--threads", "1");
        Assert.True(runCode == 0, runError);
        string fromFolder = Path.Combine(_work, "from-folder");
        string fromScenario = Path.Combine(_work, "from-scenario");
        var (a, _, errorA) = CliHarness.Run("discover", runs, "--where", "peak_workers >= 30000 and first_enforcement_month > 20", "--out", fromFolder, "--no-plots", "--quiet");
        var (b, _, errorB) = CliHarness.Run("discover", CliHarness.Baseline, "--runs", "4000", "--where", "peak_workers >= 30000 and first_enforcement_month > 20", "--out", fromScenario, "--no-plots", "--quiet", "--threads", "2");
        Assert.True(a == 0, errorA);
        Assert.True(b == 0, errorB);
        Assert.Equal(File.ReadAllText(Path.Combine(fromFolder, "prim_box.csv")), File.ReadAllText(Path.Combine(fromScenario, "prim_box.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(fromFolder, "prim_trajectory.csv")), File.ReadAllText(Path.Combine(fromScenario, "prim_trajectory.csv")));
    }

    [Fact]
    public void Discover_BoxK_ShowsThatStep()
    {
        string outDir = Path.Combine(_work, "box3");
        var (code, stdout, stderr) = CliHarness.Run("discover", CliHarness.Baseline, "--runs", "3000", "--where", "remittances_usd > 6e8", "--box", "3", "--out", outDir, "--no-plots");
        Assert.True(code == 0, stderr);
        Assert.Contains("box (step 3 of", stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "discovery.json")));
        Assert.Equal(3, json.RootElement.GetProperty("chosen_step").GetInt32());
        var (tooFar, _, error) = CliHarness.Run("discover", CliHarness.Baseline, "--runs", "3000", "--where", "remittances_usd > 6e8", "--box", "900", "--out", Path.Combine(_work, "far"));
        Assert.Equal(2, tooFar);
        Assert.Contains("--box 900: the trajectory has steps 0 to", error);
        Assert.False(Directory.Exists(Path.Combine(_work, "far")));
    }

    [Theory]
    [InlineData("remitances_usd > 1e9", "did you mean 'remittances_usd'?")]
    [InlineData("remittances_usd = 1e9", "is not a comparison")]
    [InlineData("remittances_usd > lots", "'lots' is not a number")]
    [InlineData("peak_workers > 1 and", "is not a comparison")]
    [InlineData("remittances_usd > 1e30", "no run meets remittances_usd > 1e30")]
    [InlineData("peak_workers >= 0", "every run meets peak_workers >= 0")]
    public void Discover_BadCondition_RefusedNamingIt(string condition, string message)
    {
        string outDir = Path.Combine(_work, "bad");
        var (code, _, stderr) = CliHarness.Run("discover", CliHarness.Baseline, "--runs", "500", "--where", condition, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.Contains("--where", stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("--peel-alpha", "0.7", "must lie strictly between 0 and 0.5")]
    [InlineData("--paste-alpha", "0", "must lie strictly between 0 and 0.5")]
    [InlineData("--mass-min", "1.5", "must lie strictly between 0 and 1")]
    [InlineData("--box", "-1", "counted from 0")]
    public void Discover_BadSetting_Refused(string option, string value, string message)
    {
        var (code, _, stderr) = CliHarness.Run("discover", CliHarness.Baseline, "--runs", "500", "--where", "peak_workers > 100", option, value, "--out", Path.Combine(_work, "x"));
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public void Discover_FolderWithoutRuns_OrWithSet_Refused()
    {
        string empty = Directory.CreateDirectory(Path.Combine(_work, "empty")).FullName;
        var (code, _, stderr) = CliHarness.Run("discover", empty, "--where", "peak_workers > 100", "--out", Path.Combine(_work, "x"));
        Assert.Equal(2, code);
        Assert.Contains("runs.csv: does not exist; write it with 'laborsim run SCENARIO.yaml --save-runs'", stderr);
        var (setCode, _, setError) = CliHarness.Run("discover", empty, "--where", "peak_workers > 100", "--set", "pay.wage=1", "--out", Path.Combine(_work, "y"));
        Assert.Equal(2, setCode);
        Assert.Contains("apply only to a scenario file", setError);
        File.WriteAllText(Path.Combine(empty, "runs.csv"), "run,a,b\n0,1,2\n");
        var (shapeCode, _, shapeError) = CliHarness.Run("discover", empty, "--where", "peak_workers > 100", "--out", Path.Combine(_work, "z"));
        Assert.Equal(2, shapeCode);
        Assert.Contains("is not a runs.csv of this laborsim", shapeError);
    }

    [Fact]
    public void Discover_FolderWithANonNumberOrAnotherScenario_RefusedAtFileLineColumn()
    {
        string runs = Path.Combine(_work, "runs");
        var (runCode, _, runError) = CliHarness.Run("run", CliHarness.Baseline, "--runs", "200", "--save-runs", "--no-plots", "--quiet", "--out", runs);
        Assert.True(runCode == 0, runError);
        string csv = Path.Combine(runs, "runs.csv");
        string[] lines = File.ReadAllLines(csv);
        string original = string.Join("\n", lines) + "\n";

        // NaN in peak_workers on line 3: counted as a miss before, refused now, at its column.
        string[] header = lines[0].Split(',');
        int column = Array.IndexOf(header, "peak_workers");
        string[] fields = lines[2].Split(',');
        int position = fields.Take(column).Sum(f => f.Length + 1) + 1;
        fields[column] = "NaN";
        lines[2] = string.Join(',', fields);
        File.WriteAllLines(csv, lines);
        var (nanCode, _, nanError) = CliHarness.Run("discover", runs, "--where", "peak_workers > 100", "--out", Path.Combine(_work, "nan"));
        Assert.Equal(2, nanCode);
        Assert.Contains($"{csv}:3:{position}: peak_workers: 'NaN' is not a finite number", nanError);
        Assert.False(Directory.Exists(Path.Combine(_work, "nan")));

        // The runs are the baseline's, the scenario.yaml beside them another's.
        File.WriteAllText(csv, original);
        File.Copy(CliHarness.Scenario("hindcast-russia-2018-2020"), Path.Combine(runs, "scenario.yaml"), overwrite: true);
        var (otherCode, _, otherError) = CliHarness.Run("discover", runs, "--where", "peak_workers > 100", "--out", Path.Combine(_work, "other"));
        Assert.Equal(2, otherCode);
        Assert.Contains($"{Path.Combine(runs, "scenario.yaml")}:1:1: is not the scenario {csv} came from", otherError);

        // A bad --seed is refused, not ignored.
        File.Delete(Path.Combine(runs, "scenario.yaml"));
        var (seedCode, _, seedError) = CliHarness.Run("discover", runs, "--where", "peak_workers > 100", "--seed", "abc", "--out", Path.Combine(_work, "seed"));
        Assert.Equal(2, seedCode);
        Assert.Contains("--seed abc: must be a whole number", seedError);
    }

    [Fact]
    public void RunsCsv_LargerThanMemoryAllows_RefusedBeforeTheTableIsBuilt()
    {
        string runs = Path.Combine(_work, "runs");
        var (runCode, _, runError) = CliHarness.Run("run", CliHarness.Baseline, "--runs", "2000", "--save-runs", "--no-plots", "--quiet", "--out", runs);
        Assert.True(runCode == 0, runError);
        var problems = new Simulation.IO.Scenarios.ProblemList();
        int columns = File.ReadLines(Path.Combine(runs, "runs.csv")).First().Split(',').Length - 1;
        Assert.Null(Simulation.IO.Analysis.RunsCsvReader.Read(Path.Combine(runs, "runs.csv"), problems, memoryBytes: 100_000));
        Assert.Contains($"holds 2,000 runs x {columns} columns: 0 MiB in memory, more than the 0 MiB here", Assert.Single(problems.Items).Message);
        Assert.NotNull(Simulation.IO.Analysis.RunsCsvReader.Read(Path.Combine(runs, "runs.csv"), problems, memoryBytes: 2000L * columns * 8));
    }
}
