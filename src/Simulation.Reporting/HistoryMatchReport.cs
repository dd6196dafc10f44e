using System.Globalization;
using Simulation.Core;
using Simulation.Core.Calibration;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>report.html of a history match: the share of the prior the record leaves, each input's range, the waves.</summary>
public static class HistoryMatchReport
{
    /// <summary>The page.</summary>
    public static string Render(ScenarioHistoryMatch match, IReadOnlyList<string> observationFiles, IReadOnlyList<RenderedChart> charts)
    {
        var s = match.Scenario;
        var result = match.Result;
        var options = match.Options;
        var report = new HtmlReport($"laborsim history match: {s.Name}")
            .Header($"History match of {s.Name} to the record", s.Description)
            .Paragraph($"{result.Waves.Count} wave(s) of {options.Candidates:N0} candidates, {options.Replicates:N0} runs each ({result.Simulations:N0} model runs in {result.Elapsed.TotalSeconds:0.0} s); "
                + $"cutoff {options.Cutoff:G3}, discrepancy {NumberText.Percent(options.Discrepancy)} of each observed value; seed {options.Seed}; laborsim {EngineInfo.Version}. "
                + $"Observations: {string.Join(", ", observationFiles)}. Stopped because {result.StopReason}.", "meta");
        report.Section("In short").List(Headlines(match), "headline");
        report.Charts(charts);
        var ranges = NroyRange.Of(match);
        report.Section("What the record rules out").Table(
            ["input", "prior 90% interval", "not ruled out", "share of the prior's probability kept", "key in nroy.csv"],
            ranges.OrderBy(r => r.PriorShare).Select(r => (IReadOnlyList<string>)
            [
                InputWords.Label(s, r.KeyPath), $"{NumberText.Plain(r.PriorP5)} to {NumberText.Plain(r.PriorP95)}",
                result.Count == 0 ? "nothing" : $"{NumberText.Plain(r.Min)} to {NumberText.Plain(r.Max)}", NumberText.Percent(r.PriorShare), r.KeyPath,
            ]), textColumns: 1,
            caption: "Each input's range among the candidates not ruled out; the region itself is smaller than the box of these ranges when the record rules on combinations of inputs.");
        report.Section("The waves").Table(["wave", "candidates", "not ruled out", "share of the prior sampled", "share of the prior not ruled out"],
            result.Waves.Select(w => (IReadOnlyList<string>)
            [
                w.Wave.ToString(CultureInfo.InvariantCulture), w.Candidates.ToString("N0", CultureInfo.InvariantCulture), w.Kept.ToString("N0", CultureInfo.InvariantCulture),
                NumberText.Percent(w.RegionShare), NumberText.Percent(w.NroyShare),
            ]),
            caption: "Each wave samples a Latin hypercube of the box around the previous wave's candidates not ruled out; the share not ruled out is the box's share of the prior times the share of its candidates kept.");
        report.Section("The observations").Table(["series", "period", "observed", "error"],
            match.Observations.Observations.Select(o => (IReadOnlyList<string>)[o.Series, o.Period, CalibrationReport.Observed(o.Value), CalibrationReport.ErrorText(o)]), textColumns: 2,
            caption: "A candidate's implausibility for an observation is |observed - mean of its runs| over the square root of the error's variance, its runs' variance and the discrepancy's; for a bound, only the distance on its wrong side counts.");
        report.Paragraph("Reproduce: laborsim calibrate --method history-matching with this scenario, these observation files and this seed gives the same candidates on any machine and for any thread count. "
            + "The method is described in docs/calibration.md of the laborsim repository.", "note");
        report.Section("What the model leaves out").List(ModelLimits.Items);
        return report.Render();
    }

    /// <summary>The match in sentences.</summary>
    public static IEnumerable<string> Headlines(ScenarioHistoryMatch match)
    {
        var result = match.Result;
        if (result.Count == 0)
        {
            yield return $"The record rules out every candidate: no input in the priors' range meets every observation within {match.Options.Cutoff:G3} standard deviations.";
            yield break;
        }
        yield return $"The record leaves {NumberText.Percent(result.Waves[^1].NroyShare)} of the prior's probability not ruled out ({result.Count:N0} candidates of the last wave).";
        var ranges = NroyRange.Of(match).OrderBy(r => r.PriorShare).ToList();
        var narrowed = ranges.Where(r => r.PriorShare < 0.8).ToList();
        yield return narrowed.Count > 0
            ? $"It narrows {string.Join("; ", narrowed.Select(r => $"{InputWords.Label(match.Scenario, r.KeyPath)} to {InputWords.Range(match.Scenario, r.KeyPath, r.Min, r.Max)}"))}."
            : "No input's range narrows by a fifth on its own: the record rules on combinations of inputs.";
    }
}
