using System.Globalization;
using System.Text;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.IO.Output;

/// <summary>Writes runs.csv: <c>run</c>, each sampled input by key path, each metric (empty when censored).</summary>
public static class RunsCsvWriter
{
    /// <summary>The file it writes in an output folder.</summary>
    public const string FileName = "runs.csv";

    /// <summary>Writes the file.</summary>
    public static void Write(RunTable table, TextWriter writer)
    {
        var line = new StringBuilder("run");
        foreach (string input in table.InputNames)
        {
            line.Append(',').Append(input);
        }
        for (int m = 0; m < OutputCatalogue.MetricCount; m++)
        {
            line.Append(',').Append(OutputCatalogue.Of((Metric)m).Name);
        }
        foreach (string extra in table.ExtraMetricNames)
        {
            line.Append(',').Append(extra);
        }
        writer.Write(line.Append('\n'));
        for (long run = 0; run < table.Runs; run++)
        {
            line.Clear();
            line.Append(run.ToString(CultureInfo.InvariantCulture));
            foreach (double value in table.Row(run))
            {
                line.Append(',').Append(NumberFormat.Csv(value));
            }
            writer.Write(line.Append('\n'));
        }
    }
}
