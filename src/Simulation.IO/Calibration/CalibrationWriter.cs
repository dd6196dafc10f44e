using System.Globalization;
using System.Text.Json;
using Simulation.Core;
using Simulation.Core.Calibration;
using Simulation.Core.Catalogue;
using Simulation.IO.Output;

namespace Simulation.IO.Calibration;

/// <summary>Writes posterior.json (inputs, generations, observations) and fit.csv (each observation against the posterior predictive).</summary>
public static class CalibrationWriter
{
    /// <summary>The machine-readable posterior and search.</summary>
    public const string JsonFile = "posterior.json";

    /// <summary>How the calibrated scenario meets each observation.</summary>
    public const string FitFile = "fit.csv";

    /// <summary>The runnable calibrated scenario.</summary>
    public const string CalibratedScenarioFile = "calibrated.yaml";

    /// <summary>Header of fit.csv.</summary>
    public const string FitHeader = "series,period,value,error_kind,error,predictive_p5,predictive_p25,predictive_p50,predictive_p75,predictive_p95,share_below,inside_band_90,error_interval_meets_band_90";

    /// <summary>Writes fit.csv.</summary>
    public static void WriteFitCsv(CalibrationResult result, TextWriter writer)
    {
        writer.Write(FitHeader + "\n");
        foreach (var fit in result.Fits)
        {
            var o = fit.Observation;
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{o.Series},{o.Period},{NumberFormat.Csv(o.Value)},{KindName(o.ErrorKind)},{(o.ErrorKind == ObservationErrorKind.Poisson ? "" : NumberFormat.Csv(o.Error))},"
                + $"{NumberFormat.Csv(fit.P5)},{NumberFormat.Csv(fit.P25)},{NumberFormat.Csv(fit.P50)},{NumberFormat.Csv(fit.P75)},{NumberFormat.Csv(fit.P95)},"
                + $"{NumberFormat.Csv(fit.ShareBelow)},{(fit.InsideBand90 ? "true" : "false")},{(fit.ErrorIntervalMeetsBand90 ? "true" : "false")}\n"));
        }
    }

    /// <summary>The subfolder of a calibration that history matching preceded: its nroy.csv and history.json.</summary>
    public const string HistoryMatchFolder = "history-match/";

    /// <summary>Writes posterior.json.</summary>
    public static void WriteJson(CalibrationResult result, AbcOptions options, IReadOnlyList<string> observationFiles, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("scenario", result.Prior.Name);
        json.WriteString("engine_version", EngineInfo.Version);
        json.WriteString("method", options.Method == AbcMethod.Smc ? "abc-smc" : "rejection");
        json.WriteNumber("seed", options.Seed);
        json.WriteNumber("particles", result.Abc.Count);
        JsonStatistics.Number(json, "effective_sample_size", result.Abc.EffectiveSampleSize);
        json.WriteNumber("model_runs", result.Abc.Simulations);
        json.WriteNumber("elapsed_seconds", Math.Round(result.Abc.Elapsed.TotalSeconds, 3));
        json.WriteString("stop_reason", result.Abc.StopReason);
        json.WriteNumber("predictive_runs", result.PredictiveRuns.Runs);
        if (result.HistoryMatch is { } match)
        {
            // ABC's prior was the region history matching left (--history-match); its own record is history.json.
            json.WriteStartObject("history_match");
            json.WriteString("file", HistoryMatchFolder + HistoryMatchWriter.JsonFile);
            json.WriteNumber("waves", match.Result.Waves.Count);
            json.WriteNumber("model_runs", match.Result.Simulations);
            json.WriteNumber("nroy_share_of_prior", match.Result.Waves[^1].NroyShare);
            json.WriteEndObject();
        }
        json.WriteStartArray("observation_files");
        foreach (string file in observationFiles)
        {
            json.WriteStringValue(file);
        }
        json.WriteEndArray();

        json.WriteStartObject("inputs");
        foreach (var input in result.Inputs)
        {
            json.WriteStartObject(input.KeyPath);
            json.WriteString("prior_distribution", input.PriorDistribution.ToString());
            Summary(json, "prior", input.Prior);
            Summary(json, "posterior", input.Posterior);
            JsonStatistics.Number(json, "width_ratio", input.WidthRatio);
            json.WriteEndObject();
        }
        json.WriteEndObject();

        json.WriteStartArray("generations");
        foreach (var g in result.Abc.Generations)
        {
            json.WriteStartObject();
            json.WriteNumber("generation", g.Index);
            JsonStatistics.Number(json, "tolerance", g.Tolerance);
            json.WriteBoolean("by_likelihood", g.ByLikelihood);
            json.WriteNumber("candidates", g.Candidates);
            json.WriteNumber("accepted", g.Accepted);
            JsonStatistics.Number(json, "acceptance_rate", g.AcceptanceRate);
            JsonStatistics.Number(json, "effective_sample_size", g.EffectiveSampleSize);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("observations");
        foreach (var fit in result.Fits)
        {
            var o = fit.Observation;
            json.WriteStartObject();
            json.WriteString("series", o.Series);
            json.WriteString("period", o.Period);
            json.WriteNumber("value", o.Value);
            json.WriteString("error_kind", KindName(o.ErrorKind));
            if (o.ErrorKind != ObservationErrorKind.Poisson)
            {
                json.WriteNumber("error", o.Error);
            }
            JsonStatistics.Number(json, "predictive_p5", fit.P5);
            JsonStatistics.Number(json, "predictive_p50", fit.P50);
            JsonStatistics.Number(json, "predictive_p95", fit.P95);
            JsonStatistics.Number(json, "share_below", fit.ShareBelow);
            json.WriteBoolean("inside_band_90", fit.InsideBand90);
            json.WriteBoolean("error_interval_meets_band_90", fit.ErrorIntervalMeetsBand90);
            json.WriteString("source", o.Source);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The error kind as observation files write it.</summary>
    public static string KindName(ObservationErrorKind kind) => kind switch
    {
        ObservationErrorKind.LogNormal => "lognormal",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static void Summary(Utf8JsonWriter json, string name, DistributionSummary summary)
    {
        json.WriteStartObject(name);
        JsonStatistics.Number(json, "mean", summary.Mean);
        JsonStatistics.Number(json, "sd", summary.StandardDeviation);
        JsonStatistics.Number(json, "p5", summary.P5);
        JsonStatistics.Number(json, "p50", summary.P50);
        JsonStatistics.Number(json, "p95", summary.P95);
        json.WriteEndObject();
    }
}
