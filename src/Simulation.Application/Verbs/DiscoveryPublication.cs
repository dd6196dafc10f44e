using Simulation.Application.Publishing;
using Simulation.Core.Discovery;
using Simulation.Core.Model;
using Simulation.IO.Analysis;
using Simulation.IO.Scenarios;
using Simulation.Plotting;
using Simulation.Reporting;

namespace Simulation.Application.Verbs;

/// <summary>The output folder of <c>laborsim discover</c>.</summary>
public static class DiscoveryPublication
{
    /// <summary>The marker's verb.</summary>
    public const string Verb = "discover";

    /// <summary>
    /// Everything a discovery on runs of scenario <paramref name="name"/> publishes; <paramref name="document"/> is the
    /// scenario as run when the runs were made here (null when they were read from a folder), <paramref name="words"/>
    /// the scenario the runs came from, when known, for inputs and the condition in words.
    /// </summary>
    public static Publication Of(DiscoveryResult result, OutcomeCondition condition, string name, string source, ScenarioDocument? document, Scenario? words)
    {
        var files = new List<OutputFile>
        {
            OutputFile.Text(DiscoveryWriter.TrajectoryFile, writer => DiscoveryWriter.WriteTrajectory(result, writer)),
            OutputFile.Text(DiscoveryWriter.BoxFile, writer => DiscoveryWriter.WriteBox(result, writer)),
            new(DiscoveryWriter.JsonFile, stream => DiscoveryWriter.WriteJson(result, source, stream)),
        };
        if (document is not null)
        {
            files.AddRange(RunPublication.AsRun(document, $"Scenario {name} as run by laborsim discover: overrides applied, defaults written out."));
        }
        var data = result.Data;
        var box = result.Box;
        var headline = new List<string>
        {
            $"{name}: {data.HitCount:N0} of {data.Count:N0} runs ({NumberText.Percent((double)data.HitCount / data.Count)}) meet {ConditionWords.Of(condition, words)}",
            $"  box (step {box.Index} of {result.Trajectory.Steps.Count - 1}): density {NumberText.Percent(box.Density)}, coverage {NumberText.Percent(box.Coverage)}, mass {NumberText.Percent(box.Mass)}",
        };
        foreach (var limit in result.QuasiPValues.OrderBy(p => p.PValue))
        {
            headline.Add($"  {InputWords.Limit(words, data, limit.Dimension, limit.Lower, limit.Upper, result.Trajectory.Initial.Lower[limit.Dimension], result.Trajectory.Initial.Upper[limit.Dimension])}: quasi-p {DiscoveryPlotter.PValue(limit.PValue)}, in {NumberText.Percent(result.Reproducibility[limit.Dimension].ByCoverage)} of resamples");
        }
        return new Publication
        {
            Verb = Verb,
            Files = files,
            Charts = () => DiscoveryPlotter.Charts(result, name, words, ConditionWords.Of(condition, words)),
            Report = charts => DiscoveryReport.Render(result, condition, name, source, words, charts),
            Headline = headline,
        };
    }
}
