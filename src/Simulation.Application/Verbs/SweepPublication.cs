using System.Globalization;
using Simulation.Application.Publishing;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Analysis;
using Simulation.Plotting;
using Simulation.Reporting;

namespace Simulation.Application.Verbs;

/// <summary>The output folder of <c>laborsim sweep</c>.</summary>
public static class SweepPublication
{
    /// <summary>The marker's verb.</summary>
    public const string Verb = "sweep";

    /// <summary>Everything a sweep over <paramref name="levers"/> publishes.</summary>
    public static Publication Of(Scenario scenario, IReadOnlyList<SweepLever> levers, IReadOnlyList<Metric> metrics, IReadOnlyList<SweepPoint> results,
        IReadOnlyList<Threshold> thresholds, IReadOnlyList<HorizonProbability>? probabilities = null)
    {
        probabilities ??= [];
        string first = levers[0].KeyPath;
        string? second = levers.Count > 1 ? levers[1].KeyPath : null;
        var plotted = results.Select(p => (p.LeverValues[0], p.LeverValues.Count > 1 ? p.LeverValues[1] : double.NaN, p.Result)).ToList();
        return new Publication
        {
            Verb = Verb,
            Files = thresholds.Count == 0
                ? [OutputFile.Text(SweepWriter.FileName, writer => SweepWriter.WriteCsv(levers, results, writer))]
                :
                [
                    OutputFile.Text(SweepWriter.FileName, writer => SweepWriter.WriteCsv(levers, results, writer)),
                    OutputFile.Text(SweepWriter.ThresholdsFile, writer => SweepWriter.WriteThresholdsCsv(levers, results, thresholds, writer)),
                ],
            Charts = () => [.. SweepPlotter.Charts(scenario.Name, metrics, first, second, plotted), .. SweepPlotter.ProbabilityCharts(scenario.Name, probabilities, first, second, plotted)],
            Report = charts => SweepReport.Render(scenario, metrics, first, second, plotted, charts, thresholds, probabilities),
            Headline =
            [
                string.Create(CultureInfo.InvariantCulture,
                    $"{scenario.Name}: {results.Count} grid points x {scenario.Runs:N0} runs over {string.Join(" and ", levers.Select(a => a.KeyPath))} (common random numbers)"),
                .. metrics.Select(m => "  " + SweepReport.MetricRange(m, plotted)),
                .. thresholds.Select(t => "  " + SweepReport.ThresholdRange(t, plotted)),
                .. probabilities.Select(p => "  " + SweepReport.ProbabilityRange(p, plotted)),
                "  ± is one Monte Carlo standard error; sweep.csv and the report give every point",
            ],
        };
    }
}
