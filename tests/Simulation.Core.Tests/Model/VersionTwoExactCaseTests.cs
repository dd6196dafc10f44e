using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Testing;
using MathBinomial = MathNet.Numerics.Distributions.Binomial;
using MathPoisson = MathNet.Numerics.Distributions.Poisson;

namespace Simulation.Core.Tests.Model;

/// <summary>The exact cases of docs/model.md added by version 2, each with tolerances from the Monte Carlo standard error.</summary>
public class VersionTwoExactCaseTests
{
    private static InputDistribution F(double v) => InputDistribution.Fixed(v);

    private static ChannelAssumptions Channel(string name, double share, double? contractMonths = null, double open = 1, string? substituteTo = null,
        double substitution = 0, double visibility = 1, double fee = 0) =>
        new(name, F(share), contractMonths is { } m ? F(m) : null, F(open), substituteTo, F(substitution), F(visibility), F(fee));

    /// <summary>Every run's value of series <paramref name="series"/> in month <paramref name="month"/>.</summary>
    private static double[] Values(Scenario scenario, int seriesIndex, int month)
    {
        var values = new double[scenario.Runs];
        for (long run = 0; run < scenario.Runs; run++)
        {
            var (months, _, _) = RecordingSink.Run(scenario, run);
            values[run] = months[month].Values[seriesIndex];
        }
        return values;
    }

    private static void IsBinomial(double[] samples, long n, double p, string what)
    {
        double mean = n * p;
        double variance = n * p * (1 - p);
        StatisticalAssert.Moments(samples, mean, variance, variance * (1 + 3 * (n - 2) * p * (1 - p)), what);
        StatisticalAssert.MatchesCdf(samples, x => MathBinomial.CDF(p, (int)n, x), [Math.Floor(mean - Math.Sqrt(variance)), Math.Floor(mean), Math.Floor(mean + Math.Sqrt(variance))], what);
    }

    private static void IsPoisson(double[] samples, double mean, string what)
    {
        StatisticalAssert.Moments(samples, mean, mean, mean * (1 + 3 * mean), what);
        StatisticalAssert.MatchesCdf(samples, x => MathPoisson.CDF(mean, x), [Math.Floor(mean - Math.Sqrt(mean)), Math.Floor(mean), Math.Floor(mean + Math.Sqrt(mean))], what);
    }

    [Fact]
    public void NoScheme_NoWorkersEver_NoRunHasAnEnforcementEvent()
    {
        var quiet = TestScenarios.Quiet(months: 36, runs: 20_000);
        var scenario = quiet with { Enforcement = quiet.Enforcement with { BaseMonthlyHazard = F(0.5) } };
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 });
        Assert.Equal(0, result.EnforcedByHorizon);
        Assert.Equal(0, result.Of(Metric.FirstEnforcementMonth).Statistics.Count);

        // The control: version 1's rule strikes the empty scheme at the base rate.
        var before = MonteCarloRunner.Run(scenario with { Enforcement = scenario.Enforcement with { BeforeDeployment = true } }, new RunnerOptions { Threads = 2 });
        StatisticalAssert.ShareNear(1 - Math.Exp(-0.5 * 36), before.EnforcedByHorizon, scenario.Runs, "P(enforced) under before_deployment");
    }

    [Fact]
    public void NoScheme_WorkersArriveLater_HazardStartsWithTheFirstWorker()
    {
        // Workers only from month 12 (a ceasefire at month 11 with demand only after it): no event can come before month 12.
        var quiet = TestScenarios.Quiet(months: 24, runs: 5000);
        var scenario = quiet with
        {
            Ceasefire = new CeasefireAssumptions(F(11), F(0)),
            Demand = new DemandAssumptions(F(0), F(1e6), F(1)),
            Supply = new SupplyAssumptions(F(500), F(1e9), F(0)),
            Enforcement = quiet.Enforcement with { BaseMonthlyHazard = F(0.2) },
        };
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 });
        var first = result.Of(Metric.FirstEnforcementMonth).Statistics;
        Assert.True(first.Min >= 12, $"first event at month {first.Min}");
        // The first arrivals (about 500) come in month 11, so the stock is positive from the start of month 12: 12 months of hazard.
        StatisticalAssert.ShareNear(1 - Math.Exp(-0.2 * 12), result.EnforcedByHorizon, scenario.Runs, "P(enforced by horizon)");
    }

    [Theory]
    [InlineData(0.6, 4)]
    [InlineData(0.95, 3)]
    [InlineData(1.0, 2)]
    public void DeadlineThinning_NoOtherFlows_StockAtTheDeadlineIsBinomial(double compliance, int ramp)
    {
        const long workers = 400;
        var quiet = TestScenarios.Quiet(months: 12, runs: 20_000);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(F(0), F(1e9), F(workers)),
            Repatriation = [new RepatriationOrder(quiet.Start.AddMonths(8), F(compliance), F(ramp), [], null, F(0))],
        };
        // The stock at the deadline (the start of month 8) is the end-of-month stock of month 7.
        var atDeadline = Values(scenario, (int)Series.Workers, 7);
        if (compliance >= 1)
        {
            Assert.All(atDeadline, w => Assert.Equal(0, w));
            return;
        }
        IsBinomial(atDeadline, workers, 1 - compliance, "W at the deadline");
        // Before the window nothing moves; after the deadline no more removals.
        Assert.All(Values(scenario, (int)Series.Workers, 8 - ramp - 1), w => Assert.Equal(workers, w));
        Assert.Equal(Values(scenario, (int)Series.Workers, 11), atDeadline);
    }

    [Fact]
    public void ChannelThinning_TwoOpenChannels_EachStockIsPoissonWithItsShareAndStay()
    {
        const double dispatch = 300;
        double[] shares = [0.3, 0.7];
        double[] stays = [8, 20];
        var quiet = TestScenarios.Quiet(months: 30, runs: 20_000);
        var scenario = quiet with
        {
            Demand = new DemandAssumptions(F(1e8), F(1e8), F(1)),
            Supply = new SupplyAssumptions(F(dispatch), F(1e9), F(0)),
            Channels = [Channel("permit", shares[0], stays[0]), Channel("study", shares[1], stays[1])],
        };
        Assert.Equal("workers.study", new CompiledScenario(scenario).Series[OutputCatalogue.SeriesCount + 2].Name);
        LaneModelTests.AssertSameSideBySide(scenario, "two open channels");
        foreach (int month in new[] { 0, 9, 29 })
        {
            for (int c = 0; c < 2; c++)
            {
                int t = month + 1;
                double p = 1 / stays[c];
                IsPoisson(Values(scenario, OutputCatalogue.SeriesCount + 2 * c, month), dispatch * shares[c] * (1 - Math.Pow(1 - p, t)) / p, $"W^{c}_{t}");
            }
        }
    }

    [Fact]
    public void FullSubstitution_ClosedChannelIntoOneOfTheSameStay_TotalStockAsIfOpen()
    {
        const double dispatch = 250, stay = 12;
        var quiet = TestScenarios.Quiet(months: 24, runs: 20_000);
        var open = quiet with
        {
            Demand = new DemandAssumptions(F(1e8), F(1e8), F(1)),
            Supply = new SupplyAssumptions(F(dispatch), F(1e9), F(0)),
            Channels = [Channel("permit", 0.4, stay), Channel("study", 0.6, stay)],
        };
        var substituted = open with { Channels = [Channel("permit", 0.4, stay, open: 0, substituteTo: "study", substitution: 1), Channel("study", 0.6, stay)] };
        LaneModelTests.AssertSameSideBySide(open, "two open channels of the same stay");
        LaneModelTests.AssertSameSideBySide(substituted, "full substitution");
        foreach (int month in new[] { 3, 23 })
        {
            int t = month + 1;
            double p = 1 / stay;
            double mean = dispatch * (1 - Math.Pow(1 - p, t)) / p;
            IsPoisson(Values(open, (int)Series.Workers, month), mean, $"open W_{t}");
            var total = Values(substituted, (int)Series.Workers, month);
            IsPoisson(total, mean, $"substituted W_{t}");
            Assert.All(Values(substituted, OutputCatalogue.SeriesCount, month), w => Assert.Equal(0, w));
        }
    }

    [Fact]
    public void AttritionOnly_StockIsBinomialWithTheSurvivalProbability()
    {
        const long workers = 1000;
        const double death = 0.02, desertion = 0.01;
        var quiet = TestScenarios.Quiet(months: 12, runs: 20_000);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(F(0), F(1e9), F(workers)),
            Attrition = new AttritionAssumptions(F(death), F(desertion)),
        };
        foreach (int month in new[] { 0, 5, 11 })
        {
            int t = month + 1;
            IsBinomial(Values(scenario, (int)Series.Workers, month), workers, Math.Pow((1 - death) * (1 - desertion), t), $"W_{t}");
        }
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 });
        double survive = Math.Pow((1 - death) * (1 - desertion), 12);
        // Deaths and desertions account for every worker lost.
        StatisticalAssert.Near(workers * (1 - survive), result.Of(Metric.TotalDeaths).Statistics.Mean + result.Of(Metric.TotalDesertions).Statistics.Mean,
            Math.Sqrt(workers * survive * (1 - survive) / scenario.Runs), "deaths + desertions");
    }

    [Fact]
    public void ClosedBorders_NoArrivals_StockChangesOnlyByExpulsionsDeathsAndDesertions()
    {
        const long workers = 600;
        var quiet = TestScenarios.Quiet(months: 18, runs: 3000);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(F(0), F(1e9), F(workers)) { DepartureCapacity = F(0) },
            Contract = new ContractAssumptions(F(6)),
            Repatriation = [new RepatriationOrder(quiet.Start.AddMonths(10), F(0.9), F(5), [], null, F(0))],
            Enforcement = quiet.Enforcement with { BaseMonthlyHazard = F(0.1), ExpelFraction = F(0.2) },
            Attrition = new AttritionAssumptions(F(0.01), F(0.005)),
        };
        for (long run = 0; run < scenario.Runs; run++)
        {
            var (months, outcome, _) = RecordingSink.Run(scenario, run);
            long stock = workers;
            foreach (var month in months)
            {
                Assert.Equal(0, month.Returns);
                Assert.Equal(0, month.Values[(int)Series.ForcedExits]);
                long lost = month.Expelled + (long)month.Values[(int)Series.Deaths] + (long)month.Values[(int)Series.Desertions];
                Assert.Equal(stock - lost, month.Workers);
                stock = month.Workers;
            }
            Assert.Equal(0, outcome[Metric.TotalForcedExits]);
        }
        var noHazard = scenario with { Enforcement = scenario.Enforcement with { BaseMonthlyHazard = F(0) }, Attrition = new AttritionAssumptions(F(0), F(0)) };
        Assert.All(Values(noHazard, (int)Series.Workers, 17), w => Assert.Equal(workers, w));
    }

    [Fact]
    public void Timeline_ValueSetFromMonthM_IsInForceExactlyFromM()
    {
        const int runs = 20_000;
        var quiet = TestScenarios.Quiet(months: 10, runs: runs);
        var scenario = quiet with
        {
            Demand = new DemandAssumptions(F(1e8), F(1e8), F(1)),
            Supply = new SupplyAssumptions(F(0), F(1e9), F(0)),
            Timeline = [new TimelineEntry(quiet.Start.AddMonths(5), [new TimelineSetting("supply.dispatch_per_month", F(200))])],
        };
        var arrivals = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 }).Of(Series.Arrivals);
        for (int t = 0; t < 5; t++)
        {
            Assert.Equal(0, arrivals[t].Max);
        }
        StatisticalAssert.Near(200, arrivals[5].Mean, Math.Sqrt(200.0 / runs), "E[A_5]");
    }

    [Fact]
    public void Contingent_NoOtherFlows_StockJumpsByExactlyN()
    {
        var quiet = TestScenarios.Quiet(months: 8, runs: 200);
        var whole = quiet with { Contingents = [new Contingent(quiet.Start.AddMonths(3), F(750), Scenario.DefaultChannel, 1)] };
        var spread = quiet with { Contingents = [new Contingent(quiet.Start.AddMonths(3), F(750), Scenario.DefaultChannel, 4)] };
        for (long run = 0; run < quiet.Runs; run++)
        {
            var (months, _, _) = RecordingSink.Run(whole, run);
            Assert.Equal([0, 0, 0, 750, 750, 750, 750, 750], months.Select(m => m.Workers));
            (months, _, _) = RecordingSink.Run(spread, run);
            Assert.Equal([0, 0, 0, 188, 376, 563, 750, 750], months.Select(m => m.Workers));
        }
    }
}
