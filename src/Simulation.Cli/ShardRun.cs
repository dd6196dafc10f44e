using System.Diagnostics;
using System.Globalization;
using System.Text;
using Simulation.Cli.Commands;
using Simulation.Core;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;
using Simulation.IO.Shards;

namespace Simulation.Cli;

/// <summary>`laborsim run --shard I/N`: runs one slice of the run indices and writes a shard folder.</summary>
internal static class ShardRun
{
    public static int Execute(Scenario scenario, ScenarioDocument document, int index, int count, RunOptions options, Terminal terminal, CancellationToken cancellation)
    {
        var (firstBlock, endBlock) = MonteCarloRunner.ShardBlocks(scenario.Runs, index, count);
        long firstRun = Math.Min(firstBlock * MonteCarloRunner.BlockSize, scenario.Runs);
        long endRun = Math.Min(endBlock * MonteCarloRunner.BlockSize, scenario.Runs);
        string outPath = options.Out ?? Path.Combine("out", $"{scenario.Name}-shards", $"shard-{index.ToString("D4", CultureInfo.InvariantCulture)}");
        if (OutputTargets.Refused(outPath, options.Force, terminal))
        {
            return ExitCodes.BadInput;
        }
        var progress = ScenarioLoading.Progress(options, terminal, endRun - firstRun);
        var stopwatch = Stopwatch.StartNew();
        SummaryState state;
        try
        {
            state = MonteCarloRunner.RunBlocks(scenario, firstBlock, endBlock, new RunnerOptions
            {
                Threads = ScenarioLoading.Threads(options, terminal, scenario),
                Cancellation = cancellation,
                Progress = progress is null ? null : progress.Report,
            });
        }
        catch (OperationCanceledException)
        {
            return ScenarioLoading.Interrupted(progress, terminal);
        }
        progress?.Finish();

        using (var folder = OutputFolder.Begin(outPath, options.Force))
        {
            string header = $"Scenario {scenario.Name} as run by laborsim {EngineInfo.Version}: overrides applied, defaults written out.";
            document.WriteAsRun(folder.File("scenario.yaml"), header);
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
                FirstBlock = firstBlock,
                EndBlock = endBlock,
                ElapsedSeconds = Math.Round(stopwatch.Elapsed.TotalSeconds, 3),
            };
            SummaryStateFormat.Write(state, folder.File(manifest.StateFile), manifest.Binding);
            manifest.Write(folder.File("shard.json"));
            folder.Commit();
        }
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Name}: shard {index} of {count}, runs {firstRun:N0} to {Math.Max(firstRun, endRun - 1):N0} ({endRun - firstRun:N0} runs) in {stopwatch.Elapsed.TotalSeconds:0.00} s"));
        terminal.Out.WriteLine($"  wrote {outPath}");
        return ExitCodes.Ok;
    }
}
