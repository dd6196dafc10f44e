using System.Globalization;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.IO.Output;

/// <summary>Writes metrics.csv: <c>metric,count,mean,sd,se,min,p5,p10,p25,p50,p75,p90,p95,max</c>.</summary>
public static class MetricsCsvWriter
{
    /// <summary>The file it writes in an output folder.</summary>
    public const string FileName = "metrics.csv";

    /// <summary>The CSV header.</summary>
    public const string Header = "metric,count,mean,sd,se,min,p5,p10,p25,p50,p75,p90,p95,max";

    /// <summary>Writes the file.</summary>
    public static void Write(MonteCarloResult result, TextWriter writer)
    {
        writer.Write(Header + "\n");
        foreach (var metric in result.Metrics)
        {
            Row(writer, OutputCatalogue.Of(metric.Metric).Name, metric.Statistics);
        }
        // With destinations: peak_workers@DESTINATION, after the metrics every scenario has.
        foreach (var peak in result.DestinationPeaks)
        {
            Row(writer, peak.Name, peak.Statistics);
        }
    }

    private static void Row(TextWriter writer, string name, Simulation.Core.Summaries.SummaryStatistics s)
    {
        double[] values = [s.Mean, s.Sd, s.Se, s.Min, s.P5, s.P10, s.P25, s.P50, s.P75, s.P90, s.P95, s.Max];
        writer.Write(name);
        writer.Write(',');
        writer.Write(s.Count.ToString(CultureInfo.InvariantCulture));
        foreach (double value in values)
        {
            writer.Write(',');
            writer.Write(NumberFormat.Csv(value));
        }
        writer.Write('\n');
    }
}
