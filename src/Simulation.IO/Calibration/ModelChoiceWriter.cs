using System.Globalization;
using System.Text.Json;
using Simulation.Core;
using Simulation.Core.Calibration;
using Simulation.IO.Output;

namespace Simulation.IO.Calibration;

/// <summary>Writes models.csv (each scenario's prior and posterior probability) and model_choice.json (the same, with the generations).</summary>
public static class ModelChoiceWriter
{
    /// <summary>Each model's probabilities.</summary>
    public const string ModelsFile = "models.csv";

    /// <summary>The search and the probabilities by generation.</summary>
    public const string JsonFile = "model_choice.json";

    /// <summary>Writes models.csv.</summary>
    public static void WriteModelsCsv(ModelChoiceCalibration choice, TextWriter writer)
    {
        writer.Write("model,scenario,prior_probability,probability,standard_error,died_in_generation\n");
        var result = choice.Choice;
        for (int m = 0; m < choice.Scenarios.Count; m++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{m + 1},{choice.Scenarios[m].Name},{NumberFormat.Csv(result.Prior[m])},{NumberFormat.Csv(result.Probabilities[m])},{NumberFormat.Csv(result.StandardErrors[m])},{result.DiedIn[m]?.ToString(CultureInfo.InvariantCulture) ?? ""}\n"));
        }
    }

    /// <summary>Writes model_choice.json.</summary>
    public static void WriteJson(ModelChoiceCalibration choice, AbcOptions options, IReadOnlyList<string> observationFiles, Stream stream)
    {
        var result = choice.Choice;
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("engine_version", EngineInfo.Version);
        json.WriteString("method", "abc-smc model choice");
        json.WriteNumber("seed", options.Seed);
        json.WriteNumber("particles", options.Particles);
        json.WriteNumber("model_perturbation", ModelChoiceEngine.ModelPerturbation);
        json.WriteNumber("model_runs", result.Simulations);
        json.WriteNumber("elapsed_seconds", Math.Round(result.Elapsed.TotalSeconds, 3));
        json.WriteString("stop_reason", result.StopReason);
        json.WriteStartArray("observation_files");
        foreach (string file in observationFiles)
        {
            json.WriteStringValue(file);
        }
        json.WriteEndArray();
        json.WriteStartArray("models");
        for (int m = 0; m < choice.Scenarios.Count; m++)
        {
            json.WriteStartObject();
            json.WriteString("scenario", choice.Scenarios[m].Name);
            json.WriteNumber("prior_probability", result.Prior[m]);
            JsonStatistics.Number(json, "probability", result.Probabilities[m]);
            JsonStatistics.Number(json, "standard_error", result.StandardErrors[m]);
            if (result.DiedIn[m] is { } generation)
            {
                json.WriteNumber("died_in_generation", generation);
            }
            else
            {
                json.WriteNull("died_in_generation");
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("generations");
        foreach (var generation in result.Generations)
        {
            json.WriteStartObject();
            json.WriteNumber("generation", generation.Index);
            JsonStatistics.Number(json, "tolerance", generation.Tolerance);
            json.WriteBoolean("by_likelihood", generation.ByLikelihood);
            json.WriteNumber("candidates", generation.Candidates);
            json.WriteNumber("accepted", generation.Accepted);
            json.WriteStartArray("probabilities");
            foreach (double p in generation.Probabilities)
            {
                if (double.IsFinite(p))
                {
                    json.WriteNumberValue(p);
                }
                else
                {
                    json.WriteNullValue();
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
