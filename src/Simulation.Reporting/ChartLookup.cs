using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>Finds a report's charts, drawn once by the publisher, by their file names.</summary>
public static class ChartLookup
{
    /// <summary>The chart whose PNG file would be <paramref name="fileName"/>.</summary>
    /// <exception cref="ArgumentException">No chart of that name was drawn.</exception>
    public static RenderedChart Named(this IReadOnlyList<RenderedChart> charts, string fileName)
    {
        foreach (var chart in charts)
        {
            if (chart.FileName == fileName)
            {
                return chart;
            }
        }
        throw new ArgumentException($"no chart {fileName} was drawn for this report", nameof(fileName));
    }
}
