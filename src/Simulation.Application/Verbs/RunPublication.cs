using System.Globalization;
using Simulation.Application.Publishing;
using Simulation.Core;
using Simulation.Core.Calibration;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;
using Simulation.Plotting;
using Simulation.Reporting;

namespace Simulation.Application.Verbs;

/// <summary>The output folder of a run (and of a merge of shards, which is the same folder): files, charts, report, headline.</summary>
public static class RunPublication
{
    /// <summary>The marker's verb: a run's folder, whether run at once, from a checkpoint or merged from shards.</summary>
    public const string Verb = "run";

    /// <summary>The scenario as run, in every run folder.</summary>
    public const string ScenarioFile = "scenario.yaml";

    /// <summary>
    /// Everything a run publishes; <paramref name="overrides"/> are the --set assignments, named in the report, and
    /// <paramref name="record"/> where each observation the scenario cites falls among the runs.
    /// </summary>
    public static Publication Of(MonteCarloResult result, ScenarioDocument document, IReadOnlyList<string> overrides,
        IReadOnlyList<Threshold> thresholds, IReadOnlyList<ObservationFit>? record = null)
    {
        record ??= [];
        var probabilities = Thresholds.Evaluate(result, thresholds);
        var files = new List<OutputFile>
        {
            new(SummaryJsonWriter.FileName, stream => SummaryJsonWriter.Write(result, stream, overrides, probabilities, record)),
            OutputFile.Text(SeriesCsvWriter.FileName, writer => SeriesCsvWriter.Write(result, writer)),
            OutputFile.Text(MetricsCsvWriter.FileName, writer => MetricsCsvWriter.Write(result, writer)),
        };
        if (result.RunTable is { } table)
        {
            files.Add(OutputFile.Text(RunsCsvWriter.FileName, writer => RunsCsvWriter.Write(table, writer)));
            files.Add(new(RunsParquetWriter.FileName, stream => RunsParquetWriter.Write(table, stream)));
        }
        if (result.Paths is { Runs: > 0 } paths)
        {
            files.Add(OutputFile.Text(PathsCsvWriter.FileName, writer => PathsCsvWriter.Write(paths, result.Scenario.Start, writer)));
        }
        files.AddRange(AsRun(document, $"Scenario {result.Scenario.Name} as run by laborsim {EngineInfo.Version}: overrides applied, defaults written out."));
        return new Publication
        {
            Verb = Verb,
            Files = files,
            Charts = () => [.. ResultPlotter.Charts(result, probabilities), .. RecordPlotter.Charts(result, record)],
            Report = charts => RunReport.Render(result, charts, overrides, probabilities, record),
            Headline = WithRecord(Headline(result, probabilities), record),
        };
    }

    /// <summary>The scenario as run (and its posterior beside it), as files of an output folder.</summary>
    public static IEnumerable<OutputFile> AsRun(ScenarioDocument document, string header, string fileName = ScenarioFile) =>
        document.AsRun(fileName, header).Select(file => OutputFile.Text(file.Name, file.Text));

    // The record's sentence goes with the other findings, before the closing note on errors.
    private static IReadOnlyList<string> WithRecord(IReadOnlyList<string> headline, IReadOnlyList<ObservationFit> record)
    {
        if (record.Count == 0)
        {
            return headline;
        }
        var lines = new List<string>(headline);
        lines.Insert(lines.Count - 1, "  " + RunReport.RecordSentence(record));
        return lines;
    }

    /// <summary>The run's answer on the terminal.</summary>
    public static IReadOnlyList<string> Headline(MonteCarloResult result, IReadOnlyList<ThresholdProbability> thresholds)
    {
        var scenario = result.Scenario;
        string end = scenario.Start.AddMonths(scenario.Months - 1).ToString();
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{scenario.Name}: {result.Runs:N0} runs x {result.Months} months ({scenario.Start} to {end}) in {result.Elapsed.TotalSeconds:0.00} s"),
        };
        lines.AddRange(RunReport.Headlines(result, thresholds).Select(sentence => "  " + sentence));
        if (result.Precision is { } precision)
        {
            lines.Add("  " + RunReport.PrecisionSentence(precision));
        }
        lines.Add("  ± is one Monte Carlo standard error; medians and ranges are given to three significant figures"
            + (result.Scenario.Sampling == Simulation.Core.Sampling.SamplingMethod.MonteCarlo ? "" : $" (by the formula for independent draws: an upper bound under the {Simulation.IO.Scenarios.SamplingReader.Name(result.Scenario.Sampling)} design)"));
        return lines;
    }
}
