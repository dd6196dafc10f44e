using System.Globalization;
using System.Text;
using Simulation.Core.Catalogue;
using Simulation.Core.MonteCarlo;

namespace Simulation.IO.Output;

/// <summary>Writes paths.csv: <c>run,month,</c> then every series, one row per kept run and month (month as YYYY-MM).</summary>
public static class PathsCsvWriter
{
    /// <summary>The file it writes in an output folder.</summary>
    public const string FileName = "paths.csv";

    /// <summary>Writes <paramref name="paths"/>; month 0 is <paramref name="start"/>.</summary>
    public static void Write(SamplePaths paths, Simulation.Core.Calendar.YearMonth start, TextWriter writer)
    {
        var line = new StringBuilder("run,month");
        foreach (var series in paths.Series)
        {
            line.Append(',').Append(series.Name);
        }
        writer.Write(line.Append('\n'));
        for (int run = 0; run < paths.Runs; run++)
        {
            for (int month = 0; month < paths.Months; month++)
            {
                line.Clear();
                line.Append(run.ToString(CultureInfo.InvariantCulture)).Append(',').Append(start.AddMonths(month).ToString());
                for (int s = 0; s < paths.Series.Count; s++)
                {
                    line.Append(',').Append(NumberFormat.Csv(paths.Value(run, month, s)));
                }
                writer.Write(line.Append('\n'));
            }
        }
    }
}
