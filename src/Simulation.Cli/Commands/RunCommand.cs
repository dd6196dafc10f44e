using System.Globalization;
using Simulation.Application.Inputs;
using Simulation.Application.Plans;
using Simulation.Core.Catalogue;
using Simulation.Core.MonteCarlo;
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
            var precision = Precision(options, problems);
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

    private static PrecisionTarget? Precision(RunOptions options, Problems problems)
    {
        if (options.Precision is not { } precision)
        {
            if (options.PrecisionMetric is not null)
            {
                problems.Option($"--precision-metric {options.PrecisionMetric}", "goes with --precision P (e.g. --precision 0.01)");
            }
            else if (options.MaxRuns is not null)
            {
                problems.Option("--max-runs", "goes with --precision; to set the number of runs use --runs");
            }
            return null;
        }
        if (options.Runs is not null)
        {
            problems.Option($"--runs {options.Runs}", "is decided by --precision, which runs until its target is met; cap it with --max-runs instead");
        }
        string quantity = options.PrecisionMetric ?? "remittances_usd";
        if (!OutputCatalogue.TryParseProbability(quantity, out _) && !OutputCatalogue.TryParseMetric(quantity, out _))
        {
            var names = OutputCatalogue.MetricNames.Concat(OutputCatalogue.ProbabilityNames).ToList();
            problems.Option($"--precision-metric {quantity}", $"unknown{OptionText.Suggest(quantity, names)} (one of {string.Join(", ", names)})");
            return null;
        }
        return new PrecisionTarget(quantity, precision, options.MaxRuns ?? RunRequest.DefaultMaxRuns);
    }
}
