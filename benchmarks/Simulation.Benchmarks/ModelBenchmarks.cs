using BenchmarkDotNet.Attributes;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Summaries;

namespace Simulation.Benchmarks;

/// <summary>
/// One run of 60 months: inputs, then the monthly loop without summaries. The version 1 baseline as version 1 ran it,
/// and the hindcast (two channels, a timeline, a deadline) for the cost of model version 2's mechanisms.
/// </summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    [Params(BenchmarkScenarios.VersionOneBaseline, "hindcast-russia-2018-2020", BenchmarkScenarios.HindcastAsVersionOne)]
    public string Scenario { get; set; } = BenchmarkScenarios.VersionOneBaseline;

    private const int Runs = 256;
    private CompiledScenario _scenario = null!;
    private double[] _inputs = null!;
    private SummaryAccumulator _accumulator = null!;
    private MomentBlock _moments = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = new CompiledScenario(BenchmarkScenarios.Load(Scenario, Runs));
        _inputs = new double[_scenario.Parameters.Length];
        _accumulator = new SummaryAccumulator(_scenario.Series, SummaryLayout.Of(_scenario), _scenario.AlwaysZero);
        _moments = new MomentBlock(SummaryLayout.Of(_scenario).Cells);
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

    /// <summary>The same runs feeding one thread's summaries, as the runner does: the difference is the cost of summarising.</summary>
    [Benchmark(OperationsPerInvoke = Runs)]
    public long OneRun_60Months_WithSummaries()
    {
        _accumulator.BeginBlock(_moments);
        for (long run = 0; run < Runs; run++)
        {
            LaborMigrationModel.SampleInputs(_scenario, run, _inputs);
            var sink = new SummarySink(_accumulator, null, 0);
            LaborMigrationModel.Simulate(_scenario, run, _inputs, ref sink);
        }
        _accumulator.EndBlock();
        return _accumulator.Sketches[0].Count;
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
