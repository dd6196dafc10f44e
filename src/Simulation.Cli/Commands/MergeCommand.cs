using Simulation.Application.Inputs;
using Simulation.Application.Plans;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim merge</c>: shard folders to a <see cref="MergePlan"/>.</summary>
internal static class MergeCommand
{
    public static int Execute(MergeOptions options, Terminal terminal, CancellationToken cancellation) =>
        VerbPipeline.Execute(terminal, cancellation, options.Quiet, null, "nothing was merged", problems =>
        {
            var thresholds = OptionText.Thresholds(options.Threshold, problems);
            if (RobustMergePlan.Holds(options.Shards))
            {
                if (options.Threshold.Any())
                {
                    problems.Option("--threshold", "robust shards are judged by the measures they ran with; --threshold goes with the shards of 'laborsim run'");
                }
                return problems.Count > 0 ? null : RobustMergePlan.Load(options.Shards, options.Out, options.Force, !options.NoPlots, problems);
            }
            return problems.Count > 0 ? null : MergePlan.Load(options.Shards, thresholds, options.Out, options.Force, !options.NoPlots, problems);
        });
}
