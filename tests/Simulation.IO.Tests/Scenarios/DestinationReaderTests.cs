using Simulation.IO.Scenarios;
using Simulation.Testing;

namespace Simulation.IO.Tests.Scenarios;

/// <summary><c>destinations:</c> and <c>transfers:</c> (model version 3): what loads, how --set and the timeline reach them, and every refusal at its file:line:column.</summary>
public sealed class DestinationReaderTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-destinations").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    private static string Baseline => Path.Combine(TestScenarios.RepositoryRoot, "scenarios", "donbas-baseline.yaml");

    private const string Good = """
        destinations:
          - {name: russia, demand: {wartime: 20000, peak: 20000}}
          - {name: kursk, demand: {wartime: 0, peak: 0}, hazard_factor: 0.5}
          - {name: donbas, label: occupied Donbas, demand: {wartime: 0, peak: {dist: uniform, min: 5000, max: 50000}, ramp_months: 12}, hazard_factor: 2, wage: 90000}
        transfers:
          - {from: russia, to: donbas, monthly: 0.01}
        contingents:
          - {month: 2025-09, workers: 5000, destination: kursk}
        timeline:
          - {from: 2026-01, set: {destinations.donbas.hazard_factor: 3}}

        """;

    private string Write(string name, string text)
    {
        string path = Path.Combine(_work, name);
        File.WriteAllText(path, $"extends: {Baseline}\nscenario: destinations-test\n" + text);
        return path;
    }

    [Fact]
    public void GoodFile_Loads_SetReachesNestedDemand_AndAsRunLoadsAgain()
    {
        string path = Write("good.yaml", Good);
        var loaded = ScenarioReader.LoadFile(path);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        var scenario = loaded.Scenario!;
        Assert.Equal(["russia", "kursk", "donbas"], scenario.DestinationNames);
        Assert.Equal("kursk", scenario.Contingents[0].Destination);
        Assert.Single(scenario.Transfers);
        Assert.Contains(scenario.UncertainInputs(), p => p.KeyPath == "destinations.donbas.demand.peak");
        Assert.Contains(scenario.SeriesDefinitions(), s => s.Name == "workers@donbas" && s.Label == "workers abroad (occupied Donbas)");

        var set = ScenarioReader.LoadFile(path, [new ScenarioOverride("destinations.donbas.demand.peak", "1000", "--set"), new ScenarioOverride("transfers[0].monthly", "0.05", "--set")]);
        Assert.True(set.IsValid, string.Join("\n", set.Problems));
        Assert.Equal(1000, set.Scenario!.Destinations[2].Demand!.PeakWorkers.Mean);
        Assert.Equal(0.05, set.Scenario.Transfers[0].Monthly.Mean);

        string asRun = Path.Combine(_work, "as-run.yaml");
        File.WriteAllText(asRun, loaded.Document!.ToYaml("as run"));
        var again = ScenarioReader.LoadFile(asRun);
        Assert.True(again.IsValid, string.Join("\n", again.Problems));
        Assert.Equal(scenario.Parameters().Select(p => $"{p.KeyPath} {p.Distribution}"), again.Scenario!.Parameters().Select(p => $"{p.KeyPath} {p.Distribution}"));
    }

    [Theory]
    [InlineData("destinations: {name: russia}\n", ":3:15: destinations: must be a list of destinations")]
    [InlineData("destinations:\n  - {name: a, share: 0.5}\n  - {name: a, share: 0.5}\n", "destinations[1].name: 'a' is already the name of another destination (line 4)")]
    [InlineData("destinations:\n  - {name: a, share: 0.5}\n  - {name: b, share: 0.4}\n", "destinations: the shares must sum to 1, got 0.9 (a 0.5 + b 0.4)")]
    [InlineData("destinations:\n  - {name: a}\n  - {name: b, share: 0.4}\n", "destinations.a: needs 'share' (or 'demand') when two or more destinations share the scenario's demand")]
    [InlineData("destinations:\n  - {name: a, demand: {peak: 5}}\n  - {name: b, share: 0.5}\n  - {name: c, share: 0.4}\n", "destinations: the shares must sum to 1, got 0.9 (b 0.5 + c 0.4)")]
    [InlineData("destinations:\n  - {name: a, demand: {peek: 5}}\n", "destinations.a.demand.peek: unknown key; did you mean 'peak'?")]
    [InlineData("destinations:\n  - {name: a, hazard_factr: 2}\n", ":4:15: destinations[0].hazard_factr: unknown key; did you mean 'hazard_factor'?")]
    [InlineData("destinations:\n  - {name: a, share: 0.5}\n  - {name: b, share: 0.5}\ntransfers:\n  - {from: a, to: c, monthly: 0.1}\n", "transfers[0].to: 'c' names no destination")]
    [InlineData("destinations:\n  - {name: a, share: 0.5}\n  - {name: b, share: 0.5}\ntransfers:\n  - {from: a, to: a, monthly: 0.1}\n", "transfers[0].to: is the transfer's origin as well")]
    [InlineData("destinations:\n  - {name: a, share: 0.5}\n  - {name: b, share: 0.5}\ntransfers:\n  - {from: a, to: b, monthly: 0.7}\n  - {from: a, to: b, monthly: 0.6}\n", "the transfers out of a can add up to 1.3 a month")]
    [InlineData("transfers:\n  - {from: a, to: b, monthly: 0.1}\n", "transfers: moves workers between destinations, and this scenario has fewer than two")]
    [InlineData("destinations:\n  - {name: a, share: 0.5}\n  - {name: b, share: 0.5}\ncontingents:\n  - {month: 2024-01, workers: 10, destination: c}\n", "contingents[0].destination: 'c' names no destination")]
    [InlineData("destinations:\n  - {name: a, share: 0.5}\n  - {name: b, share: 0.5}\ntimeline:\n  - {from: 2024-01, set: {destinations.a.wage: 5}}\n", "timeline")]
    [InlineData("destinations:\n  - {name: a, label: \"\"}\n", "destinations.a.label: must be the destination in words")]
    public void BadDestinations_RefusedAtTheirPosition(string text, string expected)
    {
        string path = Write("bad.yaml", text);
        var problems = ScenarioReader.LoadFile(path).Problems.Select(p => p.ToString()).ToList();
        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"expected '{expected}' among:\n{string.Join("\n", problems)}");
        Assert.All(problems, p => Assert.StartsWith(path, p, StringComparison.Ordinal));
    }
}
