using ScottPlot;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Plotting;
using Simulation.Testing;

namespace Simulation.Plotting.Tests;

/// <summary>
/// Every chart stays truthful on degenerate data: all-zero results, a single month, a single run, metrics that never
/// happen. No negative axis for quantities that cannot be negative, no "-$0" or "-0" tick, months labelled as months.
/// </summary>
public class DegenerateDataTests
{
    public static TheoryData<string> Cases => ["all zero", "one month", "one run", "all censored"];

    private static MonteCarloResult Result(string name) => name switch
    {
        // The quiet scenario: no workers, no money, no ceasefire and no enforcement, so every outcome is 0 or absent.
        "all zero" => MonteCarloRunner.Run(TestScenarios.Quiet(months: 12, runs: 200), new RunnerOptions { Threads = 1 }),
        "one month" => MonteCarloRunner.Run(TestScenarios.Shipped("donbas-baseline", ("runs", "500"), ("months", "1")), new RunnerOptions { Threads = 1 }),
        "one run" => MonteCarloRunner.Run(TestScenarios.Shipped("donbas-baseline", ("runs", "1"), ("months", "24")), new RunnerOptions { Threads = 1 }),
        _ => MonteCarloRunner.Run(TestScenarios.Quiet(months: 6, runs: 100) with
        {
            Supply = new SupplyAssumptions(InputDistribution.Fixed(0), InputDistribution.Fixed(1e9), InputDistribution.Fixed(50)),
        }, new RunnerOptions { Threads = 1 }),
    };

    private static void Truthful(Plot plot, string what, bool categories = false)
    {
        using var image = plot.GetImage(PlotStyle.Width, PlotStyle.Height);
        var limits = plot.Axes.GetLimits();
        // A heat map's axes are rows and columns of a grid, centred on whole numbers: half a cell lies below 0.
        Assert.True(categories || limits.Bottom >= 0, $"{what}: y axis starts at {limits.Bottom}");
        foreach (ScottPlot.IAxis axis in new ScottPlot.IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            foreach (var tick in axis.TickGenerator.Ticks.Where(t => t.IsMajor))
            {
                Assert.False(tick.Label.StartsWith('-'), $"{what}: tick '{tick.Label}'");
                Assert.DoesNotContain("/", tick.Label);
                Assert.DoesNotContain(":", tick.Label);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RunCharts_DegenerateData_StayTruthful(string name)
    {
        var result = Result(name);
        foreach (var chart in ResultPlotter.Charts(result))
        {
            Truthful(chart.Plot, $"{name}, {chart.FileName}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ComparisonAndSweepCharts_DegenerateData_StayTruthful(string name)
    {
        var result = Result(name);
        var scenario = result.Scenario;
        var comparison = ComparisonRunner.Run([scenario, scenario with { Name = "twin" }], new ComparisonOptions { Threads = 1 });
        foreach (var chart in ComparisonPlotter.Charts(comparison))
        {
            Truthful(chart.Plot, $"{name}, {chart.FileName}");
        }
        foreach (var metric in new[] { Metric.PeakWorkers, Metric.RemittancesUsd, Metric.CeasefireMonth })
        {
            Truthful(SweepPlotter.Plot(scenario.Name, metric, "enforcement.deterrence", null, [(0, double.NaN, result), (1, double.NaN, result)]), $"{name}, sweep");
            Truthful(SweepPlotter.Plot(scenario.Name, metric, "enforcement.deterrence", "enforcement.channel_cost",
                [(0, 0, result), (1, 0, result), (0, 0.5, result), (1, 0.5, result)]), $"{name}, heat map", categories: true);
        }
    }

    [Fact]
    public void Histogram_OneValueInEveryRun_SaysSoInsteadOfInventingBins()
    {
        var result = Result("all zero");
        var plot = ResultPlotter.Histogram(result, Metric.PeakWorkers, "peak");
        using var image = plot.GetImage(PlotStyle.Width, PlotStyle.Height);
        var limits = plot.Axes.GetLimits();
        Assert.Equal(0, limits.Left);
        Assert.Equal(1, limits.Top);
        Assert.Contains(plot.GetPlottables<ScottPlot.Plottables.Annotation>(), a => a.Text.Contains("every run (200 of them) gives 0", StringComparison.Ordinal));
    }

    [Fact]
    public void HistogramData_SharedRange_SameBinsForEveryScenario()
    {
        var narrow = new Simulation.Core.Summaries.QuantileSketch();
        var wide = new Simulation.Core.Summaries.QuantileSketch();
        for (int i = 0; i < 1000; i++)
        {
            narrow.Add(100 + i * 0.5);
            wide.Add(i * 3.0);
        }
        var (low, high) = HistogramData.Range([narrow, wide], double.NegativeInfinity, double.PositiveInfinity);
        var a = HistogramData.Bin(narrow, low, high);
        var b = HistogramData.Bin(wide, low, high);
        Assert.Equal(a.BinLefts, b.BinLefts);
        Assert.Equal(a.BinWidth, b.BinWidth);
        Assert.InRange(a.OutsideShare, 0, 0.02);
        Assert.InRange(b.OutsideShare, 0, 0.02);
    }

    [Fact]
    public void OnlyZeroCharts_AreNamedNotDrawn_AndABandOfNoWidthIsNotInTheLegend()
    {
        var quiet = Result("all zero");
        var charts = ResultPlotter.Charts(quiet);
        var rendered = ChartRendering.Render(charts, null);
        var workers = rendered.Single(c => c.FileName == "fan_workers.png");
        Assert.Equal(OutputCatalogue.Of(Series.Workers).Title, workers.OnlyZeroTitle);
        Assert.Equal("", workers.Svg);
        // The fan of a series with no spread: its bands have no width, so the legend names only the median.
        var plot = charts.Single(c => c.FileName == "fan_workers.png").Plot;
        var named = plot.GetPlottables().SelectMany(p => p.LegendItems).Where(i => i.LabelText is { Length: > 0 }).Select(i => i.LabelText).ToList();
        Assert.Equal(["median"], named);

        // A chart with something to show keeps its bands in the legend and is drawn.
        var busy = MonteCarloRunner.Run(TestScenarios.Shipped("donbas-baseline", ("runs", "300"), ("months", "48")), new RunnerOptions { Threads = 1 });
        var busyCharts = ResultPlotter.Charts(busy);
        var busyFan = busyCharts.Single(c => c.FileName == "fan_workers.png").Plot;
        Assert.Contains("90% of runs (p5-p95)", busyFan.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText));
        Assert.Null(ChartRendering.Render([busyCharts[0]], null)[0].OnlyZeroTitle);
    }

    [Fact]
    public void ComparedScenariosWhoseLinesCoincide_TheCaptionSaysOneHidesTheOther()
    {
        var scenario = TestScenarios.Shipped("donbas-baseline", ("runs", "300"), ("months", "24"));
        var comparison = ComparisonRunner.Run([scenario, scenario with { Name = "twin" }], new ComparisonOptions { Threads = 1 });
        var captions = ComparisonPlotter.Charts(comparison).ToDictionary(c => c.FileName, c => c.Caption);
        Assert.Contains("The curves of donbas-baseline and twin coincide in every month: one line hides the other.", captions["compare_p_ceasefire.png"]);
        Assert.Contains("The medians of donbas-baseline and twin coincide in every month", captions["compare_fan_workers.png"]);
        var different = ComparisonRunner.Run([scenario, TestScenarios.Shipped("no-ceasefire", ("runs", "300"), ("months", "24"))], new ComparisonOptions { Threads = 1 });
        Assert.DoesNotContain("coincide", ComparisonPlotter.Charts(different).Single(c => c.FileName == "compare_p_ceasefire.png").Caption);
    }
}
