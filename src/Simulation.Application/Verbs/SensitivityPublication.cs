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

/// <summary>The output folder of <c>laborsim sensitivity</c>: a tornado or Sobol indices.</summary>
public static class SensitivityPublication
{
    /// <summary>The marker's verb.</summary>
    public const string Verb = "sensitivity";

    /// <summary>Everything a tornado analysis publishes.</summary>
    public static Publication Tornado(MonteCarloResult result, IReadOnlyList<Metric> metrics, IReadOnlyList<InputSensitivity> sensitivities)
    {
        var scenario = result.Scenario;
        var culture = CultureInfo.InvariantCulture;
        var headline = new List<string> { string.Create(culture, $"{scenario.Name}: sensitivity from {result.Runs:N0} runs") };
        foreach (var metric in metrics)
        {
            var top = sensitivities.Where(s => s.Metric == metric).Take(3);
            var kind = OutputCatalogue.Of(metric).Kind;
            headline.Add($"  {OutputCatalogue.Of(metric).Label}: " + string.Join("; ", top.Select(s =>
                string.Create(culture, $"{SensitivityPlotter.Label(scenario, s.Input)} swing {(s.Swing > 0 ? "+" : "")}{NumberText.Of(s.Swing, kind)} (rho {s.Spearman:0.00})"))));
        }
        return new Publication
        {
            Verb = Verb,
            Files =
            [
                OutputFile.Text(SensitivityWriter.TornadoCsvFile, writer => SensitivityWriter.WriteTornadoCsv(sensitivities, writer)),
                new(SensitivityWriter.TornadoJsonFile, stream => SensitivityWriter.WriteTornadoJson(scenario.Name, scenario.Seed, result.Runs, sensitivities, stream)),
            ],
            Charts = () => SensitivityPlotter.TornadoCharts(scenario, metrics, sensitivities, metric => result.Of(metric).Statistics.Mean),
            Report = charts => SensitivityReport.RenderTornado(result, metrics, sensitivities, charts),
            Headline = headline,
        };
    }

    /// <summary>Everything a Sobol analysis publishes; <paramref name="modelRuns"/> is how many runs the design took.</summary>
    public static Publication Sobol(Scenario scenario, IReadOnlyList<(Metric Metric, SobolIndices Indices)> results, bool quasiRandom, long modelRuns)
    {
        var culture = CultureInfo.InvariantCulture;
        string design = quasiRandom ? "Saltelli's design on Owen-scrambled Sobol' points (quasi-random, as SALib)" : "Saltelli's design on independent draws";
        var headline = new List<string>
        {
            string.Create(culture, $"{scenario.Name}: Sobol indices from {modelRuns:N0} model runs (N = {results[0].Indices.BaseSamples:N0}), {design}"),
        };
        foreach (var (metric, indices) in results)
        {
            var order = Enumerable.Range(0, indices.Factors.Count).OrderByDescending(i => indices.Total[i]).Take(3);
            headline.Add($"  {OutputCatalogue.Of(metric).Label}: " + string.Join("; ", order.Select(i =>
                $"{SensitivityPlotter.Label(scenario, indices.Factors[i])} S1 {NumberText.Index(NumberText.FirstOrderShown(indices.FirstOrder[i], indices.Total[i]), 2)} ST {NumberText.Index(indices.Total[i], 2)}")));
        }
        return new Publication
        {
            Verb = Verb,
            Files =
            [
                OutputFile.Text(SensitivityWriter.SobolCsvFile, writer => SensitivityWriter.WriteSobolCsv(results, writer)),
                new(SensitivityWriter.SobolJsonFile, stream => SensitivityWriter.WriteSobolJson(scenario.Name, scenario.Seed, results, stream, quasiRandom)),
            ],
            Charts = () => SensitivityPlotter.SobolCharts(scenario, results),
            Report = charts => SensitivityReport.RenderSobol(scenario, results, charts, quasiRandom),
            Headline = headline,
        };
    }
}
