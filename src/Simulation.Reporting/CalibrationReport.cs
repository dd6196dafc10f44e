using System.Globalization;
using Simulation.Core;
using Simulation.Core.Calibration;
using Simulation.Core.Catalogue;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>report.html of a calibration: how the posterior meets each observation, what the data pinned down, and the search.</summary>
public static class CalibrationReport
{
    /// <summary>An input whose posterior 90% interval is at most this share of its prior's counts as pinned down.</summary>
    public const double PinnedRatio = 0.5;

    /// <summary>An input whose posterior 90% interval is at least this share of its prior's counts as still wide.</summary>
    public const double WideRatio = 0.8;

    /// <summary>The page.</summary>
    public static string Render(CalibrationResult result, string method, IReadOnlyList<string> observationFiles, IReadOnlyList<RenderedChart> charts)
    {
        var s = result.Prior;
        var abc = result.Abc;
        var report = new HtmlReport($"laborsim calibration: {s.Name}")
            .Header($"Calibration of {s.Name} to the record", s.Description)
            .Paragraph($"{method}: {abc.Count:N0} particles, {abc.Generations.Count} generation(s), {abc.Simulations:N0} model runs in {abc.Elapsed.TotalSeconds:0.0} s; "
                + $"seed {s.Seed}; laborsim {EngineInfo.Version}. Observations: {string.Join(", ", observationFiles)}. Stopped because {abc.StopReason}.", "meta");

        int inside = result.Fits.Count(f => f.InsideBand90);
        report.Section("In short").List(Headlines(result), "headline");

        report.Section("The record against the calibrated scenario").Table(
            ["series", "period", "observed", "error", "posterior predictive p5", "median", "p95", "share of runs below the observed value", "within the 90% band", "its 90% error interval meets the band"],
            result.Fits.Select(f => (IReadOnlyList<string>)
            [
                f.Observation.Series, f.Observation.Period, Observed(f.Observation.Value), ErrorText(f.Observation),
                NumberText.Count(f.P5), NumberText.Count(f.P50), NumberText.Count(f.P95),
                f.Observation.IsBound ? $"{NumberText.Percent(f.ShareBelow)} ({NumberText.Percent(f.ShareOnWrongSide)} break the bound)" : NumberText.Percent(f.ShareBelow),
                f.InsideBand90 ? "yes" : "NO", f.ErrorIntervalMeetsBand90 ? "yes" : "NO",
            ]), textColumns: 2,
            caption: $"{inside} of {result.Fits.Count} observations lie within the 90% band of {result.PredictiveRuns.Runs:N0} runs of the calibrated scenario (a bound counts as met when fewer than 10% of the runs break it). "
                + "A share below the observed value near 0% or 100% means the scenario sits on one side of the record.");
        report.Charts(charts);

        report.Section("What the data pin down").Table(
            ["input", "prior", "prior 90% interval", "posterior 90% interval", "posterior median", "posterior width / prior width", "key in posterior.csv"],
            result.Inputs.OrderBy(i => i.WidthRatio).Select(i => (IReadOnlyList<string>)
            [
                InputWords.Label(result.Prior, i.KeyPath), i.PriorDistribution.ToString(), $"{NumberText.Plain(i.Prior.P5)} to {NumberText.Plain(i.Prior.P95)}",
                $"{NumberText.Plain(i.Posterior.P5)} to {NumberText.Plain(i.Posterior.P95)}", NumberText.Plain(i.Posterior.P50), i.WidthRatio.ToString("0.00", CultureInfo.InvariantCulture),
                i.KeyPath,
            ]), textColumns: 2,
            caption: $"A ratio near 1 means the observations say little about the input (its posterior is its prior); below {PinnedRatio:0.0} the data pin it down. Inputs the data say nothing about keep their priors in the calibrated scenario.");

        if (result.HistoryMatch is { } match)
        {
            var waves = match.Result.Waves;
            report.Section("History matching first").Paragraph(
                $"Before ABC, {waves.Count} wave(s) of history matching ({match.Options.Candidates:N0} candidates of {match.Options.Replicates:N0} runs each, cutoff {match.Options.Cutoff:G3}; "
                + $"{match.Result.Simulations:N0} model runs in {match.Result.Elapsed.TotalSeconds:0.0} s) left {NumberText.Percent(waves[^1].NroyShare)} of the prior's probability not ruled out. "
                + "ABC's prior was each input's prior restricted to the range below (the candidates' range not ruled out, widened by a tenth and half a stratum): "
                + $"the posterior is the one from the whole prior wherever this region holds the posterior's mass. The candidates and waves are in the history-match folder beside this report.")
                .Table(["input", "prior 90% interval", "not ruled out", "ABC started within", "share of the prior's probability kept"],
                    NroyRange.Of(match).OrderBy(r => r.RegionHighQuantile - r.RegionLowQuantile).Select(r => (IReadOnlyList<string>)
                    [
                        InputWords.Label(s, r.KeyPath), $"{NumberText.Plain(r.PriorP5)} to {NumberText.Plain(r.PriorP95)}", $"{NumberText.Plain(r.Min)} to {NumberText.Plain(r.Max)}",
                        r.RegionLowQuantile <= 0 && r.RegionHighQuantile >= 1 ? "its whole prior" : $"{NumberText.Plain(r.RegionMin)} to {NumberText.Plain(r.RegionMax)}",
                        NumberText.Percent(r.RegionHighQuantile - r.RegionLowQuantile),
                    ]), textColumns: 1,
                    caption: "Inputs the record narrows most first; an input whose range is the whole prior kept its prior unchanged.");
        }

        report.Section("The search").Table(["generation", "tolerance", "candidates", "accepted", "acceptance", "effective sample size"],
            abc.Generations.Select(g => (IReadOnlyList<string>)
            [
                g.Index.ToString(CultureInfo.InvariantCulture),
                g.ByLikelihood ? "the stated errors' likelihood" : double.IsInfinity(g.Tolerance) ? "none (prior)" : g.Tolerance.ToString("0.000", CultureInfo.InvariantCulture),
                g.Candidates.ToString("N0", CultureInfo.InvariantCulture), g.Accepted.ToString("N0", CultureInfo.InvariantCulture),
                NumberText.Percent(g.AcceptanceRate), g.EffectiveSampleSize.ToString("N0", CultureInfo.InvariantCulture),
            ]),
            caption: "The tolerance is the largest distance accepted: the root mean square of the standardized residuals of one run against every observation. "
                + "Each generation's is the median of the previous one's accepted distances.");
        report.Paragraph("Reproduce: laborsim calibrate with this scenario, these observation files and this seed gives the same particles on any machine and for any thread count; "
            + "run the calibrated scenario (calibrated.yaml, beside this report) like any other. The method is described in docs/calibration.md of the laborsim repository.", "note");
        report.Section("What the model leaves out").List(ModelLimits.Items);
        return report.Render();
    }

    /// <summary>The calibration in sentences.</summary>
    public static IEnumerable<string> Headlines(CalibrationResult result)
    {
        if (result.HistoryMatch is { } match)
        {
            yield return $"History matching first left {NumberText.Percent(match.Result.Waves[^1].NroyShare)} of the prior's probability not ruled out; ABC searched only there.";
        }
        int inside = result.Fits.Count(f => f.InsideBand90);
        int meeting = result.Fits.Count(f => f.ErrorIntervalMeetsBand90);
        yield return inside == result.Fits.Count
            ? $"All {result.Fits.Count} observations lie within the 90% band of the calibrated scenario's runs."
            : $"{inside} of {result.Fits.Count} observations lie within the 90% band of the calibrated scenario's runs; counting each observation's own error (its 90% interval meets the band), {meeting} of {result.Fits.Count}"
                + (meeting < result.Fits.Count ? $": the scenario does not reproduce {string.Join(", ", result.Fits.Where(f => !f.ErrorIntervalMeetsBand90).Select(f => $"{f.Observation.Series} {f.Observation.Period}"))}." : ".");
        var pinned = result.Inputs.Where(i => i.WidthRatio <= PinnedRatio).OrderBy(i => i.WidthRatio).ToList();
        var wide = result.Inputs.Where(i => !(i.WidthRatio < WideRatio)).ToList();
        yield return pinned.Count > 0
            ? $"The data pin down {string.Join("; ", pinned.Select(i => $"{InputWords.Label(result.Prior, i.KeyPath)} ({InputWords.Range(result.Prior, i.KeyPath, i.Posterior.P5, i.Posterior.P95)}, from {InputWords.Range(result.Prior, i.KeyPath, i.Prior.P5, i.Prior.P95)})"))}."
            : "No input's 90% interval narrowed to half its prior's: the observations constrain combinations of inputs more than any one of them.";
        if (wide.Count > 0)
        {
            yield return $"They say little about {string.Join("; ", wide.Select(i => InputWords.Label(result.Prior, i.KeyPath)))}: those keep (nearly) their priors.";
        }
    }

    /// <summary>An observed figure as published (never rounded: it is data, not an estimate of ours).</summary>
    internal static string Observed(double value) =>
        value == Math.Floor(value) ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("#,0.######", CultureInfo.InvariantCulture);

    internal static string ErrorText(Observation o) => o.ErrorKind switch
    {
        ObservationErrorKind.Relative => $"±{o.Error * 100:0.#}% (relative)",
        ObservationErrorKind.LogNormal => $"log sd {o.Error:0.##}",
        ObservationErrorKind.Poisson => "counting (Poisson)",
        ObservationErrorKind.Upper => "upper bound",
        _ => "lower bound",
    };

}
