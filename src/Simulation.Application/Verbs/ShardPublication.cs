using System.Globalization;
using Simulation.Application.Publishing;
using Simulation.Core;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Scenarios;
using Simulation.IO.Shards;

namespace Simulation.Application.Verbs;

/// <summary>The folder of <c>laborsim run --shard I/N</c>: the scenario as run, the shard's mergeable state and its manifest.</summary>
public static class ShardPublication
{
    /// <summary>The marker's verb.</summary>
    public const string Verb = "shard";

    /// <summary>Everything a shard publishes: runs <paramref name="firstRun"/> to <paramref name="endRun"/> - 1 of shard <paramref name="index"/> of <paramref name="count"/>.</summary>
    public static Publication Of(Scenario scenario, ScenarioDocument document, SummaryState state, int index, int count,
        (long FirstBlock, long EndBlock) blocks, TimeSpan elapsed)
    {
        long firstRun = Math.Min(blocks.FirstBlock * MonteCarloRunner.BlockSize, scenario.Runs);
        long endRun = Math.Min(blocks.EndBlock * MonteCarloRunner.BlockSize, scenario.Runs);
        var manifest = new ShardManifest
        {
            EngineVersion = EngineInfo.Version,
            Scenario = scenario.Name,
            Fingerprint = ScenarioFingerprint.Of(document),
            Seed = scenario.Seed,
            Runs = scenario.Runs,
            Months = scenario.Months,
            ShardIndex = index,
            ShardCount = count,
            FirstBlock = blocks.FirstBlock,
            EndBlock = blocks.EndBlock,
            ElapsedSeconds = Math.Round(elapsed.TotalSeconds, 3),
        };
        var files = RunPublication.AsRun(document, $"Scenario {scenario.Name} as run by laborsim {EngineInfo.Version}: overrides applied, defaults written out.").ToList();
        files.Add(new(manifest.StateFile, stream => SummaryStateFormat.Write(state, stream, manifest.Binding)));
        files.Add(OutputFile.Text(ShardManifest.FileName, manifest.ToJson()));
        return new Publication
        {
            Verb = Verb,
            Files = files,
            Headline =
            [
                string.Create(CultureInfo.InvariantCulture,
                    $"{scenario.Name}: shard {index} of {count}, runs {firstRun:N0} to {Math.Max(firstRun, endRun - 1):N0} ({endRun - firstRun:N0} runs) in {elapsed.TotalSeconds:0.00} s"),
            ],
        };
    }
}
