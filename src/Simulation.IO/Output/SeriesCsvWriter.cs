using System.Text;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.IO.Output;

/// <summary>Writes series.csv: <c>series,month,mean,sd,p5,p10,p25,p50,p75,p90,p95</c>, one row per series and month.</summary>
public static class SeriesCsvWriter
{
    /// <summary>The file it writes in an output folder.</summary>
    public const string FileName = "series.csv";

    /// <summary>The CSV header.</summary>
    public const string Header = "series,month,mean,sd,p5,p10,p25,p50,p75,p90,p95";

    /// <summary>Writes the file.</summary>
    public static void Write(MonteCarloResult result, TextWriter writer)
    {
        writer.Write(Header + "\n");
        var line = new StringBuilder();
        for (int s = 0; s < result.Series.Count; s++)
        {
            string name = result.Series[s].Name;
            var months = result.SeriesByMonth[s];
            for (int t = 0; t < months.Length; t++)
            {
                var m = months[t];
                line.Clear();
                line.Append(name).Append(',').Append(result.Scenario.Start.AddMonths(t).ToString())
                    .Append(',').Append(NumberFormat.Csv(m.Mean)).Append(',').Append(NumberFormat.Csv(m.Sd))
                    .Append(',').Append(NumberFormat.Csv(m.P5)).Append(',').Append(NumberFormat.Csv(m.P10))
                    .Append(',').Append(NumberFormat.Csv(m.P25)).Append(',').Append(NumberFormat.Csv(m.P50))
                    .Append(',').Append(NumberFormat.Csv(m.P75)).Append(',').Append(NumberFormat.Csv(m.P90))
                    .Append(',').Append(NumberFormat.Csv(m.P95)).Append('\n');
                writer.Write(line);
            }
        }
    }
}
