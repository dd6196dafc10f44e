using BenchmarkDotNet.Attributes;
using Simulation.Core.Summaries;

namespace Simulation.Benchmarks;

/// <summary>Cost of adding one value to a quantile sketch.</summary>
public class SummaryBenchmarks
{
    private const int Values = 4096;
    private readonly QuantileSketch _sketch = new();
    private readonly double[] _values = new double[Values];

    [GlobalSetup]
    public void Setup()
    {
        var rng = Simulation.Core.Random.StreamKey.Generator(1, 1, 1);
        for (int i = 0; i < Values; i++) _values[i] = Math.Floor(rng.NextDouble() * 40000);
    }

    [Benchmark(OperationsPerInvoke = Values)]
    public long Sketch_Add()
    {
        foreach (double v in _values) _sketch.Add(v);
        return _sketch.Count;
    }
}
