using BenchmarkDotNet.Attributes;
using Simulation.Core.Catalogue;
using Simulation.Core.Decisions;
using Simulation.Core.Discovery;
using Simulation.Core.Model;
using Simulation.Core.Requests;

namespace Simulation.Benchmarks;

/// <summary>
/// laborsim robust's two parts on the shipped policies-2027 (6 policies, 108 months from 2023-01): every policy on the same
/// 100,000 futures, and one policy's failure search (PRIM with its quasi-p-values and 10 resampled halves).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class DecisionBenchmarks
{
    private const int Futures = 100_000;
    private RobustRequest _request = null!;
    private FuturesTable _table = null!;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = BenchmarkScenarios.Load("policies-2027", Futures, months: 108);
        var goal = new OutcomeCondition([new OutcomeClause(Metric.RemittancesUsd, Comparison.Less, 1e9)]);
        _request = new RobustRequest(scenario, Measure.Defaults) { Satisfice = goal };
        _table = _request.Futures(2, null, CancellationToken.None);
    }

    [Benchmark]
    public FuturesTable Robust_6Policies_100kFutures_2Threads() => _request.Futures(2, null, CancellationToken.None);

    [Benchmark]
    public FailureAnalysis Prim_StatusQuoFailures_100kFutures()
    {
        int policies = _table.Policies.Count;
        return RobustAnalysis.Failures(_table, 0, f => !_table.Satisfied[f * policies], "not remittances_usd < 1e9", _request.Prim, _request.Scenario.Seed);
    }
}
