using BenchmarkDotNet.Attributes;
using Simulation.Core.Calibration;
using Simulation.Core.Model;

namespace Simulation.Benchmarks;

/// <summary>
/// laborsim calibrate's work on the shipped hindcast with the defaults (ABC-SMC, 1,000 particles, up to 20
/// generations): the search alone, without the posterior predictive runs or any output.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CalibrationBenchmarks
{
    private Scenario _scenario = null!;
    private List<Observation> _record = null!;

    [GlobalSetup]
    public void Setup() => (_scenario, _record) = BenchmarkScenarios.HindcastAndRecord();

    [Benchmark]
    public AbcResult Hindcast_1000Particles_2Threads() =>
        ModelCalibration.Run(_scenario, _record, new AbcOptions { Particles = 1000, Seed = _scenario.Seed, Threads = 2 }, predictiveRuns: 1).Abc;
}
