using Simulation.Application.Publishing;
using Simulation.Core.Discovery;
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
    /// scenario as run when the runs were made here (null when they were read from a folder).
    /// </summary>
    public static Publication Of(DiscoveryResult result, string name, string source, ScenarioDocument? document)
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
            $"{name}: {data.HitCount:N0} of {data.Count:N0} runs ({NumberText.Percent((double)data.HitCount / data.Count)}) meet {result.Condition}",
            $"  box (step {box.Index} of {result.Trajectory.Steps.Count - 1}): density {NumberText.Percent(box.Density)}, coverage {NumberText.Percent(box.Coverage)}, mass {NumberText.Percent(box.Mass)}",
        };
        foreach (var limit in result.QuasiPValues.OrderBy(p => p.PValue))
        {
            headline.Add($"  {limit.Name,-34} {data.Describe(limit.Dimension, limit.Lower, limit.Upper, NumberText.Plain),-20}   quasi-p {DiscoveryPlotter.PValue(limit.PValue)}, in {NumberText.Percent(result.Reproducibility[limit.Dimension].ByCoverage)} of resamples");
        }
        return new Publication
        {
            Verb = Verb,
            Files = files,
            Charts = () => DiscoveryPlotter.Charts(result, name),
            Report = charts => DiscoveryReport.Render(result, name, source, charts),
            Headline = headline,
        };
    }
}
