namespace Simulation.Plotting.Tests;

public class SvgTextTests
{
    [Fact]
    public void SvgText_EveryChartAtBothSizes_IsScottPlotsGetSvgXml()
    {
        // Two sets of the same charts, fresh, so that each is first drawn as SVG: the case where ScottPlot's hidden
        // raster pass settles auto-scaled axis limits, and where a missing settling pass draws the chart twice.
        var ours = ResultPlotter.Charts(BaselineResult.Value);
        var reference = ResultPlotter.Charts(BaselineResult.Value);
        Assert.Equal(reference.Count, ours.Count);
        Assert.True(ours.Count >= 10);
        for (int i = 0; i < ours.Count; i++)
        {
            foreach (var (width, height) in new[] { (PlotStyle.Width, PlotStyle.Height), (PlotStyle.NarrowWidth, PlotStyle.NarrowHeight) })
            {
                string expected = PlotStyle.NumberClipPaths(reference[i].Plot.GetSvgXml(width, height));
                string actual = PlotStyle.NumberClipPaths(PlotStyle.SvgText(ours[i].Plot, width, height));
                Assert.True(expected == actual, $"{ours[i].FileName} at {width} x {height}: the SVG text differs from ScottPlot's");
            }
        }
    }

    [Fact]
    public void SvgText_ChartAlreadyDrawnAsPng_IsScottPlotsGetSvgXml()
    {
        // The order a run draws in: the PNG file first, then the wide and the narrow SVG of the same plot.
        var ours = ResultPlotter.Charts(BaselineResult.Value);
        var reference = ResultPlotter.Charts(BaselineResult.Value);
        string folder = Directory.CreateTempSubdirectory("laborsim-svg").FullName;
        try
        {
            for (int i = 0; i < ours.Count; i++)
            {
                PlotStyle.Save(ours[i].Plot, folder, "ours.png");
                PlotStyle.Save(reference[i].Plot, folder, "reference.png");
                Assert.Equal(PlotStyle.NumberClipPaths(reference[i].Plot.GetSvgXml(PlotStyle.Width, PlotStyle.Height)), PlotStyle.ToSvg(ours[i].Plot));
            }
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
