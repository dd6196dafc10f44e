namespace Simulation.Plotting;

/// <summary>A chart drawn for a report: its file name (the PNG of the same chart, when written), caption, and SVG text for wide and narrow screens.</summary>
public sealed record RenderedChart(string FileName, string Caption, string Svg, string NarrowSvg);
