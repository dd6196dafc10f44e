using BenchmarkDotNet.Attributes;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Benchmarks;

/// <summary>
/// Runs four at a time in vector lanes against one by one (issue 25, item 1): 100,000 runs x 60 months on one and two
/// threads, summaries included, the same values either way; of the version 1 form of donbas-baseline (one live channel)
/// and of the baseline with its study channel split into two live ones.
/// </summary>
[MemoryDiagnoser]
public class SideBySideBenchmarks
{
    private Scenario _scenario = null!;

    [Params("v1-form:donbas-baseline", BenchmarkScenarios.TwoChannels)]
    public string Scenario { get; set; } = "";

    [Params(false, true)]
    public bool SideBySide { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _scenario = BenchmarkScenarios.Load(Scenario, 100_000);

    [Benchmark]
    public MonteCarloResult Runner_100k() =>
        MonteCarloRunner.Run(_scenario, new RunnerOptions { Threads = Threads, SideBySide = SideBySide });
}
