using BenchmarkDotNet.Attributes;
using Simulation.Core.Model;

namespace Simulation.Benchmarks;

/// <summary>One run of donbas-baseline (60 months): inputs, then the monthly loop without summaries.</summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private const int Runs = 256;
    private CompiledScenario _scenario = null!;
    private double[] _inputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = new CompiledScenario(BenchmarkScenarios.Load("donbas-baseline", Runs));
        _inputs = new double[_scenario.Parameters.Length];
    }

    [Benchmark(OperationsPerInvoke = Runs)]
    public double OneRun_60Months()
    {
        var sink = new NullSink();
        for (long run = 0; run < Runs; run++)
        {
            LaborMigrationModel.SampleInputs(_scenario, run, _inputs);
            LaborMigrationModel.Simulate(_scenario, run, _inputs, ref sink);
        }
        return sink.Checksum;
    }

    [Benchmark(OperationsPerInvoke = Runs)]
    public double SampleInputsOnly()
    {
        double x = 0;
        for (long run = 0; run < Runs; run++)
        {
            LaborMigrationModel.SampleInputs(_scenario, run, _inputs);
            x += _inputs[3];
        }
        return x;
    }
}
