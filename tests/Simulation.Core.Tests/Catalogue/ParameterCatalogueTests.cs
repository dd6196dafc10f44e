using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;

namespace Simulation.Core.Tests.Catalogue;

public class ParameterCatalogueTests
{
    /// <summary>
    /// The random stream of every key, written out by hand: a change here changes every published result, so it must
    /// be deliberate (and noted in docs/model.md), never a side effect of reordering the catalogue.
    /// </summary>
    public static TheoryData<string, int> PinnedStreams => new()
    {
        { "ceasefire.month", 100 }, { "ceasefire.never", 101 },
        { "demand.wartime", 102 }, { "demand.peak", 103 }, { "demand.ramp_months", 104 },
        { "supply.dispatch_per_month", 105 }, { "supply.pool", 106 }, { "supply.initial_workers", 107 },
        { "contract.mean_months", 108 },
        { "pay.wage", 109 }, { "pay.currency_per_usd", 110 }, { "pay.fx_drift", 111 }, { "pay.fx_volatility", 112 }, { "pay.state_share", 113 },
        { "pay.withheld_per_month", 20003 }, { "pay.forfeit_on_forced_exit", 20004 }, { "pay.settlement_deduction", 20005 },
        { "enforcement.base_hazard", 114 }, { "enforcement.hazard_per_1000_workers", 115 }, { "enforcement.expel_fraction", 116 },
        { "enforcement.deterrence", 117 }, { "enforcement.channel_cost", 118 },
        { "enforcement.base_hazard_changes[0].multiplier", 119 }, { "enforcement.base_hazard_changes[1].multiplier", 120 },
        { "enforcement.base_hazard_changes[7].multiplier", 126 },
        { "supply.departure_capacity", 20000 }, { "attrition.death_rate", 20001 }, { "attrition.desertion_rate", 20002 },
        { "channels.permit.share", 100_000 }, { "channels.permit.contract_months", 100_001 }, { "channels.permit.open", 100_002 },
        { "channels.permit.substitution", 100_003 }, { "channels.permit.visibility", 100_004 }, { "channels.permit.fee", 100_005 },
        { "channels.study.share", 101_000 }, { "channels.study.open", 101_002 }, { "channels.study.substitution", 101_003 },
        { "channels.study.visibility", 101_004 }, { "channels.study.fee", 101_005 },
        { "repatriation[0].compliance", 300_000 }, { "repatriation[0].ramp_months", 300_001 }, { "repatriation[0].convert", 300_002 },
        { "repatriation[1].compliance", 301_000 }, { "repatriation[1].ramp_months", 301_001 }, { "repatriation[1].convert", 301_002 },
        { "contingents[0].workers", 500_000 }, { "contingents[1].workers", 501_000 },
        { "contingents[0].pay_per_month", 500_001 }, { "contingents[1].pay_per_month", 501_001 },
        { "money_channels.bank.share", 600_000 }, { "money_channels.bank.fee", 600_001 }, { "money_channels.bank.open", 600_002 },
        { "money_channels.courier.share", 601_000 }, { "money_channels.courier.fee", 601_001 }, { "money_channels.courier.open", 601_002 },
        { "timeline[0].set.channels.permit.open", 1_000_000 }, { "timeline[1].set.supply.dispatch_per_month", 1_001_000 },
        { "timeline[1].set.supply.departure_capacity", 1_001_001 },
    };

    private static Scenario WithEveryList()
    {
        var scenario = Scenario.FromDefaults("catalogue", "", new YearMonth(2022, 9), 60, 10, 1);
        var changes = new List<HazardChange>();
        for (int i = 0; i < 8; i++)
        {
            changes.Add(new HazardChange(new YearMonth(2023, 1).AddMonths(i), InputDistribution.Fixed(1)));
        }
        InputDistribution F(double value) => InputDistribution.Fixed(value);
        return scenario with
        {
            Enforcement = scenario.Enforcement with { BaseHazardChanges = changes },
            Channels =
            [
                new ChannelAssumptions("permit", F(0.5), F(12), F(1), "study", F(0.5), F(1), F(0)),
                new ChannelAssumptions("study", F(0.5), null, F(1), null, F(0), F(0.5), F(0.1)),
            ],
            MoneyChannels =
            [
                new MoneyChannel("bank", F(0.6), F(0), F(1), "courier", false),
                new MoneyChannel("courier", F(0.4), F(0.1), F(1), null, false),
            ],
            Repatriation =
            [
                new RepatriationOrder(new YearMonth(2023, 12), F(0.9), F(4), ["permit"], "study", F(0.5)),
                new RepatriationOrder(new YearMonth(2024, 12), F(0.9), F(4), [], null, F(0)),
            ],
            Contingents = [new Contingent(new YearMonth(2023, 3), F(500), "study", 2), new Contingent(new YearMonth(2024, 3), F(500), "permit", 1)],
            Timeline =
            [
                new TimelineEntry(new YearMonth(2023, 1), [new TimelineSetting("channels.permit.open", F(0))]),
                new TimelineEntry(new YearMonth(2024, 1), [new TimelineSetting("supply.dispatch_per_month", F(0)), new TimelineSetting("supply.departure_capacity", F(0))]),
            ],
        };
    }

    [Theory]
    [MemberData(nameof(PinnedStreams))]
    public void StreamPurpose_EveryKey_IsPinned(string keyPath, int purpose)
    {
        var parameter = WithEveryList().Find(keyPath);
        Assert.NotNull(parameter);
        Assert.Equal(purpose, parameter.StreamPurpose);
    }

    [Fact]
    public void StreamPurpose_EveryParameterOfAScenario_IsPinnedAndUnique()
    {
        var parameters = WithEveryList().Parameters();
        var pinned = PinnedStreams.Select(row => (string)row[0]).ToHashSet();
        foreach (var parameter in parameters.Where(p => !p.KeyPath.StartsWith("enforcement.base_hazard_changes", StringComparison.Ordinal)))
        {
            Assert.Contains(parameter.KeyPath, pinned);
        }
        Assert.Equal(parameters.Count, parameters.Select(p => p.StreamPurpose).Distinct().Count());
        Assert.Equal(parameters.Count, parameters.Select(p => p.KeyPath).Distinct().Count());
        Assert.Equal(900_000, LaborMigrationModel.PosteriorStream);
        Assert.DoesNotContain(LaborMigrationModel.PosteriorStream, parameters.Select(p => p.StreamPurpose));
    }

    [Fact]
    public void AnalysisStreams_NeverShareAPurposeWithEachOtherOrAnInput()
    {
        // Each analysis draws from (seed, run or resample, purpose): two analyses on one purpose would draw the same
        // numbers. Ranges: a voi observation's noise takes NoisePurpose + o, a voi bootstrap BootstrapPurpose + estimate.
        var single = new long[]
        {
            Simulation.Core.Calibration.AbcEngine.GenerationPurpose, Simulation.Core.Calibration.AbcEngine.ProposalPurpose,
            InputSampler.DesignStream, Simulation.Core.Analysis.TornadoAnalysis.BootstrapStream,
            Simulation.Core.Discovery.PrimResampling.StreamPurpose, LaborMigrationModel.PosteriorStream,
        };
        var ranges = new (long First, long Count)[]
        {
            (Simulation.Core.Requests.VoiRequest.NoisePurpose, ParameterCatalogue.MaxListItems * 100L),
            (Simulation.Core.Requests.VoiRequest.BootstrapPurpose, 100_000),
        };
        Assert.Equal(single.Length, single.Distinct().Count());
        var inputs = WithEveryList().Parameters().Select(p => (long)p.StreamPurpose).ToList();
        foreach (var (first, count) in ranges)
        {
            Assert.DoesNotContain(single, p => p >= first && p < first + count);
            Assert.DoesNotContain(inputs, p => p >= first && p < first + count);
            Assert.DoesNotContain(ranges, other => other.First != first && other.First < first + count && first < other.First + other.Count);
        }
        Assert.DoesNotContain(inputs, single.Contains);
    }

    [Fact]
    public void Scalars_IndexIsPositionAndAccessorsTouchOnlyTheirOwnKey()
    {
        var defaults = Scenario.FromDefaults("catalogue", "", new YearMonth(2022, 9), 60, 10, 1);
        var scalars = ParameterCatalogue.Scalars;
        for (int i = 0; i < scalars.Count; i++)
        {
            Assert.Equal(i, scalars[i].Index);
            Assert.Equal(scalars[i].Default, defaults.Parameters()[i].Distribution.Mean);
            var marked = ScenarioKeys.With(scalars[i], defaults, InputDistribution.Fixed(-1000 - i));
            var compiled = new CompiledScenario(marked);
            for (int j = 0; j < scalars.Count; j++)
            {
                double expected = j == i ? -1000 - i : scalars[j].Default;
                Assert.Equal(expected, ScenarioKeys.Get(scalars[j], marked).Mean);
                Assert.Equal(expected, compiled.Parameters[scalars[j].Index].Mean);
                Assert.Equal(scalars[j].KeyPath, compiled.ParameterNames[scalars[j].Index]);
            }
            Assert.Equal(-7, marked.With(scalars[i].KeyPath, InputDistribution.Fixed(-7)).Find(scalars[i].KeyPath)!.Distribution.Mean);
        }
    }

    [Fact]
    public void With_HazardChangeMultiplier_ReplacesOnlyThatItem()
    {
        var scenario = WithEveryList().With("enforcement.base_hazard_changes[3].multiplier", InputDistribution.Fixed(0.25));
        Assert.Equal(0.25, scenario.Enforcement.BaseHazardChanges[3].Multiplier.Mean);
        Assert.Equal(1, scenario.Enforcement.BaseHazardChanges[2].Multiplier.Mean);
        Assert.Equal(new YearMonth(2023, 4), scenario.Find("enforcement.base_hazard_changes[3].multiplier")!.From);
        Assert.Throws<ArgumentException>(() => scenario.With("enforcement.base_hazard_changes[8].multiplier", InputDistribution.Fixed(1)));
        Assert.Throws<ArgumentException>(() => scenario.With("pay.wages", InputDistribution.Fixed(1)));
    }
}
