using System.Globalization;
using Simulation.Application.Publishing;
using Simulation.Core.Calibration;
using Simulation.IO.Calibration;
using Simulation.IO.Scenarios;
using Simulation.Plotting;
using Simulation.Reporting;

namespace Simulation.Application.Verbs;

/// <summary>
/// The output folder of <c>laborsim calibrate A.yaml B.yaml ...</c>: models.csv, model_choice.json, the chart, a report,
/// and for each surviving scenario a folder of its name with its calibration's files.
/// </summary>
public static class ModelChoicePublication
{
    /// <summary>Everything a model choice publishes; <paramref name="documents"/> are the scenarios as loaded, in model order.</summary>
    public static Publication Of(ModelChoiceCalibration choice, IReadOnlyList<ScenarioDocument> documents, AbcOptions options, IReadOnlyList<string> observationFiles)
    {
        var result = choice.Choice;
        var files = new List<OutputFile>
        {
            OutputFile.Text(ModelChoiceWriter.ModelsFile, writer => ModelChoiceWriter.WriteModelsCsv(choice, writer)),
            new(ModelChoiceWriter.JsonFile, stream => ModelChoiceWriter.WriteJson(choice, options, observationFiles, stream)),
        };
        var folders = new List<string>();
        for (int m = 0; m < choice.Scenarios.Count; m++)
        {
            if (choice.Calibrations[m] is { } calibration)
            {
                folders.Add(choice.Scenarios[m].Name);
                files.AddRange(CalibrationPublication.Files(calibration, documents[m], options, observationFiles, "ABC-SMC model choice", choice.Scenarios[m].Name + "/"));
            }
        }
        var headline = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"ABC-SMC model choice among {choice.Scenarios.Count} scenarios on {choice.Calibrations.First(c => c is not null)!.Observations.Count} observations: {options.Particles:N0} particles, {result.Generations.Count} generation(s), {result.Simulations:N0} model runs in {result.Elapsed.TotalSeconds:0.0} s"),
            $"  stopped: {result.StopReason}",
        };
        headline.AddRange(ModelChoiceReport.Headlines(choice).Select(line => "  " + line));
        return new Publication
        {
            Verb = CalibrationPublication.Verb,
            Folders = folders,
            Files = files,
            Charts = () => ModelChoicePlotter.Charts(choice),
            Report = charts => ModelChoiceReport.Render(choice, observationFiles, charts),
            Headline = headline,
        };
    }
}
