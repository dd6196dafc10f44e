using Simulation.Application.Execution;
using Simulation.Application.Inputs;
using Simulation.Application.Publishing;
using Simulation.Application.Verbs;
using Simulation.Core;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.Core.Requests;
using Simulation.IO.Scenarios;
using Simulation.IO.Shards;

namespace Simulation.Application.Plans;

/// <summary><c>laborsim merge</c>: shards joined into the run's normal output folder, exactly as one run would have written it.</summary>
public sealed class MergePlan : VerbPlan
{
    private MergePlan(ShardSet shards, Scenario scenario, ScenarioDocument document, IReadOnlyList<Threshold> thresholds)
    {
        Shards = shards;
        Scenario = scenario;
        Document = document;
        Thresholds = thresholds;
    }

    /// <summary>The shards, checked to belong together.</summary>
    public ShardSet Shards { get; }

    /// <summary>The scenario the shards ran.</summary>
    public Scenario Scenario { get; }

    /// <summary>The scenario as run.</summary>
    public ScenarioDocument Document { get; }

    /// <summary>Probabilities P(metric &gt; value) to report.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; }

    /// <inheritdoc />
    public override string Verb => RunPublication.Verb;

    /// <summary>
    /// The shards in <paramref name="folders"/> (folders of shards, or folders holding them), checked against each other
    /// and against the scenario they carry; null with the problems added when they do not make one run.
    /// </summary>
    public static MergePlan? Load(IEnumerable<string> folders, IReadOnlyList<Threshold> thresholds, string? outPath, bool force, bool plots, Problems problems)
    {
        ShardSet shards;
        try
        {
            shards = ShardSet.Load(ShardSet.Expand(folders), EngineInfo.Version);
        }
        catch (ShardFormatException exception)
        {
            foreach (string line in exception.Message.Split('\n'))
            {
                problems.Line(line);
            }
            return null;
        }
        var loaded = ScenarioInputs.Load(shards.ScenarioFile, [], strict: false, problems);
        if (loaded is null)
        {
            return null;
        }
        if (ScenarioFingerprint.Of(loaded.Document!) != shards.Manifests[0].Fingerprint)
        {
            problems.Option(shards.ScenarioFile, "does not match the fingerprint in shard.json (was it edited?)");
            return null;
        }
        return new MergePlan(shards, loaded.Scenario!, loaded.Document!, thresholds)
        {
            OutPath = outPath ?? Path.Combine("out", loaded.Scenario!.Name),
            Force = force,
            Plots = plots,
            Source = shards.ScenarioFile,
        };
    }

    /// <inheritdoc />
    public override IReadOnlyList<RequestProblem> Validate(ResourceBudget budget) =>
        budget.HorizonRefusal(Scenario) is { } horizon ? [horizon] : [];

    /// <inheritdoc />
    public override VerbOutcome Execute(VerbContext context)
    {
        var result = MonteCarloRunner.Complete(Scenario, Shards.Combined, TimeSpan.FromSeconds(Shards.ElapsedSeconds));
        var publication = RunPublication.Of(result, Document, [], Thresholds);
        return VerbOutcome.Done(publication with { Headline = [$"merged {Shards.Manifests.Count} shards", .. publication.Headline] });
    }
}
