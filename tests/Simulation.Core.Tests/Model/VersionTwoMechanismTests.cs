using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Testing;

namespace Simulation.Core.Tests.Model;

/// <summary>The rules of docs/model.md, version 2, that the exact cases do not pin: order of entries, capacity, conversion, fees, visibility.</summary>
public class VersionTwoMechanismTests
{
    private static InputDistribution F(double v) => InputDistribution.Fixed(v);

    private static ChannelAssumptions Channel(string name, double share, double? contractMonths = null, double visibility = 1, double fee = 0) =>
        new(name, F(share), contractMonths is { } m ? F(m) : null, F(1), null, F(0), F(visibility), F(fee));

    private static long[] Workers(Scenario scenario, long run = 0) => [.. RecordingSink.Run(scenario, run).Months.Select(m => m.Workers)];

    [Fact]
    public void HazardChanges_ALaterChangeReplacesTheMultiplier_NeverCompounds()
    {
        const double hazard = 0.04;
        const int runs = 40_000;
        var quiet = TestScenarios.Quiet(months: 18, runs: runs);
        var scenario = quiet with
        {
            Enforcement = quiet.Enforcement with
            {
                BaseMonthlyHazard = F(hazard),
                BaseHazardChanges = [new HazardChange(quiet.Start.AddMonths(6), F(0.5)), new HazardChange(quiet.Start.AddMonths(12), F(0.25))],
                BeforeDeployment = true,
            },
        };
        var enforced = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 }).Of(Series.Enforced);
        StatisticalAssert.ShareNear(1 - Math.Exp(-hazard * (6 + 6 * 0.5 + 6 * 0.25)), enforced[17].Mean, runs, "P(enforced by month 17)");
    }

    [Fact]
    public void Timeline_SameKeyTwice_TheEntryLaterInTheFileWinsFromItsOwnMonth()
    {
        var quiet = TestScenarios.Quiet(months: 8, runs: 50);
        var busy = quiet with { Demand = new DemandAssumptions(F(1e8), F(1e8), F(1)), Supply = new SupplyAssumptions(F(0), F(1e9), F(0)) };
        TimelineEntry Set(int month, double dispatch) => new(quiet.Start.AddMonths(month), [new TimelineSetting("supply.dispatch_per_month", F(dispatch))]);

        // Listed later but dated earlier: it wins from month 0, and the earlier-listed change of month 2 never takes effect.
        var laterListedWins = busy with { Timeline = [Set(2, 100), Set(0, 0)] };
        // In calendar order: each change from its own month.
        var calendarOrder = busy with { Timeline = [Set(0, 0), Set(2, 100)] };
        for (long run = 0; run < quiet.Runs; run++)
        {
            Assert.All(Workers(laterListedWins, run), w => Assert.Equal(0, w));
            var stock = Workers(calendarOrder, run);
            Assert.Equal([0, 0], stock[..2]);
            Assert.True(stock[2] > 0);
        }
    }

    [Fact]
    public void DepartureCapacity_ReturnsFirstThenForcedExits_TheRestStay()
    {
        var quiet = TestScenarios.Quiet(months: 4, runs: 10);
        // Every contract ends each month (stay 1): returns are the whole stock, cut to 30 a month.
        var returnsOnly = quiet with { Supply = new SupplyAssumptions(F(0), F(1e9), F(100)) { DepartureCapacity = F(30.9) }, Contract = new ContractAssumptions(F(1)) };
        Assert.Equal([70, 40, 10, 0], Workers(returnsOnly));

        // An order removing everyone in one month, and returns of the same month take the capacity first.
        var both = returnsOnly with
        {
            Channels = [Channel("permit", 0.5, 1), Channel("study", 0.5, 1e300)],
            Repatriation = [new RepatriationOrder(quiet.Start.AddMonths(1), F(1), F(1), [], null, F(0))],
        };
        var (months, outcome, _) = RecordingSink.Run(both, 0);
        Assert.Equal(30, months[0].Returns);
        Assert.Equal(0, months[0].Values[(int)Series.ForcedExits]);
        Assert.Equal(0, outcome[Metric.TotalForcedExits]);
    }

    [Fact]
    public void Deadline_ConvertEveryStrandedWorker_TheyMoveChannelAtTheDeadline()
    {
        var quiet = TestScenarios.Quiet(months: 6, runs: 20);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(F(0), F(1e9), F(500)),
            Channels = [Channel("permit", 0.5), Channel("study", 0.5)],
            Repatriation = [new RepatriationOrder(quiet.Start.AddMonths(3), F(0), F(2), ["permit"], "study", F(1))],
        };
        int permit = OutputCatalogue.SeriesCount, study = permit + 2;
        var (months, _, _) = RecordingSink.Run(scenario, 0);
        Assert.Equal([500, 500, 500, 0, 0, 0], months.Select(m => m.Values[permit]));
        Assert.Equal([0, 0, 0, 500, 500, 500], months.Select(m => m.Values[study]));
        Assert.All(months, m => Assert.Equal(500, m.Workers));
    }

    [Fact]
    public void ChannelStay_LeftOut_FollowsContractMeanMonthsAndItsTimeline()
    {
        var quiet = TestScenarios.Quiet(months: 6, runs: 10);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(F(0), F(1e9), F(300)),
            Channels = [Channel("permit", 1)],
            Timeline = [new TimelineEntry(quiet.Start.AddMonths(3), [new TimelineSetting("contract.mean_months", F(1))])],
        };
        Assert.Equal([300, 300, 300, 0, 0, 0], Workers(scenario));
        var own = scenario with { Channels = [Channel("permit", 1, 1e300)] };
        Assert.All(Workers(own), w => Assert.Equal(300, w));
    }

    [Fact]
    public void FeeAndVisibility_TakeTheirShareOfMoneyAndOfTheHazard()
    {
        var quiet = TestScenarios.Quiet(months: 12, runs: 2000);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(F(0), F(1e9), F(1000)),
            Pay = new PayAssumptions(F(90_000), F(90), F(0), F(0), F(0.5)),
            Channels = [Channel("permit", 1, visibility: 0, fee: 0.25)],
            Enforcement = quiet.Enforcement with { MonthlyHazardPer1000Workers = F(5) },
        };
        var (months, outcome, _) = RecordingSink.Run(scenario, 0);
        Assert.All(months, m => Assert.Equal(1000 * 1000.0 * 0.5 * 0.75, m.RemittancesUsd, 1e-6));
        // Invisible workers draw no scale hazard.
        Assert.Equal(0, MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 }).EnforcedByHorizon);
        Assert.Equal(0, outcome[Metric.EnforcementEvents]);
    }

    [Fact]
    public void Shares_ATimelineClosingOneChannelsShare_LeavesTheOthersTheWholeSplit()
    {
        var quiet = TestScenarios.Quiet(months: 4, runs: 20_000);
        var scenario = quiet with
        {
            Demand = new DemandAssumptions(F(1e8), F(1e8), F(1)),
            Supply = new SupplyAssumptions(F(400), F(1e9), F(0)),
            Channels = [Channel("permit", 0.5), Channel("study", 0.5)],
            Timeline = [new TimelineEntry(quiet.Start.AddMonths(2), [new TimelineSetting("channels.permit.share", F(0))])],
        };
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 });
        var permit = result.Of("arrivals.permit")!;
        var study = result.Of("arrivals.study")!;
        StatisticalAssert.Near(200, study[1].Mean, Math.Sqrt(200.0 / quiet.Runs), "study arrivals before");
        StatisticalAssert.Near(400, study[2].Mean, Math.Sqrt(400.0 / quiet.Runs), "study arrivals after");
        Assert.Equal(0, permit[2].Max);
    }
}
