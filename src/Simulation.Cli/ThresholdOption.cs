using System.Globalization;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Scenarios;

namespace Simulation.Cli;

/// <summary>--threshold METRIC=VALUE (repeatable): the probability that a metric exceeds a value, asked for by name.</summary>
internal static class ThresholdOption
{
    /// <summary>The thresholds asked for, in order; each malformed one adds a problem naming the fix.</summary>
    public static IReadOnlyList<(Metric Metric, double Value)> Parse(IEnumerable<string> texts, List<ScenarioProblem> problems)
    {
        var thresholds = new List<(Metric, double)>();
        foreach (string text in texts)
        {
            var position = new Simulation.IO.Yaml.SourcePosition($"--threshold {text}", 0, 0);
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add(new ScenarioProblem(position, "", "must be METRIC=VALUE, e.g. --threshold remittances_usd=1e9 for P(total remittances > $1 billion)"));
                continue;
            }
            string name = text[..equals].Trim();
            string number = text[(equals + 1)..].Trim();
            if (!OutputCatalogue.TryParseMetric(name, out var metric))
            {
                string? suggestion = Spelling.Closest(name, OutputCatalogue.MetricNames);
                problems.Add(new ScenarioProblem(position, "", $"unknown metric '{name}'{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")} (one of {string.Join(", ", OutputCatalogue.MetricNames)})"));
                continue;
            }
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                problems.Add(new ScenarioProblem(position, "", $"'{number}' is not a number; write the value plainly, e.g. {name}=1e9 or {name}=25000"));
                continue;
            }
            thresholds.Add((metric, value));
        }
        return thresholds;
    }

    /// <summary>The probabilities of <paramref name="thresholds"/> in <paramref name="result"/>.</summary>
    public static IReadOnlyList<ThresholdProbability> Evaluate(MonteCarloResult result, IReadOnlyList<(Metric Metric, double Value)> thresholds)
    {
        var probabilities = new ThresholdProbability[thresholds.Count];
        for (int i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = ThresholdProbability.Of(result, thresholds[i].Metric, thresholds[i].Value);
        }
        return probabilities;
    }
}
