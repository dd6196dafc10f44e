using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Scenarios;
using Simulation.Testing;

namespace Simulation.IO.Tests.Scenarios;

public class ScenarioReaderTests
{
    public static TheoryData<string> ShippedFiles => [.. TestScenarios.ShippedFiles().Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedScenario_LoadsValidatesAndRunsSmall(string file)
    {
        string path = Path.Combine(TestScenarios.RepositoryRoot, "scenarios", file);
        var result = ScenarioReader.LoadFile(path, [new ScenarioOverride("runs", "2000", "test")]);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.False(string.IsNullOrWhiteSpace(result.Scenario!.Description));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), result.Scenario.Name);
        var run = MonteCarloRunner.Run(result.Scenario, new RunnerOptions { Threads = 2 });
        Assert.Equal(2000, run.Of(Metric.PeakWorkers).Statistics.Count);
        Assert.True(run.Of(Metric.RemittancesUsd).Statistics.Min >= 0);
    }

    [Fact]
    public void Load_OmittedKeys_TakeTheDefaultsOfTheSchema()
    {
        var scenario = ScenarioReader.Load("scenario: t\n", "x.yaml").Scenario!;
        Assert.Equal(60, scenario.Months);
        Assert.Equal(10000, scenario.Runs);
        Assert.Equal("0.8", scenario.Pay.StateShare.ToString());
        Assert.Empty(scenario.Enforcement.BaseHazardChanges);
    }

    [Fact]
    public void Load_Overrides_ReplaceFileValues()
    {
        var result = ScenarioReader.Load("scenario: t\nruns: 5\n", "x.yaml",
            [new ScenarioOverride("runs", "77", "--runs 77"), ScenarioOverride.Parse("pay.wage={dist: uniform, min: 1, max: 2}")!]);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(77, result.Scenario!.Runs);
        Assert.Equal("uniform(min 1, max 2)", result.Scenario.Pay.WagePerMonth.ToString());
    }

    [Fact]
    public void Document_WrittenBack_LoadsToTheSameScenario()
    {
        string path = Path.Combine(TestScenarios.RepositoryRoot, "scenarios", "donbas-baseline.yaml");
        var first = ScenarioReader.LoadFile(path, [ScenarioOverride.Parse("enforcement.deterrence=0.25")!]);
        string yaml = first.Document!.ToYaml("header line");
        var second = ScenarioReader.Load(yaml, "scenario.yaml");
        Assert.True(second.IsValid, string.Join("\n", second.Problems) + "\n" + yaml);
        var a = first.Scenario!;
        var b = second.Scenario!;
        Assert.Equal(a.Parameters().Select(p => $"{p.KeyPath}={p.Distribution}"), b.Parameters().Select(p => $"{p.KeyPath}={p.Distribution}"));
        Assert.Equal((a.Name, a.Description, a.Start, a.Months, a.Runs, a.Seed), (b.Name, b.Description, b.Start, b.Months, b.Runs, b.Seed));
        Assert.Equal("0.25", b.Enforcement.Deterrence.ToString());
    }

    [Fact]
    public void DefaultsTable_ListsEveryKeyWithUnit()
    {
        string table = DefaultsTable.Render();
        foreach (var key in ScenarioSchema.Keys)
        {
            Assert.Contains(key.Path, table);
            Assert.Contains(key.Unit, table);
        }
        foreach (var family in Simulation.Core.Distributions.DistributionFamily.All)
        {
            Assert.Contains(family.Name, table);
        }
    }
}
