using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Testing;
using MathPoisson = MathNet.Numerics.Distributions.Poisson;

namespace Simulation.Core.Tests.Model;

public class LaborMigrationModelTests
{
    private static InputDistribution F(double v) => InputDistribution.Fixed(v);

    [Fact]
    public void PoissonThinning_ConstantDispatchNoEnforcement_StockIsPoissonWithKnownMean()
    {
        // docs/model.md exact case: W_t ~ Poisson(L (1 - (1 - p)^t) / p).
        const double dispatch = 300;
        const double meanMonths = 8;
        const int runs = 20_000;
        var quiet = TestScenarios.Quiet(months: 30, runs: runs);
        var scenario = quiet with
        {
            Demand = new DemandAssumptions(F(1e8), F(1e8), F(1)),
            Supply = new SupplyAssumptions(F(dispatch), F(1e9), F(0)),
            Contract = new ContractAssumptions(F(meanMonths)),
        };
        double p = 1 / meanMonths;
        int[] checkedMonths = [0, 2, 9, 29];
        var stocks = new double[checkedMonths.Length][];
        for (int i = 0; i < stocks.Length; i++) stocks[i] = new double[runs];
        for (long run = 0; run < runs; run++)
        {
            var (months, _, _) = RecordingSink.Run(scenario, run);
            for (int i = 0; i < checkedMonths.Length; i++)
            {
                stocks[i][run] = months[checkedMonths[i]].Workers;
            }
        }
        LaneModelTests.AssertSameSideBySide(scenario, "Poisson thinning");
        for (int i = 0; i < checkedMonths.Length; i++)
        {
            int t = checkedMonths[i] + 1; // the series' month t reports W_{t+1}
            double mean = dispatch * (1 - Math.Pow(1 - p, t)) / p;
            StatisticalAssert.Moments(stocks[i], mean, mean, mean * (1 + 3 * mean), $"W_{t}");
            StatisticalAssert.MatchesCdf(stocks[i], x => MathPoisson.CDF(mean, x),
                [Math.Floor(mean - 2 * Math.Sqrt(mean)), Math.Floor(mean), Math.Floor(mean + 2 * Math.Sqrt(mean))], $"W_{t}");
        }
    }

    [Fact]
    public void ConstantHazard_NoScaleTerm_FirstEventByMonthIsExponential()
    {
        // docs/model.md exact case: P(first event by the end of month t) = 1 - exp(-h (t + 1)).
        const double hazard = 0.04;
        const int runs = 40_000;
        var quiet = TestScenarios.Quiet(months: 36, runs: runs);
        var scenario = quiet with
        {
            // Version 1's rule: the hazard runs with no worker abroad (the quiet scenario has none).
            Enforcement = quiet.Enforcement with { BaseMonthlyHazard = F(hazard), BeforeDeployment = true },
        };
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 });
        var enforced = result.Of(Series.Enforced);
        for (int t = 0; t < 36; t += 5)
        {
            StatisticalAssert.ShareNear(1 - Math.Exp(-hazard * (t + 1)), enforced[t].Mean, runs, $"P(enforced by month {t})");
        }
        var first = result.Of(Metric.FirstEnforcementMonth);
        StatisticalAssert.ShareNear(1 - Math.Exp(-hazard * 36), first.ShareObserved, runs, "share with an event");
    }

    [Fact]
    public void ConstantHazard_WithPiecewiseMultiplier_FollowsTheChangedRate()
    {
        const double hazard = 0.05;
        const int runs = 40_000;
        var quiet = TestScenarios.Quiet(months: 24, runs: runs);
        var scenario = quiet with
        {
            Enforcement = quiet.Enforcement with
            {
                BaseMonthlyHazard = F(hazard),
                BaseHazardChanges = [new HazardChange(quiet.Start.AddMonths(12), F(0.5))],
                BeforeDeployment = true,
            },
        };
        var enforced = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 }).Of(Series.Enforced);
        // Months 0..11 at h, months 12..t at h / 2.
        StatisticalAssert.ShareNear(1 - Math.Exp(-hazard * 12), enforced[11].Mean, runs, "before the change");
        StatisticalAssert.ShareNear(1 - Math.Exp(-hazard * 12 - hazard / 2 * 12), enforced[23].Mean, runs, "after the change");
    }

    [Fact]
    public void NoNoise_EverythingFixedAndQuiet_AllRunsIdenticalAndNoMoney()
    {
        var scenario = TestScenarios.Quiet(months: 12, runs: 3000);
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 });
        foreach (var series in result.SeriesByMonth)
        {
            foreach (var month in series)
            {
                Assert.Equal(0, month.Sd);
                Assert.Equal(month.Min, month.Max);
            }
        }
        Assert.Equal(0, result.Of(Metric.RemittancesUsd).Statistics.Max);
        Assert.Equal(0, result.Of(Metric.PeakWorkers).Statistics.Max);
    }

    [Fact]
    public void DeterministicMoney_FixedWorkersNoNoise_RemittancesFollowTheFormula()
    {
        // docs/model.md exact case: M_t = W_0 * wage / S_t * state_share, with S_t = S_0 exp(drift t).
        const double workers = 1000, wage = 70000, rate = 90, share = 0.8, drift = 0.01;
        var quiet = TestScenarios.Quiet(months: 24, runs: 5);
        var scenario = quiet with
        {
            Supply = new SupplyAssumptions(F(0), F(1e9), F(workers)),
            Pay = new PayAssumptions(F(wage), F(rate), F(drift), F(0), F(share)),
        };
        for (long run = 0; run < 5; run++)
        {
            var (months, outcome, _) = RecordingSink.Run(scenario, run);
            double total = 0;
            for (int t = 0; t < months.Length; t++)
            {
                double expected = workers * wage / (rate * Math.Exp(drift * t)) * share;
                Assert.Equal(expected, months[t].RemittancesUsd, expected * 1e-12);
                Assert.Equal(workers, months[t].Workers);
                total += months[t].RemittancesUsd;
            }
            Assert.Equal(total, outcome[Metric.RemittancesUsd], total * 1e-12);
        }
        LaneModelTests.AssertSameSideBySide(scenario, "deterministic money");
    }

    [Fact]
    public void Stock_BaselineScenario_IsConservedAndNeverNegative()
    {
        var scenario = TestScenarios.Shipped("donbas-baseline");
        for (long run = 0; run < 300; run++)
        {
            var (months, outcome, inputs) = RecordingSink.Run(scenario, run);
            long stock = (long)Math.Round(inputs[ParameterCatalogue.SupplyInitialWorkers.Index], MidpointRounding.AwayFromZero);
            long arrivals = 0, workerMonths = 0, peak = 0;
            foreach (var month in months)
            {
                Assert.Equal(stock - month.Returns - month.Expelled + month.Arrivals, month.Workers);
                Assert.True(month.Workers >= 0 && month.Returns >= 0 && month.Expelled >= 0 && month.Arrivals >= 0);
                Assert.True(month.RemittancesUsd >= 0 && double.IsFinite(month.RemittancesUsd));
                stock = month.Workers;
                arrivals += month.Arrivals;
                workerMonths += month.Workers;
                peak = Math.Max(peak, month.Workers);
            }
            Assert.Equal(stock, outcome[Metric.WorkersEnd]);
            Assert.Equal(arrivals, outcome[Metric.TotalDeployed]);
            Assert.Equal(workerMonths, outcome[Metric.WorkerMonths]);
            Assert.Equal(peak, outcome[Metric.PeakWorkers]);
        }
    }

    [Fact]
    public void Ceasefire_DrawBelowZeroAndNever_AreHandledAsTheModelSays()
    {
        var quiet = TestScenarios.Quiet(months: 6, runs: 1);
        var early = quiet with { Ceasefire = new CeasefireAssumptions(F(-3.7), F(0)) };
        var (months, outcome, _) = RecordingSink.Run(early, 0);
        Assert.All(months, m => Assert.True(m.Postwar));
        Assert.Equal(0, outcome[Metric.CeasefireMonth]);

        var late = quiet with { Ceasefire = new CeasefireAssumptions(F(3.9), F(0)) };
        (months, outcome, _) = RecordingSink.Run(late, 0);
        Assert.Equal([false, false, false, true, true, true], months.Select(m => m.Postwar));
        Assert.Equal(3, outcome[Metric.CeasefireMonth]);

        var never = quiet with { Ceasefire = new CeasefireAssumptions(F(2), F(1)) };
        (months, outcome, _) = RecordingSink.Run(never, 0);
        Assert.All(months, m => Assert.False(m.Postwar));
        Assert.True(double.IsNaN(outcome[Metric.CeasefireMonth]));
    }

    [Fact]
    public void Demand_AfterCeasefire_RampsLinearlyToPeak()
    {
        double[] expected = [100, 100, 200, 300, 400, 500, 500, 500];
        for (int t = 0; t < expected.Length; t++)
        {
            Assert.Equal(expected[t], LaborMigrationModel.Demand(t, ceasefire: 2, wartime: 100, peak: 500, rampMonths: 4), 12);
        }
        Assert.Equal(100, LaborMigrationModel.Demand(50, int.MaxValue, 100, 500, 4));
    }

    [Fact]
    public void Arrivals_EmptyStockFirstMonth_MeanIsTheSmallestLimit()
    {
        // With W_0 = 0, E[A_0] = min(D_0, dispatch, pool) exactly.
        const int runs = 20_000;
        var quiet = TestScenarios.Quiet(months: 1, runs: runs);
        var scenario = quiet with
        {
            Demand = new DemandAssumptions(F(400), F(400), F(1)),
            Supply = new SupplyAssumptions(F(250), F(1e9), F(0)),
        };
        var arrivals = MonteCarloRunner.Run(scenario, new RunnerOptions { Threads = 2 }).Of(Series.Arrivals)[0];
        StatisticalAssert.Near(250, arrivals.Mean, Math.Sqrt(250.0 / runs), "E[A_0]");
    }
}
