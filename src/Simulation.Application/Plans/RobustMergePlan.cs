using Simulation.Application.Execution;
using Simulation.Application.Inputs;
using Simulation.Application.Verbs;
using Simulation.Core;
using Simulation.Core.Decisions;
using Simulation.Core.Requests;
using Simulation.IO.Analysis;
using Simulation.IO.Scenarios;
using Simulation.IO.Shards;

namespace Simulation.Application.Plans;

/// <summary><c>laborsim merge</c> of robust shards: their futures joined, the policies judged on them exactly as one run would.</summary>
public sealed class RobustMergePlan : VerbPlan
{
    private readonly IReadOnlyList<(string Folder, RobustShardManifest Manifest)> _shards;

    private RobustMergePlan(RobustRequest request, ScenarioDocument document, IReadOnlyList<(string, RobustShardManifest)> shards)
    {
        Request = request;
        Document = document;
        _shards = shards;
    }

    /// <summary>The analysis the shards ran.</summary>
    public RobustRequest Request { get; }

    /// <summary>The scenario as run.</summary>
    public ScenarioDocument Document { get; }

    /// <inheritdoc />
    public override string Verb => RobustPublication.Verb;

    /// <summary>True when <paramref name="folders"/> name robust shards (or folders holding them).</summary>
    public static bool Holds(IEnumerable<string> folders) => Expand(folders).Any(RobustShardManifest.In);

    private static List<string> Expand(IEnumerable<string> folders)
    {
        var expanded = new List<string>();
        foreach (string folder in folders)
        {
            var children = Directory.Exists(folder) && !RobustShardManifest.In(folder)
                ? Directory.GetDirectories(folder).Where(RobustShardManifest.In).Order(StringComparer.Ordinal).ToList()
                : [];
            expanded.AddRange(children.Count > 0 ? children : [folder]);
        }
        return expanded;
    }

    /// <summary>The shards in <paramref name="folders"/>, checked to make one robust run; null with the problems added when they do not.</summary>
    public static RobustMergePlan? Load(IEnumerable<string> folders, string? outPath, bool force, bool plots, Problems problems)
    {
        var shards = new List<(string Folder, RobustShardManifest Manifest)>();
        foreach (string folder in Expand(folders))
        {
            try
            {
                shards.Add((folder, RobustShardManifest.Read(folder)));
            }
            catch (ShardFormatException exception)
            {
                problems.Line(exception.Message);
            }
        }
        if (shards.Count == 0 || problems.Count > 0)
        {
            return null;
        }
        var (firstFolder, reference) = shards[0];
        foreach (var (folder, m) in shards)
        {
            if (m.Fingerprint != reference.Fingerprint || m.Seed != reference.Seed || m.Runs != reference.Runs || m.ShardCount != reference.ShardCount
                || !m.Measures.SequenceEqual(reference.Measures) || m.Satisfice != reference.Satisfice || m.Regret != reference.Regret || m.Hurwicz != reference.Hurwicz)
            {
                problems.Line($"{folder}: from another robust run (scenario, seed, runs, shards, measures or failure question) than {firstFolder}; merge the shards of one run");
            }
            if (m.EngineVersion != EngineInfo.Version)
            {
                problems.Line($"{folder}: written by laborsim {m.EngineVersion}, this is {EngineInfo.Version}; run every shard and the merge with one version");
            }
        }
        var indices = shards.Select(s => s.Manifest.ShardIndex).ToList();
        var missing = Enumerable.Range(0, reference.ShardCount).Where(i => !indices.Contains(i)).ToList();
        var twice = indices.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0)
        {
            problems.Line($"shards {string.Join(", ", missing)} of {reference.ShardCount} are missing; merge every shard of the run");
        }
        if (twice.Count > 0)
        {
            problems.Line($"shards {string.Join(", ", twice)} are given twice; give each shard once");
        }
        if (problems.Count > 0)
        {
            return null;
        }
        string scenarioFile = Path.Combine(firstFolder, RunPublication.ScenarioFile);
        var loaded = ScenarioInputs.Load(scenarioFile, [], strict: false, problems);
        if (loaded is null)
        {
            return null;
        }
        if (ScenarioFingerprint.Of(loaded.Document!) != reference.Fingerprint)
        {
            problems.Option(scenarioFile, "does not match the fingerprint in robust-shard.json (was it edited?)");
            return null;
        }
        var conditionProblems = new ProblemList();
        var satisfice = reference.Satisfice is { } text ? ConditionParser.Parse(text, RobustShardManifest.FileName, conditionProblems) : null;
        problems.Add(conditionProblems.Items);
        var measures = reference.Measures.Select(Measure.Find).ToList();
        if (measures.Any(m => m is null))
        {
            problems.Line($"{firstFolder}: names a measure this laborsim does not know ({string.Join(", ", reference.Measures)})");
            return null;
        }
        var request = new RobustRequest(loaded.Scenario!, [.. measures.OfType<Measure>()])
        {
            Satisfice = satisfice,
            Regret = reference.Regret,
            Hurwicz = reference.Hurwicz,
        };
        return new RobustMergePlan(request, loaded.Document!, shards)
        {
            OutPath = outPath ?? RobustPlan.DefaultOutput(request, []),
            Force = force,
            Plots = plots,
            Source = scenarioFile,
        };
    }

    /// <inheritdoc />
    public override IReadOnlyList<RequestProblem> Validate(ResourceBudget budget) => Request.Validate(budget);

    /// <inheritdoc />
    public override VerbOutcome Execute(VerbContext context)
    {
        var inputNames = Request.Scenario.RecordedInputNames();
        var policies = Request.Policies.Select(p => p.Name).ToList();
        var parts = _shards.Select(s => FuturesCsvReader.Read(Path.Combine(s.Folder, RobustShardManifest.FuturesFile), inputNames, policies, Request.Measures,
            Request.Satisfice is not null, s.Manifest.FirstRun, s.Manifest.EndRun)).ToList();
        var table = FuturesTable.Concatenate(parts);
        int threads = context.Budget.Threads(context.RequestedThreads, [Request.Scenario], new NoteCollection(context.Note));
        var result = Request.Evaluate(table, TimeSpan.FromSeconds(_shards.Sum(s => s.Manifest.ElapsedSeconds)), threads);
        var publication = RobustPublication.Of(result, Document);
        return VerbOutcome.Done(publication with { Headline = [$"merged {_shards.Count} robust shards", .. publication.Headline] });
    }
}
