using System.Globalization;
using Simulation.Application.Publishing;
using Simulation.Core.Decisions;
using Simulation.IO.Analysis;
using Simulation.IO.Scenarios;
using Simulation.Plotting;
using Simulation.Reporting;

namespace Simulation.Application.Verbs;

/// <summary>The output folder of <c>laborsim voi</c>.</summary>
public static class VoiPublication
{
    /// <summary>The marker's verb.</summary>
    public const string Verb = "voi";

    /// <summary>Everything voi publishes: voi.csv, summary.json, the ranked charts, the report and the scenario as run.</summary>
    public static Publication Of(VoiAnalysis analysis, ScenarioDocument document)
    {
        var files = new List<OutputFile>
        {
            OutputFile.Text(VoiWriter.CsvFile, writer => VoiWriter.WriteCsv(analysis, writer)),
            new(VoiWriter.JsonFile, stream => VoiWriter.WriteJson(analysis, stream)),
        };
        files.AddRange(RunPublication.AsRun(document, $"Scenario {analysis.Scenario.Name} as analysed by laborsim voi: overrides applied, defaults written out."));
        var headline = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{analysis.Scenario.Name}: value of information for {analysis.Measure.Label} over {analysis.Runs:N0} runs x {analysis.Scenario.Months} months in {analysis.Elapsed.TotalSeconds:0.00} s"),
        };
        headline.AddRange(VoiReport.Headlines(analysis).Select(line => "  " + line));
        headline.Add("  ± is one standard error (bootstrap over the runs)");
        return new Publication
        {
            Verb = Verb,
            Files = files,
            Charts = () => VoiPlotter.Charts(analysis),
            Report = charts => VoiReport.Render(analysis, charts),
            Headline = headline,
        };
    }
}
