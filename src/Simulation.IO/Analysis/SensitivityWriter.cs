using System.Globalization;
using System.Text.Json;
using Simulation.Core;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.IO.Output;

namespace Simulation.IO.Analysis;

/// <summary>Writes sensitivity results: sensitivity.csv/json (rank correlations and decile swings) and sobol.csv/json.</summary>
public static class SensitivityWriter
{
    /// <summary>The tornado table.</summary>
    public const string TornadoCsvFile = "sensitivity.csv";

    /// <summary>The machine-readable tornado.</summary>
    public const string TornadoJsonFile = "sensitivity.json";

    /// <summary>The Sobol table.</summary>
    public const string SobolCsvFile = "sobol.csv";

    /// <summary>The machine-readable Sobol indices.</summary>
    public const string SobolJsonFile = "sobol.json";

    /// <summary>Header of sensitivity.csv.</summary>
    public const string TornadoHeader = "metric,input,spearman,low_decile_mean,high_decile_mean,swing,runs,swing_low,swing_high,low_decile_low,low_decile_high,high_decile_low,high_decile_high";

    /// <summary>Header of sobol.csv.</summary>
    public const string SobolHeader = "metric,factor,first_order,first_order_se,first_order_low,first_order_high,total,total_se,total_low,total_high";

    /// <summary>Writes sensitivity.csv.</summary>
    public static void WriteTornadoCsv(IReadOnlyList<InputSensitivity> results, TextWriter writer)
    {
        writer.Write(TornadoHeader + "\n");
        foreach (var r in results)
        {
            writer.Write($"{OutputCatalogue.Of(r.Metric).Name},{r.Input},{NumberFormat.Csv(r.Spearman)},{NumberFormat.Csv(r.LowDecileMean)},"
                + $"{NumberFormat.Csv(r.HighDecileMean)},{NumberFormat.Csv(r.Swing)},{r.Runs.ToString(CultureInfo.InvariantCulture)},"
                + $"{NumberFormat.Csv(r.SwingInterval.Low)},{NumberFormat.Csv(r.SwingInterval.High)},{NumberFormat.Csv(r.LowDecileInterval.Low)},{NumberFormat.Csv(r.LowDecileInterval.High)},"
                + $"{NumberFormat.Csv(r.HighDecileInterval.Low)},{NumberFormat.Csv(r.HighDecileInterval.High)}\n");
        }
    }

    /// <summary>Writes sobol.csv.</summary>
    public static void WriteSobolCsv(IReadOnlyList<(Metric Metric, SobolIndices Indices)> results, TextWriter writer)
    {
        writer.Write(SobolHeader + "\n");
        foreach (var (metric, indices) in results)
        {
            for (int i = 0; i < indices.Factors.Count; i++)
            {
                writer.Write($"{OutputCatalogue.Of(metric).Name},{indices.Factors[i]},{NumberFormat.Csv(indices.FirstOrder[i])},{NumberFormat.Csv(indices.FirstOrderSe[i])},"
                    + $"{NumberFormat.Csv(indices.FirstOrderInterval[i].Low)},{NumberFormat.Csv(indices.FirstOrderInterval[i].High)},"
                    + $"{NumberFormat.Csv(indices.Total[i])},{NumberFormat.Csv(indices.TotalSe[i])},"
                    + $"{NumberFormat.Csv(indices.TotalInterval[i].Low)},{NumberFormat.Csv(indices.TotalInterval[i].High)}\n");
            }
        }
    }

    /// <summary>Writes sensitivity.json for the tornado analysis.</summary>
    public static void WriteTornadoJson(string scenario, long seed, long runs, IReadOnlyList<InputSensitivity> results, Stream stream)
    {
        using var json = Begin(stream, scenario, seed, "tornado");
        json.WriteNumber("runs", runs);
        json.WriteStartArray("results");
        foreach (var r in results)
        {
            json.WriteStartObject();
            json.WriteString("metric", OutputCatalogue.Of(r.Metric).Name);
            json.WriteString("input", r.Input);
            JsonStatistics.Number(json, "spearman", r.Spearman);
            JsonStatistics.Number(json, "low_decile_mean", r.LowDecileMean);
            JsonStatistics.Number(json, "high_decile_mean", r.HighDecileMean);
            JsonStatistics.Number(json, "swing", r.Swing);
            // 95% Poisson-bootstrap intervals (TornadoAnalysis.DefaultReplicates replicates).
            JsonStatistics.Number(json, "swing_low", r.SwingInterval.Low);
            JsonStatistics.Number(json, "swing_high", r.SwingInterval.High);
            JsonStatistics.Number(json, "low_decile_low", r.LowDecileInterval.Low);
            JsonStatistics.Number(json, "low_decile_high", r.LowDecileInterval.High);
            JsonStatistics.Number(json, "high_decile_low", r.HighDecileInterval.Low);
            JsonStatistics.Number(json, "high_decile_high", r.HighDecileInterval.High);
            json.WriteNumber("runs", r.Runs);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes sobol.json.</summary>
    public static void WriteSobolJson(string scenario, long seed, IReadOnlyList<(Metric Metric, SobolIndices Indices)> results, Stream stream, bool quasiRandom = true)
    {
        using var json = Begin(stream, scenario, seed, "sobol");
        json.WriteString("estimator", "Saltelli sampling, Jansen estimators (Saltelli et al. 2010, Comput. Phys. Commun. 181:259-270)");
        json.WriteString("design", quasiRandom ? "quasi-random: Owen-scrambled Sobol' points, 2d dimensions (as SALib)" : "random: independent draws");
        json.WriteStartObject("metrics");
        foreach (var (metric, indices) in results)
        {
            json.WriteStartObject(OutputCatalogue.Of(metric).Name);
            json.WriteNumber("base_samples", indices.BaseSamples);
            json.WriteNumber("model_runs", (long)indices.BaseSamples * (indices.Factors.Count + 2));
            json.WriteString("intervals", indices.IntervalMethod);
            json.WriteNumber("bootstrap_samples", indices.BootstrapSamples);
            json.WriteNumber("scrambled_replicates", indices.Replicates);
            JsonStatistics.Number(json, "variance", indices.Variance);
            json.WriteStartObject("factors");
            for (int i = 0; i < indices.Factors.Count; i++)
            {
                json.WriteStartObject(indices.Factors[i]);
                JsonStatistics.Number(json, "first_order", indices.FirstOrder[i]);
                JsonStatistics.Number(json, "first_order_se", indices.FirstOrderSe[i]);
                JsonStatistics.Number(json, "first_order_low", indices.FirstOrderInterval[i].Low);
                JsonStatistics.Number(json, "first_order_high", indices.FirstOrderInterval[i].High);
                JsonStatistics.Number(json, "total", indices.Total[i]);
                JsonStatistics.Number(json, "total_se", indices.TotalSe[i]);
                JsonStatistics.Number(json, "total_low", indices.TotalInterval[i].Low);
                JsonStatistics.Number(json, "total_high", indices.TotalInterval[i].High);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static Utf8JsonWriter Begin(Stream stream, string scenario, long seed, string method)
    {
        var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("scenario", scenario);
        json.WriteString("engine_version", EngineInfo.Version);
        json.WriteString("method", method);
        json.WriteNumber("seed", seed);
        return json;
    }
}
