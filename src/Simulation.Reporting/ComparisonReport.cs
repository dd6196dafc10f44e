using Simulation.Core;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>report.html of a comparison.</summary>
public static class ComparisonReport
{
    /// <summary>
    /// The assumptions whose values differ between <paramref name="scenarios"/>: the calendar, then every parameter
    /// in the order the scenarios list them, with its label in words, each scenario's value (— where it has none) and
    /// its key path.
    /// </summary>
    internal static List<IReadOnlyList<string>> DifferingAssumptions(IReadOnlyList<Scenario> scenarios)
    {
        var rows = new List<IReadOnlyList<string>>();
        if (scenarios.Select(s => $"{s.Start}+{s.Months}").Distinct().Count() > 1)
        {
            rows.Add(["start and months", .. scenarios.Select(s => $"{s.Start}, {s.Months} months"), "start, months"]);
        }
        var values = scenarios.Select(s => RunReport.Parameters(s).ToDictionary(row => row[0], row => row[2].Length > 0 ? $"{row[1]} ({row[2]})" : row[1])).ToList();
        var keys = new List<string>();
        foreach (var scenario in values)
        {
            keys.AddRange(scenario.Keys.Where(k => !keys.Contains(k)));
        }
        foreach (string key in keys)
        {
            var shown = values.Select(v => v.TryGetValue(key, out string? value) ? value : "—").ToList();
            if (shown.Distinct().Count() > 1)
            {
                var owner = scenarios[values.FindIndex(v => v.ContainsKey(key))];
                rows.Add([InputWords.Label(owner, key), .. shown, key]);
            }
        }
        return rows;
    }

    /// <summary>The page for <paramref name="comparison"/>.</summary>
    public static string Render(ComparisonResult comparison, IReadOnlyList<RenderedChart> charts)
    {
        var first = comparison.Results[0].Scenario;
        string names = string.Join(", ", comparison.Results.Select(r => r.Scenario.Name));
        var report = new HtmlReport($"laborsim: {names}")
            .Header($"Scenarios compared: {names}", "Differences are against " + first.Name + (comparison.CommonRandomNumbers ? ", run by run." : ", on independent runs."))
            .Paragraph($"{first.Runs:N0} {(comparison.CommonRandomNumbers ? "paired runs" : "runs of each scenario")} of {first.Months} months from {first.Start}; seed {first.Seed}; "
                + (comparison.CommonRandomNumbers ? "common random numbers (run r of every scenario uses the same random streams)" : "independent random streams")
                + $"; laborsim {EngineInfo.Version}.", "meta");

        var differing = DifferingAssumptions(comparison.Results.Select(r => r.Scenario).ToList());
        report.Section("What differs").Table(
            ["assumption", .. comparison.Results.Select(r => r.Scenario.Name), "key"],
            differing, textColumns: 1 + comparison.Results.Count + 1,
            caption: differing.Count == 0
                ? "The scenarios make the same assumptions; only their names (and seeds, if given) differ."
                : $"Every assumption whose value differs between the scenarios (— where a scenario has no such assumption); the full list of {first.Name}'s is at the end.");

        string runs = comparison.CommonRandomNumbers ? "runs" : "pairs of unrelated runs";
        report.Section("In short").List(comparison.Differences.SelectMany(d => d)
            .Where(d => d.Metric is Metric.PeakWorkers or Metric.RemittancesUsd || d.IsProbability).Select(d => Sentence(d, runs)), "headline");
        report.Paragraph(NumberText.ErrorNote + (comparison.CommonRandomNumbers
            ? " Differences are taken run by run (run r of each scenario shares its random streams), so their standard errors are those of the pairs."
            : " The scenarios ran on independent random streams (--independent): run r of one has nothing to do with run r of another, so a difference's spread mixes both scenarios' uncertainty and its standard error is that of two independent means."), "note");

        report.Section("Probabilities by the horizon").Table(
            ["scenario", "enforcement hits the scheme", "ceasefire", .. comparison.Thresholds.Select(ThresholdLabel)],
            comparison.Results.Select(r => (IReadOnlyList<string>)
            [
                r.Scenario.Name, NumberText.WithError(r.EnforcedByHorizon, r.EnforcedByHorizonSe, OutputKind.ZeroOne),
                NumberText.WithError(r.CeasefireByHorizon, r.CeasefireByHorizonSe, OutputKind.ZeroOne),
                .. comparison.Thresholds.Select(t => r.Exceeds(t.Metric, t.Value)).Select(p => NumberText.WithError(p.Probability, p.StandardError, OutputKind.ZeroOne)),
            ]), textColumns: 1, caption: $"Share of runs in which the event has happened by {first.Start.AddMonths(first.Months - 1)}"
                + (comparison.Thresholds.Count > 0 ? ", and in which the outcome exceeds each threshold asked for (--threshold) over the horizon." : "."));

        report.Section("Outcomes side by side").Table(
            ["outcome", "scenario", "median", "p5", "p95", "mean ± se", "runs with it", "name in comparison.csv"],
            Enumerable.Range(0, OutputCatalogue.MetricCount).Where(m => comparison.Results.Any(r => r.Scenario.Reports((Metric)m))).SelectMany(m => comparison.Results.Select(r => (IReadOnlyList<string>)
            [
                OutputCatalogue.Of((Metric)m).Label, r.Scenario.Name,
                NumberText.Of(r.Metrics[m].Statistics.P50, (Metric)m), NumberText.Of(r.Metrics[m].Statistics.P5, (Metric)m), NumberText.Of(r.Metrics[m].Statistics.P95, (Metric)m),
                NumberText.WithError(r.Metrics[m].Statistics, (Metric)m), $"{r.Metrics[m].Statistics.Count:N0}",
                OutputCatalogue.Of((Metric)m).Name,
            ])), textColumns: 2);

        report.Section("Paired differences").Table(
            ["outcome", "scenario minus baseline", "mean ± se", "P(higher)", "p5", "median", "p95", "runs"],
            comparison.Differences.SelectMany(d => d).Where(d => d.Metric is not { } m || comparison.Results.Any(r => r.Scenario.Reports(m))).Select(d => (IReadOnlyList<string>)
            [
                Label(d), $"{d.Scenario} − {d.Baseline}",
                Difference(d, d.Statistics.Mean, d.Statistics.Se), NumberText.Percent(d.ProbabilityGreater),
                Difference(d, d.Statistics.P5), Difference(d, d.Statistics.P50), Difference(d, d.Statistics.P95),
                $"{d.Statistics.Count:N0}",
            ]), textColumns: 2, caption: "Run-by-run differences over the runs where both scenarios have the outcome; for probabilities, in percentage points.");

        report.Section("Charts");
        report.Charts(charts);

        // One full table, the baseline's: the others differ from it only as "What differs" says.
        report.Section($"Assumptions: {first.Name}").Paragraph(first.Description)
            .Table(["parameter", "value or distribution", "unit", "meaning"], RunReport.Parameters(first), textColumns: 4);
        foreach (var result in comparison.Results.Skip(1))
        {
            report.Section($"Assumptions: {result.Scenario.Name}").Paragraph(result.Scenario.Description)
                .Paragraph($"As {first.Name}, except where \"What differs\" says otherwise.", "note");
        }
        report.Section("What the model leaves out").List(ModelLimits.Items);
        return report.Render();
    }

    /// <summary>What a paired difference is of, in words: a metric's label, a probability by the horizon, or a threshold's probability.</summary>
    public static string Label(PairedDifference d) => d switch
    {
        { Metric: { } metric } => OutputCatalogue.Of(metric).Label,
        { Threshold: { } threshold } => ThresholdLabel(threshold),
        _ => OutputCatalogue.Probabilities.First(p => p.Name == d.Quantity).Label,
    };

    /// <summary>"P(remittances, total over the horizon &gt; $1B)".</summary>
    public static string ThresholdLabel(Threshold threshold) =>
        $"P({OutputCatalogue.Of(threshold.Metric).Label} > {NumberText.Of(threshold.Value, threshold.Metric)})";

    private static OutputKind KindOf(PairedDifference d) => d.Metric is { } metric ? OutputCatalogue.Of(metric).Kind : OutputKind.ZeroOne;

    /// <summary>A difference as its kind reads: points for probabilities, dollars for money, counts otherwise.</summary>
    private static string Difference(PairedDifference d, double value, double se = double.NaN)
    {
        if (d.IsProbability)
        {
            string points = (100 * value).ToString("+0.0;-0.0;0.0", System.Globalization.CultureInfo.InvariantCulture) + " points";
            return double.IsNaN(se) ? points : $"{points} ± {NumberText.Points(se)}";
        }
        return double.IsNaN(se) ? NumberText.Of(value, KindOf(d)) : NumberText.WithError(value, se, KindOf(d));
    }

    private static string Sentence(PairedDifference d, string runs) => d.IsProbability
        ? $"{d.Scenario} against {d.Baseline}: {Label(d)} differs by {Difference(d, d.Statistics.Mean, d.Statistics.Se)}."
        : $"{d.Scenario} minus {d.Baseline}, {Label(d)}: mean {Difference(d, d.Statistics.Mean, d.Statistics.Se)}; "
            + $"in 90% of {runs} between {Difference(d, d.Statistics.P5)} and {Difference(d, d.Statistics.P95)}; higher in {NumberText.Percent(d.ProbabilityGreater)} of {runs}.";
}
