using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Plotting;
using Simulation.Testing;
using SkiaSharp;

namespace Simulation.Plotting.Tests;

public sealed class AnalysisPlotterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("laborsim-analysis-plots").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private void AssertPng(string file)
    {
        using var bitmap = SKBitmap.Decode(Path.Combine(_folder, file));
        Assert.NotNull(bitmap);
        Assert.Equal((PlotStyle.Width, PlotStyle.Height), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void Comparison_AllCharts_ArePngs()
    {
        var a = TestScenarios.Shipped("donbas-baseline", ("runs", "1000"), ("months", "12"));
        var comparison = ComparisonRunner.Run([a, a with { Name = "b" }], new ComparisonOptions { Threads = 2 });
        ChartRendering.Render(ComparisonPlotter.Charts(comparison), _folder, svg: false);
        foreach (string file in ComparisonPlotter.FileNames)
        {
            AssertPng(file);
        }
    }

    [Fact]
    public void TornadoSobolAndSweep_Charts_ArePngs()
    {
        var scenario = TestScenarios.Shipped("donbas-baseline", ("runs", "1000"), ("months", "12"));
        var result = MonteCarloRunner.Run(scenario, new RunnerOptions { SaveRuns = true });
        var tornado = TornadoAnalysis.Analyze(result.RunTable!, [Metric.PeakWorkers]);
        ChartRendering.Render([new NamedChart("t.png", SensitivityPlotter.Tornado(scenario, Metric.PeakWorkers, tornado, 1), "")], _folder, svg: false);
        var (_, indices) = ModelSobolAnalysis.Run(scenario, [Metric.PeakWorkers], 128, 10, 2).Single();
        ChartRendering.Render([new NamedChart("s.png", SensitivityPlotter.Sobol(scenario, Metric.PeakWorkers, indices), "")], _folder, svg: false);
        ChartRendering.Render([new NamedChart("w.png", SweepPlotter.Plot(scenario.Name, Metric.PeakWorkers, "x", null, [(0, double.NaN, result), (1, double.NaN, result)]), "")], _folder, svg: false);
        AssertPng("t.png");
        AssertPng("s.png");
        AssertPng("w.png");
    }

    [Fact]
    public void LeverAxis_SaysWhatTheKeyMeans_ListItemsIncluded()
    {
        var scenario = TestScenarios.Shipped("hindcast-russia-2018-2020");
        Assert.Equal("enforcement.deterrence: factor on intended dispatch once enforced", SweepPlotter.LeverAxis(scenario, "enforcement.deterrence"));
        Assert.StartsWith("repatriation[0].compliance: ", SweepPlotter.LeverAxis(scenario, "repatriation[0].compliance"));
        Assert.Equal("no.such.key", SweepPlotter.LeverAxis(scenario, "no.such.key"));
    }
}
