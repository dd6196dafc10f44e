using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Testing;

namespace Simulation.Core.Tests.Model;

/// <summary>
/// Version 3's money of docs/model.md, "Withheld pay and settlement" and "Contingent revenue": the exact cases, and a
/// step-by-step reimplementation of the arrears account checked against every month of the model's runs.
/// </summary>
public class VersionThreeExactCaseTests
{
    private static InputDistribution F(double v) => InputDistribution.Fixed(v);

    private const double Withheld = 150, StayMonths = 36, Stock = 10_000;

    /// <summary>A scheme held near <see cref="Stock"/> workers (arrivals refill returns), with geometric stays and pay withheld.</summary>
    private static Scenario HeldScheme(int months, long runs, double hazard = 0, double forfeit = 1, double deduction = 0)
    {
        var quiet = TestScenarios.Quiet(months: months, runs: runs);
        return quiet with
        {
            Demand = new DemandAssumptions(F(Stock), F(Stock), F(1)),
            Supply = new SupplyAssumptions(F(1e6), F(1e9), F(Stock)),
            Contract = new ContractAssumptions(F(StayMonths)),
            Pay = quiet.Pay with { WithheldPerMonth = F(Withheld), ForfeitOnForcedExit = F(forfeit), SettlementDeduction = F(deduction) },
            Enforcement = quiet.Enforcement with { BaseMonthlyHazard = F(hazard), ExpelFraction = F(0.3) },
        };
    }

    private static int IndexOf(Scenario scenario, string name)
    {
        var series = scenario.SeriesDefinitions();
        for (int i = 0; i < series.Count; i++)
        {
            if (series[i].Name == name)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"{name} is not a series of {scenario.Name}");
    }

    [Fact]
    public void Arrears_EveryMonthOfEveryRun_FollowsTheStatedStepOrder()
    {
        // Enforcement events expel workers, so forced leavers forfeit half their balance and settlements lose 10%.
        var scenario = HeldScheme(months: 120, runs: 40, hazard: 0.05, forfeit: 0.5, deduction: 0.1);
        int arrearsIndex = IndexOf(scenario, "arrears_usd"), settlementsIndex = IndexOf(scenario, "settlements_usd");
        int expelledRuns = 0;
        for (long run = 0; run < scenario.Runs; run++)
        {
            var (months, _, _) = RecordingSink.Run(scenario, run);
            double arrears = 0;
            double workers = Stock;
            foreach (var month in months)
            {
                double normal = month.Returns;
                double forced = month.Expelled + month.Values[(int)Series.ForcedExits] + month.Values[(int)Series.Deaths] + month.Values[(int)Series.Desertions];
                expelledRuns += month.Expelled > 0 ? 1 : 0;
                double perWorker = workers > 0 ? arrears / workers : 0;
                double settlements = perWorker * (normal + forced * (1 - 0.5)) * (1 - 0.1);
                arrears += Withheld * month.Workers - perWorker * (normal + forced);
                Assert.Equal(arrears, month.Values[arrearsIndex], 1e-9 * Math.Max(1, arrears));
                Assert.Equal(settlements, month.Values[settlementsIndex], 1e-9 * Math.Max(1, settlements));
                workers = month.Workers;
            }
        }
        Assert.True(expelledRuns > 0, "no run had an expulsion: the forced path was not exercised");
    }

    [Fact]
    public void Arrears_SteadyState_IsWithheldTimesStayTimesStock_AndSettlementsWithheldTimesStock()
    {
        // E[A_t+1] = E[A_t] (1 - 1/m) + k E[W_t+1] exactly (returns are drawn independently of the balance), so at the
        // steady state E[A] = k m E[W] (the continuous limit's value, exact here in expectation) and the month's
        // settlements, E[A] / m, are k E[W]: $54M and $1.5M at W = 10,000. 480 months leave (35/36)^480 of the start.
        var scenario = HeldScheme(months: 480, runs: 4000);
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 });
        int last = scenario.Months - 1;
        var workers = result.Of(Series.Workers)[last];
        var arrears = result.Of("arrears_usd")![last];
        var settlements = result.Of("settlements_usd")![last];
        double km = Withheld * StayMonths;
        // The errors are added as if independent: A and W move together, so this overstates the difference's error.
        StatisticalAssert.Near(km * workers.Mean, arrears.Mean, Math.Sqrt(arrears.Se * arrears.Se + km * km * workers.Se * workers.Se), "arrears at the steady state");
        StatisticalAssert.Near(Withheld * workers.Mean, settlements.Mean, Math.Sqrt(settlements.Se * settlements.Se + Withheld * Withheld * workers.Se * workers.Se), "monthly settlements");
        // The scheme is held near 10,000 (the month's returns are refilled the month after), so the contract's figures hold to 3%.
        Assert.InRange(arrears.Mean, 0.97 * 54e6, 54e6);
        Assert.InRange(settlements.Mean, 0.97 * 1.5e6, 1.5e6);
    }

    [Theory]
    [InlineData(1, 36_000_000.0)]
    [InlineData(3, 34_002_000.0)]
    public void ContingentRevenue_NoExits_IsSizeTimesPayTimesMonthsAbroad(int spreadMonths, double expected)
    {
        // N = 1,000 from month 6 of 24 at $2,000 a head: N P D = 1,000 x 2,000 x 18; spread over three months, the parts
        // 334, 333 and 333 are abroad 18, 17 and 16 months.
        var quiet = TestScenarios.Quiet(months: 24, runs: 50);
        var scenario = quiet with
        {
            Contingents = [new Contingent(new YearMonth(2025, 7), F(1000), "permit", spreadMonths) { PayPerMonth = F(2000) }],
        };
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 });
        var total = result.Of(Metric.TotalContingentRevenueUsd).Statistics;
        Assert.Equal(expected, total.Min);
        Assert.Equal(expected, total.Max);
        // Labor revenue is apart: the contingent's members are paid wages too, but its pay is not remittances.
        Assert.True(scenario.Reports(Metric.TotalContingentRevenueUsd));
    }

    [Fact]
    public void ContingentRevenue_MembersLeaveWithTheirChannel_PayTimesTheMembersAbroad()
    {
        // A channel holding only the contingent: its members abroad are the channel's stock, month by month.
        var quiet = TestScenarios.Quiet(months: 36, runs: 30);
        var scenario = quiet with
        {
            Contract = new ContractAssumptions(F(10)),
            Contingents = [new Contingent(new YearMonth(2025, 3), F(5000), "permit", 2) { PayPerMonth = F(2000) }],
        };
        int revenueIndex = IndexOf(scenario, "contingent_revenue_usd");
        for (long run = 0; run < scenario.Runs; run++)
        {
            var (months, outcome, _) = RecordingSink.Run(scenario, run);
            double sum = 0;
            foreach (var month in months)
            {
                Assert.Equal(2000.0 * month.Workers, month.Values[revenueIndex], 1e-6 * Math.Max(1, month.Values[revenueIndex]));
                sum += month.Values[revenueIndex];
            }
            Assert.Equal(sum, outcome[Metric.TotalContingentRevenueUsd], 1e-6 * sum);
        }
    }

    [Fact]
    public void VersionTwoScenario_HasNoVersionThreeSeries_AndDeliversItsRemittances()
    {
        var scenario = TestScenarios.Shipped("donbas-baseline", ("runs", "300"));
        var names = scenario.SeriesDefinitions().Select(d => d.Name).ToList();
        Assert.DoesNotContain("arrears_usd", names);
        Assert.DoesNotContain("settlements_usd", names);
        Assert.DoesNotContain("contingent_revenue_usd", names);
        Assert.False(scenario.Reports(Metric.DeliveredRemittancesUsd));
        Assert.False(scenario.Reports(Metric.TotalContingentRevenueUsd));
        for (long run = 0; run < 20; run++)
        {
            var (_, outcome, _) = RecordingSink.Run(scenario, run);
            Assert.Equal(outcome[Metric.RemittancesUsd], outcome[Metric.DeliveredRemittancesUsd]);
            Assert.Equal(0, outcome[Metric.TotalContingentRevenueUsd]);
        }
    }

    [Theory]
    [InlineData(0.7, 0.2)]
    [InlineData(0.25, 0.5)]
    public void MoneyChannels_BankAndCourier_DeliverTheContractsShares_BeforeAndAfterTheBankCloses(double chi, double fee)
    {
        // Bank share chi without a fee, courier 1 - chi with fee f: delivered = (1 - f (1 - chi)) S; once the bank is
        // closed (from month 12) with substitution to the courier, (1 - f) S. An in-kind channel of weight 0 changes nothing.
        var quiet = TestScenarios.Quiet(months: 24, runs: 20);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(F(0), F(1e9), F(10_000)),
            Pay = quiet.Pay with { FxVolatilityPerMonth = F(0.05) },
            MoneyChannels =
            [
                new MoneyChannel("bank", F(chi), F(0), F(1), "courier", false),
                new MoneyChannel("courier", F(1 - chi), F(fee), F(1), null, false),
                new MoneyChannel("oil", F(0), F(0), F(1), null, true),
            ],
            Timeline = [new TimelineEntry(new YearMonth(2026, 1), [new TimelineSetting("money_channels.bank.open", F(0))])],
        };
        int delivered = IndexOf(scenario, "delivered_usd"), lost = IndexOf(scenario, "lost_usd");
        for (long run = 0; run < scenario.Runs; run++)
        {
            var (months, outcome, _) = RecordingSink.Run(scenario, run);
            double total = 0;
            for (int t = 0; t < months.Length; t++)
            {
                double s = months[t].RemittancesUsd;
                double share = t < 12 ? 1 - fee * (1 - chi) : 1 - fee;
                Assert.True(s > 0);
                Assert.Equal(share * s, months[t].Values[delivered], 1e-12 * s);
                Assert.Equal(s - months[t].Values[delivered], months[t].Values[lost], 1e-12 * s);
                total += months[t].Values[delivered];
            }
            Assert.Equal(total, outcome[Metric.DeliveredRemittancesUsd], 1e-9 * total);
        }
        Assert.True(scenario.Reports(Metric.DeliveredRemittancesUsd));
    }

    [Fact]
    public void MoneyChannels_ClosedWithoutASubstitute_LoseTheirShare_AndAClosedSubstitutePassesNothingOn()
    {
        var quiet = TestScenarios.Quiet(months: 6, runs: 5);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(F(0), F(1e9), F(1000)),
            MoneyChannels =
            [
                new MoneyChannel("bank", F(0.6), F(0), F(0), "courier", false),
                new MoneyChannel("courier", F(0.4), F(0.1), F(0), null, false),
            ],
        };
        var (months, _, _) = RecordingSink.Run(scenario, 0);
        Assert.All(months, month => Assert.Equal(0, month.Values[IndexOf(scenario, "delivered_usd")]));
    }
}
