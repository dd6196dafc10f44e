using System.Text;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.IO.Output;

namespace Simulation.IO.Analysis;

/// <summary>Writes sweep.csv: one row per grid point and metric, with the levers' values first.</summary>
public static class SweepWriter
{
    /// <summary>The header for the given levers.</summary>
    public static string Header(IReadOnlyList<SweepLever> axes) =>
        string.Join(',', axes.Select(a => a.KeyPath)) + ",metric,count,mean,sd,se,p5,p25,p50,p75,p95";

    /// <summary>Writes the whole grid for every metric.</summary>
    public static void WriteCsv(IReadOnlyList<SweepLever> axes, IReadOnlyList<SweepPoint> points, TextWriter writer)
    {
        writer.Write(Header(axes) + "\n");
        var line = new StringBuilder();
        foreach (var point in points)
        {
            foreach (var metric in point.Result.Metrics)
            {
                var s = metric.Statistics;
                line.Clear();
                foreach (double value in point.LeverValues)
                {
                    line.Append(NumberFormat.Csv(value)).Append(',');
                }
                line.Append(OutputCatalogue.Of(metric.Metric).Name).Append(',').Append(s.Count);
                foreach (double value in new[] { s.Mean, s.Sd, s.Se, s.P5, s.P25, s.P50, s.P75, s.P95 })
                {
                    line.Append(',').Append(NumberFormat.Csv(value));
                }
                writer.Write(line.Append('\n'));
            }
        }
    }
}
