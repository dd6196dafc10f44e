namespace Simulation.Plotting;

/// <summary>Draws each chart once per format: the PNG file (when asked for), then the report's wide and narrow SVG.</summary>
public static class ChartRendering
{
    /// <summary>
    /// Renders <paramref name="charts"/> in parallel, each chart's formats one after the other (a plot is not safe to
    /// draw from two threads), and returns them in order; PNG files go to <paramref name="pngFolder"/> unless it is null,
    /// and the SVG text is left empty when <paramref name="svg"/> is false (no report shows it).
    /// </summary>
    public static IReadOnlyList<RenderedChart> Render(IReadOnlyList<NamedChart> charts, string? pngFolder, bool svg = true)
    {
        var rendered = new RenderedChart[charts.Count];
        ParallelRendering.For(charts.Count, i =>
        {
            var chart = charts[i];
            if (pngFolder is not null)
            {
                PlotStyle.Save(chart.Plot, pngFolder, chart.FileName);
            }
            if (PlotStyle.ShowsOnlyZero(chart.Plot))
            {
                rendered[i] = new RenderedChart(chart.FileName, chart.Caption, "", "") { OnlyZeroTitle = PlotStyle.TitleWithoutScenario(chart.Plot) };
                return;
            }
            rendered[i] = svg
                ? new RenderedChart(chart.FileName, chart.Caption, PlotStyle.ToSvg(chart.Plot), PlotStyle.ToNarrowSvg(chart.Plot))
                : new RenderedChart(chart.FileName, chart.Caption, "", "");
        });
        return rendered;
    }
}
