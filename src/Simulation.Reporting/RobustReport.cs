using System.Globalization;
using Simulation.Core;
using Simulation.Core.Catalogue;
using Simulation.Core.Decisions;
using Simulation.Core.Model;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>
/// report.html of <c>laborsim robust</c>: the policies, which one each decision criterion picks on each measure (they
/// disagree by design), the scores, and which futures break each policy, in words.
/// </summary>
public static class RobustReport
{
    /// <summary>The page.</summary>
    public static string Render(RobustResult result, IReadOnlyList<RenderedChart> charts)
    {
        var s = result.Scenario;
        var table = result.Table;
        var end = s.Start.AddMonths(s.Months - 1);
        var report = new HtmlReport($"laborsim robust: {s.Name}")
            .Header($"Which policy holds up across the futures: {s.Name}", s.Description)
            .Paragraph($"{result.Policies.Count} policies, each run on the same {table.Runs:N0} futures of {s.Months} months ({s.Start} to {end}): run r of every policy "
                + $"draws the same uncertain inputs and the same model random numbers (common random numbers), so differences come from the policies alone; "
                + $"seed {s.Seed}; laborsim {EngineInfo.Version}, model version {EngineInfo.ModelVersion}.", "meta");
        report.Section("In short").List(Headlines(result), "headline");
        report.Paragraph("The criteria disagree by design: Laplace judges by the average future, maximin by the worst single future (a sample extreme, "
            + "which grows with the number of futures), minimax regret by the largest shortfall against the best policy in the same future, Hurwicz by a weighted "
            + "mix of the worst and the best, satisficing by the share of futures meeting a goal. A policy that several criteria pick is robust in more senses.", "note");

        report.Section("The policies").Table(["policy", "what it sets", "when", "note"], result.Policies.Select(p => (IReadOnlyList<string>)
        [
            p.Name, p.IsStatusQuo ? "nothing (the scenario as written)" : string.Join("; ", p.Settings.Select(x => $"{InputWords.Label(s, x.KeyPath)} = {NumberText.Plain(x.Value)}")),
            p.Trigger is { } trigger ? $"{p.LagMonths} month{(p.LagMonths == 1 ? "" : "s")} after the first month with {ConditionWords.Of(trigger, s)}" : p.From is { } from ? $"from {from}" : "from the start",
            p.Note,
        ]), textColumns: 4);

        foreach (var measure in table.Measures)
        {
            string better = measure.Goal == Goal.Minimise ? "lower is better" : "higher is better";
            report.Section($"{Capital(measure.Label)} ({better})");
            var scores = result.ScoresOf(measure);
            string tail = measure.Goal == Goal.Minimise ? "p90 (bad tail)" : "p10 (bad tail)";
            var header = new List<string> { "policy", "mean ± se", "median", tail, "worst (sample extreme)", "mean regret ± se", "regret p90", "regret max", $"Hurwicz ({result.Hurwicz.ToString("0.##", CultureInfo.InvariantCulture)})" };
            if (result.Satisfice is not null)
            {
                header.Add("satisficing ± se");
            }
            report.Table(header, scores.Select(x =>
            {
                var row = new List<string>
                {
                    x.Policy, NumberText.WithError(x.Mean, x.MeanSe, measure.Kind), V(x.Median, measure), V(x.Tail, measure), V(x.Worst, measure),
                    NumberText.WithError(x.RegretMean, x.RegretMeanSe, measure.Kind), V(x.RegretP90, measure), V(x.RegretMax, measure), V(x.Hurwicz, measure),
                };
                if (x.Satisficing is { } share)
                {
                    row.Add(NumberText.WithError(share, x.SatisficingSe!.Value, OutputKind.ZeroOne));
                }
                return (IReadOnlyList<string>)row;
            }), textColumns: 1, caption: $"Over {table.Runs:N0} futures. Regret: in each future, how much worse than the best policy in that future.");
            foreach (string file in new[] { RobustPlotter.DistributionFile(measure), RobustPlotter.RegretFile(measure) })
            {
                if (charts.Any(c => c.FileName == file))
                {
                    report.Figure(charts.Named(file));
                }
            }
        }

        if (result.Satisfice is not null && charts.Any(c => c.FileName == RobustPlotter.SatisficingFile))
        {
            report.Section($"Meeting the goal: {ConditionWords.Of(result.Satisfice, s)}").Figure(charts.Named(RobustPlotter.SatisficingFile));
        }
        if (result.Failures.Count > 0)
        {
            report.Section("Which futures break each policy")
                .Paragraph($"A policy fails in a future where it {RobustPlotter.Failing(result)}.")
                .List(result.Failures.Select(f => FailureSentence(result, f)));
            foreach (var failure in result.Failures.Where(f => f.Box is not null))
            {
                report.Figure(charts.Named(RobustPlotter.FailureFile(failure.Policy)));
            }
            report.Paragraph("Each box is PRIM's (Friedman and Fisher 1999, as discover runs it) over the uncertain inputs of the futures; it describes where failures concentrate among the "
                + "assumptions sampled, not a forecast, and limits mean little beyond the range an input was sampled over. futures.csv holds every future for a closer look.", "note");
        }
        else
        {
            report.Paragraph("Give --satisfice \"CONDITION\" or --regret R to find which futures break each policy.", "note");
        }
        report.Section("Assumptions").Table(["parameter", "value or distribution (sampled once per future)", "unit", "meaning"], RunReport.Parameters(s), textColumns: 4);
        report.Section("What the model leaves out").List(ModelLimits.Items);
        return report.Render();
    }

    /// <summary>The result in sentences: each criterion's choice on each measure, and the satisficing shares.</summary>
    public static IEnumerable<string> Headlines(RobustResult result)
    {
        foreach (var measure in result.Table.Measures)
        {
            var choices = result.Choices(measure);
            var scores = result.ScoresOf(measure).ToDictionary(x => x.Policy);
            string better = measure.Goal == Goal.Minimise ? "lowest" : "highest";
            var laplace = scores[choices.Laplace[0]];
            if (measure.Kind == OutputKind.ZeroOne)
            {
                // In one future a 0/1 outcome either happens or not: worst cases, regrets and Hurwicz tie; only its probability tells policies apart.
                yield return $"{Capital(measure.Label)}: {better} with {Names(choices.Laplace)} ({NumberText.WithError(laplace.Mean, laplace.MeanSe, OutputKind.ZeroOne)}); "
                    + $"against the status quo's {NumberText.Percent(result.Scores.First(x => x.Measure.Name == measure.Name).Mean)}.";
                continue;
            }
            yield return $"{Capital(measure.Label)}: {better} mean with {Names(choices.Laplace)} ({V(laplace.Mean, measure)}); "
                + $"best worst case with {Names(choices.Maximin)} ({V(scores[choices.Maximin[0]].Worst, measure)}); smallest largest regret with {Names(choices.MinimaxRegret)} "
                + $"({V(scores[choices.MinimaxRegret[0]].RegretMax, measure)}); Hurwicz picks {Names(choices.Hurwicz)}.";
        }
        if (result.Satisfice is { } condition)
        {
            var scores = result.ScoresOf(result.Table.Measures[0]);
            yield return $"Futures meeting the goal ({ConditionWords.Of(condition, result.Scenario)}): " + string.Join("; ", scores.Select(x => $"{x.Policy} {NumberText.WithError(x.Satisficing!.Value, x.SatisficingSe!.Value, OutputKind.ZeroOne)}")) + ".";
        }
    }

    /// <summary>Limits a sentence names: the most significant; the chart and summary.json have them all.</summary>
    private const int MostLimits = 3;

    /// <summary>
    /// "status-quo misses the goal (remittances, total over the horizon below $1B) in 31.6% of futures, mostly where the
    /// ceasefire comes before 2025-11 and ...".
    /// </summary>
    public static string FailureSentence(RobustResult result, FailureAnalysis failure)
    {
        string failing = RobustPlotter.Failing(result, brief: true);
        string head = $"{failure.Policy} {failing} in {NumberText.Percent(failure.Share)} of futures";
        if (failure.Box is not { } box)
        {
            return failure.Failures == 0 ? $"{failure.Policy} {failing} in no future."
                : failure.Failures == failure.Futures ? $"{failure.Policy} {failing} in every future." : $"{head}; no input tells those futures apart.";
        }
        return $"{head}, mostly where {InputWords.Box(result.Scenario, box, MostLimits)}: {NumberText.Percent(box.Box.Density)} of those futures fail "
            + $"(they hold {NumberText.Percent(box.Box.Coverage)} of its failures).";
    }

    private static string Names(IReadOnlyList<string> policies) => policies.Count == 1 ? policies[0] : $"{string.Join(", ", policies)} (tied)";

    private static string V(double value, Measure measure) => NumberText.Of(value, measure.Kind);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
