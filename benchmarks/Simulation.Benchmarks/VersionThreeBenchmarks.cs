using BenchmarkDotNet.Attributes;
using Simulation.Core.Model;

namespace Simulation.Benchmarks;

/// <summary>
/// What model version 3 costs per path-step, the monthly loop alone (no summaries): donbas-baseline with its workers
/// split between two destinations (with and without a transfer) against donbas-baseline itself and against its
/// version 2 form with as many cells drawing (its busy channel split in two); and the forecast (3 destinations, a
/// transfer, withheld pay, money channels, a paid contingent) against the forecast without them, which also has less
/// to do (no Donbas demand). 108 months each.
/// </summary>
[MemoryDiagnoser]
public class VersionThreeBenchmarks
{
    [Params(BenchmarkScenarios.Forecast, BenchmarkScenarios.ForecastAsVersionTwo, BenchmarkScenarios.TwoDestinations, BenchmarkScenarios.TwoDestinationsWithoutTransfer, BenchmarkScenarios.TwoChannels, "donbas-baseline")]
    public string Scenario { get; set; } = BenchmarkScenarios.Forecast;

    private const int Runs = 256;
    private CompiledScenario _scenario = null!;
    private double[] _inputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = new CompiledScenario(BenchmarkScenarios.Load(Scenario, Runs, months: 108));
        _inputs = new double[_scenario.Parameters.Length];
    }

    [Benchmark(OperationsPerInvoke = Runs)]
    public double OneRun_108Months()
    {
        var sink = new NullSink();
        for (long run = 0; run < Runs; run++)
        {
            LaborMigrationModel.SampleInputs(_scenario, run, _inputs);
            LaborMigrationModel.Simulate(_scenario, run, _inputs, ref sink);
        }
        return sink.Checksum;
    }
}
