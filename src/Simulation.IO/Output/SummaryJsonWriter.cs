using System.Globalization;
using System.Text.Json;
using Simulation.Core;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Summaries;

namespace Simulation.IO.Output;

/// <summary>
/// Writes summary.json (docs/scenario-format.md). Apart from elapsed_seconds the bytes depend only on the
/// result, so the same scenario and seed give the same file for any thread count.
/// </summary>
public static class SummaryJsonWriter
{
    /// <summary>The file it writes in an output folder.</summary>
    public const string FileName = "summary.json";

    /// <summary>Writes <paramref name="result"/> to <paramref name="stream"/> as indented UTF-8 JSON.</summary>
    /// <param name="result">The runs.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="overrides">The --set assignments.</param>
    /// <param name="thresholds">P(METRIC &gt; VALUE) asked for.</param>
    /// <param name="record">Where each observation of the record the scenario cites falls among the runs.</param>
    public static void Write(MonteCarloResult result, Stream stream, IReadOnlyList<string>? overrides = null, IReadOnlyList<ThresholdProbability>? thresholds = null,
        IReadOnlyList<Simulation.Core.Calibration.ObservationFit>? record = null)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var scenario = result.Scenario;
        json.WriteStartObject();
        json.WriteString("scenario", scenario.Name);
        json.WriteString("description", scenario.Description);
        json.WriteString("engine_version", EngineInfo.Version);
        json.WriteNumber("model_version", EngineInfo.ModelVersion);
        json.WriteNumber("seed", scenario.Seed);
        json.WriteNumber("runs", result.Runs);
        json.WriteNumber("months", result.Months);
        json.WriteString("start", scenario.Start.ToString());
        if (!scenario.MetricsStart.Equals(scenario.Start))
        {
            json.WriteString("forecast_from", scenario.MetricsStart.ToString());
        }
        if (record is { Count: > 0 })
        {
            json.WriteStartObject("record");
            json.WriteNumber("observations", record.Count);
            json.WriteNumber("inside_band_90", record.Count(f => f.InsideBand90));
            json.WriteStartArray("fits");
            foreach (var fit in record)
            {
                json.WriteStartObject();
                json.WriteString("series", fit.Observation.Series);
                json.WriteString("period", fit.Observation.Period);
                json.WriteNumber("value", fit.Observation.Value);
                json.WriteString("error_kind", fit.Observation.ErrorKind.ToString().ToLowerInvariant());
                json.WriteNumber("p5", fit.P5);
                json.WriteNumber("p50", fit.P50);
                json.WriteNumber("p95", fit.P95);
                json.WriteBoolean("inside_band_90", fit.InsideBand90);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        var claims = ExpectationCheck.Evaluate(result);
        if (claims.Count > 0)
        {
            json.WriteStartArray("expectations");
            foreach (var claim in claims)
            {
                var expectation = claim.Expectation;
                json.WriteStartObject();
                json.WriteString("says", expectation.Says);
                json.WriteString("quantity", expectation.Quantity switch
                {
                    ExpectedQuantity.Mean => "mean",
                    ExpectedQuantity.Median => "median",
                    _ => "probability",
                });
                json.WriteString("of", expectation.Quantity switch
                {
                    ExpectedQuantity.ByHorizon => OutputCatalogue.Of(expectation.Probability).Name,
                    ExpectedQuantity.ShareAbove => string.Create(CultureInfo.InvariantCulture, $"{OutputCatalogue.Of(expectation.Metric).Name} > {expectation.Above:R}"),
                    _ => OutputCatalogue.Of(expectation.Metric).Name,
                });
                json.WriteNumber("low", expectation.Low);
                json.WriteNumber("high", expectation.High);
                JsonStatistics.Number(json, "estimate", claim.Estimate);
                JsonStatistics.Number(json, "standard_error", claim.StandardError);
                json.WriteBoolean("holds", claim.Holds);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteNumber("elapsed_seconds", Math.Round(result.Elapsed.TotalSeconds, 3));
        json.WriteNumber("quantile_relative_error", QuantileSketch.RelativeAccuracy);
        json.WriteString("sampling", Scenarios.SamplingReader.Name(scenario.Sampling));
        // Every "se" is the independent-draws formula; under a stratified design it bounds the error from above.
        json.WriteString("standard_error", scenario.Sampling == Simulation.Core.Sampling.SamplingMethod.MonteCarlo
            ? "independent draws" : "independent-draws formula, an upper bound under this design");
        if (scenario.Copula() is { } copula)
        {
            // The rank correlations asked for and those used (Higham's nearest valid matrix when the request was not valid).
            json.WriteStartObject("correlations");
            json.WriteStartArray("inputs");
            foreach (string name in copula.Names)
            {
                json.WriteStringValue(name);
            }
            json.WriteEndArray();
            json.WriteBoolean("repaired", copula.IsRepaired);
            json.WriteNumber("smallest_eigenvalue_requested", copula.SmallestEigenvalue);
            WriteMatrix(json, "requested", copula.Requested);
            WriteMatrix(json, "used", copula.Used);
            json.WriteEndObject();
        }
        if (overrides is { Count: > 0 })
        {
            // Values changed on the command line (--set): the description above is the file's and may not match them.
            json.WriteStartArray("overrides");
            foreach (string assignment in overrides)
            {
                json.WriteStringValue(assignment);
            }
            json.WriteEndArray();
        }
        if (result.IsPartial)
        {
            // An interrupted run kept with --keep-partial: statistics over the runs completed only.
            json.WriteBoolean("partial", true);
            json.WriteNumber("planned_runs", result.PlannedRuns);
        }

        json.WriteStartObject("metrics");
        foreach (var metric in result.Metrics)
        {
            json.WriteStartObject(OutputCatalogue.Of(metric.Metric).Name);
            WriteStatistics(json, metric.Statistics, includeCount: true);
            if (OutputCatalogue.Of(metric.Metric).Censored)
            {
                JsonStatistics.Number(json, "share_observed", metric.ShareObserved);
            }
            json.WriteEndObject();
        }
        foreach (var peak in result.DestinationPeaks)
        {
            json.WriteStartObject(peak.Name);
            WriteStatistics(json, peak.Statistics, includeCount: true);
            json.WriteEndObject();
        }
        json.WriteEndObject();

        // The same metrics over the runs where a ceasefire came, and where anyone was deployed: the runs that deploy
        // nobody would otherwise hide in the unconditional medians.
        json.WriteStartObject("conditional");
        foreach (var condition in result.Conditional)
        {
            json.WriteStartObject(condition.Key);
            json.WriteString("description", condition.Description);
            json.WriteNumber("runs", condition.Runs);
            JsonStatistics.Number(json, "share_of_runs", condition.Share);
            json.WriteStartObject("metrics");
            foreach (var metric in condition.Metrics)
            {
                json.WriteStartObject(OutputCatalogue.Of(metric.Metric).Name);
                WriteStatistics(json, metric.Statistics, includeCount: true);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();

        json.WriteStartArray("annual_remittances_usd");
        foreach (var year in result.AnnualRemittances)
        {
            json.WriteStartObject();
            json.WriteNumber("year", year.Year);
            json.WriteString("first_month", year.First.ToString());
            json.WriteString("last_month", year.Last.ToString());
            json.WriteBoolean("partial_year", year.IsPartial);
            WriteStatistics(json, year.Statistics, includeCount: false);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        if (thresholds is { Count: > 0 })
        {
            json.WriteStartArray("thresholds");
            foreach (var (metric, probability) in thresholds)
            {
                json.WriteStartObject();
                json.WriteString("metric", OutputCatalogue.Of(metric).Name);
                json.WriteNumber("threshold", probability.Threshold);
                JsonStatistics.Number(json, "probability_above", probability.Probability);
                JsonStatistics.Number(json, "se", probability.StandardError);
                // Counted run by run when the threshold was asked for before running; read from the sketch after a merge of shards.
                json.WriteBoolean("counted_exactly", probability.Exact);
                // Where the probability could lie given the quantile sketch's buckets (equal when the threshold falls between them).
                JsonStatistics.Number(json, "resolution_lower", probability.Lower);
                JsonStatistics.Number(json, "resolution_upper", probability.Upper);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        json.WriteStartObject("probabilities");
        foreach (var definition in OutputCatalogue.Probabilities)
        {
            WriteProbability(json, definition.Name, result.Probability(definition.Probability), result.Runs);
        }
        json.WriteEndObject();

        if (result.Precision is { } precision)
        {
            json.WriteStartObject("precision");
            json.WriteString("quantity", precision.Target.Quantity);
            json.WriteNumber("target_half_width", precision.Target.HalfWidth);
            JsonStatistics.Number(json, "achieved_half_width", precision.AchievedHalfWidth);
            json.WriteBoolean("met", precision.Met);
            json.WriteNumber("max_runs", precision.Target.MaxRuns);
            json.WriteEndObject();
        }

        json.WriteStartObject("series");
        for (int s = 0; s < result.Series.Count; s++)
        {
            json.WriteStartArray(result.Series[s].Name);
            var months = result.SeriesByMonth[s];
            for (int t = 0; t < months.Length; t++)
            {
                json.WriteStartObject();
                json.WriteString("month", scenario.Start.AddMonths(t).ToString());
                WriteStatistics(json, months[t], includeCount: false);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteMatrix(Utf8JsonWriter json, string name, double[,] matrix)
    {
        json.WriteStartArray(name);
        for (int i = 0; i < matrix.GetLength(0); i++)
        {
            json.WriteStartArray();
            for (int j = 0; j < matrix.GetLength(1); j++)
            {
                json.WriteNumberValue(matrix[i, j]);
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static void WriteProbability(Utf8JsonWriter json, string name, double p, long runs)
    {
        // No runs (an interrupted run kept with --keep-partial before its first block): no probability, null not infinity.
        JsonStatistics.Number(json, name, runs > 0 ? p : double.NaN);
        JsonStatistics.Number(json, name + "_se", runs > 0 ? Math.Sqrt(p * (1 - p) / runs) : double.NaN);
    }

    private static void WriteStatistics(Utf8JsonWriter json, SummaryStatistics statistics, bool includeCount) =>
        JsonStatistics.Write(json, statistics, includeCount);
}
