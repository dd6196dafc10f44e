using System.Globalization;
using System.Text.Json;
using Simulation.Core;
using Simulation.Core.Decisions;
using Simulation.IO.Output;

namespace Simulation.IO.Analysis;

/// <summary>Writes laborsim voi's voi.csv (every estimate) and summary.json.</summary>
public static class VoiWriter
{
    /// <summary>Every estimate, one per row.</summary>
    public const string CsvFile = "voi.csv";

    /// <summary>The question and every estimate.</summary>
    public const string JsonFile = "summary.json";

    /// <summary>
    /// voi.csv: <c>kind,name,period,value,se,share,share_se</c>. Kinds: <c>input</c> (EVPPI-var of an uncertain input),
    /// <c>observation</c> (EVSI-var of a planned observation; its period in the period column), both with the share of
    /// Var(M) they would remove; <c>evpi</c> and <c>decision_input</c> (EVPPI of an input for the choice among the
    /// policies), in the measure's unit, without a share.
    /// </summary>
    public static void WriteCsv(VoiAnalysis analysis, TextWriter writer)
    {
        writer.Write("kind,name,period,value,se,share,share_se\n");
        foreach (var (input, e) in analysis.Inputs)
        {
            Row(writer, "input", input, "", e, analysis.Variance);
        }
        foreach (var (observation, e) in analysis.Observations)
        {
            Row(writer, "observation", observation.Series, observation.Period, e, analysis.Variance);
        }
        if (analysis.Evpi is { } evpi)
        {
            Row(writer, "evpi", "all inputs", "", evpi, double.NaN);
        }
        foreach (var (input, e) in analysis.DecisionInputs)
        {
            Row(writer, "decision_input", input, "", e, double.NaN);
        }
    }

    private static void Row(TextWriter writer, string kind, string name, string period, VoiEstimate estimate, double variance)
    {
        string share = double.IsNaN(variance) || variance <= 0 ? "," : $"{NumberFormat.Csv(estimate.Value / variance)},{NumberFormat.Csv(estimate.Se / variance)}";
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{kind},{name},{period},{NumberFormat.Csv(estimate.Value)},{NumberFormat.Csv(estimate.Se)},{share}\n"));
    }

    /// <summary>summary.json: the scenario, the measure and its variance, and every estimate.</summary>
    public static void WriteJson(VoiAnalysis analysis, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var s = analysis.Scenario;
        json.WriteStartObject();
        json.WriteString("scenario", s.Name);
        json.WriteString("engine_version", EngineInfo.Version);
        json.WriteNumber("model_version", EngineInfo.ModelVersion);
        json.WriteNumber("seed", s.Seed);
        json.WriteNumber("runs", analysis.Runs);
        json.WriteNumber("months", s.Months);
        json.WriteString("start", s.Start.ToString());
        json.WriteString("metric", analysis.Measure.Name);
        json.WriteNumber("variance", analysis.Variance);
        json.WriteString("smoother", "restricted cubic regression spline, 10 knots at quantiles (indicators for an input of 10 values or fewer)");
        json.WriteNumber("bootstrap_resamples", ValueOfInformation.Bootstraps);
        json.WriteStartArray("inputs");
        foreach (var (input, e) in analysis.Inputs)
        {
            Estimate(json, input, null, e, analysis.Variance);
        }
        json.WriteEndArray();
        json.WriteStartArray("observations");
        foreach (var (observation, e) in analysis.Observations)
        {
            json.WriteStartObject();
            json.WriteString("series", observation.Series);
            json.WriteString("period", observation.Period);
            json.WriteString("error_kind", observation.ErrorKind.ToString().ToLowerInvariant());
            if (observation.ErrorKind != Simulation.Core.Calibration.ObservationErrorKind.Poisson)
            {
                json.WriteNumber("error", observation.Error);
            }
            json.WriteString("note", observation.Note);
            json.WriteNumber("evsi", e.Value);
            json.WriteNumber("se", e.Se);
            json.WriteNumber("share", e.Value / analysis.Variance);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (analysis.Evpi is { } evpi)
        {
            json.WriteStartObject("decision");
            json.WriteStartArray("policies");
            foreach (string policy in analysis.Policies)
            {
                json.WriteStringValue(policy);
            }
            json.WriteEndArray();
            json.WriteString("best_on_average", analysis.BestOnAverage);
            json.WriteNumber("evpi", evpi.Value);
            json.WriteNumber("evpi_se", evpi.Se);
            json.WriteStartArray("inputs");
            foreach (var (input, e) in analysis.DecisionInputs)
            {
                Estimate(json, input, null, e, double.NaN);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteNumber("elapsed_seconds", Math.Round(analysis.Elapsed.TotalSeconds, 3));
        json.WriteEndObject();
    }

    private static void Estimate(Utf8JsonWriter json, string name, string? period, VoiEstimate e, double variance)
    {
        json.WriteStartObject();
        json.WriteString("input", name);
        if (period is not null)
        {
            json.WriteString("period", period);
        }
        json.WriteNumber("value", e.Value);
        json.WriteNumber("se", e.Se);
        if (!double.IsNaN(variance) && variance > 0)
        {
            json.WriteNumber("share", e.Value / variance);
        }
        json.WriteEndObject();
    }
}
