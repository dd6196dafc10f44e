using Simulation.Core.Catalogue;
using Simulation.Core.Model;

namespace Simulation.Core.Decisions;

/// <summary>
/// An outcome a decision is judged on (the M of XLRM): a metric of every run, or a probability by the horizon whose
/// per-run value is 0 or 1 (so its mean over futures is the probability); with its goal from the output catalogue.
/// </summary>
public sealed record Measure(string Name, string Label, OutputKind Kind, Goal Goal)
{
    /// <summary>The metric, or null for a probability.</summary>
    public Metric? Metric { get; private init; }

    /// <summary>The probability by the horizon, or null for a metric.</summary>
    public HorizonProbability? Probability { get; private init; }

    /// <summary>The measures robust judges by default: total remittances, peak workers, P(enforced by the horizon).</summary>
    public static IReadOnlyList<Measure> Defaults { get; } =
        [Of(Catalogue.Metric.RemittancesUsd), Of(Catalogue.Metric.PeakWorkers), Of(HorizonProbability.Enforced)];

    /// <summary>A metric as a measure.</summary>
    public static Measure Of(Metric metric)
    {
        var definition = OutputCatalogue.Of(metric);
        return new Measure(definition.Name, definition.Label, definition.Kind, definition.Goal) { Metric = metric };
    }

    /// <summary>A probability by the horizon as a measure.</summary>
    public static Measure Of(HorizonProbability probability)
    {
        var definition = OutputCatalogue.Of(probability);
        return new Measure(definition.Name, definition.Label, OutputKind.ZeroOne, definition.Goal) { Probability = probability };
    }

    /// <summary>The measure called <paramref name="name"/> (a metric's or a probability's name), or null.</summary>
    public static Measure? Find(string name) =>
        OutputCatalogue.TryParseMetric(name, out var metric) ? Of(metric)
        : OutputCatalogue.TryParseProbability(name, out var probability) ? Of(probability) : null;

    /// <summary>Every name a measure may have.</summary>
    public static IReadOnlyList<string> Names => [.. OutputCatalogue.MetricNames, .. OutputCatalogue.ProbabilityNames];

    /// <summary>The measure's value in one run: the metric (NaN when censored), or 1 or 0 for the event by the horizon.</summary>
    public double ValueOf(in RunOutcome outcome) => Metric is { } m
        ? outcome.Value(m)
        : Probability == HorizonProbability.Enforced
            // Any event in the run, as the run's own P(enforced by the horizon) counts it (events before forecast_from too).
            ? (double.IsNaN(outcome[Catalogue.Metric.FirstEnforcementMonth]) ? 0 : 1)
            : (double.IsNaN(outcome[Catalogue.Metric.CeasefireMonth]) ? 0 : 1);

    /// <summary>How much worse <paramref name="value"/> is than <paramref name="best"/> (0 or more): regret.</summary>
    public double Shortfall(double value, double best) => Goal == Goal.Minimise ? value - best : best - value;

    /// <summary>True when <paramref name="a"/> is better than <paramref name="b"/>.</summary>
    public bool Better(double a, double b) => Goal == Goal.Minimise ? a < b : a > b;
}
