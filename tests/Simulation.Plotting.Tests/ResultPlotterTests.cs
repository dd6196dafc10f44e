using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Plotting;
using Simulation.Testing;
using SkiaSharp;

namespace Simulation.Plotting.Tests;

public class ResultPlotterTests
{
    private static readonly Lazy<MonteCarloResult> Result = new(() =>
        MonteCarloRunner.Run(TestScenarios.Shipped("donbas-baseline", ("runs", "3000"), ("months", "36")), new RunnerOptions { Threads = 2 }));

    [Fact]
    public void WriteAll_EveryChart_IsAPngOfTheExpectedSize()
    {
        string folder = Directory.CreateTempSubdirectory("laborsim-plots").FullName;
        try
        {
            ResultPlotter.WriteAll(Result.Value, folder);
            foreach (string file in ResultPlotter.FileNames)
            {
                using var bitmap = SKBitmap.Decode(Path.Combine(folder, file));
                Assert.NotNull(bitmap);
                Assert.Equal(PlotStyle.Width, bitmap.Width);
                Assert.Equal(PlotStyle.Height, bitmap.Height);
            }
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void FanChartData_Bands_AreTheSeriesPercentilesInOrder()
    {
        var data = FanChartData.From(Result.Value, Series.Workers);
        var statistics = Result.Value.Of(Series.Workers);
        Assert.Equal(36, data.Months.Length);
        Assert.Equal(new DateTime(2022, 9, 1), data.Months[0]);
        Assert.Equal(new DateTime(2025, 8, 1), data.Months[35]);
        for (int t = 0; t < 36; t++)
        {
            Assert.Equal(statistics[t].P50, data.Median[t]);
            Assert.True(data.P5[t] <= data.P25[t] && data.P25[t] <= data.Median[t] && data.Median[t] <= data.P75[t] && data.P75[t] <= data.P95[t]);
        }
    }

    [Fact]
    public void HistogramData_Counts_CoverTheRunsWithinTheRange()
    {
        var metric = Result.Value.Of(Metric.RemittancesUsd);
        var data = HistogramData.From(metric.Distribution, metric.Statistics.Min, metric.Statistics.Max);
        Assert.Equal(3000, data.Total);
        double inside = data.Counts.Sum();
        Assert.Equal(3000, inside + data.OutsideShare * 3000, 6);
        Assert.InRange(data.OutsideShare, 0, 0.01);
    }

    [Fact]
    public void HistogramData_SmallWholeNumbers_OneBinPerValue()
    {
        var sketch = new Simulation.Core.Summaries.QuantileSketch();
        foreach (int v in new[] { 0, 1, 1, 2, 2, 2, 3 }) sketch.Add(v);
        var data = HistogramData.From(sketch, 0, 3);
        Assert.Equal([1.0, 2, 3, 1], data.Counts);
    }

    [Fact]
    public void FormatValue_MoneyAndCounts_AreReadable()
    {
        Assert.Equal("12,345", PlotStyle.FormatValue(12345, money: false));
        Assert.Equal("$1.25B", PlotStyle.FormatValue(1.25e9, money: true));
        Assert.Equal("$340M", PlotStyle.FormatValue(3.4e8, money: true));
        Assert.Equal("$12,000", PlotStyle.FormatValue(12000, money: true));
    }
}
