using System.Globalization;
using System.Text;
using System.Text.Json;
using Simulation.Core;
using Simulation.Core.Catalogue;
using Simulation.Core.Decisions;
using Simulation.IO.Output;

namespace Simulation.IO.Analysis;

/// <summary>The files of <c>laborsim robust</c>: robustness.csv, regret.csv, futures.csv and summary.json.</summary>
public static class RobustWriter
{
    /// <summary>Each policy's scores on each measure.</summary>
    public const string RobustnessFile = "robustness.csv";

    /// <summary>Each policy's regret distribution on each measure.</summary>
    public const string RegretFile = "regret.csv";

    /// <summary>Every future: its inputs, and each policy's measures.</summary>
    public const string FuturesFile = "futures.csv";

    /// <summary>The machine-readable result.</summary>
    public const string SummaryFile = "summary.json";

    /// <summary>The bad tail's name: p90 of a measure to minimise, p10 of one to maximise.</summary>
    public static string TailName(Measure measure) => measure.Goal == Goal.Minimise ? "p90" : "p10";

    /// <summary>robustness.csv: policy,measure,metric,value,se (se where one exists).</summary>
    public static void WriteRobustnessCsv(RobustResult result, TextWriter writer)
    {
        writer.Write("policy,measure,metric,value,se\n");
        foreach (var s in result.Scores)
        {
            void Row(string metric, double value, double? se = null) =>
                writer.Write($"{s.Policy},{s.Measure.Name},{metric},{NumberFormat.Csv(value)},{(se is { } e ? NumberFormat.Csv(e) : "")}\n");
            Row("mean", s.Mean, s.MeanSe);
            Row("p50", s.Median);
            Row(TailName(s.Measure), s.Tail);
            Row("worst", s.Worst);
            Row("best", s.Best);
            Row("regret_mean", s.RegretMean, s.RegretMeanSe);
            Row("regret_p90", s.RegretP90);
            Row("regret_max", s.RegretMax);
            Row("hurwicz", s.Hurwicz);
            if (s.Satisficing is { } share)
            {
                Row("satisficing", share, s.SatisficingSe);
            }
        }
    }

    /// <summary>regret.csv: each policy's regret on each measure, from the futures: mean, se, and percentiles.</summary>
    public static void WriteRegretCsv(RobustResult result, TextWriter writer)
    {
        writer.Write("policy,measure,mean,se,p50,p90,max\n");
        foreach (var s in result.Scores)
        {
            writer.Write($"{s.Policy},{s.Measure.Name},{NumberFormat.Csv(s.RegretMean)},{NumberFormat.Csv(s.RegretMeanSe)},");
            var regrets = Regrets(result.Table, result.Table.Policies.ToList().IndexOf(s.Policy), result.Table.Measures.ToList().FindIndex(m => m.Name == s.Measure.Name));
            writer.Write($"{NumberFormat.Csv(RobustAnalysis.Percentile(regrets, 0.5))},{NumberFormat.Csv(s.RegretP90)},{NumberFormat.Csv(s.RegretMax)}\n");
        }
    }

    /// <summary>The sorted regrets of one policy on one measure over the futures.</summary>
    public static double[] Regrets(FuturesTable table, int policy, int measure)
    {
        var regrets = new List<double>(table.Runs);
        for (int f = 0; f < table.Runs; f++)
        {
            double regret = RobustAnalysis.RegretOf(table, f, policy, measure);
            if (!double.IsNaN(regret))
            {
                regrets.Add(regret);
            }
        }
        regrets.Sort();
        return [.. regrets];
    }

    /// <summary>
    /// futures.csv: <c>run</c>, each uncertain input by key path, then <c>POLICY:MEASURE</c> for each policy and
    /// measure, <c>POLICY:trigger_month</c> for each policy (empty where its signpost did not fire), and
    /// <c>POLICY:satisficed</c> (1 or 0) when there is a satisficing condition.
    /// </summary>
    public static void WriteFuturesCsv(FuturesTable table, bool satisficing, TextWriter writer)
    {
        var header = new List<string> { "run" };
        header.AddRange(table.InputNames);
        foreach (string policy in table.Policies)
        {
            header.AddRange(table.Measures.Select(m => $"{policy}:{m.Name}"));
        }
        header.AddRange(table.Policies.Select(p => $"{p}:{OutputCatalogue.Of(Metric.TriggerMonth).Name}"));
        if (satisficing)
        {
            header.AddRange(table.Policies.Select(p => $"{p}:satisficed"));
        }
        writer.Write(string.Join(',', header) + "\n");
        int inputs = table.InputNames.Count, p = table.Policies.Count, m = table.Measures.Count;
        var line = new StringBuilder();
        for (int f = 0; f < table.Runs; f++)
        {
            line.Clear().Append((table.FirstRun + f).ToString(CultureInfo.InvariantCulture));
            for (int i = 0; i < inputs; i++)
            {
                line.Append(',').Append(NumberFormat.Csv(table.Inputs[f * inputs + i]));
            }
            for (int k = 0; k < p * m; k++)
            {
                line.Append(',').Append(NumberFormat.Csv(table.Values[f * p * m + k]));
            }
            for (int k = 0; k < p; k++)
            {
                line.Append(',').Append(NumberFormat.Csv(table.TriggerMonths[f * p + k]));
            }
            if (satisficing)
            {
                for (int k = 0; k < p; k++)
                {
                    line.Append(',').Append(table.Satisfied[f * p + k] ? '1' : '0');
                }
            }
            writer.Write(line.Append('\n'));
        }
    }

    /// <summary>summary.json: the scenario, the policies and their settings, the criteria's choices, every score, and the failures.</summary>
    public static void WriteJson(RobustResult result, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var s = result.Scenario;
        json.WriteStartObject();
        json.WriteString("scenario", s.Name);
        json.WriteString("engine_version", EngineInfo.Version);
        json.WriteNumber("model_version", EngineInfo.ModelVersion);
        json.WriteNumber("seed", s.Seed);
        json.WriteNumber("futures", result.Table.Runs);
        json.WriteNumber("months", s.Months);
        json.WriteString("start", s.Start.ToString());
        json.WriteNumber("hurwicz", result.Hurwicz);
        if (result.Satisfice is { } condition)
        {
            json.WriteString("satisfice", condition.ToString());
        }
        if (result.Regret is { } regret)
        {
            json.WriteNumber("regret", regret);
        }
        json.WriteStartArray("policies");
        foreach (var policy in result.Policies)
        {
            json.WriteStartObject();
            json.WriteString("name", policy.Name);
            json.WriteStartObject("set");
            foreach (var setting in policy.Settings)
            {
                json.WriteNumber(setting.KeyPath, setting.Value);
            }
            json.WriteEndObject();
            if (policy.From is { } from)
            {
                json.WriteString("from", from.ToString());
            }
            if (policy.Trigger is { } trigger)
            {
                json.WriteString("when", trigger.ToString());
                json.WriteNumber("lag_months", policy.LagMonths);
            }
            if (policy.Note.Length > 0)
            {
                json.WriteString("note", policy.Note);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("measures");
        foreach (var measure in result.Table.Measures)
        {
            json.WriteStartObject(measure.Name);
            json.WriteString("goal", measure.Goal == Goal.Minimise ? "minimise" : "maximise");
            var choices = result.Choices(measure);
            json.WriteStartObject("choices");
            foreach (var (criterion, policies) in new[] { ("laplace", choices.Laplace), ("maximin", choices.Maximin), ("minimax_regret", choices.MinimaxRegret),
                ("hurwicz", choices.Hurwicz), ("satisficing", choices.Satisficing) })
            {
                if (policies.Count == 0)
                {
                    continue;
                }
                json.WriteStartArray(criterion);
                foreach (string policy in policies)
                {
                    json.WriteStringValue(policy);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteStartObject("policies");
            foreach (var score in result.ScoresOf(measure))
            {
                json.WriteStartObject(score.Policy);
                JsonStatistics.Number(json, "mean", score.Mean);
                JsonStatistics.Number(json, "mean_se", score.MeanSe);
                JsonStatistics.Number(json, "p50", score.Median);
                JsonStatistics.Number(json, TailName(measure), score.Tail);
                JsonStatistics.Number(json, "worst", score.Worst);
                JsonStatistics.Number(json, "best", score.Best);
                JsonStatistics.Number(json, "regret_mean", score.RegretMean);
                JsonStatistics.Number(json, "regret_mean_se", score.RegretMeanSe);
                JsonStatistics.Number(json, "regret_p90", score.RegretP90);
                JsonStatistics.Number(json, "regret_max", score.RegretMax);
                JsonStatistics.Number(json, "hurwicz", score.Hurwicz);
                if (score.Satisficing is { } share)
                {
                    JsonStatistics.Number(json, "satisficing", share);
                    JsonStatistics.Number(json, "satisficing_se", score.SatisficingSe!.Value);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartArray("failures");
        foreach (var failure in result.Failures)
        {
            json.WriteStartObject();
            json.WriteString("policy", failure.Policy);
            json.WriteString("fails_when", failure.Question);
            json.WriteNumber("futures_failing", failure.Failures);
            JsonStatistics.Number(json, "share", failure.Share);
            if (failure.Box is { } box)
            {
                json.WriteNumber("density", box.Box.Density);
                json.WriteNumber("coverage", box.Box.Coverage);
                json.WriteStartArray("limits");
                foreach (var limit in box.QuasiPValues.OrderBy(q => q.PValue))
                {
                    json.WriteStartObject();
                    json.WriteString("input", limit.Name);
                    json.WriteNumber("lower", limit.Lower);
                    json.WriteNumber("upper", limit.Upper);
                    json.WriteNumber("quasi_p", limit.PValue);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
