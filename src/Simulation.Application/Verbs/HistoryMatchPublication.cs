using System.Globalization;
using Simulation.Application.Publishing;
using Simulation.Core.Calibration;
using Simulation.IO.Calibration;
using Simulation.Plotting;
using Simulation.Reporting;

namespace Simulation.Application.Verbs;

/// <summary>The output folder of <c>laborsim calibrate --method history-matching</c>: nroy.csv, history.json, the pairs chart and a report.</summary>
public static class HistoryMatchPublication
{
    /// <summary>Everything a history match publishes; <paramref name="observationFiles"/> as named on the command line.</summary>
    public static Publication Of(ScenarioHistoryMatch match, IReadOnlyList<string> observationFiles)
    {
        var result = match.Result;
        var headline = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{match.Scenario.Name}: history matching of {match.Keys.Count} inputs to {match.Observations.Count} observations: {result.Waves.Count} wave(s) of {match.Options.Candidates:N0} candidates, {result.Simulations:N0} model runs in {result.Elapsed.TotalSeconds:0.0} s"),
            $"  stopped: {result.StopReason}",
        };
        headline.AddRange(HistoryMatchReport.Headlines(match).Select(line => "  " + line));
        return new Publication
        {
            Verb = CalibrationPublication.Verb,
            Files =
            [
                OutputFile.Text(HistoryMatchWriter.NroyFile, writer => HistoryMatchWriter.WriteNroyCsv(match, writer)),
                new(HistoryMatchWriter.JsonFile, stream => HistoryMatchWriter.WriteJson(match, observationFiles, stream)),
            ],
            Charts = () => HistoryMatchPlotter.Charts(match),
            Report = charts => HistoryMatchReport.Render(match, observationFiles, charts),
            Headline = headline,
        };
    }
}
