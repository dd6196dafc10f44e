using System.Text.Json;
using Simulation.Core.Summaries;

namespace Simulation.IO.Output;

/// <summary>Writes a <see cref="SummaryStatistics"/> as JSON properties, null where a value does not exist.</summary>
public static class JsonStatistics
{
    /// <summary>count, mean, sd, se, min, p5..p95, max.</summary>
    public static void Write(Utf8JsonWriter json, SummaryStatistics statistics, bool includeCount = true)
    {
        if (includeCount)
        {
            json.WriteNumber("count", statistics.Count);
        }
        Number(json, "mean", statistics.Mean);
        Number(json, "sd", statistics.Sd);
        Number(json, "se", statistics.Se);
        Number(json, "min", statistics.Min);
        foreach (var (label, _) in SummaryStatistics.Percentiles)
        {
            Number(json, label, statistics.Percentile(label));
        }
        Number(json, "max", statistics.Max);
    }

    /// <summary>A number, or null when it is NaN or infinite.</summary>
    public static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
