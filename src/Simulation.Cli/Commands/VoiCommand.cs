using Simulation.Application.Inputs;
using Simulation.Application.Plans;
using Simulation.Core.Decisions;
using Simulation.Core.Requests;
using Simulation.IO.Calibration;
using Simulation.IO.Scenarios;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim voi</c>: options to a <see cref="VoiRequest"/> and its plan (docs/decisions.md).</summary>
internal static class VoiCommand
{
    public static int Execute(VoiOptions options, Terminal terminal, CancellationToken cancellation) =>
        VerbPipeline.Execute(terminal, cancellation, options.Quiet, options.Threads, "nothing was run", problems =>
        {
            if (options.Threshold.Any())
            {
                problems.Option("--threshold", "voi asks how much of a metric's variance an observation removes; for P(METRIC > VALUE), use 'laborsim run --threshold'");
            }
            var measure = OptionText.Measure("--metric", options.Metric ?? "remittances_usd", problems);
            var loaded = ScenarioArguments.Load(options, options.Scenario, problems);
            if (loaded is null || measure is null)
            {
                return null;
            }
            IReadOnlyList<Simulation.Core.Calibration.Observation> planned = [];
            if (options.Plan is { } plan)
            {
                var planProblems = new ProblemList();
                planned = ObservationReader.ReadPlannedFile(plan, loaded.Scenario!, planProblems) ?? [];
                problems.Add(planProblems.Items);
            }
            if (problems.Count > 0)
            {
                return null;
            }
            var request = new VoiRequest(loaded.Scenario!, measure) { Planned = planned };
            string? planName = options.Plan is null ? null : Path.GetFileNameWithoutExtension(options.Plan);
            return new VoiPlan(request, loaded.Document!, planName)
            {
                OutPath = options.Out ?? VoiPlan.DefaultOutput(request, planName, [.. options.Set]),
                Force = options.Force,
                Plots = !options.NoPlots,
                Source = options.Scenario,
            };
        });
}
