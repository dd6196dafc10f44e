using Simulation.Core.Catalogue;
using Simulation.Core.Decisions;
using Simulation.Core.Discovery;
using Simulation.Core.Model;
using Simulation.Core.Requests;
using Simulation.Testing;

namespace Simulation.Core.Tests.Decisions;

/// <summary>laborsim robust's engine: the payoff-table known answer of docs/decisions.md, common random numbers, and futures that do not depend on threads or shards.</summary>
public class RobustAnalysisTests
{
    /// <summary>
    /// The contract's known answer: one measure to minimise in four futures, A = [100, 100, 100, 100],
    /// B = [10, 30, 60, 210], C = [60, 70, 80, 120]. Laplace picks B (77.5), maximin A (100), minimax regret C (50),
    /// Hurwicz(0.5) C (90); satisficing at &lt;= 90 ties B and C at 0.75.
    /// </summary>
    [Fact]
    public void PayoffTable_EachCriterionPicksTheContractsPolicy()
    {
        double[][] values = [[100, 100, 100, 100], [10, 30, 60, 210], [60, 70, 80, 120]];
        var measure = Measure.Of(Metric.RemittancesUsd);
        var table = new FuturesTable([], ["A", "B", "C"], [measure], 0, 4);
        for (int f = 0; f < 4; f++)
        {
            for (int p = 0; p < 3; p++)
            {
                table.Values[f * 3 + p] = values[p][f];
                table.Satisfied[f * 3 + p] = values[p][f] <= 90;
            }
        }
        var scores = RobustAnalysis.Score(table, hurwicz: 0.5, satisficing: true);
        var result = new RobustResult(TestScenarios.Quiet(), [], table, scores, []);
        var choices = result.Choices(measure);
        Assert.Equal(["B"], choices.Laplace);
        Assert.Equal(["A"], choices.Maximin);
        Assert.Equal(["C"], choices.MinimaxRegret);
        Assert.Equal(["C"], choices.Hurwicz);
        Assert.Equal(["B", "C"], choices.Satisficing);
        var a = scores[0];
        var b = scores[1];
        var c = scores[2];
        Assert.Equal(77.5, b.Mean);
        Assert.Equal(100, a.Worst);
        Assert.Equal([90, 110, 50], new[] { a.RegretMax, b.RegretMax, c.RegretMax });
        Assert.Equal([100, 110, 90], new[] { a.Hurwicz, b.Hurwicz, c.Hurwicz });
        Assert.Equal([0, 0.75, 0.75], new[] { a.Satisficing!.Value, b.Satisficing!.Value, c.Satisficing!.Value });
        Assert.Equal(Math.Sqrt(0.75 * 0.25 / 4), b.SatisficingSe!.Value, 15);
        // Regret per future: C's is 50, 40, 20, 20; its mean 32.5.
        Assert.Equal(32.5, c.RegretMean);
    }

    [Fact]
    public void Maximise_MirrorsWorstBestTailAndRegret()
    {
        var measure = Measure.Of(HorizonProbability.Enforced);
        Assert.Equal(Goal.Maximise, measure.Goal);
        var table = new FuturesTable([], ["A", "B"], [measure], 0, 4);
        double[][] values = [[1, 1, 0, 0], [1, 1, 1, 0]];
        for (int f = 0; f < 4; f++)
        {
            table.Values[f * 2] = values[0][f];
            table.Values[f * 2 + 1] = values[1][f];
        }
        var scores = RobustAnalysis.Score(table);
        Assert.Equal(0, scores[0].Worst);
        Assert.Equal(1, scores[0].Best);
        Assert.Equal(1, scores[0].RegretMax);
        Assert.Equal(0, scores[1].RegretMax);
        Assert.Equal(["B"], new RobustResult(TestScenarios.Quiet(), [], table, scores, []).Choices(measure).Laplace);
        // On a 0/1 measure the worst case ties every policy that misses anywhere.
        Assert.Equal(["A", "B"], new RobustResult(TestScenarios.Quiet(), [], table, scores, []).Choices(measure).Maximin);
    }

    private static Scenario WithPolicies(long runs = 1500) => TestScenarios.Shipped("donbas-baseline", ("runs", runs.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("months", "36")) with
    {
        Levers = [new Lever("enforcement.deterrence", 0.1, 1, null), new Lever("channels.study.open", null, null, [0, 1])],
        Policies =
        [
            new Policy("deter", [new PolicySetting("enforcement.deterrence", 0.2)]),
            new Policy("deter-copy", [new PolicySetting("enforcement.deterrence", 0.2)]),
            new Policy("close-study", [new PolicySetting("channels.study.open", 0)]) { From = new Calendar.YearMonth(2023, 6) },
            new Policy("escalate", [new PolicySetting("enforcement.deterrence", 0.1)]) { Trigger = new PolicyTrigger("arrivals.study", Comparison.Greater, 3000, 3), LagMonths = 1 },
        ],
    };

    private static RobustRequest Request(Scenario scenario) => new(scenario, Measure.Defaults)
    {
        Satisfice = new OutcomeCondition([new OutcomeClause(Metric.RemittancesUsd, Comparison.Less, 2e8)]),
    };

    [Fact]
    public void Futures_SameForAnyThreadCountAndShardSplit()
    {
        var request = Request(WithPolicies());
        var one = request.Futures(1, null, default);
        var two = request.Futures(2, null, default);
        var shards = Enumerable.Range(0, 3).Select(i => (request with { Shard = (i, 3) }).Futures(2, null, default)).Reverse().ToList();
        var joined = FuturesTable.Concatenate(shards);
        foreach (var other in new[] { two, joined })
        {
            Assert.Equal(one.Inputs, other.Inputs);
            Assert.Equal(one.Values, other.Values);
            Assert.Equal(one.TriggerMonths, other.TriggerMonths);
            Assert.Equal(one.Satisfied, other.Satisfied);
        }
        var whole = request.Evaluate(one, TimeSpan.Zero);
        var merged = request.Evaluate(joined, TimeSpan.Zero);
        Assert.Equal(whole.Scores, merged.Scores);
    }

    [Fact]
    public void Futures_EveryPolicySharesTheFuturesDraws_AndACopyDiffersByExactlyZero()
    {
        var scenario = WithPolicies(300);
        var request = Request(scenario);
        var table = request.Futures(2, null, default);
        var policies = request.Policies.Select(p => p.Name).ToList();
        int deter = policies.IndexOf("deter"), copy = policies.IndexOf("deter-copy");
        for (int f = 0; f < table.Runs; f++)
        {
            for (int m = 0; m < table.Measures.Count; m++)
            {
                Assert.Equal(0, table.Value(f, deter, m) - table.Value(f, copy, m));
            }
        }
        // Sampled once per future, the inputs are exactly what each policy's scenario would draw for itself.
        foreach (var policy in request.Policies)
        {
            var own = scenario.ForPolicy(policy);
            var names = own.RecordedInputNames();
            for (long run = 0; run < 40; run++)
            {
                var (_, outcome, inputs) = Model.RecordingSink.Run(own, run);
                int k = policies.IndexOf(policy.Name);
                Assert.Equal(Measure.Of(Metric.RemittancesUsd).ValueOf(outcome), table.Value((int)run, k, 0));
                var uncertain = own.UncertainInputs().Select(u => u.KeyPath).ToList();
                var all = own.Parameters().Select(p => p.KeyPath).ToList();
                for (int i = 0; i < uncertain.Count; i++)
                {
                    Assert.Equal(inputs[all.IndexOf(uncertain[i])], table.Inputs[(int)run * names.Count + i]);
                }
            }
        }
        // The adaptive policy's signpost fires in some futures and not in others.
        int escalate = policies.IndexOf("escalate");
        var fired = Enumerable.Range(0, table.Runs).Count(f => !double.IsNaN(table.TriggerMonths[f * policies.Count + escalate]));
        Assert.InRange(fired, 1, table.Runs - 1);
    }

    [Fact]
    public void Failures_SatisficingMisses_BoxedOverTheInputs()
    {
        var request = Request(WithPolicies(3000));
        var result = request.Execute(2, null, default);
        var statusQuo = result.Failures[0];
        Assert.Equal("status-quo", statusQuo.Policy);
        int p = result.Policies.Count;
        Assert.Equal(Enumerable.Range(0, result.Table.Runs).Count(f => !result.Table.Satisfied[f * p]), statusQuo.Failures);
        Assert.NotNull(statusQuo.Box);
        Assert.Contains(statusQuo.Box!.QuasiPValues, q => q.Name == "ceasefire.month");
    }
}
