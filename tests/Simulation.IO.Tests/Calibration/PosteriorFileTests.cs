using Simulation.Core.Calibration;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Calibration;
using Simulation.IO.Scenarios;
using Simulation.Testing;

namespace Simulation.IO.Tests.Calibration;

/// <summary>posterior.csv and <c>posterior: {file: ...}</c> in scenarios.</summary>
public sealed class PosteriorFileTests : IDisposable
{
    private const string Header = "particle,weight,distance,demand.wartime,repatriation[0].compliance\n";

    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-posterior").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    private static readonly string HindcastFile = Path.Combine(TestScenarios.RepositoryRoot, "scenarios", "hindcast-russia-2018-2020.yaml");

    /// <summary>A scenario extending the shipped hindcast with a posterior file of <paramref name="csv"/> beside it.</summary>
    private string Calibrated(string csv, string name = "calibrated")
    {
        File.WriteAllText(Path.Combine(_work, "particles.csv"), csv);
        string path = Path.Combine(_work, name + ".yaml");
        File.WriteAllText(path, $"extends: {Path.GetRelativePath(_work, HindcastFile)}\nscenario: {name}\nposterior: {{file: particles.csv}}\n");
        return path;
    }

    private static string Problems(ScenarioLoadResult loaded) => string.Join("\n", loaded.Problems);

    [Fact]
    public void Write_ThenRead_SameParticlesBitForBit()
    {
        var scenario = TestScenarios.Shipped("hindcast-russia-2018-2020");
        var abc = AbcEngine.Run([scenario.Demand.WartimeWorkers, scenario.Repatriation[0].Compliance], (theta, seed, k, w) => theta[0] / 40000 + theta[1],
            new AbcOptions { Particles = 50, MaxGenerations = 2, Threads = 1 });
        var writer = new StringWriter();
        PosteriorCsv.Write(abc, ["demand.wartime", "repatriation[0].compliance"], writer);
        var problems = new ProblemList();
        var read = PosteriorCsv.Read(writer.ToString(), "p.csv", scenario, problems);
        Assert.Equal(0, problems.Count);
        Assert.Equal(abc.Particles, read!.Values);
        Assert.Equal(abc.Weights, read.Weights);
    }

    [Fact]
    public void Scenario_WithPosteriorFile_RunsItsParticlesDeterministically()
    {
        var loaded = ScenarioReader.LoadFile(Calibrated(Header + "0,1,0,31000,0.61\n1,3,0,36000,0.93\n"));
        Assert.True(loaded.Problems.Count == 0, Problems(loaded));
        var scenario = loaded.Scenario! with { Runs = 2000 };
        Assert.Equal(2, scenario.Posterior!.Count);
        var one = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 1, SaveRuns = true });
        var two = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2, SaveRuns = true });
        Assert.Equal(one.RunTable!.Values, two.RunTable!.Values);
        int wartime = one.RunTable.InputNames.ToList().IndexOf("demand.wartime");
        int high = 0;
        for (long r = 0; r < one.RunTable.Runs; r++)
        {
            double value = one.RunTable.Row(r)[wartime];
            Assert.True(value is 31000 or 36000, $"run {r}: {value}");
            high += value == 36000 ? 1 : 0;
        }
        StatisticalAssert.ShareNear(0.75, high / 2000.0, 2000, "particle of weight 3 in 4");
    }

    [Fact]
    public void Scenario_SetAnInputOfThePosterior_TheSetValueWinsWithAWarning()
    {
        var loaded = ScenarioReader.LoadFile(Calibrated(Header + "0,1,0,31000,0.61\n"),
            [new ScenarioOverride("demand.wartime", "33000", "--set demand.wartime=33000"), new ScenarioOverride("months", "30", "--months 30")]);
        Assert.True(loaded.Problems.Count == 0, Problems(loaded));
        Assert.Equal(["repatriation[0].compliance"], loaded.Scenario!.Posterior!.KeyPaths);
        Assert.Single(loaded.Warnings, w => w.ToString().Contains("replaces the posterior's joint values", StringComparison.Ordinal));
        Assert.Equal(33000, loaded.Scenario.Demand.WartimeWorkers.Mean);
    }

    [Fact]
    public void Fingerprint_DependsOnThePosteriorsParticles()
    {
        var a = ScenarioReader.LoadFile(Calibrated(Header + "0,1,0,31000,0.61\n"));
        string first = ScenarioFingerprint.Of(a.Document!);
        var b = ScenarioReader.LoadFile(Calibrated(Header + "0,1,0,31001,0.61\n"));
        Assert.NotEqual(first, ScenarioFingerprint.Of(b.Document!));
    }

    [Fact]
    public void WriteAsRun_CopiesTheParticlesBesideTheYaml_AndTheCopyLoadsTheSame()
    {
        var loaded = ScenarioReader.LoadFile(Calibrated(Header + "0,1,0,31000,0.61\n1,3,0,36000,0.93\n"));
        string folder = Directory.CreateDirectory(Path.Combine(_work, "out")).FullName;
        loaded.Document!.WriteAsRun(Path.Combine(folder, "scenario.yaml"), "as run");
        Assert.Contains("posterior: {file: \"scenario.posterior.csv\"}", File.ReadAllText(Path.Combine(folder, "scenario.yaml")));
        var again = ScenarioReader.LoadFile(Path.Combine(folder, "scenario.yaml"));
        Assert.True(again.Problems.Count == 0, Problems(again));
        Assert.Equal(loaded.Scenario!.Posterior!.Values, again.Scenario!.Posterior!.Values);
        Assert.Equal(ScenarioFingerprint.Of(loaded.Document), ScenarioFingerprint.Of(again.Document!));
    }

    [Theory]
    [InlineData("particle,weight,distance,demand.wartme\n0,1,0,31000\n", "particles.csv:1:26: demand.wartme: is not an input of scenario calibrated; did you mean 'demand.wartime'?")]
    [InlineData("particle,weight,distance,supply.pool\n0,1,0,5\n", "particles.csv:1:26: supply.pool: is a fixed value in scenario calibrated, not an uncertain input")]
    [InlineData("particle,weight,distance,demand.wartime,demand.wartime\n0,1,0,1,1\n", "particles.csv:1:41: demand.wartime: is a column twice")]
    [InlineData("particle,weight,demand.wartime\n0,1,31000\n", "particles.csv:1:17: a posterior file starts with the columns particle,weight,distance")]
    [InlineData("particle,weight,distance\n0,1,0\n", "particles.csv:1:1: names no input")]
    [InlineData(Header + "0,1,0,-5,0.7\n", "particles.csv:2:7: demand.wartime: -5 is outside its valid range")]
    [InlineData(Header + "0,1,0,31000,1.5\n", "particles.csv:2:13: repatriation[0].compliance: 1.5 is outside its valid range")]
    [InlineData(Header + "0,-1,0,31000,0.7\n", "particles.csv:2:3: weight: must be a number 0 or more")]
    [InlineData(Header + "0,0,0,31000,0.7\n", "particles.csv:2:1: every weight is 0")]
    [InlineData(Header, "particles.csv:2:1: has no particles")]
    [InlineData(Header + "0,1,0,31000\n", "particles.csv:2:1: 4 fields where the header has 5")]
    public void Scenario_BadPosteriorFile_RefusedAtFileLineColumn(string csv, string expected)
    {
        var loaded = ScenarioReader.LoadFile(Calibrated(csv));
        Assert.Null(loaded.Scenario);
        Assert.Contains(expected, Problems(loaded));
    }

    [Theory]
    [InlineData("posterior: particles.csv", "posterior: must be {file: posterior.csv}")]
    [InlineData("posterior: {file: missing.csv}", "missing.csv: no such file (the path is relative to")]
    [InlineData("posterior: {path: particles.csv}", "posterior: must be {file: posterior.csv}")]
    public void Scenario_BadPosteriorKey_Refused(string line, string expected)
    {
        File.WriteAllText(Path.Combine(_work, "particles.csv"), Header + "0,1,0,31000,0.7\n");
        string path = Path.Combine(_work, "bad.yaml");
        File.WriteAllText(path, $"extends: {Path.GetRelativePath(_work, HindcastFile)}\nscenario: bad\n{line}\n");
        var loaded = ScenarioReader.LoadFile(path);
        Assert.Null(loaded.Scenario);
        Assert.Contains(expected, Problems(loaded));
        Assert.Contains("bad.yaml:3:", Problems(loaded));
    }
}
