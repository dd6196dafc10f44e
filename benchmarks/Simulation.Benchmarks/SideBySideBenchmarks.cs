using BenchmarkDotNet.Attributes;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Benchmarks;

/// <summary>
/// Runs four at a time in vector lanes against one by one (issue 25, item 1): 100,000 runs x 60 months of the version 1
/// form of donbas-baseline on one and two threads, summaries included, the same values either way.
/// </summary>
[MemoryDiagnoser]
public class SideBySideBenchmarks
{
    private Scenario _scenario = null!;

    [Params(false, true)]
    public bool SideBySide { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _scenario = BenchmarkScenarios.Load("v1-form:donbas-baseline", 100_000);

    [Benchmark]
    public MonteCarloResult Runner_100k() =>
        MonteCarloRunner.Run(_scenario, new RunnerOptions { Threads = Threads, SideBySide = SideBySide });
}
