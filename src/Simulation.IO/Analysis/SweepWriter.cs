using System.Text;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Output;

namespace Simulation.IO.Analysis;

/// <summary>Writes sweep.csv: one row per grid point and metric, with the levers' values first.</summary>
public static class SweepWriter
{
    /// <summary>The file it writes in an output folder.</summary>
    public const string FileName = "sweep.csv";

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

    /// <summary>The file of the thresholds' probabilities at each grid point (--threshold).</summary>
    public const string ThresholdsFile = "sweep_thresholds.csv";

    /// <summary>Writes P(metric &gt; value) with its standard error at every grid point, one row per point and threshold.</summary>
    public static void WriteThresholdsCsv(IReadOnlyList<SweepLever> axes, IReadOnlyList<SweepPoint> points, IReadOnlyList<Threshold> thresholds, TextWriter writer)
    {
        writer.Write(string.Join(',', axes.Select(a => a.KeyPath)) + ",metric,threshold,probability_above,se\n");
        var line = new StringBuilder();
        foreach (var point in points)
        {
            foreach (var threshold in thresholds)
            {
                var p = point.Result.Exceeds(threshold.Metric, threshold.Value);
                line.Clear();
                foreach (double value in point.LeverValues)
                {
                    line.Append(NumberFormat.Csv(value)).Append(',');
                }
                line.Append(OutputCatalogue.Of(threshold.Metric).Name).Append(',').Append(NumberFormat.Csv(threshold.Value))
                    .Append(',').Append(NumberFormat.Csv(p.Probability)).Append(',').Append(NumberFormat.Csv(p.StandardError));
                writer.Write(line.Append('\n'));
            }
        }
    }
}
