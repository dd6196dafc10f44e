using Simulation.Core;
using Simulation.Core.Discovery;
using Simulation.Core.Model;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>report.html of scenario discovery: the question, the box in words, its limits, the trade-off and the caveats.</summary>
public static class DiscoveryReport
{
    /// <summary>
    /// The page for <paramref name="result"/> on runs of <paramref name="scenario"/> (read from <paramref name="source"/>),
    /// in words where <paramref name="words"/>, the scenario the runs came from, is known.
    /// </summary>
    public static string Render(DiscoveryResult result, OutcomeCondition condition, string scenario, string source, Scenario? words, IReadOnlyList<RenderedChart> charts)
    {
        var box = result.Box;
        var report = new HtmlReport($"laborsim discover: {scenario}")
            .Header($"Which assumptions lead to {ConditionWords.Of(condition, words)}? {scenario}", null)
            .Paragraph($"PRIM (Friedman and Fisher 1999, as the EMA Workbench runs it) on {result.Data.Count:N0} runs of {scenario} from {source}: "
                + $"{result.Data.HitCount:N0} of them ({NumberText.Percent((double)result.Data.HitCount / result.Data.Count)}) meet the condition ({result.Condition}). "
                + $"Peel alpha {result.Options.PeelAlpha}, paste alpha {result.Options.PasteAlpha}, minimum mass {result.Options.MassMin}; laborsim {EngineInfo.Version}.", "meta");
        var limits = result.QuasiPValues.OrderBy(p => p.PValue).ToList();
        string where = InputWords.Box(words, result);
        report.Section("In short").List(
        [
            $"Where {where}, {NumberText.Percent(box.Density)} of runs meet the condition (against {NumberText.Percent((double)result.Data.HitCount / result.Data.Count)} over all runs).",
            $"That box holds {NumberText.Percent(box.Coverage)} of all runs meeting the condition (coverage) and {NumberText.Percent(box.Mass)} of all runs (mass).",
            result.Chosen == result.Trajectory.Balanced
                ? $"It is step {box.Index} of {result.Trajectory.Steps.Count - 1}, the one balancing coverage and density best (largest harmonic mean); --box K shows another."
                : $"It is step {box.Index}, chosen with --box; the balanced one is step {result.Trajectory.Balanced}.",
        ], "headline");
        report.Section("The box").Table(["input", "box", "range in the runs", "quasi-p-value", "share meeting it without this limit", "in resamples (coverage / density)"],
            limits.Select(l => (IReadOnlyList<string>)
            [
                InputWords.Label(words, l.Name) == l.Name ? l.Name : $"{InputWords.Label(words, l.Name)} ({l.Name})",
                result.Data.IsBinary(l.Dimension) ? result.Data.Describe(l.Dimension, l.Lower, l.Upper, NumberText.Plain) : InputWords.Range(words, l.Name, l.Lower, l.Upper),
                InputWords.Range(words, l.Name, result.Trajectory.Initial.Lower[l.Dimension], result.Trajectory.Initial.Upper[l.Dimension]),
                DiscoveryPlotter.PValue(l.PValue), NumberText.Percent(l.RateWithout),
                $"{NumberText.Percent(result.Reproducibility[l.Dimension].ByCoverage)} / {NumberText.Percent(result.Reproducibility[l.Dimension].ByDensity)}",
            ]), textColumns: 1,
            caption: "Quasi-p-value: the one-sided binomial chance of the box's share of such runs, were the share that of the box without this limit; small means the limit matters. "
                + "Resamples: PRIM run again on 10 random halves of the runs; the share of them whose box of nearest coverage (density) also restricts this input.");
        report.Figure(charts.Named(DiscoveryPlotter.LimitsFile));
        report.Section("Trade-off").Figure(charts.Named(DiscoveryPlotter.TradeoffFile));
        report.Section("Reading it").List(
        [
            "A box describes where the condition is concentrated among the assumptions sampled; it is not a forecast, and an input's limits mean little beyond the range it was sampled over.",
            "Runs where a censored metric never happened (no enforcement, no ceasefire) do not meet a condition on it.",
            "Quasi-p-values are not corrected for PRIM having searched for the box; read them as a ranking, and trust limits that resamples reproduce.",
        ]);
        return report.Render();
    }
}
