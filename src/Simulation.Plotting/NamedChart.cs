using ScottPlot;

namespace Simulation.Plotting;

/// <summary>A chart of an output folder: its PNG file name, the plot, and the caption a report puts under it.</summary>
public sealed record NamedChart(string FileName, Plot Plot, string Caption);
