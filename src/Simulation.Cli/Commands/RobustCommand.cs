using Simulation.Application.Inputs;
using Simulation.Application.Plans;
using Simulation.Core.Decisions;
using Simulation.Core.Requests;
using Simulation.IO.Analysis;
using Simulation.IO.Scenarios;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim robust</c>: options to a <see cref="RobustRequest"/> and its plan (docs/decisions.md).</summary>
internal static class RobustCommand
{
    public static int Execute(RobustOptions options, Terminal terminal, CancellationToken cancellation) =>
        VerbPipeline.Execute(terminal, cancellation, options.Quiet, options.Threads, "nothing was run", problems =>
        {
            if (options.Policy is not null)
            {
                problems.Option($"--policy {options.Policy}", "robust runs every policy of the scenario; to run one, use 'laborsim run --policy'");
            }
            if (options.Threshold.Any())
            {
                problems.Option("--threshold", "robust judges policies by --measure and --satisfice; for P(METRIC > VALUE) under one policy, use 'laborsim run --policy NAME --threshold'");
            }
            // Robust weighs every policy itself: the file's own 'policy:' (if any) is set aside.
            var overrides = ScenarioArguments.Overrides(options, problems);
            overrides.Add(new ScenarioOverride("policy", "~", "laborsim robust"));
            var loaded = ScenarioInputs.Load(options.Scenario, overrides, options.Strict, problems);
            var measures = new List<Measure>();
            foreach (string name in options.Measures)
            {
                if (OptionText.Measure("--measure", name, problems) is { } measure)
                {
                    measures.Add(measure);
                }
            }
            var satisfice = options.Satisfice is { } text ? OptionText.Condition("--satisfice", text, problems) : null;
            var shard = options.Shard is null ? null : OptionText.Shard(options.Shard, problems);
            if (loaded is null || problems.Count > 0)
            {
                return null;
            }
            var request = new RobustRequest(loaded.Scenario!, measures.Count > 0 ? measures : Measure.Defaults)
            {
                Satisfice = satisfice,
                Regret = options.Regret,
                Hurwicz = options.Hurwicz ?? 0.5,
                Shard = shard,
            };
            return new RobustPlan(request, loaded.Document!)
            {
                OutPath = options.Out ?? RobustPlan.DefaultOutput(request, [.. options.Set]),
                Force = options.Force,
                Plots = !options.NoPlots,
                Source = options.Scenario,
            };
        });
}
