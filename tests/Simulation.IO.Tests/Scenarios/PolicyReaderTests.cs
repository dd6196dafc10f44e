using Simulation.Core.Catalogue;
using Simulation.IO.Scenarios;
using Simulation.Testing;

namespace Simulation.IO.Tests.Scenarios;

/// <summary><c>levers:</c>, <c>policies:</c> and <c>policy:</c> (docs/decisions.md): what loads, and every refusal at its file:line:column.</summary>
public sealed class PolicyReaderTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-policies").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    private static string Baseline => Path.Combine(TestScenarios.RepositoryRoot, "scenarios", "donbas-baseline.yaml");

    private const string Good = """
        levers:
          enforcement.deterrence: {min: 0.2, max: 1.0}
          channels.study.open: {values: [0, 1]}
        policies:
          - name: close-study-route
            set: {channels.study.open: 0}
            from: 2024-01
            note: "UNSCR 2397 reading of student visas as work cover (a guess)"
          - name: deter
            set: {enforcement.deterrence: 0.2}
          - name: escalate-on-evidence
            when: "arrivals.study > 2000 over 3 months"
            lag_months: 2
            set: {enforcement.deterrence: 0.3}
        """;

    private string Write(string name, string text)
    {
        string path = Path.Combine(_work, name);
        File.WriteAllText(path, $"extends: {Baseline}\nscenario: policies-test\n" + text);
        return path;
    }

    private static List<string> Problems(string path) => ScenarioReader.LoadFile(path).Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void GoodFile_LoadsLeversAndPolicies_AndAVariantExtendsThem()
    {
        var loaded = ScenarioReader.LoadFile(Write("good.yaml", Good));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        var scenario = loaded.Scenario!;
        Assert.Equal(["enforcement.deterrence", "channels.study.open"], scenario.Levers.Select(l => l.KeyPath));
        Assert.Equal(["status-quo", "close-study-route", "deter", "escalate-on-evidence"], scenario.PoliciesWithStatusQuo().Select(p => p.Name));
        var adaptive = scenario.FindPolicy("escalate-on-evidence")!;
        Assert.Equal(3, adaptive.Trigger!.Months);
        Assert.Equal(Comparison.Greater, adaptive.Trigger.Comparison);
        Assert.Equal(2, adaptive.LagMonths);
        Assert.Equal("UNSCR 2397 reading of student visas as work cover (a guess)", scenario.FindPolicy("close-study-route")!.Note);
        // The scenario as run names its policy and loads again to the same policies.
        var underPolicy = ScenarioReader.LoadFile(Write("good.yaml", Good), [new ScenarioOverride("policy", "deter", "--policy deter")]);
        Assert.Equal("deter", underPolicy.Scenario!.Policy!.Name);
        Assert.Equal(0.2, underPolicy.Scenario.Enforcement.Deterrence.Mean);
        string asRun = Path.Combine(_work, "as-run.yaml");
        File.WriteAllText(asRun, underPolicy.Document!.ToYaml("as run"));
        var again = ScenarioReader.LoadFile(asRun);
        Assert.True(again.IsValid, string.Join("\n", again.Problems));
        Assert.Equal("deter", again.Scenario!.Policy!.Name);
        Assert.Equal(scenario.Policies.Count, again.Scenario.Policies.Count);

        File.WriteAllText(Path.Combine(_work, "variant.yaml"), "extends: good.yaml\nscenario: variant\n");
        Assert.Equal(4, ScenarioReader.LoadFile(Path.Combine(_work, "variant.yaml")).Scenario!.PoliciesWithStatusQuo().Count);
    }

    [Theory]
    [InlineData("levers:\n  enforcement.base_hazard: {min: 0, max: 1}\n", ":4:3: levers.enforcement.base_hazard: is also an uncertain input of this scenario (enforcement.base_hazard: uniform(min 0.002, max 0.02))")]
    [InlineData("levers:\n  enforcement.deterrnce: {min: 0, max: 1}\n", ":4:3: levers.enforcement.deterrnce: names no parameter of this scenario; did you mean 'enforcement.deterrence'?")]
    [InlineData("levers:\n  enforcement.deterrence: {min: 0, max: 2}\n", "levers.enforcement.deterrence: takes 2, but enforcement.deterrence must be between 0 and 1")]
    [InlineData("levers:\n  enforcement.deterrence: {min: 0.9, max: 0.1}\n", "levers.enforcement.deterrence: min 0.9 is above max 0.1")]
    [InlineData("levers:\n  enforcement.deterrence: {low: 0}\n", ":4:28: levers.enforcement.deterrence.low: unknown key; an item here takes min, max, values")]
    [InlineData("levers:\n  enforcement.deterrence: {min: 0, max: 1}\npolicies:\n  - {name: a, set: {pay.wage: 5}}\n", ":6:21: policies.a.set.pay.wage: is not a lever (levers: enforcement.deterrence)")]
    [InlineData("levers:\n  enforcement.deterrence: {min: 0, max: 1}\npolicies:\n  - {name: a, set: {enforcement.deterrence: 1.5}}\n", "policies.a.set.enforcement.deterrence: must be from 0 to 1 (the lever's values), got 1.5")]
    [InlineData("levers:\n  enforcement.deterrence: {min: 0, max: 1}\npolicies:\n  - {name: a, sett: {enforcement.deterrence: 0.5}}\n", ":6:15: policies[0].sett: unknown key; did you mean 'set'?")]
    [InlineData("levers:\n  enforcement.deterrence: {min: 0, max: 1}\npolicies:\n  - {name: a, set: {enforcement.deterrence: 0.5}, from: 2031-01}\n", ":6:57: policies.a.from: 2031-01 is outside the horizon (2022-09 to 2027-08)")]
    [InlineData("levers:\n  enforcement.deterrence: {min: 0, max: 1}\npolicies:\n  - {name: a, set: {enforcement.deterrence: 0.5}, when: \"arivals > 5 over 2 months\"}\n", "policies.a.when: watches 'arivals', which is no series of this scenario; did you mean 'arrivals'?")]
    [InlineData("levers:\n  enforcement.deterrence: {min: 0, max: 1}\npolicies:\n  - {name: a, set: {enforcement.deterrence: 0.5}, when: \"observed.arrivals > 5 over 2 months\"}\n", "this scenario defines no observed series")]
    [InlineData("levers:\n  enforcement.deterrence: {min: 0, max: 1}\npolicies:\n  - {name: a, set: {enforcement.deterrence: 0.5}, when: \"lots of arrivals\"}\n", "is not a signpost; write it as \"SERIES OP VALUE over K months\"")]
    [InlineData("levers:\n  enforcement.deterrence: {min: 0, max: 1}\npolicies:\n  - {name: a, set: {enforcement.deterrence: 0.5}, from: 2024-01, when: \"workers > 5 over 1 month\"}\n", "policies.a: takes 'from' or 'when', not both")]
    [InlineData("levers:\n  supply.initial_workers: {min: 0, max: 100}\npolicies:\n  - {name: a, set: {supply.initial_workers: 5}, from: 2024-01}\n", "policies.a.set.supply.initial_workers: cannot change during a run")]
    [InlineData("levers:\n  enforcement.deterrence: {min: 0, max: 1}\npolicies:\n  - {name: a}\n  - {name: a}\n", "policies[1].name: 'a' is already the name of another policy (line 6)")]
    [InlineData("levers:\n  enforcement.deterrence: {min: 0, max: 1}\npolicies:\n  - {name: a, set: {enforcement.deterrence: 0.5}}\npolicy: b\n", "policy: 'b' names no policy of this scenario; did you mean 'a'? (policies: status-quo, a)")]
    public void BadLeversOrPolicies_RefusedAtTheirPosition(string text, string expected)
    {
        string path = Write("bad.yaml", text);
        var problems = Problems(path);
        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"expected '{expected}' among:\n{string.Join("\n", problems)}");
        Assert.All(problems, p => Assert.StartsWith(path, p, StringComparison.Ordinal));
    }
}
