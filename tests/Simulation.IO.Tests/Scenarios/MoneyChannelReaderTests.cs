using Simulation.IO.Scenarios;
using Simulation.Testing;

namespace Simulation.IO.Tests.Scenarios;

/// <summary><c>money_channels:</c> (model version 3): what loads, how the timeline and --set reach it, and every refusal at its file:line:column.</summary>
public sealed class MoneyChannelReaderTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("laborsim-money").FullName;

    public void Dispose() => Directory.Delete(_work, true);

    private static string Baseline => Path.Combine(TestScenarios.RepositoryRoot, "scenarios", "donbas-baseline.yaml");

    private const string Good = """
        money_channels:
          - {name: bank, share: 0.6, fee: 0.02, substitute_to: courier}
          - {name: courier, share: 0.3, fee: {dist: uniform, min: 0.1, max: 0.3}}
          - {name: oil, share: 0.1, in_kind: true}
        """;

    private string Write(string name, string text)
    {
        string path = Path.Combine(_work, name);
        File.WriteAllText(path, $"extends: {Baseline}\nscenario: money-test\n" + text);
        return path;
    }

    [Fact]
    public void GoodFile_Loads_TheTimelineCloses_AndSetChangesAKey()
    {
        string path = Write("good.yaml", Good + "\ntimeline:\n  - {from: 2025-01, set: {money_channels.bank.open: 0}}\n");
        var loaded = ScenarioReader.LoadFile(path);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        var scenario = loaded.Scenario!;
        Assert.Equal(["bank", "courier", "oil"], scenario.MoneyChannels.Select(c => c.Name));
        Assert.Equal("courier", scenario.MoneyChannels[0].SubstituteTo);
        Assert.True(scenario.MoneyChannels[2].InKind);
        Assert.NotNull(scenario.Find("money_channels.courier.fee"));
        Assert.Contains(scenario.UncertainInputs(), p => p.KeyPath == "money_channels.courier.fee");

        var set = ScenarioReader.LoadFile(path, [new ScenarioOverride("money_channels.bank.fee", "0.5", "--set")]);
        Assert.True(set.IsValid, string.Join("\n", set.Problems));
        Assert.Equal(0.5, set.Scenario!.MoneyChannels[0].Fee.Mean);

        // The scenario as run keeps its money channels and loads again to the same ones.
        string asRun = Path.Combine(_work, "as-run.yaml");
        File.WriteAllText(asRun, loaded.Document!.ToYaml("as run"));
        static string Text(Simulation.Core.Model.MoneyChannel c) => $"{c.Name} {c.Share} {c.Fee} {c.Open} {c.SubstituteTo} {c.InKind}";
        Assert.Equal(scenario.MoneyChannels.Select(Text), ScenarioReader.LoadFile(asRun).Scenario!.MoneyChannels.Select(Text));
    }

    [Theory]
    [InlineData("money_channels: {name: bank}\n", ":3:17: money_channels: must be a list of money channels")]
    [InlineData("money_channels:\n  - {name: bank, share: 0.5}\n  - {name: bank, share: 0.5}\n", "money_channels[1].name: 'bank' is already the name of another money channel (line 4)")]
    [InlineData("money_channels:\n  - {name: bank, share: 0.5, substitute_to: curier}\n  - {name: courier, share: 0.5}\n", "money_channels.bank.substitute_to: 'curier' names no money channel; did you mean 'courier'?")]
    [InlineData("money_channels:\n  - {name: bank, share: 0.5, substitute_to: bank}\n  - {name: courier, share: 0.5}\n", "names the money channel itself")]
    [InlineData("money_channels:\n  - {name: bank, share: 0.5}\n  - {name: courier, share: 0.4}\n", "money_channels: the shares must sum to 1, got 0.9 (bank 0.5 + courier 0.4)")]
    [InlineData("money_channels:\n  - {name: bank}\n  - {name: courier, share: 0.4}\n", "money_channels.bank: needs 'share' when there are two or more money channels")]
    [InlineData("money_channels:\n  - {name: bank, fees: 0.1}\n", ":4:18: money_channels[0].fees: unknown key; did you mean 'fee'?")]
    [InlineData("money_channels:\n  - {name: bank, fee: 1.5}\n", "money_channels.bank.fee: must be between 0 and 1")]
    [InlineData("money_channels:\n  - {name: bank, in_kind: maybe}\n", "money_channels.bank.in_kind")]
    [InlineData("money_channels:\n  - {name: bank}\ntimeline:\n  - {from: 2025-01, set: {money_channels.bank.opn: 0}}\n", "did you mean 'money_channels.bank.open'?")]
    public void BadMoneyChannels_RefusedAtTheirPosition(string text, string expected)
    {
        string path = Write("bad.yaml", text);
        var problems = ScenarioReader.LoadFile(path).Problems.Select(p => p.ToString()).ToList();
        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"expected '{expected}' among:\n{string.Join("\n", problems)}");
        Assert.All(problems, p => Assert.StartsWith(path, p, StringComparison.Ordinal));
    }

    [Fact]
    public void SetOnAMissingMoneyChannel_IsRefusedWithTheChannels()
    {
        string path = Write("set.yaml", Good);
        var problems = ScenarioReader.LoadFile(path, [new ScenarioOverride("money_channels.bnk.fee", "0.5", "--set")]).Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.Contains("'bnk' names no money channel (money channels: bank, courier, oil)", StringComparison.Ordinal));
    }
}
