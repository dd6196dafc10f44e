using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Testing;

namespace Simulation.Core.Tests.Model;

/// <summary>
/// Policies on the model (docs/decisions.md): the exact case of an adaptive policy, and common random numbers across
/// policies (a lever moves no other input's draw; a policy against an identical copy differs by exactly 0).
/// </summary>
public class PolicyTests
{
    private static InputDistribution F(double v) => InputDistribution.Fixed(v);

    /// <summary>
    /// A stock growing by exactly L a month (a contingent spread over every month, nothing else moving), watched by
    /// "workers >= X over 1 months", and a policy that sets the wage to 0, so that the month it applies from shows as
    /// the first month without remittances.
    /// </summary>
    private static Scenario Growing(int perMonth, double threshold, int lag, int months = 40)
    {
        var quiet = TestScenarios.Quiet(months: months, runs: 1);
        var policy = new Policy("stop-pay", [new PolicySetting("pay.wage", 0)])
        {
            Trigger = new PolicyTrigger("workers", Comparison.GreaterOrEqual, threshold, 1),
            LagMonths = lag,
        };
        return (quiet with
        {
            Contingents = [new Contingent(quiet.Start, F(perMonth * months), Scenario.DefaultChannel, months)],
            Levers = [new Lever("pay.wage", 0, 100000, null)],
            Policies = [policy],
        }).ForPolicy(policy);
    }

    [Theory]
    [InlineData(100, 1000, 0)]
    [InlineData(100, 1050, 2)]
    [InlineData(37, 500, 3)]
    [InlineData(250, 250, 1)]
    public void Adaptive_StockGrowingByL_FiresInMonthCeilXOverLAndAppliesLagLater(int perMonth, double threshold, int lag)
    {
        var (months, outcome, _) = RecordingSink.Run(Growing(perMonth, threshold, lag), 0);
        int firesIn = (int)Math.Ceiling(threshold / perMonth);
        for (int t = 0; t < months.Length; t++)
        {
            Assert.Equal(perMonth * (t + 1L), months[t].Workers);
        }
        // trigger_month is the month index (from 0) at whose end the signpost first held: month ceil(X / L) counting from 1.
        Assert.Equal(firesIn - 1, outcome[Metric.TriggerMonth]);
        int firstUnpaid = Array.FindIndex(months, m => m.RemittancesUsd == 0);
        Assert.Equal(firesIn + lag, firstUnpaid);
        Assert.All(months[firstUnpaid..], m => Assert.Equal(0, m.RemittancesUsd));
        Assert.All(months[..firstUnpaid], m => Assert.True(m.RemittancesUsd > 0));
    }

    [Fact]
    public void Adaptive_ThresholdAboveThePeak_NeverFires()
    {
        var (months, outcome, _) = RecordingSink.Run(Growing(100, 100 * 40 + 1, 0), 0);
        Assert.True(double.IsNaN(outcome[Metric.TriggerMonth]));
        Assert.All(months, m => Assert.True(m.RemittancesUsd > 0));
    }

    [Fact]
    public void Adaptive_Flow_SumsTheLastKMonths()
    {
        // Arrivals of exactly 100 a month: "arrivals > 250 over 3 months" holds first at the end of month 3 (index 2).
        var quiet = TestScenarios.Quiet(months: 12, runs: 1);
        var policy = new Policy("p", [new PolicySetting("pay.wage", 0)]) { Trigger = new PolicyTrigger("arrivals", Comparison.Greater, 250, 3) };
        var scenario = (quiet with
        {
            Contingents = [new Contingent(quiet.Start, F(1200), Scenario.DefaultChannel, 12)],
            Levers = [new Lever("pay.wage", 0, null, null)],
            Policies = [policy],
        }).ForPolicy(policy);
        var (_, outcome, _) = RecordingSink.Run(scenario, 0);
        Assert.Equal(2, outcome[Metric.TriggerMonth]);
    }

    private static Scenario WithLevers() => TestScenarios.Shipped("donbas-baseline", ("runs", "300"), ("months", "36")) with
    {
        Levers = [new Lever("enforcement.deterrence", 0.2, 1, null), new Lever("channels.study.open", null, null, [0, 1])],
    };

    [Fact]
    public void LeverChange_MovesNoOtherInputsDraw()
    {
        var scenario = WithLevers();
        var a = scenario.ForPolicy(new Policy("a", [new PolicySetting("enforcement.deterrence", 0.2)]));
        var b = scenario.ForPolicy(new Policy("b", [new PolicySetting("enforcement.deterrence", 0.9), new PolicySetting("channels.study.open", 0)]) { From = scenario.Start.AddMonths(12) });
        var names = scenario.Parameters().Select(p => p.KeyPath).ToList();
        for (long run = 0; run < 50; run++)
        {
            var (_, _, inputsA) = RecordingSink.Run(a, run);
            var (_, _, inputsB) = RecordingSink.Run(b, run);
            for (int i = 0; i < names.Count; i++)
            {
                if (names[i] != "enforcement.deterrence")
                {
                    Assert.True(inputsA[i] == inputsB[i], $"{names[i]} in run {run}: {inputsA[i]} against {inputsB[i]}");
                }
            }
        }
    }

    [Fact]
    public void Policy_AgainstAnIdenticalCopy_ExactlyTheSameRuns()
    {
        var scenario = WithLevers();
        var one = scenario.ForPolicy(new Policy("one", [new PolicySetting("enforcement.deterrence", 0.3)]));
        var copy = scenario.ForPolicy(new Policy("copy", [new PolicySetting("enforcement.deterrence", 0.3)]));
        for (long run = 0; run < 100; run++)
        {
            var (monthsA, outcomeA, _) = RecordingSink.Run(one, run);
            var (monthsB, outcomeB, _) = RecordingSink.Run(copy, run);
            for (int m = 0; m < OutputCatalogue.MetricCount; m++)
            {
                Assert.Equal(outcomeA[(Metric)m], outcomeB[(Metric)m]);
            }
            Assert.Equal(monthsA.Select(x => x.Values), monthsB.Select(x => x.Values));
        }
    }

    [Fact]
    public void Policy_FromAMonth_OutranksALaterTimelineChangeOfTheSameKey()
    {
        // The file's timeline sets the dispatch to 0 from month 6; a policy from month 3 that sets it holds for the rest.
        var quiet = TestScenarios.Quiet(months: 12, runs: 1);
        var scenario = quiet with
        {
            Demand = quiet.Demand with { WartimeWorkers = F(1e9) },
            Supply = quiet.Supply with { DispatchPerMonth = F(0), Pool = F(1e9) },
            Timeline = [new TimelineEntry(quiet.Start.AddMonths(6), [new TimelineSetting("supply.dispatch_per_month", F(0))])],
            Levers = [new Lever("supply.dispatch_per_month", 0, 1000, null)],
        };
        var policy = new Policy("send", [new PolicySetting("supply.dispatch_per_month", 500)]) { From = quiet.Start.AddMonths(3) };
        var (months, _, _) = RecordingSink.Run(scenario.ForPolicy(policy), 0);
        Assert.All(months[..3], m => Assert.Equal(0, m.Arrivals));
        Assert.All(months[3..], m => Assert.True(m.Arrivals > 0));
    }
}
