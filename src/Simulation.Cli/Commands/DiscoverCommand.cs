using Simulation.Application.Plans;
using Simulation.Core.Requests;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim discover</c>: a condition and a scenario (or a folder of runs) to a <see cref="DiscoveryRequest"/> and its plan.</summary>
internal static class DiscoverCommand
{
    public static int Execute(DiscoverOptions options, Terminal terminal, CancellationToken cancellation) =>
        VerbPipeline.Execute(terminal, cancellation, options.Quiet, options.Threads, "nothing was run", problems =>
        {
            var settings = new DiscoverSettings
            {
                Source = options.Source,
                Where = options.Where,
                Box = options.Box,
                PeelAlpha = options.PeelAlpha,
                PasteAlpha = options.PasteAlpha,
                MassMin = options.MassMin,
                Seed = options.Seed,
                ScenarioOverridesGiven = options.Set.Any() || options.Runs is not null || options.Months is not null,
                ThresholdsGiven = options.Threshold.Any(),
                Assignments = [.. options.Set],
                Out = options.Out,
                Force = options.Force,
                Plots = !options.NoPlots,
            };
            return DiscoverPlanner.Plan(settings, () => ScenarioArguments.Load(options, options.Source, problems), problems);
        });
}
