using System.Globalization;
using Simulation.Application.Publishing;
using Simulation.Core.Decisions;
using Simulation.IO.Analysis;
using Simulation.IO.Scenarios;
using Simulation.Plotting;
using Simulation.Reporting;

namespace Simulation.Application.Verbs;

/// <summary>The output folder of <c>laborsim robust</c>.</summary>
public static class RobustPublication
{
    /// <summary>The marker's verb.</summary>
    public const string Verb = "robust";

    /// <summary>Everything robust publishes: scores, regrets, every future (CSV and Parquet), summary.json, charts, report, headline.</summary>
    public static Publication Of(RobustResult result, ScenarioDocument document)
    {
        bool satisficing = result.Satisfice is not null;
        var files = new List<OutputFile>
        {
            OutputFile.Text(RobustWriter.RobustnessFile, writer => RobustWriter.WriteRobustnessCsv(result, writer)),
            OutputFile.Text(RobustWriter.RegretFile, writer => RobustWriter.WriteRegretCsv(result, writer)),
            OutputFile.Text(RobustWriter.FuturesFile, writer => RobustWriter.WriteFuturesCsv(result.Table, satisficing, writer)),
            new(FuturesParquetWriter.FileName, stream => FuturesParquetWriter.Write(result.Table, satisficing, stream)),
            new(RobustWriter.SummaryFile, stream => RobustWriter.WriteJson(result, stream)),
        };
        files.AddRange(RunPublication.AsRun(document, $"Scenario {result.Scenario.Name} as judged by laborsim robust: overrides applied, defaults written out."));
        var s = result.Scenario;
        var headline = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{s.Name}: {result.Policies.Count} policies on the same {result.Table.Runs:N0} futures x {s.Months} months (common random numbers), run and judged in {result.Elapsed.TotalSeconds:0.00} s"),
        };
        headline.AddRange(RobustReport.Headlines(result).Select(line => "  " + line));
        headline.AddRange(result.Failures.Select(f => "  " + RobustReport.FailureSentence(result, f)));
        headline.Add("  ± is one Monte Carlo standard error; the worst case is a sample extreme");
        return new Publication
        {
            Verb = Verb,
            Files = files,
            Charts = () => RobustPlotter.Charts(result),
            Report = charts => RobustReport.Render(result, charts),
            Headline = headline,
        };
    }
}
