using System.Globalization;
using System.Text.Json;
using Simulation.Core;
using Simulation.Core.Decisions;
using Simulation.IO.Output;

namespace Simulation.IO.Analysis;

/// <summary>Writes laborsim target's target.json (the answer, its bracket and the grid) and target.csv (every setting evaluated).</summary>
public static class TargetWriter
{
    /// <summary>Every setting evaluated.</summary>
    public const string CsvFile = "target.csv";

    /// <summary>The answer and what it rests on.</summary>
    public const string JsonFile = "target.json";

    /// <summary>
    /// target.csv: one row per setting evaluated, in order; with two levers the first lever's value leads each row.
    /// <c>p_upper</c> is the one-sided upper confidence bound that judged the setting.
    /// </summary>
    public static void WriteCsv(TargetAnalysis analysis, TextWriter writer)
    {
        var levers = analysis.Levers;
        writer.Write(levers.Count == 2 ? $"{levers[0].KeyPath},{levers[1].KeyPath}," : $"{levers[0].KeyPath},");
        writer.Write("phase,hits,futures,p,se,p_upper,meets\n");
        foreach (var (first, search) in Searches(analysis))
        {
            foreach (var point in search.Points)
            {
                if (first is { } a)
                {
                    writer.Write(NumberFormat.Csv(a) + ",");
                }
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{NumberFormat.Csv(point.Value)},{point.Phase},{point.Hits},{point.Runs},{NumberFormat.Csv(point.P)},{NumberFormat.Csv(point.Se)},{NumberFormat.Csv(point.Upper)},{(point.Meets ? 1 : 0)}\n"));
            }
        }
    }

    /// <summary>target.json: the question, the answer (or the frontier) and the grid with its monotonicity check.</summary>
    public static void WriteJson(TargetAnalysis analysis, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var s = analysis.Scenario;
        var options = analysis.Options;
        json.WriteStartObject();
        json.WriteString("scenario", s.Name);
        json.WriteString("engine_version", EngineInfo.Version);
        json.WriteNumber("model_version", EngineInfo.ModelVersion);
        json.WriteNumber("seed", s.Seed);
        json.WriteNumber("futures", analysis.Futures);
        json.WriteNumber("months", s.Months);
        json.WriteString("start", s.Start.ToString());
        json.WriteString("condition", analysis.Condition.ToString());
        json.WriteNumber("at_most", options.AtMost);
        if (options.Confidence is { } confidence)
        {
            json.WriteNumber("confidence", confidence);
            json.WriteString("judged_by", "clopper_pearson_upper");
        }
        else
        {
            json.WriteString("judged_by", "estimate");
        }
        json.WriteBoolean("strongest_is_lower", options.StrongestIsLower);
        if (analysis.From is { } from)
        {
            json.WriteString("from", from.ToString());
        }
        json.WriteNumber("tolerance", options.AbsoluteTolerance);
        json.WriteStartArray("levers");
        foreach (var lever in analysis.Levers)
        {
            json.WriteStartObject();
            json.WriteString("key", lever.KeyPath);
            json.WriteNumber("min", lever.Min!.Value);
            json.WriteNumber("max", lever.Max!.Value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (analysis.Single is { } single)
        {
            WriteSearch(json, single);
        }
        else
        {
            json.WriteStartArray("frontier");
            foreach (var point in analysis.Frontier)
            {
                json.WriteStartObject();
                json.WriteNumber(analysis.Levers[0].KeyPath, point.First);
                WriteSearch(json, point.Search);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteNumber("elapsed_seconds", Math.Round(analysis.Elapsed.TotalSeconds, 3));
        json.WriteEndObject();
    }

    private static IEnumerable<(double? First, TargetResult Search)> Searches(TargetAnalysis analysis) =>
        analysis.Single is { } single ? [(null, single)] : analysis.Frontier.Select(f => ((double?)f.First, f.Search));

    private static void WriteSearch(Utf8JsonWriter json, TargetResult search)
    {
        json.WriteString("status", search.Status switch
        {
            TargetStatus.Found => "found",
            TargetStatus.MetAtWeakest => "met_at_weakest",
            _ => "never_met",
        });
        if (search.Answer is { } answer)
        {
            json.WriteNumber("answer", answer);
            var at = search.AtAnswer!;
            json.WriteNumber("p_at_answer", at.P);
            json.WriteNumber("se_at_answer", at.Se);
            json.WriteNumber("p_upper_at_answer", at.Upper);
        }
        else
        {
            json.WriteNull("answer");
        }
        if (search.WeakerBracket is { } weaker)
        {
            json.WriteNumber("weaker_bracket", weaker);
        }
        json.WriteStartArray("grid");
        foreach (var point in search.Points.Where(p => p.Phase == "grid"))
        {
            json.WriteStartObject();
            json.WriteNumber("value", point.Value);
            json.WriteNumber("p", point.P);
            json.WriteNumber("se", point.Se);
            json.WriteNumber("p_upper", point.Upper);
            json.WriteBoolean("meets", point.Meets);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("not_monotone");
        foreach (var rise in search.Breaks)
        {
            json.WriteStartObject();
            json.WriteNumber("weaker", rise.Weaker);
            json.WriteNumber("stronger", rise.Stronger);
            json.WriteNumber("p_weaker", rise.PWeaker);
            json.WriteNumber("p_stronger", rise.PStronger);
            json.WriteNumber("se_of_difference", rise.Se);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
