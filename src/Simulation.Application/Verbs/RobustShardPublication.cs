using System.Globalization;
using Simulation.Application.Publishing;
using Simulation.Core;
using Simulation.Core.Decisions;
using Simulation.Core.Requests;
using Simulation.IO.Analysis;
using Simulation.IO.Scenarios;
using Simulation.IO.Shards;

namespace Simulation.Application.Verbs;

/// <summary>The folder of <c>laborsim robust --shard I/N</c>: the scenario as run, its futures, and a manifest <c>laborsim merge</c> checks.</summary>
public static class RobustShardPublication
{
    /// <summary>The marker's verb.</summary>
    public const string Verb = "robust-shard";

    /// <summary>Everything a robust shard publishes.</summary>
    public static Publication Of(RobustRequest request, ScenarioDocument document, FuturesTable futures, int index, int count, TimeSpan elapsed)
    {
        var s = request.Scenario;
        var manifest = new RobustShardManifest
        {
            EngineVersion = EngineInfo.Version,
            Scenario = s.Name,
            Fingerprint = ScenarioFingerprint.Of(document),
            Seed = s.Seed,
            Runs = s.Runs,
            ShardIndex = index,
            ShardCount = count,
            FirstRun = futures.FirstRun,
            EndRun = futures.FirstRun + futures.Runs,
            Measures = [.. request.Measures.Select(m => m.Name)],
            Satisfice = request.Satisfice?.ToString(),
            Regret = request.Regret,
            Hurwicz = request.Hurwicz,
            ElapsedSeconds = Math.Round(elapsed.TotalSeconds, 3),
        };
        var files = RunPublication.AsRun(document, $"Scenario {s.Name} as judged by laborsim robust: overrides applied, defaults written out.").ToList();
        files.Add(OutputFile.Text(RobustShardManifest.FuturesFile, writer => RobustWriter.WriteFuturesCsv(futures, request.Satisfice is not null, writer)));
        files.Add(OutputFile.Text(RobustShardManifest.FileName, manifest.ToJson()));
        return new Publication
        {
            Verb = Verb,
            Files = files,
            Headline =
            [
                string.Create(CultureInfo.InvariantCulture,
                    $"{s.Name}: robust shard {index} of {count}, futures {futures.FirstRun:N0} to {Math.Max(futures.FirstRun, futures.FirstRun + futures.Runs - 1):N0} ({futures.Runs:N0} futures) in {elapsed.TotalSeconds:0.00} s"),
            ],
        };
    }
}
