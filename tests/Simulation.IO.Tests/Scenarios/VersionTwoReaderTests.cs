using Simulation.Core.Model;
using Simulation.IO.Scenarios;

namespace Simulation.IO.Tests.Scenarios;

/// <summary>The version 2 keys (docs/scenario-format.md): what they load to, and every way of getting them wrong.</summary>
public class VersionTwoReaderTests
{
    private const string Channels = """
        scenario: t
        start: 2018-01
        months: 36
        channels:
          - {name: permit, share: 0.2, contract_months: 12, open: 0, substitute_to: study, substitution: 0.5}
          - {name: study, share: 0.8, visibility: 0.5, fee: 0.1}
        """;

    private static ScenarioLoadResult Load(string yaml, params ScenarioOverride[] overrides) => ScenarioReader.Load(yaml, "x.yaml", overrides);

    private static void Refused(string yaml, string expected, params ScenarioOverride[] overrides)
    {
        var result = Load(yaml, overrides);
        Assert.False(result.IsValid);
        Assert.True(result.Problems.Any(p => p.ToString().Contains(expected, StringComparison.Ordinal)),
            $"expected a problem containing \"{expected}\", got:\n{string.Join("\n", result.Problems)}");
    }

    [Fact]
    public void Load_EveryVersionTwoKey_BuildsTheScenario()
    {
        var result = Load(Channels + """

            timeline:
              - {from: 2018-02, set: {channels.permit.contract_months: 12, supply.dispatch_per_month: {dist: uniform, min: 1, max: 2}}}
              - {from: 2020-02, set: {supply.departure_capacity: 0}}
              - {from: 2020-08, set: {supply.departure_capacity: .inf}}
            repatriation:
              - {deadline: 2019-12, compliance: 0.9, ramp_months: 4, channels: [permit], convert_to: study, convert: 0.5}
            contingents:
              - {month: 2019-09, workers: 500, channel: study, spread_months: 3}
            supply:
              departure_capacity: 1000
            attrition: {death_rate: 1.0e-4, desertion_rate: 5.0e-5}
            enforcement:
              before_deployment: true
            """);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var s = result.Scenario!;
        Assert.Equal(["permit", "study"], s.ChannelNames);
        Assert.Equal("study", s.Channels[0].SubstituteTo);
        Assert.Null(s.Channels[1].ContractMonths);
        Assert.Equal(3, s.Timeline.Count);
        Assert.True(double.IsPositiveInfinity(s.Timeline[2].Settings[0].Value.Mean));
        Assert.Equal(["permit"], s.Repatriation[0].Channels);
        Assert.Equal(3, s.Contingents[0].SpreadMonths);
        Assert.Equal(1000, s.Supply.DepartureCapacity.Mean);
        Assert.True(s.Enforcement.BeforeDeployment);
        Assert.Equal(1e-4, s.Attrition.DeathRate.Mean);
        Assert.Empty(result.Warnings);
        Assert.NotNull(s.Find("timeline[0].set.supply.dispatch_per_month"));
        Assert.NotNull(s.Find("channels.study.fee"));
    }

    [Theory]
    [InlineData("channels:\n  - {name: permit, share: 0.5}\n  - {name: study, share: 0.4}\n", "x.yaml:3:3: channels: the shares must sum to 1, got 0.9 (permit 0.5 + study 0.4); adjust them")]
    [InlineData("channels:\n  - {name: permit, share: 0.5}\n  - {name: study}\n", "x.yaml:4:5: channels.study: needs 'share' when there are two or more channels")]
    [InlineData("channels:\n  - {name: permit, share: 1, substitute_to: studdy}\n", "x.yaml:3:45: channels.permit.substitute_to: 'studdy' names no channel")]
    [InlineData("channels:\n  - {name: permit, share: 1, substitute_to: permit}\n", "channels.permit.substitute_to: names the channel itself")]
    [InlineData("channels:\n  - {name: permit, share: 1, substitution: 0.5}\n", "channels.permit.substitution: needs 'substitute_to'")]
    [InlineData("channels:\n  - {name: permit, share: 0.5}\n  - {name: permit, share: 0.5}\n", "x.yaml:4:12: channels[1].name: 'permit' is already the name of another channel")]
    [InlineData("channels:\n  - {name: work permit, share: 1}\n", "channels[0].name: must be a name of letters, digits and '_'")]
    [InlineData("channels:\n  - {name: permit, shar: 1}\n", "x.yaml:3:20: channels.permit.shar: unknown key; did you mean 'share'?")]
    [InlineData("channels:\n  - {name: permit, share: 1.5}\n", "channels.permit.share: must be between 0 and 1, got 1.5")]
    [InlineData("channels: 5\n", "channels: must be a list of channels")]
    [InlineData("timeline:\n  - {from: 2024-13, set: {supply.pool: 5}}\n", "x.yaml:3:12: timeline[0].from: must be a month written YYYY-MM")]
    [InlineData("timeline:\n  - {from: 2024-01, set: {supply.pol: 5}}\n", "x.yaml:3:27: timeline[0].set.supply.pol: names no parameter that can change on a date; did you mean 'supply.pool'?")]
    [InlineData("timeline:\n  - {from: 2024-01, set: {months: 5}}\n", "timeline[0].set.months: cannot change on a date")]
    [InlineData("timeline:\n  - {from: 2024-01, set: {supply.initial_workers: 5}}\n", "timeline[0].set.supply.initial_workers: is drawn once for month 0")]
    [InlineData("timeline:\n  - {from: 2024-01, set: {channels.studies.open: 0}}\n", "timeline[0].set.channels.studies.open: 'studies' names no channel")]
    [InlineData("timeline:\n  - {from: 2024-01, set: {enforcement.expel_fraction: 2}}\n", "timeline[0].set.enforcement.expel_fraction: must be between 0 and 1, got 2")]
    [InlineData("timeline:\n  - {from: 2024-01}\n", "timeline[0]: needs 'set'")]
    [InlineData("timeline:\n  - {from: 2024-01, set: {}}\n", "timeline[0].set: must be a mapping of key paths to values")]
    [InlineData("repatriation:\n  - {deadline: 2019-12, ramp_months: 0}\n", "repatriation[0].ramp_months: must be between 1 and 1200, got 0")]
    [InlineData("repatriation:\n  - {compliance: 0.5}\n", "repatriation[0]: needs 'deadline'")]
    [InlineData("repatriation:\n  - {deadline: 2019-12, channels: [permits]}\n", "repatriation[0].channels: 'permits' names no channel; did you mean 'permit'?")]
    [InlineData("repatriation:\n  - {deadline: 2019-12, convert: 0.5}\n", "repatriation[0].convert: needs 'convert_to'")]
    [InlineData("repatriation:\n  - {deadline: 2019-12, convert_to: study, convert: 0.5}\n", "repatriation[0].convert_to: 'study' names no channel")]
    [InlineData("contingents:\n  - {month: 2025-09, workers: 5000, channel: military}\n", "contingents[0].channel: 'military' names no channel")]
    [InlineData("contingents:\n  - {month: 2025-09}\n", "contingents[0]: needs 'workers'")]
    [InlineData("contingents:\n  - {month: 2025-09, workers: 10, spread_months: 0}\n", "contingents[0].spread_months: must be a whole number between 1 and 1200, got 0")]
    [InlineData("enforcement:\n  before_deployment: yes\n", "enforcement.before_deployment: must be true or false, got yes")]
    [InlineData("supply:\n  departure_capacity: -1\n", "supply.departure_capacity: must be at least 0, or .inf for no limit, got -1")]
    [InlineData("attrition:\n  death_rate: 2\n", "attrition.death_rate: must be between 0 and 1, got 2")]
    public void Load_BadVersionTwoKey_IsRefusedWithItsPositionAndFix(string body, string expected) =>
        Refused("scenario: t\n" + body, expected);

    [Fact]
    public void Load_ChangesOutsideTheHorizon_AreWarningsNamingTheirLine()
    {
        var result = Load("""
            scenario: t
            start: 2022-09
            months: 12
            timeline:
              - {from: 2020-01, set: {supply.pool: 5}}
              - {from: 2030-01, set: {supply.pool: 6}}
            enforcement:
              base_hazard_changes:
                - {from: 2031-04, multiplier: 0.5}
            """);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var warnings = result.Warnings.Select(w => w.ToString()).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Contains("x.yaml:5:12: timeline[0].from: 2020-01 is before start (2022-09): the change applies from month 0", warnings);
        Assert.Contains("x.yaml:6:12: timeline[1].from: 2030-01 is after the horizon's last month (2023-08): the change never applies", warnings);
        Assert.Contains(warnings, w => w.StartsWith("x.yaml:9:14: enforcement.base_hazard_changes[0].from: 2031-04 is after", StringComparison.Ordinal));
    }

    [Fact]
    public void Set_IntoListItems_ChangesThatItemAndIsValidatedLikeTheFile()
    {
        string yaml = Channels + """

            timeline:
              - {from: 2018-02, set: {supply.pool: 5}}
              - {from: 2019-02, set: {supply.dispatch_per_month: 100}}
            repatriation:
              - {deadline: 2019-12, compliance: 0.9}
            """;
        var result = Load(yaml,
            new ScenarioOverride("timeline[1].set.supply.dispatch_per_month", "500", "--set timeline[1].set.supply.dispatch_per_month=500"),
            new ScenarioOverride("repatriation[0].compliance", "{dist: uniform, min: 0.5, max: 1}", "--set repatriation[0].compliance=..."),
            new ScenarioOverride("channels.study.fee", "0.2", "--set channels.study.fee=0.2"),
            new ScenarioOverride("channels.permit.visibility", "2", "--set channels.permit.visibility=2"));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var s = result.Scenario!;
        Assert.Equal(500, s.Timeline[1].Settings[0].Value.Mean);
        Assert.False(s.Repatriation[0].Compliance.IsFixed);
        Assert.Equal(0.2, s.Channels[1].Fee.Mean);
        Assert.Equal(2, s.Channels[0].Visibility.Mean);
        Assert.Contains("supply.dispatch_per_month: 500", result.Document!.ToYaml("t"), StringComparison.Ordinal);

        Refused(yaml, "--set timeline[5].set.supply.pool=1: timeline[5].set.supply.pool: the scenario's 'timeline' has items 0 to 1, not 5",
            new ScenarioOverride("timeline[5].set.supply.pool", "1", "--set timeline[5].set.supply.pool=1"));
        Refused(yaml, "channels.studies.fee: 'studies' names no channel (channels: permit, study)",
            new ScenarioOverride("channels.studies.fee", "0.1", "--set channels.studies.fee=0.1"));
        Refused(yaml, "--set x: repatriation[0].compliance: must be between 0 and 1, got 3",
            new ScenarioOverride("repatriation[0].compliance", "3", "--set x"));
        Refused(yaml, "--set y: channels.study.fe: unknown key; did you mean 'fee'?",
            new ScenarioOverride("channels.study.fe", "0.1", "--set y"));
        Refused("scenario: t\n", "contingents[0].workers: the scenario has no 'contingents' items; write them in the file first",
            new ScenarioOverride("contingents[0].workers", "1", "--set contingents[0].workers=1"));
    }

    [Fact]
    public void Document_WithVersionTwoLists_RoundTripsToTheSameScenario()
    {
        var first = Load(Channels + "\ntimeline:\n  - {from: 2018-02, set: {supply.pool: 5}}\ncontingents:\n  - {month: 2019-09, workers: 500, channel: study}\n");
        Assert.True(first.IsValid, string.Join("\n", first.Problems));
        var again = ScenarioReader.Load(first.Document!.ToYaml("round trip"), "again.yaml");
        Assert.True(again.IsValid, string.Join("\n", again.Problems));
        Assert.Equal(first.Scenario!.Parameters().Select(p => $"{p.KeyPath}={p.Distribution}"), again.Scenario!.Parameters().Select(p => $"{p.KeyPath}={p.Distribution}"));
        Assert.Equal(first.Document.ToYaml("x"), again.Document!.ToYaml("x"));
    }
}
