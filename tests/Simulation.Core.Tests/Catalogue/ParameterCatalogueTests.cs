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
        { "enforcement.base_hazard", 114 }, { "enforcement.hazard_per_1000_workers", 115 }, { "enforcement.expel_fraction", 116 },
        { "enforcement.deterrence", 117 }, { "enforcement.channel_cost", 118 },
        { "enforcement.base_hazard_changes[0].multiplier", 119 }, { "enforcement.base_hazard_changes[1].multiplier", 120 },
        { "enforcement.base_hazard_changes[7].multiplier", 126 },
    };

    private static Scenario WithEveryList()
    {
        var scenario = Scenario.FromDefaults("catalogue", "", new YearMonth(2022, 9), 60, 10, 1);
        var changes = new List<HazardChange>();
        for (int i = 0; i < 8; i++)
        {
            changes.Add(new HazardChange(new YearMonth(2023, 1).AddMonths(i), InputDistribution.Fixed(1)));
        }
        return scenario with { Enforcement = scenario.Enforcement with { BaseHazardChanges = changes } };
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
        foreach (var parameter in parameters.Where(p => !p.KeyPath.Contains('[')))
        {
            Assert.Contains(parameter.KeyPath, pinned);
        }
        Assert.Equal(parameters.Count, parameters.Select(p => p.StreamPurpose).Distinct().Count());
        Assert.Equal(parameters.Count, parameters.Select(p => p.KeyPath).Distinct().Count());
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
            var marked = scalars[i].With(defaults, InputDistribution.Fixed(-1000 - i));
            var compiled = new CompiledScenario(marked);
            for (int j = 0; j < scalars.Count; j++)
            {
                double expected = j == i ? -1000 - i : scalars[j].Default;
                Assert.Equal(expected, scalars[j].Get(marked).Mean);
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
