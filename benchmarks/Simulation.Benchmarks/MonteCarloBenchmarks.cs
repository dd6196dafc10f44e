using BenchmarkDotNet.Attributes;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Summaries;

namespace Simulation.Benchmarks;

/// <summary>Whole Monte Carlo runs of donbas-baseline, 100,000 runs x 60 months, summaries included.</summary>
[MemoryDiagnoser]
public class MonteCarloBenchmarks
{
    private Scenario _scenario = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _scenario = BenchmarkScenarios.Load("donbas-baseline", 100_000);

    [Benchmark]
    public MonteCarloResult Runner_100k()
    {
        return MonteCarloRunner.Run(_scenario, new RunnerOptions { Threads = Threads });
    }
}
