using Simulation.Core;
using Simulation.Core.Decisions;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>report.html of <c>laborsim target</c>: the question, the answer in words, the chart and every setting evaluated.</summary>
public static class TargetReport
{
    /// <summary>The page.</summary>
    public static string Render(TargetAnalysis analysis, IReadOnlyList<RenderedChart> charts)
    {
        var s = analysis.Scenario;
        var options = analysis.Options;
        var report = new HtmlReport($"laborsim target: {s.Name}")
            .Header($"{Capital(Question(analysis))}? {s.Name}", s.Description)
            .Paragraph($"Every setting on the same {analysis.Futures:N0} futures of {s.Months} months ({s.Start} to {s.Start.AddMonths(s.Months - 1)}), common random numbers "
                + $"(seed {s.Seed}); a coarse grid of {options.GridPoints} points, then bisection to {NumberText.Plain(options.AbsoluteTolerance)}; laborsim {EngineInfo.Version}.", "meta");
        report.Section("In short").List(Headlines(analysis), "headline");
        report.Paragraph(Judging(options), "note");
        foreach (var chart in charts)
        {
            report.Figure(chart);
        }
        string lever = InputWords.Label(s, analysis.Levers[^1].KeyPath);
        if (analysis.Single is { } single)
        {
            report.Section("Every setting evaluated").Table([lever, "step", "P ± se", "upper bound", "meets the bound"],
                single.Points.Select(p => (IReadOnlyList<string>)[NumberText.Plain(p.Value), p.Phase, NumberText.WithError(p.P, p.Se, Simulation.Core.Catalogue.OutputKind.ZeroOne),
                    NumberText.PercentAgainstBound(p.Upper), p.Meets ? "yes" : "no"]), textColumns: 2);
        }
        else
        {
            report.Section("The frontier").Table([InputWords.Label(s, analysis.Levers[0].KeyPath), $"weakest {lever}", "P ± se there", "upper bound there"],
                analysis.Frontier.Select(f => (IReadOnlyList<string>)[NumberText.Plain(f.First),
                    f.Search.Answer is { } a ? NumberText.Plain(a) : "none in its range",
                    f.Search.AtAnswer is { } at ? NumberText.WithError(at.P, at.Se, Simulation.Core.Catalogue.OutputKind.ZeroOne) : "—",
                    f.Search.AtAnswer is { } up ? NumberText.PercentAgainstBound(up.Upper) : "—"]), textColumns: 0,
                caption: "target.csv has every setting evaluated on the way.");
        }
        report.Section("Reading it").List(
        [
            "The answer is the weakest setting found to meet the bound under the scenario's assumptions; its bracket is the tolerance wide, and a setting a little weaker may meet it too within Monte Carlo error.",
            "Bisection assumes P falls as the lever strengthens; the grid checks it, and any rise the grid finds is named above.",
            "Every setting is run on the same futures, so differences between settings come from the lever, not from the draws.",
        ]);
        return report.Render();
    }

    /// <summary>The result in sentences, for the terminal and the report.</summary>
    public static IEnumerable<string> Headlines(TargetAnalysis analysis)
    {
        var s = analysis.Scenario;
        if (analysis.Single is { } single)
        {
            yield return Sentence(analysis, analysis.Levers[0].KeyPath, single);
            foreach (var line in Breaks(analysis, single))
            {
                yield return line;
            }
            yield break;
        }
        string first = InputWords.Bare(s, analysis.Levers[0].KeyPath);
        yield return $"{Capital(Question(analysis))}:";
        foreach (var point in analysis.Frontier)
        {
            var search = point.Search;
            string answer = search.Status switch
            {
                TargetStatus.Found => $"{NumberText.Plain(search.Answer!.Value)} (P there {NumberText.WithError(search.AtAnswer!.P, search.AtAnswer.Se, Simulation.Core.Catalogue.OutputKind.ZeroOne)}, upper bound {NumberText.PercentAgainstBound(search.AtAnswer.Upper)})",
                TargetStatus.MetAtWeakest => $"{NumberText.Plain(search.Answer!.Value)}, the weakest in its range, already meets it",
                _ => "no setting in its range meets it",
            };
            yield return $"{first} {NumberText.Plain(point.First)}: {answer}";
        }
        foreach (var point in analysis.Frontier)
        {
            foreach (var line in Breaks(analysis, point.Search))
            {
                yield return $"With {first} at {NumberText.Plain(point.First)}: {line}";
            }
        }
    }

    private static string Sentence(TargetAnalysis analysis, string key, TargetResult search)
    {
        var s = analysis.Scenario;
        string lever = InputWords.Bare(s, key) + (analysis.From is { } from ? $" from {from}" : "");
        string goal = $"P({ConditionWords.Of(analysis.Condition, s)}) at most {NumberText.PercentAsGiven(analysis.Options.AtMost)}";
        return search.Status switch
        {
            TargetStatus.Found => $"The weakest {lever} that keeps {goal} is {NumberText.Plain(search.Answer!.Value)} "
                + $"(P there {NumberText.WithError(search.AtAnswer!.P, search.AtAnswer.Se, Simulation.Core.Catalogue.OutputKind.ZeroOne)}, upper bound {NumberText.PercentAgainstBound(search.AtAnswer.Upper)}; "
                + $"at {NumberText.Plain(search.WeakerBracket!.Value)} it is not met).",
            TargetStatus.MetAtWeakest => $"Even the weakest {lever} in its range, {NumberText.Plain(search.Answer!.Value)}, keeps {goal} "
                + $"(P there {NumberText.WithError(search.AtAnswer!.P, search.AtAnswer.Se, Simulation.Core.Catalogue.OutputKind.ZeroOne)}).",
            _ => $"No {lever} in its range keeps {goal}: at the strongest, {NumberText.Plain(search.WeakerBracket!.Value)}, "
                + $"P is {NumberText.WithError(search.Points.Last(p => p.Phase == "grid").P, search.Points.Last(p => p.Phase == "grid").Se, Simulation.Core.Catalogue.OutputKind.ZeroOne)}.",
        };
    }

    private static IEnumerable<string> Breaks(TargetAnalysis analysis, TargetResult search) =>
        search.Breaks.Select(b => $"Warning: P rises from {NumberText.Percent(b.PWeaker)} at {NumberText.Plain(b.Weaker)} to {NumberText.Percent(b.PStronger)} at "
            + $"{NumberText.Plain(b.Stronger)} although the lever is stronger there (more than {analysis.Options.MonotonicityStandardErrors:0} standard errors): "
            + "P is not monotone in the lever, and bisection, which assumes it is, may miss a weaker setting that meets the bound.");

    private static string Question(TargetAnalysis analysis)
    {
        var s = analysis.Scenario;
        string goal = $"P({ConditionWords.Of(analysis.Condition, s)}) at most {NumberText.PercentAsGiven(analysis.Options.AtMost)}";
        return analysis.Levers.Count == 1
            ? $"the weakest {InputWords.Bare(s, analysis.Levers[0].KeyPath)}{From(analysis)} that keeps {goal}"
            : $"the weakest {InputWords.Bare(s, analysis.Levers[1].KeyPath)} for each {InputWords.Bare(s, analysis.Levers[0].KeyPath)}{From(analysis)} that keeps {goal}";
    }

    private static string From(TargetAnalysis analysis) => analysis.From is { } from ? $" from {from}" : "";

    private static string Judging(TargetOptions options) => options.Confidence is { } c
        ? $"A setting meets the bound when the one-sided upper {NumberText.Tick(c, Simulation.Core.Catalogue.OutputKind.ZeroOne)} Clopper-Pearson bound on its probability is at most {NumberText.PercentAsGiven(options.AtMost)}: "
            + "the answer errs on the strong side by the Monte Carlo error, and comes closer to the exact one as the futures grow. "
            + (options.StrongestIsLower ? "Smaller values of the lever are the stronger ones here (--strongest-is-lower)." : "Larger values of the lever are the stronger ones.")
        : $"A setting meets the bound when its estimated probability is at most {NumberText.PercentAsGiven(options.AtMost)}.";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
