using Simulation.Application.Inputs;
using Simulation.Application.Plans;
using Simulation.Core.Requests;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim compare</c>: scenario files to a <see cref="CompareRequest"/> and its plan.</summary>
internal static class CompareCommand
{
    public static int Execute(CompareOptions options, Terminal terminal, CancellationToken cancellation) =>
        VerbPipeline.Execute(terminal, cancellation, options.Quiet, options.Threads, "nothing was run", problems =>
        {
            var overrides = OptionText.Overrides(options.Set, options.Runs, options.Seed, options.Months, problems);
            var thresholds = OptionText.Thresholds(options.Threshold, problems);
            var loaded = options.Scenarios.Select(file => ScenarioInputs.Load(file, overrides, options.Strict, problems)).ToList();
            if (loaded.Any(l => l is null) || problems.Count > 0)
            {
                return null;
            }
            var request = new CompareRequest([.. loaded.Select(l => l!.Scenario!)])
            {
                CommonRandomNumbers = !options.Independent,
                Thresholds = thresholds,
            };
            return new ComparePlan(request, [.. loaded.Select(l => l!.Document!)])
            {
                OutPath = options.Out ?? ComparePlan.DefaultOutput(request, [.. options.Set]),
                Force = options.Force,
                Plots = !options.NoPlots,
                Source = options.Scenarios.First(),
            };
        });
}
