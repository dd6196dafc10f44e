namespace Simulation.Plotting;

/// <summary>A chart drawn for a report: its file name (the PNG of the same chart, when written), caption, and SVG text for wide and narrow screens.</summary>
public sealed record RenderedChart(string FileName, string Caption, string Svg, string NarrowSvg)
{
    /// <summary>
    /// The chart's title when it shows nothing but 0 in every run and month: a report names it in a line instead of
    /// drawing it (its PNG file is still written); null for a chart with something to show.
    /// </summary>
    public string? OnlyZeroTitle { get; init; }
}
