using System.Globalization;
using System.Text.Json;
using Simulation.Core;
using Simulation.Core.Calibration;
using Simulation.IO.Output;

namespace Simulation.IO.Calibration;

/// <summary>Writes nroy.csv (the candidates not ruled out) and history.json (the waves, each input's range, the settings).</summary>
public static class HistoryMatchWriter
{
    /// <summary>The candidates not ruled out.</summary>
    public const string NroyFile = "nroy.csv";

    /// <summary>The waves and ranges.</summary>
    public const string JsonFile = "history.json";

    /// <summary>Writes nroy.csv: candidate, largest implausibility, the observation giving it, then each input by key path.</summary>
    public static void WriteNroyCsv(ScenarioHistoryMatch match, TextWriter writer)
    {
        writer.Write("candidate,max_implausibility,worst_observation");
        foreach (string key in match.Keys)
        {
            writer.Write(',');
            writer.Write(key);
        }
        writer.Write('\n');
        var result = match.Result;
        for (int i = 0; i < result.Count; i++)
        {
            var worst = match.Observations.Observations[result.WorstObservation[i]];
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{i},{NumberFormat.Csv(result.Implausibility[i])},{worst.Series} {worst.Period}"));
            for (int j = 0; j < result.Dimensions; j++)
            {
                writer.Write(',');
                writer.Write(NumberFormat.Csv(result.Kept[i * result.Dimensions + j]));
            }
            writer.Write('\n');
        }
    }

    /// <summary>Writes history.json.</summary>
    public static void WriteJson(ScenarioHistoryMatch match, IReadOnlyList<string> observationFiles, Stream stream)
    {
        var options = match.Options;
        var result = match.Result;
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("scenario", match.Scenario.Name);
        json.WriteString("engine_version", EngineInfo.Version);
        json.WriteString("method", "history-matching");
        json.WriteNumber("seed", options.Seed);
        json.WriteNumber("candidates_per_wave", options.Candidates);
        json.WriteNumber("replicates", options.Replicates);
        json.WriteNumber("cutoff", options.Cutoff);
        json.WriteNumber("discrepancy", options.Discrepancy);
        json.WriteNumber("model_runs", result.Simulations);
        json.WriteNumber("elapsed_seconds", Math.Round(result.Elapsed.TotalSeconds, 3));
        json.WriteString("stop_reason", result.StopReason);
        json.WriteNumber("nroy_candidates", result.Count);
        json.WriteNumber("nroy_share_of_prior", result.Waves[^1].NroyShare);
        json.WriteStartArray("observation_files");
        foreach (string file in observationFiles)
        {
            json.WriteStringValue(file);
        }
        json.WriteEndArray();
        json.WriteStartArray("waves");
        foreach (var wave in result.Waves)
        {
            json.WriteStartObject();
            json.WriteNumber("wave", wave.Wave);
            json.WriteNumber("candidates", wave.Candidates);
            json.WriteNumber("not_ruled_out", wave.Kept);
            json.WriteNumber("region_share_of_prior", wave.RegionShare);
            json.WriteNumber("nroy_share_of_prior", wave.NroyShare);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("inputs");
        foreach (var range in NroyRange.Of(match))
        {
            json.WriteStartObject(range.KeyPath);
            json.WriteNumber("prior_p5", range.PriorP5);
            json.WriteNumber("prior_p95", range.PriorP95);
            JsonStatistics.Number(json, "nroy_min", range.Min);
            JsonStatistics.Number(json, "nroy_max", range.Max);
            json.WriteNumber("nroy_prior_share", range.PriorShare);
            // Where --history-match starts ABC: the kept range widened, as the prior's quantiles and as values.
            json.WriteNumber("region_low_quantile", range.RegionLowQuantile);
            json.WriteNumber("region_high_quantile", range.RegionHighQuantile);
            JsonStatistics.Number(json, "region_min", range.RegionMin);
            JsonStatistics.Number(json, "region_max", range.RegionMax);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
