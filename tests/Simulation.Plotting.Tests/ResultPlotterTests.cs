using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Plotting;
using Simulation.Testing;
using SkiaSharp;

namespace Simulation.Plotting.Tests;

public class ResultPlotterTests
{
    [Fact]
    public void Render_EveryChart_IsAPngOfTheExpectedSize()
    {
        string folder = Directory.CreateTempSubdirectory("laborsim-plots").FullName;
        try
        {
            ChartRendering.Render(ResultPlotter.Charts(BaselineResult.Value), folder, svg: false);
            Assert.Equal(["permit", "study"], ResultPlotter.Channels(BaselineResult.Value));
            Assert.Contains("fan_workers_by_channel.png", ResultPlotter.FileNamesFor(BaselineResult.Value));
            Assert.Equal(ResultPlotter.FileNamesFor(BaselineResult.Value).Order(), Directory.GetFiles(folder).Select(Path.GetFileName).Order());
            foreach (string file in ResultPlotter.FileNamesFor(BaselineResult.Value))
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
    public void Render_ChartsRenderedInParallel_SameBytesAsOneByOne()
    {
        string parallel = Directory.CreateTempSubdirectory("laborsim-plots").FullName;
        string sequential = Directory.CreateTempSubdirectory("laborsim-plots").FullName;
        try
        {
            ChartRendering.Render(ResultPlotter.Charts(BaselineResult.Value), parallel, svg: false);
            foreach (var chart in ResultPlotter.Charts(BaselineResult.Value))
            {
                PlotStyle.Save(chart.Plot, sequential, chart.FileName);
            }
            foreach (string file in ResultPlotter.FileNamesFor(BaselineResult.Value))
            {
                Assert.True(File.ReadAllBytes(Path.Combine(sequential, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(parallel, file))), file);
            }
        }
        finally
        {
            Directory.Delete(parallel, true);
            Directory.Delete(sequential, true);
        }
    }

    [Fact]
    public void Render_FolderMissing_FailsWithTheIOExceptionNotAnAggregate()
    {
        string missing = Path.Combine(Path.GetTempPath(), "laborsim-missing-" + Guid.NewGuid().ToString("N"), "charts");
        var exception = Record.Exception(() => ChartRendering.Render(ResultPlotter.Charts(BaselineResult.Value), missing));
        Assert.IsAssignableFrom<IOException>(exception);
    }

    [Fact]
    public void ChannelStack_MeansOfTheChannels_AddUpToTheMeanOfAllWorkers()
    {
        var result = BaselineResult.Value;
        var total = result.Of(Series.Workers);
        var permit = result.Of("workers.permit")!;
        var study = result.Of("workers.study")!;
        for (int t = 0; t < result.Months; t++)
        {
            Assert.Equal(total[t].Mean, permit[t].Mean + study[t].Mean, total[t].Mean * 1e-9 + 1e-9);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(600)]
    public void CalendarAxis_AnyHorizon_LabelsMonthsNeverHours(int months)
    {
        var plot = new ScottPlot.Plot();
        var start = new Simulation.Core.Calendar.YearMonth(2022, 9);
        PlotStyle.CalendarAxis(plot, start, months);
        using var image = plot.GetImage(PlotStyle.Width, PlotStyle.Height);
        var ticks = ((ScottPlot.TickGenerators.NumericManual)plot.Axes.Bottom.TickGenerator).Ticks;
        Assert.InRange(ticks.Length, 1, 9);
        Assert.All(ticks, tick => Assert.Matches(@"^\d{4}(-\d{2})?$", tick.Label));
        Assert.Equal("2022-09", months < 12 ? ticks[0].Label : "2022-09");
    }

    [Fact]
    public void FanChart_AllZeroSingleMonth_HasNoNegativeAxisAndStillRenders()
    {
        var quiet = MonteCarloRunner.Run(TestScenarios.Quiet(months: 1, runs: 10), new RunnerOptions { Threads = 1 });
        var plot = ResultPlotter.FanChart(quiet, Series.Workers, "workers");
        using var image = plot.GetImage(PlotStyle.Width, PlotStyle.Height);
        var limits = plot.Axes.GetLimits();
        Assert.Equal(0, limits.Bottom);
        Assert.Equal(["0"], ((ScottPlot.TickGenerators.NumericManual)plot.Axes.Left.TickGenerator).Ticks.Select(t => t.Label));
    }

    [Fact]
    public void FanChartData_Bands_AreTheSeriesPercentilesInOrder()
    {
        var data = FanChartData.From(BaselineResult.Value, Series.Workers);
        var statistics = BaselineResult.Value.Of(Series.Workers);
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
        var metric = BaselineResult.Value.Of(Metric.RemittancesUsd);
        var data = HistogramData.From(metric.Distribution, metric.Statistics.Min, metric.Statistics.Max);
        Assert.Equal(3000, data.Total);
        double inside = data.Counts.Sum();
        Assert.Equal(3000, inside + data.OutsideShare * 3000, 6);
        Assert.InRange(data.OutsideShare, 0, 0.01);
    }

    [Fact]
    public void HistogramData_NarrowDistribution_NoBinFinerThanTheSketch_NoFalseGapsOrSpikes()
    {
        // Whole numbers near 30,000 (as the hindcast's peak): sketch buckets are about 230 wide there, wider than 40
        // bins over the 0.5th to 99.5th percentiles; bins that fine drew empty bins beside spikes.
        var sketch = new Simulation.Core.Summaries.QuantileSketch();
        var rng = Simulation.Core.Random.StreamKey.Generator(1, 2, 3);
        var values = new double[100_000];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Round(30_000 + 300 * Simulation.Core.Sampling.StandardNormal.Sample(ref rng));
            sketch.Add(values[i]);
        }
        var data = HistogramData.From(sketch, values.Min(), values.Max());
        double widest = sketch.Buckets().Where(b => b.Upper >= data.BinLefts[0] && b.Lower <= data.BinLefts[^1] + data.BinWidth).Max(b => b.Upper - b.Lower);
        Assert.True(data.BinWidth >= widest, $"bins {data.BinWidth:F1} wide, buckets up to {widest:F1}");
        Assert.Equal(values.Length, data.Counts.Sum() + data.OutsideShare * values.Length, 6);
        // Between the 10th and 90th percentiles every bin holds runs, and no bin is more than twice a neighbour:
        // a smooth normal, as the runs are.
        for (int b = 1; b < data.Counts.Length - 1; b++)
        {
            double centre = data.BinLefts[b] + data.BinWidth / 2;
            if (centre < 30_000 - 1.28 * 300 || centre > 30_000 + 1.28 * 300)
            {
                continue;
            }
            Assert.True(data.Counts[b] > 0, $"bin {b} empty");
            Assert.InRange(data.Counts[b] / data.Counts[b - 1], 0.5, 2);
        }
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
    public void Axis_MoneyAndCounts_AreReadable()
    {
        Assert.Equal("12,345", NumberText.Axis(12345, OutputKind.Stock));
        Assert.Equal("$1.25B", NumberText.Axis(1.25e9, OutputKind.Money));
        Assert.Equal("$340M", NumberText.Axis(3.4e8, OutputKind.Money));
        Assert.Equal("$12,000", NumberText.Axis(12000, OutputKind.Money));
        Assert.Equal("25%", NumberText.Tick(0.25, OutputKind.ZeroOne));
    }

    [Theory]
    [InlineData(1.9e9, "$1.9B")]
    [InlineData(1e9, "$1B")]
    [InlineData(9e8, "$900M")]
    [InlineData(2.5e6, "$2.5M")]
    [InlineData(0, "$0")]
    public void Tick_RoundMoney_NoTrailingZeros(double value, string expected) =>
        Assert.Equal(expected, NumberText.Tick(value, OutputKind.Money));

    [Fact]
    public void ExceedanceCurve_AxisEndsWhereATenthOfAPercentRemain_NotAtTheLargestRun()
    {
        var result = MonteCarloRunner.Run(TestScenarios.Shipped("donbas-baseline", ("runs", "3000"), ("months", "36")), new RunnerOptions { Threads = 2, SaveRuns = true });
        var statistics = result.Of(Metric.RemittancesUsd).Statistics;
        var plot = DistributionPlotter.ExceedanceCurve(result, Metric.RemittancesUsd, "t");
        double right = plot.Axes.GetLimits().Right / 1.02;
        Assert.True(right < statistics.Max, $"axis end {right:G4}, largest run {statistics.Max:G4}");
        // At most 0.1% of runs lie beyond the axis (within a sketch bucket's width of the value), and more than that lie
        // beyond its last tenth: the curve is not cut where it still says something.
        var table = result.RunTable!;
        var values = new double[table.Runs];
        for (long r = 0; r < table.Runs; r++)
        {
            values[r] = table.Row(r)[table.InputNames.Count + (int)Metric.RemittancesUsd];
        }
        Assert.True(values.Count(v => v > right * 1.01) <= DistributionPlotter.TailShare * values.Length + 1);
        Assert.True(values.Count(v => v > right * 0.9) > DistributionPlotter.TailShare * values.Length);
    }

    [Fact]
    public void Save_TunedPngEncoding_HasScottPlotsPixels()
    {
        // The encoder's filter and compression level change the bytes of the file, never its pixels.
        string folder = Directory.CreateTempSubdirectory("laborsim-png").FullName;
        try
        {
            foreach (var chart in ResultPlotter.Charts(BaselineResult.Value).Take(4))
            {
                PlotStyle.Save(chart.Plot, folder, "tuned.png");
                chart.Plot.SavePng(Path.Combine(folder, "default.png"), PlotStyle.Width, PlotStyle.Height);
                using var tuned = SKBitmap.Decode(Path.Combine(folder, "tuned.png"));
                using var reference = SKBitmap.Decode(Path.Combine(folder, "default.png"));
                Assert.Equal(reference.Width, tuned.Width);
                Assert.Equal(reference.Height, tuned.Height);
                Assert.True(reference.Bytes.AsSpan().SequenceEqual(tuned.Bytes), $"{chart.FileName}: the pixels differ");
            }
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
