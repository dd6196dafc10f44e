using System.Diagnostics;
using System.Globalization;
using Simulation.Cli.Commands;
using Simulation.Core;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Scenarios;
using Simulation.IO.Shards;

namespace Simulation.Cli;

/// <summary>`laborsim run --checkpoint DIR` and `--resume DIR`: a run that saves its completed blocks as it goes.</summary>
internal static class CheckpointedRun
{
    // Blocks per round between checkpoint opportunities: short enough to save often, long enough to keep both cores busy.
    private const long RoundBlocks = 16;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    public static int Execute(Scenario scenario, ScenarioDocument document, string outPath, RunOptions options, IReadOnlyList<(Metric Metric, double Value)> thresholds, Terminal terminal, CancellationToken cancellation)
    {
        string folder = (options.Resume ?? options.Checkpoint)!;
        string fingerprint = ScenarioFingerprint.Of(document);
        IDisposable held;
        try
        {
            held = CheckpointStore.Lock(folder);
        }
        catch (ShardFormatException exception)
        {
            terminal.Error.WriteLine(exception.Message);
            terminal.Error.WriteLine("Nothing was run.");
            return ExitCodes.BadInput;
        }
        using var lockHeld = held;
        SummaryState? saved = null;
        if (options.Resume is not null && !CheckpointStore.Exists(folder))
        {
            // A run killed before its first checkpoint leaves nothing to resume: start it again, and say so.
            terminal.Error.WriteLine($"note: no checkpoint saved yet in {folder}; starting from the first run.");
        }
        else if (options.Resume is not null)
        {
            try
            {
                saved = CheckpointStore.Load(folder, fingerprint, EngineInfo.Version).State;
            }
            catch (ShardFormatException exception)
            {
                terminal.Error.WriteLine(exception.Message);
                terminal.Error.WriteLine("Nothing was run.");
                return ExitCodes.BadInput;
            }
        }
        else if (CheckpointStore.Exists(folder))
        {
            terminal.Error.WriteLine($"{folder} already holds a checkpoint; finish it with --resume {folder}, or choose another folder. Nothing was run.");
            return ExitCodes.BadInput;
        }

        long blocks = MonteCarloRunner.BlockCount(scenario.Runs);
        long firstBlock = saved?.EndBlock ?? 0;
        long done = saved?.Runs ?? 0;
        var progress = ScenarioLoading.Progress(options, terminal, scenario.Runs - done);
        var stopwatch = Stopwatch.StartNew();
        // The first round is saved at once, so that even an early kill leaves something to resume.
        var lastSave = -Interval;
        var runnerOptions = new RunnerOptions
        {
            Threads = ScenarioLoading.Threads(options, terminal, scenario),
            Cancellation = cancellation,
            Progress = progress is null ? null : progress.Report,
            KeepPartial = true,
        };
        void Save(SummaryState rest)
        {
            var state = saved is null ? rest : SummaryState.Combine([saved, rest]);
            bool interrupted = cancellation.IsCancellationRequested;
            if (!interrupted && stopwatch.Elapsed - lastSave < Interval)
            {
                return;
            }
            CheckpointStore.Save(folder, state, scenario.Name, fingerprint, scenario.Seed, scenario.Runs, EngineInfo.Version);
            lastSave = stopwatch.Elapsed;
        }

        var restState = MonteCarloRunner.RunBlocks(scenario, firstBlock, blocks, runnerOptions, Save, RoundBlocks);
        progress?.Finish();
        var total = saved is null ? restState : SummaryState.Combine([saved, restState]);
        if (total.EndBlock < blocks)
        {
            string message = string.Create(CultureInfo.InvariantCulture,
                $"Interrupted after {total.Runs:N0} of {scenario.Runs:N0} runs; the checkpoint in {folder} holds them: finish with the same command and --resume {folder}.");
            if (options.KeepPartial)
            {
                RunOutputs.Write(MonteCarloRunner.Complete(scenario, total, stopwatch.Elapsed, allowPartial: true), document, outPath, options.NoPlots, [.. options.Set], thresholds, options.Force);
                message += $" {outPath} holds their summary, flagged \"partial\": true.";
            }
            terminal.Error.WriteLine(message);
            return ExitCodes.Interrupted;
        }
        CheckpointStore.Save(folder, total, scenario.Name, fingerprint, scenario.Seed, scenario.Runs, EngineInfo.Version);
        var result = MonteCarloRunner.Complete(scenario, total, stopwatch.Elapsed);
        RunOutputs.Write(result, document, outPath, options.NoPlots, [.. options.Set], thresholds, options.Force);
        RunOutputs.PrintHeadline(result, outPath, terminal, thresholds);
        return ExitCodes.Ok;
    }
}
