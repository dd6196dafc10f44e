using System.Globalization;
using System.Text.Json;
using Simulation.Core;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.Summaries;
using Simulation.IO.Output;

namespace Simulation.IO.Analysis;

/// <summary>Writes a comparison: comparison.csv (metrics side by side), differences.csv (paired differences) and comparison.json.</summary>
public static class ComparisonWriter
{
    /// <summary>The side-by-side metrics file.</summary>
    public const string MetricsFile = "comparison.csv";

    /// <summary>The paired differences file.</summary>
    public const string DifferencesFile = "differences.csv";

    /// <summary>The machine-readable comparison.</summary>
    public const string JsonFile = "comparison.json";

    /// <summary>Header of comparison.csv.</summary>
    public const string MetricsHeader = "metric,scenario,count,mean,sd,se,min,p5,p10,p25,p50,p75,p90,p95,max";

    /// <summary>Header of differences.csv.</summary>
    public const string DifferencesHeader = "metric,scenario,baseline,count,mean,sd,se,p5,p50,p95,p_greater";

    /// <summary>Writes comparison.csv.</summary>
    public static void WriteMetricsCsv(ComparisonResult comparison, TextWriter writer)
    {
        writer.Write(MetricsHeader + "\n");
        for (int m = 0; m < OutputCatalogue.MetricCount; m++)
        {
            foreach (var result in comparison.Results)
            {
                var s = result.Metrics[m].Statistics;
                writer.Write($"{OutputCatalogue.Of((Metric)m).Name},{result.Scenario.Name},{s.Count.ToString(CultureInfo.InvariantCulture)}");
                foreach (double value in new[] { s.Mean, s.Sd, s.Se, s.Min, s.P5, s.P10, s.P25, s.P50, s.P75, s.P90, s.P95, s.Max })
                {
                    writer.Write(',' + NumberFormat.Csv(value));
                }
                writer.Write('\n');
            }
        }
    }

    /// <summary>Writes differences.csv.</summary>
    public static void WriteDifferencesCsv(ComparisonResult comparison, TextWriter writer)
    {
        writer.Write(DifferencesHeader + "\n");
        foreach (var differences in comparison.Differences)
        {
            foreach (var d in differences)
            {
                var s = d.Statistics;
                writer.Write($"{d.Quantity},{d.Scenario},{d.Baseline},{s.Count.ToString(CultureInfo.InvariantCulture)}");
                foreach (double value in new[] { s.Mean, s.Sd, s.Se, s.P5, s.P50, s.P95, d.ProbabilityGreater })
                {
                    writer.Write(',' + NumberFormat.Csv(value));
                }
                writer.Write('\n');
            }
        }
    }

    /// <summary>Writes comparison.json.</summary>
    public static void WriteJson(ComparisonResult comparison, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var first = comparison.Results[0];
        json.WriteStartObject();
        json.WriteString("engine_version", EngineInfo.Version);
        json.WriteStartArray("scenarios");
        foreach (var result in comparison.Results)
        {
            json.WriteStringValue(result.Scenario.Name);
        }
        json.WriteEndArray();
        json.WriteNumber("seed", first.Scenario.Seed);
        json.WriteNumber("runs", first.Runs);
        json.WriteNumber("months", first.Months);
        json.WriteString("start", first.Scenario.Start.ToString());
        json.WriteBoolean("common_random_numbers", comparison.CommonRandomNumbers);
        json.WriteStartObject("metrics");
        for (int m = 0; m < OutputCatalogue.MetricCount; m++)
        {
            json.WriteStartObject(OutputCatalogue.Of((Metric)m).Name);
            foreach (var result in comparison.Results)
            {
                json.WriteStartObject(result.Scenario.Name);
                JsonStatistics.Write(json, result.Metrics[m].Statistics);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartObject("probabilities");
        foreach (var result in comparison.Results)
        {
            json.WriteStartObject(result.Scenario.Name);
            foreach (var definition in OutputCatalogue.Probabilities)
            {
                json.WriteNumber(definition.Name, result.Probability(definition.Probability));
                json.WriteNumber(definition.Name + "_se", result.ProbabilitySe(definition.Probability));
            }
            foreach (var threshold in comparison.Thresholds)
            {
                var exceeds = result.Exceeds(threshold.Metric, threshold.Value);
                string name = PairedDifference.ThresholdQuantity(threshold);
                json.WriteNumber(name, exceeds.Probability);
                json.WriteNumber(name + "_se", exceeds.StandardError);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartObject("differences");
        foreach (var differences in comparison.Differences)
        {
            json.WriteStartObject(differences[0].Scenario);
            json.WriteString("baseline", differences[0].Baseline);
            foreach (var d in differences)
            {
                json.WriteStartObject(d.Quantity);
                JsonStatistics.Write(json, d.Statistics);
                JsonStatistics.Number(json, "p_greater", d.ProbabilityGreater);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
