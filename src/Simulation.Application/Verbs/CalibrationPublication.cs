using System.Globalization;
using Simulation.Application.Publishing;
using Simulation.Core;
using Simulation.Core.Calibration;
using Simulation.IO.Calibration;
using Simulation.IO.Scenarios;
using Simulation.IO.Yaml;
using Simulation.Plotting;
using Simulation.Reporting;

namespace Simulation.Application.Verbs;

/// <summary>The output folder of <c>laborsim calibrate</c>: the posterior, the fit, a runnable calibrated scenario, charts and report.</summary>
public static class CalibrationPublication
{
    /// <summary>The marker's verb.</summary>
    public const string Verb = "calibrate";

    /// <summary>The name of the calibrated scenario: its runs go to their own folder, never into the calibration's.</summary>
    public static string CalibratedName(string scenario) => $"{scenario}-calibrated";

    /// <summary>
    /// Everything a calibration publishes; <paramref name="document"/> is the prior scenario as loaded, <paramref name="observationFiles"/>
    /// the files as named on the command line, <paramref name="outPath"/> where the folder goes (for the run command printed).
    /// </summary>
    public static Publication Of(CalibrationResult result, ScenarioDocument document, AbcOptions options, IReadOnlyList<string> observationFiles, string outPath)
    {
        var scenario = result.Prior;
        string method = options.Method == AbcMethod.Rejection ? "rejection ABC" : "ABC-SMC";
        var keys = result.Inputs.Select(i => i.KeyPath).ToList();
        var abc = result.Abc;
        var headline = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Name}: {method} calibrated {keys.Count} inputs to {result.Observations.Observations.Count} observations: {abc.Count:N0} particles, {abc.Generations.Count} generation(s), {abc.Simulations:N0} model runs in {abc.Elapsed.TotalSeconds:0.0} s"),
            $"  stopped: {abc.StopReason}",
        };
        if (result.HistoryMatch is { } match)
        {
            headline.Insert(0, string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Name}: history matching first ({match.Result.Waves.Count} wave(s), {match.Result.Simulations:N0} model runs in {match.Result.Elapsed.TotalSeconds:0.0} s) left {match.Result.Waves[^1].NroyShare * 100:0.0}% of the prior; ABC started there"));
        }
        headline.AddRange(CalibrationReport.Headlines(result).Select(line => "  " + line));
        return new Publication
        {
            Verb = Verb,
            Files = Files(result, document, options, observationFiles, method, ""),
            Folders = result.HistoryMatch is null ? [] : [CalibrationWriter.HistoryMatchFolder.TrimEnd('/')],
            Charts = () => CalibrationPlotter.Charts(result),
            Report = charts => CalibrationReport.Render(result, method, observationFiles, charts),
            Headline = headline,
            AfterWrote = $"; run the calibrated scenario with: laborsim run {Path.Combine(outPath, CalibrationWriter.CalibratedScenarioFile)}",
        };
    }

    /// <summary>
    /// One calibration's files, each name after <paramref name="folder"/> (empty, or a subfolder and "/"): the posterior
    /// (CSV and Parquet), posterior.json, fit.csv and the runnable calibrated scenario beside its posterior.
    /// </summary>
    public static IReadOnlyList<OutputFile> Files(CalibrationResult result, ScenarioDocument document, AbcOptions options, IReadOnlyList<string> observationFiles, string method, string folder)
    {
        var scenario = result.Prior;
        var keys = result.Inputs.Select(i => i.KeyPath).ToList();
        var posteriorText = new StringWriter();
        PosteriorCsv.Write(result.Abc, keys, posteriorText);
        string description = $"{scenario.Description} Calibrated by laborsim {EngineInfo.Version} ({method}, {result.Abc.Count:N0} particles, seed {scenario.Seed}) to {string.Join(", ", observationFiles.Select(Path.GetFileName))}.".Trim();
        var calibrated = document
            .With("scenario", CalibratedName(scenario.Name))
            .With("description", YamlFlowWriter.Quote(description))
            .With("posterior", $"{{file: {PosteriorCsv.FileName}}}", posteriorText.ToString());
        string calibratedYaml = calibrated.ToYaml(
            $"Scenario {scenario.Name} calibrated by laborsim {EngineInfo.Version}: its uncertain inputs are drawn jointly from {PosteriorCsv.FileName}\n"
            + $"(the priors below still name the inputs; each run takes one particle by weight). Run it with: laborsim run {CalibrationWriter.CalibratedScenarioFile}");
        var abc = result.Abc;
        var files = new List<OutputFile>
        {
            OutputFile.Text(folder + PosteriorCsv.FileName, posteriorText.ToString()),
            new(folder + PosteriorParquetWriter.FileName, stream => PosteriorParquetWriter.Write(abc, keys, stream)),
            new(folder + CalibrationWriter.JsonFile, stream => CalibrationWriter.WriteJson(result, options, observationFiles, stream)),
            OutputFile.Text(folder + CalibrationWriter.FitFile, writer => CalibrationWriter.WriteFitCsv(result, writer)),
            OutputFile.Text(folder + CalibrationWriter.CalibratedScenarioFile, calibratedYaml),
        };
        if (result.HistoryMatch is { } match)
        {
            string matchFolder = folder + CalibrationWriter.HistoryMatchFolder;
            files.Add(OutputFile.Text(matchFolder + HistoryMatchWriter.NroyFile, writer => HistoryMatchWriter.WriteNroyCsv(match, writer)));
            files.Add(new(matchFolder + HistoryMatchWriter.JsonFile, stream => HistoryMatchWriter.WriteJson(match, observationFiles, stream)));
        }
        return files;
    }
}
