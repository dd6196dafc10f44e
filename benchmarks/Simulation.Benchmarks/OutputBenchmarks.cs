using BenchmarkDotNet.Attributes;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Output;
using Simulation.Plotting;

namespace Simulation.Benchmarks;

/// <summary>Writing every output of a 60-month result: summary.json, the CSVs, the PNG charts, and the report's SVG drawings of them.</summary>
public class OutputBenchmarks
{
    private MonteCarloResult _result = null!;
    private string _folder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _result = MonteCarloRunner.Run(BenchmarkScenarios.Load("donbas-baseline", 20_000), new RunnerOptions());
        _folder = Directory.CreateTempSubdirectory("laborsim-bench").FullName;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, true);

    [Benchmark]
    public void SummaryAndCsv()
    {
        using (var stream = File.Create(Path.Combine(_folder, "summary.json"))) SummaryJsonWriter.Write(_result, stream);
        using (var writer = new StreamWriter(Path.Combine(_folder, "series.csv"))) SeriesCsvWriter.Write(_result, writer);
        using (var writer = new StreamWriter(Path.Combine(_folder, "metrics.csv"))) MetricsCsvWriter.Write(_result, writer);
    }

    [Benchmark]
    public void Plots() => ChartRendering.Render(ResultPlotter.Charts(_result), _folder, svg: false);

    /// <summary>The report's drawings of the same charts: each as a wide and a narrow SVG, no PNG.</summary>
    [Benchmark]
    public void ReportSvgs() => ChartRendering.Render(ResultPlotter.Charts(_result), null, svg: true);
}
