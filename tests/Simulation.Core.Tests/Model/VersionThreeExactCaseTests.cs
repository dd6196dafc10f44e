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

    private static Destination Place(string name, double share, double hazardFactor = 1, double? wage = null) =>
        new(name, F(share)) { HazardFactor = F(hazardFactor), Wage = wage is { } w ? F(w) : null };

    [Fact]
    public void TwoDestinations_TransfersBothWays_LongRunShareIsTheRatioOfRates()
    {
        // All workers start at R; R -> O with 0.02 a month, O -> R with 1/3, no other exits: E[W_O] / W tends to
        // 0.02 / (0.02 + 1/3) = 0.0566 (each worker moves at most once a month, on the month's starting stocks).
        var quiet = TestScenarios.Quiet(months: 120, runs: 2000);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(F(0), F(1e9), F(20_000)),
            Destinations = [Place("R", 1), Place("O", 0)],
            Transfers = [new Transfer("R", "O", F(0.02)), new Transfer("O", "R", F(1.0 / 3))],
        };
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 });
        var atO = result.Of("workers@O")![scenario.Months - 1];
        var total = result.Of(Series.Workers)[scenario.Months - 1];
        Assert.Equal(20_000, total.Min);
        Assert.Equal(20_000, total.Max);
        StatisticalAssert.Near(0.02 / (0.02 + 1.0 / 3), atO.Mean / 20_000, atO.Se / 20_000, "long-run share of workers at O");
    }

    [Fact]
    public void PeakWorkersAtEachDestination_IsEachRunsLargestMonthThere_FromTheForecastsStart()
    {
        // An independent reading of the same runs: every month of every run recorded, the largest workers@D from
        // forecast_from on taken per run, and summarised; the summary's peak_workers@D must agree exactly.
        var quiet = TestScenarios.Quiet(months: 36, runs: 300);
        var scenario = quiet with
        {
            Demand = new DemandAssumptions(F(3000), F(3000), F(1)),
            Supply = new SupplyAssumptions(F(1e6), F(400), F(2000)),
            Destinations = [Place("R", 0.7), Place("O", 0.3)],
            Transfers = [new Transfer("R", "O", F(0.05))],
            ForecastFrom = quiet.Start.AddMonths(12),
        };
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2, SaveRuns = true });
        Assert.Equal(["peak_workers@R", "peak_workers@O"], result.DestinationPeaks.Select(p => p.Name));
        var table = result.RunTable!;
        Assert.Equal(["peak_workers@R", "peak_workers@O"], table.ExtraMetricNames);
        var compiled = new CompiledScenario(scenario);
        for (int d = 0; d < 2; d++)
        {
            int series = compiled.Series.Select(s => s.Name).ToList().IndexOf(d == 0 ? "workers@R" : "workers@O");
            var peaks = new double[scenario.Runs];
            for (long run = 0; run < scenario.Runs; run++)
            {
                var (months, _, _) = RecordingSink.Run(scenario, run);
                peaks[run] = months.Skip(12).Max(m => m.Values[series]);
            }
            for (long run = 0; run < scenario.Runs; run++)
            {
                Assert.Equal(peaks[run], table.Row(run)[table.InputNames.Count + OutputCatalogue.MetricCount + d]);
            }
            var summary = result.DestinationPeaks[d].Statistics;
            Assert.Equal(peaks.Length, summary.Count);
            Assert.Equal(peaks.Max(), summary.Max);
            Assert.Equal(peaks.Min(), summary.Min);
            Assert.Equal(peaks.Average(), summary.Mean, 1e-9 * peaks.Average());
        }
        // Without destinations there is none.
        Assert.Empty(MonteCarloRunner.Run(quiet, new RunnerOptions { Threads = 1 }).DestinationPeaks);
    }

    [Fact]
    public void Transfers_ConserveTheStock_TheTotalIsTheVersionTwoStockInEveryRun()
    {
        // Arrivals (all to R), an enforcement hazard with expulsions and transfers R <-> O: the total abroad in every
        // month of every run is the version 2 scenario's without destinations (the same streams drive the same totals).
        var quiet = TestScenarios.Quiet(months: 48, runs: 30);
        var v2 = quiet with
        {
            Demand = new DemandAssumptions(F(5000), F(5000), F(1)),
            Supply = new SupplyAssumptions(F(400), F(1e9), F(0)),
        };
        var v3 = v2 with
        {
            Destinations = [Place("R", 1), Place("O", 0)],
            Transfers = [new Transfer("R", "O", F(0.1)), new Transfer("O", "R", F(0.05))],
        };
        int atO = IndexOf(v3, "workers@O");
        bool movedAny = false;
        for (long run = 0; run < v3.Runs; run++)
        {
            var (two, _, _) = RecordingSink.Run(v2, run);
            var (three, _, _) = RecordingSink.Run(v3, run);
            for (int t = 0; t < v2.Months; t++)
            {
                Assert.Equal(two[t].Workers, three[t].Workers);
                movedAny |= three[t].Values[atO] > 0;
            }
        }
        Assert.True(movedAny);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DestinationDemand_ArrivalsGoWhereDemandIsUnmet(bool russiaSharesTheScenarioDemand)
    {
        // Russia wants 2,000 and has them (the 2,000 at the start, who never leave); occupied Donbas wants nothing until
        // the ceasefire (month 12), then 3,000 at once. Before it nobody goes to Donbas; in month 12 the whole gap is
        // Donbas's, so its arrivals are Poisson(3,000), and Russia's stay 0. Russia's demand is its own curve, or the
        // scenario's demand, which destinations without a curve share.
        var quiet = TestScenarios.Quiet(months: 13, runs: 4000);
        var russia = russiaSharesTheScenarioDemand ? Place("russia", 1) : Place("russia", 1) with { Demand = new DemandAssumptions(F(2000), F(2000), F(1)) };
        var scenario = quiet with
        {
            Ceasefire = new CeasefireAssumptions(F(12), F(0)),
            Demand = new DemandAssumptions(F(2000), F(2000), F(1)),
            Supply = new SupplyAssumptions(F(1e6), F(1e9), F(2000)),
            Destinations = [russia, Place("donbas", 1) with { Demand = new DemandAssumptions(F(0), F(3000), F(1)) }],
        };
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 });
        var donbas = result.Of("arrivals@donbas")!;
        for (int t = 0; t < 12; t++)
        {
            Assert.Equal(0, donbas[t].Max);
        }
        Assert.Equal(0, result.Of("arrivals@russia")![12].Max);
        StatisticalAssert.Near(3000, donbas[12].Mean, Math.Sqrt(3000.0 / scenario.Runs), "mean arrivals in Donbas in the ceasefire's month");
        // The sample standard deviation's error is sd / sqrt(2n) for a near-normal count (a Poisson of mean 3,000 has excess kurtosis 1/3,000).
        StatisticalAssert.Near(Math.Sqrt(3000), donbas[12].Sd, Math.Sqrt(3000.0 / (2.0 * scenario.Runs)), "their standard deviation (Poisson: the square root of the mean)");
    }

    [Fact]
    public void HazardFactor_MultipliesTheWorkerTermForWorkersThere()
    {
        // 1,000 workers at O (hazard factor 3), nothing else moving: h = 3 x 0.01 x 1000 / 1000 = 0.03 a month, so
        // P(first event by the end of month t) = 1 - exp(-0.03 (t + 1)).
        var quiet = TestScenarios.Quiet(months: 24, runs: 20_000);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(F(0), F(1e9), F(1000)),
            Destinations = [Place("O", 1, hazardFactor: 3), Place("R", 0)],
            Enforcement = quiet.Enforcement with { MonthlyHazardPer1000Workers = F(0.01), ExpelFraction = F(0) },
        };
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 });
        StatisticalAssert.ShareNear(1 - Math.Exp(-0.03 * 24), result.EnforcedByHorizon, scenario.Runs, "P(enforced by the horizon)");
    }

    [Fact]
    public void DestinationWages_PayTheirOwnWage()
    {
        // 1,000 workers at A (wage 45,000) and none at B (90,000): M_t = 1000 x 45,000 / 90 x 0.8 = $400,000 exactly.
        var quiet = TestScenarios.Quiet(months: 6, runs: 3);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(F(0), F(1e9), F(1000)),
            Destinations = [Place("A", 1, wage: 45_000), Place("B", 0, wage: 90_000)],
        };
        var (months, _, _) = RecordingSink.Run(scenario, 0);
        Assert.All(months, month => Assert.Equal(400_000, month.RemittancesUsd, 1e-6));
    }
}
