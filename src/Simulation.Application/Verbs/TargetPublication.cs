using System.Globalization;
using Simulation.Application.Publishing;
using Simulation.Core.Decisions;
using Simulation.IO.Analysis;
using Simulation.IO.Scenarios;
using Simulation.Plotting;
using Simulation.Reporting;

namespace Simulation.Application.Verbs;

/// <summary>The output folder of <c>laborsim target</c>.</summary>
public static class TargetPublication
{
    /// <summary>The marker's verb.</summary>
    public const string Verb = "target";

    /// <summary>Everything a target search publishes: target.json, target.csv, the chart, the report and the scenario as run.</summary>
    public static Publication Of(TargetAnalysis analysis, ScenarioDocument document)
    {
        var files = new List<OutputFile>
        {
            OutputFile.Text(TargetWriter.CsvFile, writer => TargetWriter.WriteCsv(analysis, writer)),
            new(TargetWriter.JsonFile, stream => TargetWriter.WriteJson(analysis, stream)),
        };
        files.AddRange(RunPublication.AsRun(document, $"Scenario {analysis.Scenario.Name} as searched by laborsim target: overrides applied, defaults written out."));
        int settings = analysis.Single?.Points.Count ?? analysis.Frontier.Sum(f => f.Search.Points.Count);
        var headline = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{analysis.Scenario.Name}: {settings} settings, each on the same {analysis.Futures:N0} futures x {analysis.Scenario.Months} months (common random numbers), in {analysis.Elapsed.TotalSeconds:0.00} s"),
        };
        headline.AddRange(TargetReport.Headlines(analysis).Select(line => "  " + line));
        return new Publication
        {
            Verb = Verb,
            Files = files,
            Charts = () => TargetPlotter.Charts(analysis),
            Report = charts => TargetReport.Render(analysis, charts),
            Headline = headline,
        };
    }
}
