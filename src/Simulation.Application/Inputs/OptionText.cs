using System.Globalization;
using Simulation.Core.Catalogue;
using Simulation.Core.Decisions;
using Simulation.Core.Discovery;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Requests;
using Simulation.IO.Analysis;
using Simulation.IO.Scenarios;

namespace Simulation.Application.Inputs;

/// <summary>Options as typed on a command line, read into what requests take, each malformed one a problem that names the fix.</summary>
public static class OptionText
{
    /// <summary>
    /// The scenario overrides a command's options make: each <c>--set key.path=VALUE</c>, then --runs, --seed and
    /// --months (the file's values otherwise).
    /// </summary>
    public static List<ScenarioOverride> Overrides(IEnumerable<string> assignments, string? runs, string? seed, string? months, Problems problems)
    {
        var overrides = new List<ScenarioOverride>();
        foreach (string assignment in assignments)
        {
            var change = ScenarioOverride.Parse(assignment);
            if (change is null)
            {
                problems.Option($"--set {assignment}", "must be key.path=VALUE, e.g. --set enforcement.deterrence=0.3");
                continue;
            }
            overrides.Add(change);
        }
        if (runs is not null) overrides.Add(new("runs", runs, $"--runs {runs}"));
        if (seed is not null) overrides.Add(new("seed", seed, $"--seed {seed}"));
        if (months is not null) overrides.Add(new("months", months, $"--months {months}"));
        return overrides;
    }

    /// <summary>
    /// The precision a run should stop at (--precision P on --precision-metric, at most --max-runs runs); null when not
    /// asked for, with a problem for each option given without it, for --runs given with it (<paramref name="runs"/> as
    /// typed) and for an unknown metric.
    /// </summary>
    public static PrecisionTarget? Precision(double? precision, string? metric, long? maxRuns, string? runs, Problems problems)
    {
        if (precision is not { } target)
        {
            if (metric is not null)
            {
                problems.Option($"--precision-metric {metric}", "goes with --precision P (e.g. --precision 0.01)");
            }
            else if (maxRuns is not null)
            {
                problems.Option("--max-runs", "goes with --precision; to set the number of runs use --runs");
            }
            return null;
        }
        if (runs is not null)
        {
            problems.Option($"--runs {runs}", "is decided by --precision, which runs until its target is met; cap it with --max-runs instead");
        }
        string quantity = metric ?? "remittances_usd";
        if (!OutputCatalogue.TryParseProbability(quantity, out _) && !OutputCatalogue.TryParseMetric(quantity, out _))
        {
            var names = OutputCatalogue.MetricNames.Concat(OutputCatalogue.ProbabilityNames).ToList();
            problems.Option($"--precision-metric {quantity}", $"unknown{Suggest(quantity, names)} (one of {string.Join(", ", names)})");
            return null;
        }
        return new PrecisionTarget(quantity, target, maxRuns ?? RunRequest.DefaultMaxRuns);
    }

    /// <summary>The measure named <paramref name="name"/> (a metric or probability robust and voi judge by); null with a problem naming the known ones.</summary>
    public static Measure? Measure(string option, string name, Problems problems)
    {
        var measure = Core.Decisions.Measure.Find(name);
        if (measure is null)
        {
            problems.Option($"{option} {name}", $"unknown{Suggest(name, Core.Decisions.Measure.Names)} (one of {string.Join(", ", Core.Decisions.Measure.Names)})");
        }
        return measure;
    }

    /// <summary>The condition typed after <paramref name="option"/> (METRIC OP VALUE joined by 'and'); null with its problems added when it does not parse.</summary>
    public static OutcomeCondition? Condition(string option, string text, Problems problems)
    {
        var conditionProblems = new ProblemList();
        var condition = ConditionParser.Parse(text, Source(option, text), conditionProblems);
        problems.Add(conditionProblems.Items);
        return condition;
    }

    /// <summary>Each <c>--threshold METRIC=VALUE</c>, in order.</summary>
    public static IReadOnlyList<Threshold> Thresholds(IEnumerable<string> texts, Problems problems)
    {
        var thresholds = new List<Threshold>();
        foreach (string text in texts)
        {
            string subject = $"--threshold {text}";
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Option(subject, "must be METRIC=VALUE, e.g. --threshold remittances_usd=1e9 for P(total remittances > $1 billion)");
                continue;
            }
            string name = text[..equals].Trim();
            string number = text[(equals + 1)..].Trim();
            if (!OutputCatalogue.TryParseMetric(name, out var metric))
            {
                problems.Option(subject, $"unknown metric '{name}'{Suggest(name, OutputCatalogue.MetricNames)} (one of {string.Join(", ", OutputCatalogue.MetricNames)})");
                continue;
            }
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                problems.Option(subject, $"'{number}' is not a number; write the value plainly, e.g. {name}=1e9 or {name}=25000");
                continue;
            }
            thresholds.Add(new Threshold(metric, value));
        }
        return thresholds;
    }

    /// <summary>Metric names given with <paramref name="option"/>; peak workers and total remittances when none were given.</summary>
    public static IReadOnlyList<Metric> Metrics(IEnumerable<string> names, string option, Problems problems)
    {
        var metrics = new List<Metric>();
        int before = problems.Count;
        var all = OutputCatalogue.MetricNames;
        foreach (string name in names)
        {
            if (!OutputCatalogue.TryParseMetric(name, out var metric))
            {
                problems.Option($"{option} {name}", $"unknown metric{Suggest(name, all)} (one of {string.Join(", ", all)})");
                continue;
            }
            metrics.Add(metric);
        }
        return metrics.Count > 0 || problems.Count > before ? metrics : [Metric.PeakWorkers, Metric.RemittancesUsd];
    }

    /// <summary>
    /// Names given with <paramref name="option"/> split into probabilities by the horizon (enforced_by_horizon: one
    /// number over the whole set of runs, not a value of each run) and metrics, read as <see cref="Metrics"/> reads them.
    /// </summary>
    public static (IReadOnlyList<Metric> Metrics, IReadOnlyList<HorizonProbability> Probabilities) MetricsAndProbabilities(IEnumerable<string> names, string option, Problems problems)
    {
        var probabilities = new List<HorizonProbability>();
        var others = new List<string>();
        foreach (string name in names)
        {
            if (OutputCatalogue.TryParseProbability(name, out var probability))
            {
                probabilities.Add(probability);
            }
            else
            {
                others.Add(name);
            }
        }
        return (Metrics(others, option, problems), probabilities);
    }

    /// <summary><c>--shard I/N</c> as (I, N), or null with a problem.</summary>
    public static (int Index, int Count)? Shard(string text, Problems problems)
    {
        string[] parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            problems.Option($"--shard {text}", "must be I/N with whole numbers, e.g. --shard 0/8 for the first of eight shards");
            return null;
        }
        return (index, count);
    }

    /// <summary>One of <paramref name="choices"/> for <paramref name="option"/>, with a suggestion when the value is close to one.</summary>
    public static string? Choice(string option, string value, IReadOnlyList<string> choices, Problems problems)
    {
        if (choices.Contains(value))
        {
            return value;
        }
        string list = choices.Count == 2 ? $"'{choices[0]}' or '{choices[1]}'" : string.Join(", ", choices.Select(c => $"'{c}'"));
        problems.Option($"--{option} {value}", $"must be {list}{Suggest(value, choices)}");
        return null;
    }

    /// <summary>
    /// How a problem names an option's text: whole when short, else the option alone (the column says where), so that a
    /// 1,500-clause --where is not repeated in every problem about it.
    /// </summary>
    public static string Source(string option, string text) => text.Length <= 80 ? $"{option} \"{text}\"" : option;

    /// <summary>"; did you mean 'X'?" when a candidate is close to <paramref name="word"/>, else empty.</summary>
    public static string Suggest(string word, IEnumerable<string> candidates) =>
        Spelling.Closest(word, candidates) is { } suggestion ? $"; did you mean '{suggestion}'?" : "";

    /// <summary>The --model-prior numbers, one per scenario; null when not given or not readable (a problem then says why).</summary>
    public static double[]? ModelPrior(string? text, int scenarios, Problems problems)
    {
        if (text is null)
        {
            return null;
        }
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out values[i]) || !(values[i] >= 0) || double.IsInfinity(values[i]))
            {
                problems.Option($"--model-prior {text}", $"'{parts[i]}' is not a number of 0 or more; give one per scenario, comma-separated, e.g. {string.Join(",", Enumerable.Repeat("1", scenarios))}");
                return null;
            }
        }
        return values;
    }
}
