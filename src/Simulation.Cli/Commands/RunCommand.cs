using Simulation.Application.Inputs;
using Simulation.Application.Plans;
using Simulation.Core.Requests;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim run</c>: options to a <see cref="RunRequest"/> and its plan.</summary>
internal static class RunCommand
{
    public static int Execute(RunOptions options, Terminal terminal, CancellationToken cancellation) =>
        VerbPipeline.Execute(terminal, cancellation, options.Quiet, options.Threads, "nothing was run", problems =>
        {
            var loaded = ScenarioArguments.Load(options, options.Scenario, problems);
            var thresholds = OptionText.Thresholds(options.Threshold, problems);
            var precision = OptionText.Precision(options.Precision, options.PrecisionMetric, options.MaxRuns, options.Runs, problems);
            var shard = options.Shard is null ? null : OptionText.Shard(options.Shard, problems);
            string? checkpoint = options.Resume ?? options.Checkpoint;
            if (options.Checkpoint is not null && options.Resume is not null && Path.GetFullPath(options.Checkpoint) != Path.GetFullPath(options.Resume))
            {
                problems.Option("--resume", "keeps checkpointing into its own folder; give --resume alone");
            }
            if (loaded is null || problems.Count > 0)
            {
                return null;
            }
            var request = new RunRequest(loaded.Scenario!)
            {
                SaveRuns = options.SaveRuns,
                KeepPaths = options.Paths,
                Precision = precision,
                KeepPartial = options.KeepPartial,
                Thresholds = thresholds,
                Shard = shard,
                Checkpointed = checkpoint is not null,
            };
            string outPath = options.Out ?? RunPlan.DefaultOutput(request, [.. options.Set]);
            return new RunPlan(request, loaded.Document!, [.. options.Set])
            {
                OutPath = outPath,
                // Resuming replaces the partial output the interrupted run left (--keep-partial), as its hint says, without --force.
                Force = options.Force || (options.Resume is not null && RunPlan.IsPartialOutput(outPath)),
                Plots = !options.NoPlots,
                Source = options.Scenario,
                CheckpointFolder = checkpoint,
                Resume = options.Resume is not null,
            };
        });
}
